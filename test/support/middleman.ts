// The one HTTP middleman between a client (the provider, the official SDK) and the emulator, for what
// the emulator cannot stage by itself: it records every exchange (for the conformance check), lets a
// test rewrite an answer after the emulator gave it (a domain refused per domain), and makes the API
// unreachable for a while (connections refused, then back on the same port). Requests pass through
// unchanged (they are signed). It never prints or writes what it records: requests carry private keys.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SERVICE_VERSIONS, Service } from "../../provider/tencentcloud/types";

export interface Exchange { service: Service | string; action: string; request: any; answer: any }

export interface Middleman {
  url: string;
  /** Every exchange so far, in the order the answers came. */
  exchanges: Exchange[];
  /** Called after the emulator answered and before the client sees the answer; may return a new answer. */
  onAnswer(hook: ((x: Exchange) => Promise<unknown | undefined>) | undefined): void;
  /** Refuses connections (the listener closed, open sockets dropped) for `ms`, then listens again on the same port. */
  refuseFor(ms: number): Promise<void>;
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

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export async function startMiddleman(target: string): Promise<Middleman> {
  const exchanges: Exchange[] = [];
  let hook: ((x: Exchange) => Promise<unknown | undefined>) | undefined;
  let reopening: Promise<void> | undefined;
  let refusing = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const upstream = http.request(new URL(req.url ?? "/", target), { method: req.method, headers: req.headers, agent: false }, (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (c: Buffer) => parts.push(c));
        answer.on("end", async () => {
          let text = Buffer.concat(parts).toString("utf8");
          const exchange: Exchange = { service: serviceOf(req), action: header(req, "x-tc-action"), request: parsed(body.toString("utf8")), answer: parsed(text) };
          if (hook && exchange.action) {
            const changed = await hook(exchange);
            if (changed !== undefined) { text = JSON.stringify(changed); exchange.answer = changed; }
          }
          exchanges.push(exchange);
          // While refusing, the answer in flight still arrives, and its connection closes after it.
          const headers = { ...answer.headers, "content-length": String(Buffer.byteLength(text)), ...(refusing ? { connection: "close" } : {}) };
          res.writeHead(answer.statusCode ?? 502, headers);
          res.end(text);
        });
      });
      upstream.on("error", () => res.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    exchanges,
    onAnswer(next) { hook = next; },
    refuseFor(ms) {
      refusing = true;
      server.close();
      server.closeIdleConnections();
      reopening = new Promise<void>((r) => setTimeout(() => server.listen(port, "127.0.0.1", () => { refusing = false; r(); }), ms));
      return Promise.resolve();
    },
    async stop() {
      await reopening;
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
