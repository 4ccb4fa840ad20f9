// Validity periods against `now`: expired or not yet valid (errors, any certificate except a root)
// and the leaf expiring within 30 days (warning, with the date).
import type { X509Certificate } from "node:crypto";
import { isSelfSigned } from "./chain";
import { findings } from "./findings";
import { certificateLabel } from "./names";
import type { Finding } from "./types";

const DAY_MS = 24 * 3600 * 1000;
export const EXPIRY_WARNING_DAYS = 30;

/** ISO 8601 UTC without milliseconds, e.g. "2026-11-24T16:33:27Z". */
export function isoUtc(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}

export const validFrom = (cert: X509Certificate) => new Date(cert.validFrom);
export const validTo = (cert: X509Certificate) => new Date(cert.validTo);

export function validityFindings(certs: X509Certificate[], leafIndex: number, now: Date): Finding[] {
  const out: Finding[] = [];
  certs.forEach((cert, i) => {
    if (i !== leafIndex && cert.ca && isSelfSigned(cert)) return; // clients use their own copy of a root
    const notBefore = validFrom(cert);
    const notAfter = validTo(cert);
    if (now.getTime() > notAfter.getTime()) out.push(findings.expired(certificateLabel(cert), isoUtc(notAfter)));
    else if (now.getTime() < notBefore.getTime()) out.push(findings.notYetValid(certificateLabel(cert), isoUtc(notBefore)));
    else if (i === leafIndex && notAfter.getTime() - now.getTime() < EXPIRY_WARNING_DAYS * DAY_MS) {
      const days = Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
      out.push(findings.expiresSoon(certificateLabel(cert), isoUtc(notAfter), days));
    }
  });
  return out;
}
