// TC3-HMAC-SHA256 verification, written from the published algorithm independently of
// provider/tencentcloud/signer.ts, so that each checks the other.
import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { ApiError } from "./errors";

export const SIGNATURE_WINDOW_SECONDS = 300;

export interface ParsedAuthorization {
  secretId: string;
  date: string;
  service: string;
  signedHeaders: string[];
  signature: string;
}

const AUTH_PATTERN =
  /^TC3-HMAC-SHA256\s+Credential=([^/\s,]+)\/(\d{4}-\d{2}-\d{2})\/([^/\s,]+)\/tc3_request,\s*SignedHeaders=([a-z0-9;.-]+),\s*Signature=([0-9a-f]{64})$/;

/** The Authorization header's parts, or undefined when it is not a TC3 header. The scope's service is
 *  whatever the client signed for: the official SDK signs for its endpoint's first label ("127",
 *  "localhost:8787") when pointed at a plain address. */
export function parseAuthorization(header: string | undefined): ParsedAuthorization | undefined {
  const m = header ? AUTH_PATTERN.exec(header.trim()) : null;
  if (!m) return undefined;
  return { secretId: m[1], date: m[2], service: m[3], signedHeaders: m[4].split(";"), signature: m[5] };
}

function sha256Hex(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("hex");
}
function hmac(key: string | Buffer, msg: string): Buffer {
  return createHmac("sha256", key).update(msg).digest();
}

export interface VerifyInput {
  method: string;
  query: string; // after "?", "" for POST
  headers: Record<string, string | string[] | undefined>; // lowercase names, as node gives them
  body: Buffer;
  service: string; // the service the signature must be for: the routed one, or the scope's own when routed by X-TC-Version
  nowSeconds: number; // real time: the emulator's clock offset never moves the signature window
  secretKeyFor(secretId: string): string | undefined;
}

function headerValue(headers: VerifyInput["headers"], name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(",") : v;
}

function expectedSignature(input: VerifyInput, auth: ParsedAuthorization, secretKey: string, timestamp: string, host: string | undefined): string | undefined {
  const canonicalHeaders: string[] = [];
  for (const name of auth.signedHeaders) {
    const value = name === "host" ? host : headerValue(input.headers, name);
    if (value === undefined) return undefined;
    canonicalHeaders.push(`${name}:${value.trim().toLowerCase()}\n`);
  }
  const canonicalRequest = [
    input.method.toUpperCase(), "/", input.query, canonicalHeaders.join(""), auth.signedHeaders.join(";"), sha256Hex(input.body),
  ].join("\n");
  const scope = `${auth.date}/${input.service}/tc3_request`;
  const stringToSign = `TC3-HMAC-SHA256\n${timestamp}\n${scope}\n${sha256Hex(canonicalRequest)}`;
  const signing = hmac(hmac(hmac(`TC3${secretKey}`, auth.date), input.service), "tc3_request");
  return createHmac("sha256", signing).update(stringToSign).digest("hex");
}

/** Throws the API's AuthFailure.* (or MissingParameter) unless the request is correctly signed; returns the secret id. */
export function verifyRequest(input: VerifyInput): string {
  const auth = parseAuthorization(headerValue(input.headers, "authorization"));
  if (!auth) throw new ApiError("AuthFailure.InvalidAuthorization", "The Authorization header is malformed or not TC3-HMAC-SHA256.");
  const sorted = [...auth.signedHeaders].sort();
  if (!auth.signedHeaders.includes("content-type") || !auth.signedHeaders.includes("host") || sorted.join(";") !== auth.signedHeaders.join(";")) {
    throw new ApiError("AuthFailure.InvalidAuthorization", "SignedHeaders must be sorted and include content-type and host.");
  }
  const timestamp = headerValue(input.headers, "x-tc-timestamp");
  if (!timestamp) throw new ApiError("MissingParameter", "The request is missing a required parameter `X-TC-Timestamp`.");
  if (!/^\d+$/.test(timestamp)) throw new ApiError("InvalidParameterValue", "The value of parameter `X-TC-Timestamp` is invalid.");
  if (Math.abs(input.nowSeconds - Number(timestamp)) > SIGNATURE_WINDOW_SECONDS) {
    throw new ApiError("AuthFailure.SignatureExpire", "Signature expired. Timestamp is more than 5 minutes from the server time.");
  }
  const secretKey = input.secretKeyFor(auth.secretId);
  if (secretKey === undefined) throw new ApiError("AuthFailure.SecretIdNotFound", "The SecretId is not found, please ensure that your SecretId is correct.");
  const dateOfTimestamp = new Date(Number(timestamp) * 1000).toISOString().slice(0, 10);
  // The Host as sent, or without its port: the official SDK signs its URL's hostname, so a client
  // pointed at 127.0.0.1:PORT signs "127.0.0.1". guess: the real API (on 443) would accept the
  // hostname alone too; it never sees a port.
  const host = headerValue(input.headers, "host");
  const hosts = host && /:\d+$/.test(host) ? [host, host.replace(/:\d+$/, "")] : [host];
  const signedWith = (h: string | undefined) => {
    const expected = auth.date === dateOfTimestamp && auth.service === input.service
      ? expectedSignature(input, auth, secretKey, timestamp, h)
      : undefined;
    return !!expected && timingSafeEqual(Buffer.from(expected), Buffer.from(auth.signature));
  };
  if (!hosts.some(signedWith)) {
    throw new ApiError("AuthFailure.SignatureFailure", "The provided credentials could not be validated. Please check your signature is correct.");
  }
  return auth.secretId;
}
