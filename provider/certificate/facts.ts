// Derived facts of the leaf, for resource outputs and diffs.
import type { X509Certificate } from "node:crypto";
import type { KeyDescription } from "./key";
import { dnsSans, oneLineDn } from "./names";
import type { CertificateFacts } from "./types";
import { isoUtc, validFrom, validTo } from "./validity";

export function certificateFacts(leaf: X509Certificate, key: KeyDescription, chainLength: number, sans = dnsSans(leaf)): CertificateFacts {
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
    chainLength,
  };
}
