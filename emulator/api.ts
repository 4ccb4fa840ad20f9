// One API 3.0 request, from raw HTTP to the answer: routing, signature, version, action, throttling,
// faults and the request log. Returns what to send; the server only writes it.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { Service, SERVICE_VERSIONS } from "../provider/tencentcloud/types";
import { parseAuthorization, verifyRequest } from "./auth";
import { ApiError } from "./errors";
import { cdnActions } from "./cdn";
import { liveActions } from "./live";
import { sslActions } from "./ssl";
import { withFreeCertificates } from "./sslFreeActions";
import { throttleCode } from "./rateLimit";
import type { ServiceActions } from "./actions";
import type { Emulator } from "./emulator";
import type { Fault } from "./types";

const SERVICES: Record<Service, ServiceActions> = { cdn: cdnActions, live: liveActions, ssl: withFreeCertificates(sslActions) };
const HOST_PATTERN = /^(cdn|live|ssl)\.(intl\.)?tencentcloudapi\.com(:\d+)?$/i;

export type ApiOutcome =
  | { kind: "json"; status: number; body: string; fault?: Fault }
  | { kind: "html"; status: number; body: string; fault?: Fault }
  | { kind: "drop"; fault?: Fault };

export interface ApiRequest {
  method: string;
  target: string; // request-target: origin-form or absolute-form
  headers: IncomingHttpHeaders;
  body: Buffer;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}

/** cdn|live|ssl from the Host header (or the absolute target's host), else from the credential scope. */
export function routeService(req: ApiRequest): string | undefined {
  let host = header(req.headers, "host");
  if (/^https?:\/\//i.test(req.target)) {
    try {
      host = host && HOST_PATTERN.test(host) ? host : new URL(req.target).host;
    } catch {
      /* malformed absolute target: fall through to the scope */
    }
  }
  const m = host ? HOST_PATTERN.exec(host) : null;
  if (m) return m[1].toLowerCase();
  return parseAuthorization(header(req.headers, "authorization"))?.service;
}

function queryOf(target: string): string {
  const q = target.indexOf("?");
  return q < 0 ? "" : target.slice(q + 1);
}

function envelope(fields: Record<string, unknown>): string {
  return JSON.stringify({ Response: { ...fields, RequestId: randomUUID() } });
}

export function errorBody(code: string, message: string): string {
  return envelope({ Error: { Code: code, Message: message } });
}

function faultOutcome(fault: Fault): ApiOutcome | undefined {
  if (fault.drop) return { kind: "drop", fault };
  if (fault.httpStatus !== undefined) {
    return { kind: "html", status: fault.httpStatus, fault, body: `<html><head><title>${fault.httpStatus}</title></head><body><center><h1>${fault.httpStatus}</h1></center><hr><center>nginx</center></body></html>` };
  }
  if (fault.code) return { kind: "json", status: 200, fault, body: errorBody(fault.code, fault.message ?? `Injected fault: ${fault.code}.`) };
  return undefined; // latency only
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Parsed { service: Service; action: string; params: Record<string, unknown> }

/** Everything up to running the action; throws ApiError. */
function admit(emu: Emulator, req: ApiRequest, service: string | undefined, action: string): Parsed {
  if (!service) throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is malformed and the Host names no service.");
  if (!(service in SERVICES)) throw new ApiError("NoSuchProduct", `The product ${service} does not exist.`);
  if (req.method !== "POST") throw new ApiError("UnsupportedProtocol", "This endpoint accepts POST requests with a JSON body.");
  verifyRequest({
    method: req.method, query: queryOf(req.target), headers: req.headers, body: req.body, service,
    nowSeconds: Math.floor(Date.now() / 1000), secretKeyFor: (id) => emu.credentials.get(id),
  });
  if (!action) throw new ApiError("MissingParameter", "The request is missing a required parameter `X-TC-Action`.");
  const version = header(req.headers, "x-tc-version");
  if (!version) throw new ApiError("MissingParameter", "The request is missing a required parameter `X-TC-Version`.");
  const svc = service as Service;
  if (version !== SERVICE_VERSIONS[svc]) throw new ApiError("NoSuchVersion", `The API version ${version} does not exist for ${service}.`);
  if (!Object.prototype.hasOwnProperty.call(SERVICES[svc].handlers, action)) throw new ApiError("InvalidAction", `The action ${action} does not exist.`);
  let params: unknown;
  try {
    params = req.body.length === 0 ? {} : JSON.parse(req.body.toString("utf8"));
  } catch {
    throw new ApiError("InvalidParameter", "The request body is not valid JSON.");
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) throw new ApiError("InvalidParameter", "The request body must be a JSON object.");
  return { service: svc, action, params: params as Record<string, unknown> };
}

function tryParams(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

export async function handleApiRequest(emu: Emulator, req: ApiRequest): Promise<ApiOutcome> {
  const service = routeService(req);
  const action = header(req.headers, "x-tc-action") ?? "";
  const write = !!service && SERVICES[service as Service]?.writes.has(action);
  const log = (errorCode: string | undefined) =>
    emu.log.add({ service: service ?? "", action, params: emu.log.enabled ? tryParams(req.body) : undefined, errorCode, write });

  const before = emu.faults.draw(service ?? "", action, "before");
  if (before?.latencyMs) await delay(before.latencyMs);
  const early = before && faultOutcome(before);
  if (early) {
    log(before.code ?? (before.drop ? "(dropped)" : `(http ${before.httpStatus})`));
    return early;
  }

  let body: string;
  let errorCode: string | undefined;
  try {
    const p = admit(emu, req, service, action);
    if (emu.rateLimits && !emu.limiter.take(p.service, p.action)) {
      throw new ApiError(throttleCode(p.service), `Requests to ${p.action} exceed the limit; slow down.`);
    }
    body = envelope(SERVICES[p.service].handlers[p.action](p.params, { state: emu.state }));
  } catch (e) {
    if (!(e instanceof ApiError)) {
      errorCode = "InternalError";
      body = errorBody("InternalError", "An internal error occurred.");
    } else {
      errorCode = e.code;
      body = errorBody(e.code, e.message);
    }
  }

  const after = emu.faults.draw(service ?? "", action, "after");
  if (after?.latencyMs) await delay(after.latencyMs);
  const late = after && faultOutcome(after);
  log(errorCode); // an "after" fault loses the answer, but the action did run: log what it did
  return late ?? { kind: "json", status: 200, body };
}
