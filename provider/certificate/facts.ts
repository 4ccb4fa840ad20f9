// Derived facts of the leaf, for resource outputs and diffs.
import { createHash, type X509Certificate } from "node:crypto";
import type { KeyDescription } from "./key";
import { dnsSans, oneLineDn } from "./names";
import type { CertificateFacts } from "./types";
import { isoUtc, validFrom, validTo } from "./validity";

/** SHA-256 over the DER of every certificate in order: changes when only an intermediate does. */
export function chainFingerprint(certs: X509Certificate[]): string {
  const hash = createHash("sha256");
  for (const cert of certs) hash.update(cert.raw);
  return hash.digest("hex");
}

export function certificateFacts(certs: X509Certificate[], leafIndex: number, key: KeyDescription, sans = dnsSans(certs[leafIndex])): CertificateFacts {
  const leaf = certs[leafIndex];
  return {
    subject: oneLineDn(leaf.subject),
    issuer: oneLineDn(leaf.issuer),
    serialNumber: leaf.serialNumber,
    fingerprintSha256: leaf.fingerprint256.replace(/:/g, "").toLowerCase(),
    sans,
    notBefore: isoUtc(validFrom(leaf)),
    notAfter: isoUtc(validTo(leaf)),
    keyType: key.keyType,
    keySize: key.keySize,
    chainLength: certs.length,
    chainFingerprintSha256: chainFingerprint(certs),
  };
}
