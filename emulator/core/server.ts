// The HTTP server: reads the body, sends /_emulator/* to the admin routes and everything else to
// the API pipeline, and writes the outcome (JSON, an HTML error page, or a dropped socket).
import http from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { ADMIN_PREFIX, handleAdmin } from "./admin";
import { errorBody, handleApiRequest } from "./api";
import type { Emulator } from "./emulator";

const MAX_BODY_BYTES = 10 * 1024 * 1024;

function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY_BYTES) chunks.push(c);
    });
    req.on("end", () => resolve(size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

function send(res: http.ServerResponse, status: number, contentType: string, body: string): void {
  res.writeHead(status, { "Content-Type": contentType, "Content-Length": Buffer.byteLength(body) });
  res.end(body);
}

/** The path of a request-target in origin-form or absolute-form (proxy style). */
function targetUrl(target: string): URL {
  return new URL(target, "http://emulator.local");
}

async function handle(emu: Emulator, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const body = await readBody(req);
  const target = req.url ?? "/";
  const url = targetUrl(target);
  if (body === undefined) return send(res, 200, "application/json", errorBody("RequestSizeLimitExceeded", "The request body is too large."));
  if (url.pathname.startsWith(ADMIN_PREFIX) || url.pathname === ADMIN_PREFIX.slice(0, -1)) {
    const answer = handleAdmin(emu, req.method ?? "GET", url, body);
    return send(res, answer.status, "application/json", JSON.stringify(answer.body));
  }
  const outcome = await handleApiRequest(emu, { method: req.method ?? "GET", target, headers: req.headers, body });
  if (outcome.kind === "drop") {
    req.socket.destroy();
    return;
  }
  send(res, outcome.status, outcome.kind === "html" ? "text/html" : "application/json", outcome.body);
}

export interface RunningServer {
  port: number;
  close(): Promise<void>;
}

export function listen(emu: Emulator, port: number): Promise<RunningServer> {
  const sockets = new Set<Socket>();
  const server = http.createServer((req, res) => {
    handle(emu, req, res).catch(() => {
      if (!res.headersSent) send(res, 500, "application/json", errorBody("InternalError", "An internal error occurred."));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  // A client using the emulator as its HTTP proxy (e.g. the official SDK's httpProfile.proxy, which
  // tunnels with CONNECT): answer the tunnel and serve the requests that come through it ourselves.
  server.on("connect", (req: http.IncomingMessage, socket: Socket, head: Buffer) => {
    socket.write("HTTP/1.1 200 Connection established\r\n\r\n");
    if (head.length > 0) socket.unshift(head);
    server.emit("connection", socket);
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolve({
        port: (server.address() as AddressInfo).port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            for (const s of sockets) s.destroy(); // keep-alive clients must not hold the server open
          }),
      });
    });
  });
}
