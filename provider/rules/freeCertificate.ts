// Pure rules of FreeCertificate (no I/O, the clock passed in): what domain the free product takes,
// the API's status codes as words, the validation records, the verification progress, renewal and
// the sentences for deletions the API refuses. Facts from the SSL API spec (ssl 2019-12-05),
// docs/reference/tencentcloud-api.md.
import { createHash } from "node:crypto";
import { isDomainName, normalizeDomain, publicCaNameProblem } from "../certificate";
import type { DescribeCertificateResponse, DomainValidationResult, DvAuthDetail, DvAuthFields } from "../tencentcloud/types";

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

export const ISSUED = 1;
export const EXPIRED = 3;

/**
 * What the next `up` does with a certificate in a status (docs/ownership.md, "FreeCertificate in each
 * status"): wait for its validation; judge its renewal (it is, or was, a certificate that serves: issued,
 * expired, and while the console reissues it, waits for a revocation letter or migrates it); apply again
 * (a dead end: no certificate will be issued, or it no longer serves); or stop for its owner (the CA
 * waits for information or a letter that only the owner can give in the SSL console).
 */
export type NextStep = "wait" | "judge-renewal" | "apply-again" | "needs-owner";

const STEPS: Record<number, NextStep> = {
  0: "wait", 4: "wait",
  1: "judge-renewal", 3: "judge-renewal", 11: "judge-renewal", 12: "judge-renewal", 15: "judge-renewal",
  2: "apply-again", 6: "apply-again", 7: "apply-again", 9: "apply-again", 10: "apply-again", 14: "apply-again",
  5: "needs-owner", 8: "needs-owner", 13: "needs-owner",
};

/** The next step for a status code; a status the spec does not list (or none) is waited on. */
export function stepOf(code: number | null | undefined): NextStep {
  return (code === null || code === undefined ? undefined : STEPS[code]) ?? "wait";
}

/** The next step for a status as state keeps it (a word of statusWord). */
export function nextStep(status: string | undefined): NextStep {
  const code = Object.entries(STATUS_WORDS).find(([, word]) => word === status)?.[0];
  return code === undefined ? "wait" : stepOf(Number(code));
}

const statusNamed = (word: string, message: string | null | undefined) => `${word}${message ? ` (${message})` : ""}`;

/** Why waiting for the issuance stops, when the step for its status is not to wait; undefined when it is. */
export function issuanceStop(id: string, domain: string, code: number | null | undefined, message: string | null | undefined): string | undefined {
  const step = stepOf(code);
  const status = statusNamed(statusWord(code), message);
  if (step === "apply-again") return `The free certificate ${id} for ${domain} was not issued: it is ${status}. The next \`pulumi up\` applies for a new one.`;
  if (step === "needs-owner") {
    return `The free certificate ${id} for ${domain} waits for its owner: it is ${status}. `
      + "Provide what the CA asks for in the SSL console, then run `pulumi up` again.";
  }
  return undefined;
}

/** The diff's line for a certificate that is replaced because it is a dead end. */
export function deadEndSentence(id: string, domain: string, code: number | null | undefined, message: string | null | undefined): string {
  return `free certificate ${id} for ${domain} is ${statusNamed(statusWord(code), message)}: it will not serve, so it is replaced, applying for a new one; `
    + "it is deleted once its users moved to the new one";
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

/**
 * The sentence for a deletion the API refuses for now (within the hour after the application; while
 * the order is busy, `status` being its word; before its renewal is issued), or undefined for other errors.
 */
export function deleteRefusal(code: string, certificateId: string, status?: string): string | undefined {
  if (WITHIN_HOUR.has(code)) {
    return `Tencent Cloud does not delete a free certificate within an hour of applying for it (${code}): run \`pulumi destroy\` (or \`up\`) again after that hour to delete ${certificateId}.`;
  }
  if (code === "FailedOperation.InvalidCertificateStatusCode") {
    return `Tencent Cloud does not delete free certificate ${certificateId} while it is ${status ?? "busy"} (${code}): run \`pulumi up\` or \`pulumi destroy\` again once that is over.`;
  }
  if (code === "FailedOperation.RenewNotIssued") {
    return `Tencent Cloud does not delete free certificate ${certificateId} before its renewal is issued (${code}): run \`pulumi up\` or \`pulumi destroy\` again once it is.`;
  }
  return undefined;
}

export function stillBoundSentence(certificateId: string, domains: string[]): string {
  return `Free certificate ${certificateId} is still used by ${domains.join(", ")}: it is left in SSL Certificate Management; `
    + "move or remove those bindings, then delete it in the SSL console or run `pulumi destroy` again.";
}


// ------------------------------------------------------------------ finding an application again

/**
 * The marker every application of one resource carries in its alias: ApplyCertificate takes no
 * idempotency token, so after a lost answer or a killed process the application is found again by
 * DescribeCertificates' SearchKey ("模糊匹配证书 ID、备注名称、证书域名": the id, the alias, the domain). It is
 * "pulumi-" and 16 hex digits of SHA-256 over the stack ("<project>/<stack>") and the resource's type
 * and name: the same in every process, different for every resource of every stack.
 */
export function applicationMarker(stack: string, type: string, name: string): string {
  return `pulumi-${createHash("sha256").update(`${stack}\u0000${type}\u0000${name}`).digest("hex").slice(0, 16)}`;
}

const MARKER_AT_END = /\s*pulumi-[0-9a-f]{16}$/;

/** The alias sent to the API: the one given, then the marker. */
export function aliasWithMarker(alias: string | undefined, marker: string | undefined): string | undefined {
  if (!marker) return alias;
  return alias ? `${alias} ${marker}` : marker;
}

/** The alias as the program gives it, from the one the API shows. */
export function aliasWithoutMarker(shown: string | null | undefined): string | undefined {
  const alias = (shown ?? "").replace(MARKER_AT_END, "");
  return alias === "" ? undefined : alias;
}

/** ECC or RSA, from a listing's EncryptAlgorithm ("RSA 2048", "ECC 256"); undefined when it says neither. */
function keyAlgorithmShown(encryptAlgorithm: string | null | undefined): "RSA" | "ECC" | undefined {
  const a = (encryptAlgorithm ?? "").toUpperCase();
  return a.startsWith("ECC") ? "ECC" : a.startsWith("RSA") ? "RSA" : undefined;
}

/**
 * Whether a listed certificate is an application of this resource that it may take as its own: its
 * alias carries the resource's marker, it is for the same domain, validation method and key, and it
 * can still be (or is) a valid certificate: not a dead end, not expired.
 */
export function isOwnApplication(row: DescribeCertificateResponse, marker: string, wanted: { domain: string; validationMethod: string; keyAlgorithm: string }): boolean {
  if (!(row.Alias ?? "").split(/\s+/).includes(marker)) return false;
  if ((row.Domain ?? "").toLowerCase() !== wanted.domain) return false;
  if (row.VerifyType && row.VerifyType !== wanted.validationMethod) return false;
  const key = keyAlgorithmShown(row.EncryptAlgorithm);
  if (key && key !== wanted.keyAlgorithm) return false;
  return stepOf(row.Status) !== "apply-again" && row.Status !== EXPIRED;
}

/** Whether a renewal (CertificateExtra.RenewOrder) will be, or is, the certificate: not a dead end. */
export function renewalStands(renewal: DescribeCertificateResponse | undefined): renewal is DescribeCertificateResponse {
  return renewal !== undefined && stepOf(renewal.Status) !== "apply-again";
}
