// One API 3.0 request, from raw HTTP to the answer (moto's urls.py and the dispatch of its
// BaseResponse): routing to a service, signature, the account of the SecretId, version, action, the
// spec's request check, throttling, faults and the request log. Returns what to send; the server only writes it.
import { randomUUID } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { actionFacts, Service, SERVICE_VERSIONS } from "../../provider/tencentcloud/types";
import { SERVICES } from "../backends";
import type { Account } from "./accounts";
import { parseAuthorization, verifyRequest } from "./auth";
import type { ActionHandler } from "./backend";
import { ApiError } from "./errors";
import { requestViolations, shapeAnswer, specOf } from "./spec";
import type { Emulator } from "./emulator";
import type { Fault } from "../types";

/** The handler of an action the emulator serves (in the action table and in the spec), else undefined. */
function handlerOf(service: Service, action: string): ActionHandler<unknown> | undefined {
  const handlers: Record<string, ActionHandler<never>> = SERVICES[service].actions;
  return Object.prototype.hasOwnProperty.call(handlers, action) && specOf(service).hasAction(action) ? (handlers[action] as ActionHandler<unknown>) : undefined;
}

/**
 * Why an action without a handler is refused. One the real API has answers UnsupportedOperation
 * (guess: the common code for "操作不支持", an operation not supported, is what the API answers a call it
 * will not serve; InvalidAction means "接口不存在", the action does not exist), saying it is not
 * emulated and which actions of the service are; any other answers InvalidAction.
 */
function unservedAction(service: Service, action: string): ApiError {
  const spec = specOf(service);
  if (!spec.apiHasAction(action)) return new ApiError("InvalidAction", `The action ${action} does not exist.`);
  const emulated = Object.keys(SERVICES[service].actions).filter((a) => handlerOf(service, a)).sort();
  return new ApiError("UnsupportedOperation", `The action ${action} of ${service} ${spec.version} exists in the API but is not emulated; the emulated actions of ${service} are ${emulated.join(", ")}.`);
}
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

const isEmulated = (name: string): name is Service => Object.prototype.hasOwnProperty.call(SERVICES, name);

export interface Route {
  /** The service the request is for: cdn|live|ssl, or another name (answered NoSuchProduct), or undefined. */
  service?: string;
  /** The service the signature's credential scope must name: the routed one, or, when routed by
   *  X-TC-Version, whatever the client signed for. */
  signedFor?: string;
}

/**
 * cdn|live|ssl from the Host header (or the absolute target's host), else from the credential
 * scope; when neither names an emulated service (the official SDK pointed at 127.0.0.1:PORT signs
 * for "127"), from X-TC-Version, since each emulated service has its own version.
 */
export function routeService(req: ApiRequest): Route {
  const scope = parseAuthorization(header(req.headers, "authorization"))?.service;
  const named = serviceNamedBy(req) ?? scope;
  if (named && isEmulated(named)) return { service: named, signedFor: named };
  const version = header(req.headers, "x-tc-version");
  const byVersion = (Object.keys(SERVICE_VERSIONS) as Service[]).find((s) => SERVICE_VERSIONS[s] === version);
  return byVersion ? { service: byVersion, signedFor: scope } : { service: named, signedFor: named };
}

function serviceNamedBy(req: ApiRequest): string | undefined {
  let host = header(req.headers, "host");
  if (/^https?:\/\//i.test(req.target)) {
    try {
      host = host && HOST_PATTERN.test(host) ? host : new URL(req.target).host;
    } catch {
      /* malformed absolute target: fall through to the scope */
    }
  }
  const m = host ? HOST_PATTERN.exec(host) : null;
  return m ? m[1].toLowerCase() : undefined;
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

interface Parsed { service: Service; action: string; params: Record<string, unknown>; account: Account }

/** Everything up to running the action, the spec's request check included; throws ApiError. */
function admit(emu: Emulator, req: ApiRequest, { service, signedFor }: Route, action: string): Parsed {
  if (!service) throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is malformed and the Host names no service.");
  if (!isEmulated(service)) throw new ApiError("NoSuchProduct", `The product ${service} does not exist.`);
  if (req.method !== "POST") throw new ApiError("UnsupportedProtocol", "This endpoint accepts POST requests with a JSON body.");
  const secretId = verifyRequest({
    method: req.method, query: queryOf(req.target), headers: req.headers, body: req.body,
    service: signedFor ?? service,
    nowSeconds: Math.floor(Date.now() / 1000), secretKeyFor: (id) => emu.secretKeyFor(id),
  });
  if (!action) throw new ApiError("MissingParameter", "The request is missing a required parameter `X-TC-Action`.");
  const version = header(req.headers, "x-tc-version");
  if (!version) throw new ApiError("MissingParameter", "The request is missing a required parameter `X-TC-Version`.");
  const svc = service as Service;
  if (version !== SERVICE_VERSIONS[svc]) throw new ApiError("NoSuchVersion", `The API version ${version} does not exist for ${service}.`);
  if (!handlerOf(svc, action)) throw unservedAction(svc, action);
  let params: unknown;
  try {
    params = req.body.length === 0 ? {} : JSON.parse(req.body.toString("utf8"));
  } catch {
    throw new ApiError("InvalidParameter", "The request body is not valid JSON.");
  }
  if (typeof params !== "object" || params === null || Array.isArray(params)) throw new ApiError("InvalidParameter", "The request body must be a JSON object.");
  const [first] = requestViolations(svc, action, params as Record<string, unknown>);
  if (first) throw new ApiError(first.code, requestViolationMessage(first.code, first.path, first.problem));
  return { service: svc, action, params: params as Record<string, unknown>, account: emu.accountOf(secretId) };
}

function requestViolationMessage(code: string, path: string, problem: string): string {
  if (code === "MissingParameter") return `The request is missing a required parameter \`${path}\`.`;
  if (code === "UnknownParameter") return `The parameter \`${path}\` is not recognized.`;
  return `The value of parameter \`${path}\` is invalid: ${problem}.`;
}

/** The throttling code an action answers: its service's own when the action's list has it, else the common one. */
function throttleCode(service: Service, action: string): string {
  return specOf(service).mayAnswer(action, "LimitExceeded.RateLimitExceeded") && service === "ssl" ? "LimitExceeded.RateLimitExceeded" : "RequestLimitExceeded";
}

/** A model's code outside the action's documented list is an emulator bug: said so, as an InternalError. */
function documentedError(service: Service, action: string, e: ApiError): ApiError {
  if (specOf(service).mayAnswer(action, e.code)) return e;
  return new ApiError("InternalError", `Emulator bug: ${e.code} is not a documented error code of ${action} (${e.message}).`);
}

function tryParams(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

export async function handleApiRequest(emu: Emulator, req: ApiRequest): Promise<ApiOutcome> {
  const route = routeService(req);
  const service = route.service;
  const action = header(req.headers, "x-tc-action") ?? "";
  const write = !!service && isEmulated(service) && actionFacts(service, action)?.write === true;
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
    const p = admit(emu, req, route, action);
    if (emu.rateLimits && !p.account.limiter.take(p.service, p.action)) {
      throw new ApiError(throttleCode(p.service, p.action), `Requests to ${p.action} exceed the limit; slow down.`);
    }
    let fields: Record<string, unknown>;
    try {
      fields = handlerOf(p.service, p.action)!(p.params, p.account.backend(p.service));
    } catch (e) {
      throw e instanceof ApiError ? documentedError(p.service, p.action, e) : e;
    }
    body = envelope(shapeAnswer(p.service, p.action, fields, { nullMode: emu.nullMode }));
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
