// The catalogue of findings: one constructor per stable code, so the wording lives in one place.
// Other modules and the bad-input catalogue match on `code`; messages name the certificate and the fix.
import type { Finding, Severity } from "./types";

export const CODES = {
  PEM_INVALID: "PEM_INVALID", KEY_INVALID: "KEY_INVALID", KEY_MISMATCH: "KEY_MISMATCH", KEY_ENCRYPTED: "KEY_ENCRYPTED",
  KEY_UNSUPPORTED: "KEY_UNSUPPORTED", RSA_TOO_SMALL: "RSA_TOO_SMALL", EXPIRED: "EXPIRED", NOT_YET_VALID: "NOT_YET_VALID",
  EXPIRES_SOON: "EXPIRES_SOON", DOMAIN_NOT_COVERED: "DOMAIN_NOT_COVERED", CN_FALLBACK: "CN_FALLBACK",
  CHAIN_ORDER: "CHAIN_ORDER", CHAIN_SIGNATURE: "CHAIN_SIGNATURE", CHAIN_INCOMPLETE: "CHAIN_INCOMPLETE",
  SELF_SIGNED: "SELF_SIGNED", SHA1: "SHA1",
} as const;
export type FindingCode = keyof typeof CODES;

const make = (severity: Severity, code: FindingCode, message: string): Finding => ({ severity, code, message });
const day = (iso: string) => iso.slice(0, 10);

/** `cert` arguments are labels from names.certificateLabel: `"example.com" (serial 0A…)`. */
export const findings = {
  pemInvalid: (reason: string) => make("error", "PEM_INVALID", reason),
  keyInvalid: (reason: string) => make("error", "KEY_INVALID", reason),
  keyEncrypted: () => make("error", "KEY_ENCRYPTED",
    "The private key is encrypted (passphrase-protected), which Tencent Cloud cannot use: export it without a passphrase, e.g. `openssl pkey -in key.pem -out key-plain.pem`, and keep that file secret."),
  keyUnsupported: (what: string, whose: string) => make("error", "KEY_UNSUPPORTED",
    `${whose} uses ${what}, which Tencent Cloud CDN and CSS do not accept: issue the certificate for an RSA (2048 bits or more) or ECDSA P-256/P-384 key.`),
  rsaTooSmall: (bits: number, whose: string) => make("error", "RSA_TOO_SMALL",
    `${whose} uses an RSA key of ${bits} bits, under the 2048-bit minimum: generate a key of 2048 bits or more and have the certificate reissued.`),
  keyMismatch: (cert: string) => make("error", "KEY_MISMATCH",
    `The private key does not match certificate ${cert}: supply the key that was generated with this certificate's signing request (CSR).`),
  expired: (cert: string, notAfter: string) => make("error", "EXPIRED",
    `Certificate ${cert} expired on ${notAfter}: renew it with your CA and use the new certificate.`),
  notYetValid: (cert: string, notBefore: string) => make("error", "NOT_YET_VALID",
    `Certificate ${cert} is not valid until ${notBefore}: wait until then, or check the clock of the machine that issued it.`),
  expiresSoon: (cert: string, notAfter: string, days: number) => make("warning", "EXPIRES_SOON",
    `Certificate ${cert} expires on ${day(notAfter)} (in ${days} day${days === 1 ? "" : "s"}): renew it soon.`),
  domainNotCovered: (domain: string, cert: string, names: string[]) => make("error", "DOMAIN_NOT_COVERED",
    `Domain "${domain}" is not covered by certificate ${cert}, whose names are ${preview(names)}: use a certificate whose subjectAltNames include it or a matching wildcard (a wildcard covers exactly one label).`),
  cnFallback: (cert: string) => make("warning", "CN_FALLBACK",
    `Certificate ${cert} has no DNS subjectAltName, so its common name is used as its only name; browsers ignore the common name: reissue it with subjectAltNames.`),
  chainOrder: (message: string) => make("error", "CHAIN_ORDER", message),
  chainSignature: (message: string) => make("error", "CHAIN_SIGNATURE", message),
  chainIncomplete: (cert: string, issuer: string) => make("error", "CHAIN_INCOMPLETE",
    `The chain is incomplete: the issuer of certificate ${cert} (${issuer}) is not in the bundle, and CDN requires the full chain: append your CA's intermediate certificate(s) after the leaf.`),
  selfSigned: (cert: string) => make("warning", "SELF_SIGNED",
    `Certificate ${cert} is self-signed: browsers will not trust it; use a certificate issued by a public CA for production.`),
  sha1: (cert: string, position: string) => make("warning", "SHA1",
    `Certificate ${cert} (${position}) is signed with SHA-1, which browsers reject: get a SHA-256 chain from your CA.`),
};

function preview(names: string[]): string {
  if (names.length === 0) return "(none)";
  const shown = names.slice(0, 5).map((n) => `"${n}"`).join(", ");
  return names.length > 5 ? `${shown} and ${names.length - 5} more` : shown;
}

export function hasErrors(list: Finding[]): boolean {
  return list.some((f) => f.severity === "error");
}
