// A deliberately small API client for the emulator tests: signs with provider/tencentcloud/signer
// (so the emulator's verifier and the provider's signer check each other) and exposes the raw answer.
import http from "node:http";
import { signTc3 } from "../../provider/tencentcloud/signer";
import { Service, SERVICE_VERSIONS } from "../../provider/tencentcloud/types";
import type { EmulatorHandle } from "../../emulator";

export interface RawOptions {
  secretId?: string;
  secretKey?: string;
  timestamp?: number;
  version?: string;
  signedHeaders?: string[];
  /** Changes the request after signing (to prove tampering is caught). */
  tamper?: (req: { headers: Record<string, string>; body: string }) => void;
  headers?: Record<string, string>;
  host?: string;
}

export interface RawAnswer { status: number; body: string; json?: any }

export function rawCall(emu: EmulatorHandle, service: Service, action: string, params: object, opts: RawOptions = {}): Promise<RawAnswer> {
  const body = JSON.stringify(params);
  const host = opts.host ?? `${service}.tencentcloudapi.com`;
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const contentType = "application/json";
  const { authorization } = signTc3({
    secretId: opts.secretId ?? emu.secretId, secretKey: opts.secretKey ?? emu.secretKey, service, host, action, timestamp,
    payload: body, contentType, signedHeaders: opts.signedHeaders,
  });
  const req = {
    headers: {
      Authorization: authorization, "Content-Type": contentType, Host: host, "X-TC-Action": action,
      "X-TC-Version": opts.version ?? SERVICE_VERSIONS[service], "X-TC-Timestamp": String(timestamp), ...opts.headers,
    } as Record<string, string>,
    body,
  };
  opts.tamper?.(req);
  const port = Number(new URL(emu.url).port);
  return new Promise((resolve, reject) => {
    const r = http.request({ host: "127.0.0.1", port, method: "POST", path: "/", headers: req.headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => {
        const text = Buffer.concat(chunks).toString("utf8");
        let json: any;
        try { json = JSON.parse(text); } catch { json = undefined; }
        resolve({ status: res.statusCode ?? 0, body: text, json });
      });
    });
    r.on("error", reject);
    r.end(req.body);
  });
}

/** The Response of a successful call; throws with the error code otherwise. */
export async function call(emu: EmulatorHandle, service: Service, action: string, params: object): Promise<any> {
  const a = await rawCall(emu, service, action, params);
  const err = a.json?.Response?.Error;
  if (err) throw Object.assign(new Error(`${err.Code}: ${err.Message}`), { code: err.Code });
  return a.json.Response;
}

/** The error code of a call that must fail. */
export async function errorCode(emu: EmulatorHandle, service: Service, action: string, params: object, opts?: RawOptions): Promise<string | undefined> {
  const a = await rawCall(emu, service, action, params, opts);
  return a.json?.Response?.Error?.Code;
}

/** The message of a call that must fail (an admin helper, a start with a bad seed). */
export async function failureOf(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error("it succeeded");
}
