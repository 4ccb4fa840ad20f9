// Certificate handling for the emulator, with node:crypto only (independent of provider/certificate,
// so the two check each other). Parses PEM bundles, matches keys, checks the chain and SAN coverage.
import { createHash, createPrivateKey, createPublicKey, KeyObject, X509Certificate } from "node:crypto";

export type CertProblem = "not-pem" | "parse" | "key-parse" | "key-mismatch" | "chain";
export class CertError extends Error {
  constructor(public readonly problem: CertProblem, message: string) {
    super(message);
  }
}

export interface ParsedCertificate {
  pem: string; // the bundle as given
  leaf: X509Certificate;
  bundle: X509Certificate[];
  fingerprint: string; // sha256 of the leaf DER, lowercase hex
  sha1: string; // what the SSL service shows as CertFingerprint
  commonName: string;
  sans: string[]; // DNS names, lowercase
  notBefore: number; // ms since epoch
  notAfter: number;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g;

export function parseCertificate(pem: string): ParsedCertificate {
  const blocks = typeof pem === "string" ? pem.match(PEM_BLOCK) : null;
  if (!blocks) throw new CertError("not-pem", "the certificate is not in PEM format");
  let bundle: X509Certificate[];
  try {
    bundle = blocks.map((b) => new X509Certificate(b));
  } catch {
    throw new CertError("parse", "the certificate could not be parsed");
  }
  const leaf = bundle[0];
  return {
    pem,
    leaf,
    bundle,
    fingerprint: createHash("sha256").update(leaf.raw).digest("hex"),
    sha1: createHash("sha1").update(leaf.raw).digest("hex").toUpperCase(),
    commonName: commonNameOf(leaf.subject),
    sans: dnsNamesOf(leaf.subjectAltName),
    notBefore: Date.parse(leaf.validFrom),
    notAfter: Date.parse(leaf.validTo),
  };
}

function commonNameOf(subject: string): string {
  const line = subject.split("\n").find((l) => l.startsWith("CN="));
  return line ? line.slice(3) : "";
}

function dnsNamesOf(altNames: string | undefined): string[] {
  if (!altNames) return [];
  return altNames
    .split(/,\s*/)
    .filter((n) => n.startsWith("DNS:"))
    .map((n) => n.slice(4).toLowerCase());
}

/** Names a certificate answers for: its SANs, or its CN when it has none. */
export function certificateNames(cert: ParsedCertificate): string[] {
  return cert.sans.length > 0 ? cert.sans : cert.commonName ? [cert.commonName.toLowerCase()] : [];
}

function spki(key: KeyObject): Buffer {
  return key.export({ type: "spki", format: "der" });
}

/** Throws key-parse or key-mismatch unless the private key belongs to the leaf. */
export function assertKeyMatches(cert: ParsedCertificate, privateKeyPem: string, passphrase?: string): void {
  let key: KeyObject;
  try {
    key = createPrivateKey(passphrase ? { key: privateKeyPem, passphrase } : { key: privateKeyPem });
  } catch {
    throw new CertError("key-parse", "the private key could not be parsed");
  }
  if (!spki(createPublicKey(key)).equals(spki(cert.leaf.publicKey))) {
    throw new CertError("key-mismatch", "the certificate and the private key do not match");
  }
}

// By name and signature, not checkIssued(): OpenSSL's check also wants keyCertSign on the issuer,
// which a self-signed leaf does not have.
function issues(issuer: X509Certificate, subject: X509Certificate): boolean {
  return subject.issuer === issuer.subject && subject.verify(issuer.publicKey);
}

/** A full chain: the leaf is self-signed or its issuer is in the bundle. */
export function assertFullChain(cert: ParsedCertificate): void {
  const { leaf, bundle } = cert;
  if (issues(leaf, leaf)) return;
  if (bundle.slice(1).some((c) => issues(c, leaf))) return;
  throw new CertError("chain", `the certificate chain is incomplete: the issuer of "${commonNameOf(leaf.subject) || leaf.subject}" is not in the bundle`);
}

/** RFC 6125 style: exact, or a wildcard covering exactly one leftmost label. */
export function coversDomain(names: string[], domain: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, "");
  return names.some((n) => {
    if (n === d) return true;
    if (!n.startsWith("*.")) return false;
    const dot = d.indexOf(".");
    return dot > 0 && d.slice(dot + 1) === n.slice(2);
  });
}
