// What the request log and the state may show: private keys are replaced, wherever they are nested.
export const REDACTED = "[REDACTED]";
// STS: an identity token is a bearer credential; a temporary key and its session token are secrets too.
const SECRET_FIELDS = new Set(["CertificatePrivateKey", "PrivateKey", "HttpsKey", "KeyPassword", "CsrKeyPassword", "SecretKey",
  "WebIdentityToken", "TmpSecretKey", "Token"]);

export function redactSecrets(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactSecrets);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = SECRET_FIELDS.has(k) && v !== undefined && v !== null ? REDACTED : redactSecrets(v);
  return out;
}
