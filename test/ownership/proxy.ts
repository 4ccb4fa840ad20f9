// A man in the middle between the provider and the emulator, for failures the emulator cannot
// stage by itself: the API going unreachable right after a write (connections refused, then back on
// the same port), and an answer changed after the emulator gave it (a domain refused per domain).
// Requests pass through unchanged (they are signed); only answers may be rewritten.
import http from "node:http";
import { AddressInfo } from "node:net";

export interface Exchange { action: string; request: any; response: any }

export interface Proxy {
  url: string;
  /** Called after the emulator answered and before the provider sees the answer; may return a new answer. */
  onAnswer(hook: ((x: Exchange) => Promise<any | undefined>) | undefined): void;
  /** Refuses connections (the listener closed, open sockets dropped) for `ms`, then listens again on the same port. */
  refuseFor(ms: number): Promise<void>;
  stop(): Promise<void>;
}

export async function startProxy(target: string): Promise<Proxy> {
  let hook: ((x: Exchange) => Promise<any | undefined>) | undefined;
  let reopening: Promise<void> | undefined;
  let refusing = false;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const headers = { ...req.headers };
      const upstream = http.request(new URL(req.url ?? "/", target), { method: req.method, headers, agent: false }, (answer) => {
        const parts: Buffer[] = [];
        answer.on("data", (c: Buffer) => parts.push(c));
        answer.on("end", async () => {
          let text = Buffer.concat(parts).toString("utf8");
          const action = String(req.headers["x-tc-action"] ?? "");
          if (hook && action) {
            const changed = await hook({ action, request: safeJson(body.toString("utf8")), response: safeJson(text) });
            if (changed !== undefined) text = JSON.stringify(changed);
          }
          // While refusing, the answer in flight still arrives, and its connection closes after it.
          res.writeHead(answer.statusCode ?? 502, { "Content-Type": "application/json", ...(refusing ? { Connection: "close" } : {}) });
          res.end(text);
        });
      });
      upstream.on("error", () => { res.destroy(); });
      upstream.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
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

function safeJson(text: string): any {
  try { return JSON.parse(text); } catch { return undefined; }
}
