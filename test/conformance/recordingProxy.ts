// A recording proxy between a client and the emulator: forwards every request as is and keeps the
// exchange (service, action, request JSON, answer JSON) in memory for the conformance check. Never
// prints or writes what it records (requests carry private keys).
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SERVICE_VERSIONS, Service } from "../../provider/tencentcloud/types";

export interface Exchange { service: Service | string; action: string; request: unknown; answer: unknown }

export interface RecordingProxy {
  url: string;
  exchanges: Exchange[];
  stop(): Promise<void>;
}

function header(req: http.IncomingMessage, name: string): string {
  const v = req.headers[name];
  return (Array.isArray(v) ? v[0] : v) ?? "";
}

/** The service from the credential scope, or (a plain-endpoint client's scope) from X-TC-Version. */
function serviceOf(req: http.IncomingMessage): string {
  const scope = /Credential=[^/]+\/[^/]+\/([^/]+)\/tc3_request/.exec(header(req, "authorization"))?.[1] ?? "";
  if (scope in SERVICE_VERSIONS) return scope;
  const version = header(req, "x-tc-version");
  return (Object.keys(SERVICE_VERSIONS) as Service[]).find((s) => SERVICE_VERSIONS[s] === version) ?? scope;
}

const parse = (b: Buffer): unknown => {
  try {
    return JSON.parse(b.toString("utf8"));
  } catch {
    return b.toString("utf8");
  }
};

export function startRecordingProxy(targetUrl: string): Promise<RecordingProxy> {
  const target = new URL(targetUrl);
  const exchanges: Exchange[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(
        { host: target.hostname, port: Number(target.port), method: req.method, path: req.url, headers: req.headers, agent: false },
        (answer) => {
          const parts: Buffer[] = [];
          answer.on("data", (c: Buffer) => parts.push(c));
          answer.on("end", () => {
            const text = Buffer.concat(parts);
            exchanges.push({ service: serviceOf(req), action: header(req, "x-tc-action"), request: parse(body), answer: parse(text) });
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(text);
          });
        },
      );
      upstream.on("error", () => res.destroy());
      upstream.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as AddressInfo).port;
      resolve({
        url: `http://127.0.0.1:${port}`,
        exchanges,
        stop: () => new Promise<void>((done) => { server.close(() => done()); server.closeAllConnections(); }),
      });
    });
  });
}
