// Keeps private keys and the secret key out of log lines, error messages and diagnostics.
// Two layers: sensitive request fields are replaced by name, and any text leaving the client is
// scrubbed of the known secret values (whole, and line by line for PEM bodies) and of key material
// found by its content (certificate/keyMaterial.ts: PEM-like key blocks, damaged labels too, and
// base64 runs that decode to a key). Scrubbing runs only on failures and retries, never per call.
import { redactKeyMaterial } from "../certificate/keyMaterial";

export const SENSITIVE_FIELDS: ReadonlySet<string> = new Set([
  "CertificatePrivateKey",
  "PrivateKey",
  "KeyPassword",
  "CsrKeyPassword", // ApplyCertificate: the password of the key a free certificate is issued with
  "HttpsKey",
]);
export const REDACTED = "[REDACTED]";

/** Shorter fragments are too likely to collide with ordinary text to be worth scrubbing. */
const MIN_FRAGMENT = 4;

/** A deep copy of `value` with every sensitive field (at any depth) replaced by REDACTED. */
export function redactParams<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => redactParams(v)) as unknown as T;
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    out[k] = SENSITIVE_FIELDS.has(k) && v !== undefined && v !== null ? REDACTED : redactParams(v);
  }
  return out as T;
}

/** The string values of every sensitive field in `value`, at any depth. */
export function collectSecrets(value: unknown, into: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => collectSecrets(v, into));
  else if (value !== null && typeof value === "object") {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (SENSITIVE_FIELDS.has(k) && typeof v === "string") into.push(v);
      else collectSecrets(v, into);
    }
  }
  return into;
}

/** The fragments to remove for one secret: the value itself and each of its lines (PEM base64 rows). */
function fragmentsOf(secret: string): string[] {
  const lines = secret.split(/\r?\n/).map((l) => l.trim());
  return [secret, secret.trim(), ...lines].filter((f) => f.length >= MIN_FRAGMENT);
}

export type Scrubber = (text: string) => string;

/** Builds a function that removes every given secret (and any key material, by content) from text. */
export function makeScrubber(secrets: string[]): Scrubber {
  // Longest first, so a whole PEM goes before its lines and nothing is left half-replaced.
  const fragments = [...new Set(secrets.flatMap(fragmentsOf))].sort((a, b) => b.length - a.length);
  return (text: string) => {
    let out = redactKeyMaterial(text, REDACTED);
    for (const f of fragments) out = out.split(f).join(REDACTED);
    return out;
  };
}
