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

/** Where a certificate's validity stands at a moment; `at` is the date the finding names. */
export type Validity =
  | { state: "expired" | "notYetValid"; at: string }
  | { state: "expiresSoon"; at: string; days: number }
  | { state: "valid" };

/** Expired, not yet valid, ending within EXPIRY_WARNING_DAYS (with the whole days left), or valid. */
export function validityAt(cert: X509Certificate, now: Date): Validity {
  const notBefore = validFrom(cert);
  const notAfter = validTo(cert);
  if (now.getTime() > notAfter.getTime()) return { state: "expired", at: isoUtc(notAfter) };
  if (now.getTime() < notBefore.getTime()) return { state: "notYetValid", at: isoUtc(notBefore) };
  const left = notAfter.getTime() - now.getTime();
  if (left < EXPIRY_WARNING_DAYS * DAY_MS) return { state: "expiresSoon", at: isoUtc(notAfter), days: Math.floor(left / DAY_MS) };
  return { state: "valid" };
}

export function validityFindings(certs: X509Certificate[], leafIndex: number, now: Date): Finding[] {
  const out: Finding[] = [];
  certs.forEach((cert, i) => {
    if (i !== leafIndex && cert.ca && isSelfSigned(cert)) return; // clients use their own copy of a root
    const v = validityAt(cert, now);
    if (v.state === "expired") out.push(findings.expired(certificateLabel(cert), v.at));
    else if (v.state === "notYetValid") out.push(findings.notYetValid(certificateLabel(cert), v.at));
    else if (v.state === "expiresSoon" && i === leafIndex) out.push(findings.expiresSoon(certificateLabel(cert), v.at, v.days));
  });
  return out;
}
