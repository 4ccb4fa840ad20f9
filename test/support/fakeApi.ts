// A tiny scripted HTTP server for the client's own tests: records each request and answers with
// whatever the test scripts (an envelope, an HTTP status, a dropped socket, or silence).
import http from "node:http";
import { AddressInfo } from "node:net";

export interface RecordedRequest { method: string; url: string; headers: http.IncomingHttpHeaders; body: string }

export type FakeReply =
  | { json: unknown; status?: number }
  | { text: string; status: number }
  | { drop: true } // destroy the socket without answering
  | { hang: true }; // never answer (client timeout)

export type Responder = (req: RecordedRequest, index: number) => FakeReply;

export interface FakeApi {
  url: string;
  requests: RecordedRequest[];
  /** Replace the script; the default answers every action with an empty success. */
  respond(responder: Responder): void;
  stop(): Promise<void>;
}

export function ok(fields: Record<string, unknown> = {}, requestId = "req-ok"): FakeReply {
  return { json: { Response: { ...fields, RequestId: requestId } } };
}

export function apiError(code: string, message: string, requestId = "req-err"): FakeReply {
  return { json: { Response: { Error: { Code: code, Message: message }, RequestId: requestId } } };
}

export async function startFakeApi(): Promise<FakeApi> {
  const requests: RecordedRequest[] = [];
  let responder: Responder = () => ok();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString("utf8") };
      requests.push(recorded);
      const reply = responder(recorded, requests.length - 1);
      if ("drop" in reply) return void req.socket.destroy();
      if ("hang" in reply) return;
      const status = reply.status ?? 200;
      const body = "json" in reply ? JSON.stringify(reply.json) : reply.text;
      res.writeHead(status, { "Content-Type": "application/json" });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    respond(next) { responder = next; },
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
