// What the request log and the state may show: private keys are replaced, wherever they are nested:
// secret fields by name, and key material in any other string by its content (PEM-like key blocks,
// damaged labels too, base64 that decodes to a key; the provider's detector, one home for it).
import { redactKeyMaterial } from "../../provider/certificate/keyMaterial";

export const REDACTED = "[REDACTED]";
// STS: an identity token is a bearer credential; a temporary key and its session token are secrets too.
const SECRET_FIELDS = new Set(["CertificatePrivateKey", "PrivateKey", "HttpsKey", "KeyPassword", "CsrKeyPassword", "SecretKey",
  "WebIdentityToken", "TmpSecretKey", "Token"]);

export function redactSecrets(value: unknown): unknown {
  if (typeof value === "string") return redactKeyMaterial(value, REDACTED);
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELDS.has(k) && v !== undefined && v !== null ? REDACTED : redactSecrets(v);
  return out;
}
