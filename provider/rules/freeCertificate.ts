// Pure rules of FreeCertificate (no I/O, the clock passed in): what domain the free product takes,
// the API's status codes as words, the validation records, the verification progress, renewal and
// the sentences for deletions the API refuses. Facts from the SSL API spec (ssl 2019-12-05),
// docs/reference/tencentcloud-api.md.
import { isDomainName, normalizeDomain, publicCaNameProblem } from "../certificate";
import type { DomainValidationResult, DvAuthDetail, DvAuthFields } from "../tencentcloud/types";

/** One record the domain's owner must publish (DNS or FILE validation), as the API gives it. */
export interface ValidationRecord {
  /** The certificate's domain this record proves. */
  domain: string;
  /** TXT or CNAME (a DNS record), or FILE (a file on the site). */
  recordType: "TXT" | "CNAME" | "FILE";
  /** The record's fully qualified name (DNS), or the domain that must serve the file (FILE). */
  name: string;
  /** The record's value, or the file's content. */
  value: string;
  /** FILE only: the path the file must be served at, over http or https. */
  filePath?: string;
}

/** ApplyCertificate's OldCertificateId: a renewal only within the last 30 days before expiry, not after. */
export const RENEWAL_WINDOW_DAYS = 30;
/** InvalidParameterValue.CertificateDomainMaxLengthInvalid: "the domain cannot exceed 64 characters". */
export const FREE_DOMAIN_MAX_LENGTH = 64;
export const DNS_AUTO_NEEDS = "needs the domain's DNS hosted in Tencent Cloud DNS (DNSPod) under the same Tencent Cloud account, which then adds the validation record itself";

const DAY_MS = 86_400_000;
const IP_ADDRESS = /^(\d{1,3}(\.\d{1,3}){3}|\[?[0-9a-f]*:[0-9a-f:.]*\]?)$/i;

/**
 * Why the free product cannot take this domain, or undefined when it can. Its length is counted on
 * the punycode form (normalizeDomain), which is what the CA puts in the certificate and counts: the
 * 64 characters are the common name's upper bound (RFC 5280 ub-common-name), which TrustAsia applies.
 */
export function domainProblem(domain: string): string | undefined {
  const d = domain.trim();
  if (d === "") return "domain is empty; give the one domain name the certificate is for, such as www.example.com.";
  const shown = `"${d.slice(0, 80)}${d.length > 80 ? "..." : ""}"`;
  const ascii = normalizeDomain(d);
  if (ascii.length > FREE_DOMAIN_MAX_LENGTH) {
    const form = ascii === d.replace(/\.$/, "").toLowerCase() ? "" : ` in the punycode form the CA counts (${ascii.length} characters)`;
    return `domain ${shown} is longer than ${FREE_DOMAIN_MAX_LENGTH} characters${form}, which Tencent Cloud does not accept for a free certificate.`;
  }
  if (/[\s,;]/.test(d)) return `domain "${d}" must be one name: a free TrustAsia certificate covers exactly one domain; declare one FreeCertificate per domain.`;
  if (d.startsWith("*")) return `domain "${d}" is a wildcard: a free TrustAsia certificate covers one exact name and no wildcard; name the host (such as www.${d.replace(/^\*\.?/, "")}) or use a paid certificate.`;
  if (IP_ADDRESS.test(d)) return `domain "${d}" is an IP address: a free TrustAsia certificate is only for a domain name; give the name that resolves to it.`;
  const refused = publicCaNameProblem(ascii);
  if (refused) return `domain "${d}" cannot have a free certificate: ${refused}; give a name of letters, digits and hyphens.`;
  if (!isDomainName(d)) return `domain "${d}" must be a domain name such as www.example.com, without scheme, port or path.`;
  return undefined;
}

// DescribeCertificate's Status, as the spec lists them.
const STATUS_WORDS: Record<number, string> = {
  0: "pendingValidation", 1: "issued", 2: "rejected", 3: "expired", 4: "addingDnsRecord", 5: "awaitingDocuments",
  6: "cancelling", 7: "cancelled", 8: "awaitingConfirmationLetter", 9: "revoking", 10: "revoked", 11: "reissuing",
  12: "awaitingRevocationLetter", 13: "awaitingDocuments", 14: "refunded", 15: "migrating",
};

export function statusWord(code: number | null | undefined): string {
  if (code === null || code === undefined) return "unknown";
  return STATUS_WORDS[code] ?? `status${code}`;
}

/** Statuses from which no certificate will be issued for this application. */
const DEAD_ENDS = new Set([2, 6, 7, 9, 10, 14]);
export const isDeadEnd = (code: number | null | undefined): boolean => code !== null && code !== undefined && DEAD_ENDS.has(code);
export const ISSUED = 1;
export const EXPIRED = 3;

/** What the next `up` does with a certificate in this status (a word of statusWord). */
export function nextStep(status: string | undefined): "judge-renewal" | "apply-again" | "wait" {
  if (status === statusWord(ISSUED) || status === statusWord(EXPIRED)) return "judge-renewal";
  return [...DEAD_ENDS].some((code) => statusWord(code) === status) ? "apply-again" : "wait";
}


/** A DNS record's full name: the key, under the zone unless it already ends with it. */
function recordName(key: string, zone: string): string {
  const k = key.replace(/\.$/, "").toLowerCase();
  const z = zone.replace(/\.$/, "").toLowerCase();
  return !z || k === z || k.endsWith(`.${z}`) ? k : `${k}.${z}`;
}

function recordOf(a: DvAuthFields, domain: string, method: string): ValidationRecord | undefined {
  if (!a.DvAuthValue) return undefined;
  const type = (a.DvAuthVerifyType ?? (method === "FILE" ? "FILE" : "TXT")).toUpperCase();
  if (type === "FILE" || a.DvAuthPath) {
    return { domain, recordType: "FILE", name: (a.DvAuthDomain || domain).toLowerCase(), value: a.DvAuthValue, filePath: a.DvAuthPath ?? undefined };
  }
  if (!a.DvAuthKey) return undefined;
  return { domain, recordType: type === "CNAME" ? "CNAME" : "TXT", name: recordName(a.DvAuthKey, a.DvAuthDomain ?? ""), value: a.DvAuthValue };
}

/**
 * What the owner must publish, from DescribeCertificate's DvAuthDetail: the DvAuths list when there is
 * one, else its single fields. DNS_AUTO publishes its own record, so it asks nothing of the owner.
 */
export function validationRecords(detail: DvAuthDetail | null | undefined, domain: string, method: string): ValidationRecord[] {
  if (!detail || method === "DNS_AUTO") return [];
  const entries = detail.DvAuths && detail.DvAuths.length > 0 ? detail.DvAuths : [detail];
  return entries.map((a) => recordOf(a, domain, method)).filter((r): r is ValidationRecord => r !== undefined);
}

/**
 * The records to output: the API's when it shows any, else the ones recorded before (it stops showing
 * them once the certificate is issued, and a DNS record built from them must not disappear then).
 */
export function keptValidationRecords(recorded: ValidationRecord[] | undefined, shown: ValidationRecord[]): ValidationRecord[] {
  return shown.length > 0 ? shown : recorded ?? [];
}


export interface VerificationProgress {
  issued: boolean;
  /** The check was rate limited (Frequently): ask again later, and less often. */
  rateLimited: boolean;
  /** One line per domain still failing, with the API's LocalCheckFailReason. */
  missing: string[];
}

export function verificationProgress(results: DomainValidationResult[] | null | undefined): VerificationProgress {
  const list = results ?? [];
  const issued = list.length > 0 && list.every((r) => r.Issued === true);
  const rateLimited = list.some((r) => r.Frequently === true);
  const missing = list.filter((r) => !r.Issued && r.LocalCheck !== 1).map((r) => {
    const reason = r.LocalCheckFailReason || (r.LocalCheck === -1 ? "record not found" : `local check ${r.LocalCheck ?? "not run"}`);
    const seen = r.CheckValue && r.CheckValue.length > 0 ? ` (found: ${r.CheckValue.join(", ")})` : "";
    return `${r.Domain} (${r.VerifyType ?? "?"}): ${reason}${seen}`;
  });
  return { issued, rateLimited, missing };
}

/** Whole days left before expiry (negative once expired), rounded down. */
export function daysToExpiry(expiresAt: string, now: Date): number {
  return Math.floor((Date.parse(expiresAt) - now.getTime()) / DAY_MS);
}

/** Whether the certificate should be replaced by a renewal now. */
export function renewalDue(expiresAt: string | undefined, now: Date, renewBeforeDays: number): boolean {
  if (!expiresAt) return false;
  return Date.parse(expiresAt) - now.getTime() <= renewBeforeDays * DAY_MS;
}

/**
 * Whether ApplyCertificate may name the old certificate as OldCertificateId: only within the renewal
 * window and before it expires. Outside it the replacement is a new application.
 */
export function mayRenew(oldExpiresAt: string | undefined, now: Date): boolean {
  if (!oldExpiresAt) return false;
  const left = Date.parse(oldExpiresAt) - now.getTime();
  return left > 0 && left <= RENEWAL_WINDOW_DAYS * DAY_MS;
}

/** When the API's renewal window opens (OldCertificateId accepted): 30 days before expiry. */
export function renewalWindowOpens(expiresAt: string): string {
  return new Date(Date.parse(expiresAt) - RENEWAL_WINDOW_DAYS * DAY_MS).toISOString();
}

const WITHIN_HOUR = new Set(["FailedOperation.CannotBeDeletedWithinHour", "FailedOperation.DeleteFailedTimeNotUp"]);

/** The sentence for a deletion the API refuses for timing, or undefined for other errors. */
export function deleteRefusal(code: string, certificateId: string): string | undefined {
  if (!WITHIN_HOUR.has(code)) return undefined;
  return `Tencent Cloud does not delete a free certificate within an hour of applying for it (${code}): run \`pulumi destroy\` (or \`up\`) again after that hour to delete ${certificateId}.`;
}

export function stillBoundSentence(certificateId: string, domains: string[]): string {
  return `Free certificate ${certificateId} is still used by ${domains.join(", ")}: it is left in SSL Certificate Management; `
    + "move or remove those bindings, then delete it in the SSL console or run `pulumi destroy` again.";
}
