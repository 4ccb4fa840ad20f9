// The free TrustAsia certificate (ApplyCertificate and what follows) as a state machine, pure but for
// the key it makes and the CA that signs: the clock is always passed in. An application starts pending
// domain validation with one record to publish (a TXT record for DNS and DNS_AUTO, a file for FILE).
// An application not validated within seven days closes (status 2, "域名验证超时"); the CA, the console
// or CancelCertificateOrder can put it in any other documented status (statuses.ts) by an event.
// DNS_AUTO publishes its record itself after `dnsAutoDelayMs`; DNS and FILE records are marked present
// by the admin route or the seed (the emulator cannot look at real DNS). The CA checks once the
// record is present and verification was asked for (CompleteCertificate; DNS_AUTO asks by itself),
// then issues a real certificate for the domain, signed by the emulator's CA, valid three months.
//
// Times are the emulator clock's. The provider judges expiry by its own clock (the real one), so
// the clock route's `ageFreeCertificatesMs` ages the free certificates instead of moving time
// (ageFreeCertificate): a test can move a certificate into its renewal window.
import { generateKeyPairSync, KeyObject, randomBytes } from "node:crypto";
import { ApiError } from "../../core/errors";
import { BUSY_CODES, COMPUTED_STATUSES, EVENT_STATUSES, EventStatus } from "./statuses";
import { createCa, EmulatorCa, issueServerCertificate } from "./x509";

export type FreeValidationMethod = "DNS_AUTO" | "DNS" | "FILE";
export type FreeKeyAlgorithm = "RSA" | "ECC";

export const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;
/** ApplyCertificate's OldCertificateId: "the certificate expires within 30 days and has not expired". */
export const RENEWAL_WINDOW_MS = 30 * DAY_MS;
/**
 * How long an application waits for its domain validation: DVAuthDeadline ("DV证书添加验证截止时间") is
 * InsertTime plus seven days in every documented DescribeCertificates example (2025-02-12 10:11:21 ->
 * 2025-02-19 10:11:21). guess: after it, the order closes as the spec's StatusMsg says ("域名验证超时，订单自动关闭").
 */
export const VALIDATION_WINDOW_MS = 7 * DAY_MS;

export interface FreeCertificateTiming {
  /** How long DNS_AUTO takes to add its record in Tencent Cloud DNS. */
  dnsAutoDelayMs: number;
  /** Checks closer together than this are answered Frequently (rate limited). */
  checkIntervalMs: number;
}

/** The account's free-certificate quota (ApplyCertificate's ExceedsFreeLimit and MainDomainCertificateCountLimit). */
export interface FreeCertificateQuota {
  /** Applications an account may hold at once. */
  limit: number;
  /** Applications for one main domain (its last two labels) an account may hold at once. */
  perMainDomain: number;
}

export type FreeCertificateSettings = FreeCertificateTiming & FreeCertificateQuota;

export interface DvRecord {
  /** TXT: the record's host under the zone; FILE: empty. */
  key: string;
  value: string;
  /** TXT: the zone the record goes in; FILE: the domain serving the file. */
  domain: string;
  /** FILE only. */
  path?: string;
}

export interface IssuedCertificate {
  /** Leaf then the emulator CA, PEM. */
  pem: string;
  notBefore: number;
  notAfter: number;
  issuedAt: number;
}

export interface FreeApplication {
  id: string;
  domain: string;
  method: FreeValidationMethod;
  keyAlgorithm: FreeKeyAlgorithm;
  alias: string;
  appliedAt: number;
  /** The certificate this one renews (OldCertificateId: CertificateExtra.OriginCertificateId), and the renewal that
   *  replaced this one (CertificateExtra.RenewOrder). */
  renews?: string;
  renewedBy?: string;
  /** A reissue (重颁发): the original this one reissues (CertificateExtra.ReplacedBy, "重颁发证书原始 ID"), and the reissue
   *  of this original (CertificateExtra.ReplacedFor, "重颁发证书ID"). */
  reissueOf?: string;
  reissuedAs?: string;
  /** A status set by an event (the CA, the console, CancelCertificateOrder), which the clock does not change. */
  event?: { status: EventStatus; message: string };
  record: DvRecord;
  recordPresent: boolean;
  verificationAsked: boolean;
  lastCheckAt?: number;
  /**
   * The key of the CSR, made when the certificate is first signed (an RSA-2048 key takes 100-300 ms to make here,
   * and most applications of a test or a seed are never issued); never leaves the emulator.
   */
  publicKey?: KeyObject;
  issued?: IssuedCertificate;
}

export interface FreeApplicationInput {
  id: string;
  domain: string;
  method: FreeValidationMethod;
  keyAlgorithm: FreeKeyAlgorithm;
  alias?: string;
  renews?: string;
  reissueOf?: string;
  /** Seed option: the owner's DNS or FILE record is already in place. */
  recordPresent?: boolean;
}

// guess: the DV record follows TrustAsia's form, a TXT record "_dnsauth.<host>" in the zone of the
// last two labels (the spec shows DvAuthKey/DvAuthDomain/DvAuthKeySubDomain but no values), and a
// file under /.well-known/pki-validation/ for FILE.
function dvRecord(domain: string, method: FreeValidationMethod, now: number): DvRecord {
  const labels = domain.split(".");
  const zone = labels.slice(-2).join(".");
  const host = labels.slice(0, -2).join(".");
  const token = randomBytes(16).toString("hex");
  if (method === "FILE") return { key: "", value: token, domain, path: `/.well-known/pki-validation/${token.slice(0, 12).toUpperCase()}.txt` };
  return { key: host ? `_dnsauth.${host}` : "_dnsauth", value: `${new Date(now).getUTCFullYear()}${token}`, domain: zone };
}

function newKey(algorithm: FreeKeyAlgorithm): KeyObject {
  const pair = algorithm === "ECC"
    ? generateKeyPairSync("ec", { namedCurve: "prime256v1" })
    : generateKeyPairSync("rsa", { modulusLength: 2048 });
  return pair.publicKey;
}

export function applyFreeCertificate(input: FreeApplicationInput, now: number): FreeApplication {
  return {
    id: input.id,
    domain: input.domain.toLowerCase(),
    method: input.method,
    keyAlgorithm: input.keyAlgorithm,
    alias: input.alias ?? "",
    appliedAt: now,
    renews: input.renews,
    reissueOf: input.reissueOf,
    record: dvRecord(input.domain.toLowerCase(), input.method, now),
    recordPresent: input.recordPresent ?? false,
    verificationAsked: false,
  };
}

/**
 * Why `old` cannot be renewed now (ApplyCertificate with OldCertificateId), or undefined. `liveRenewal` is the renewal
 * of `old` that still stands (guess: one deleted, cancelled or failed leaves `old` free to renew again).
 */
export function renewalRefusal(old: FreeApplication, now: number, liveRenewal: string | undefined): ApiError | undefined {
  if (liveRenewal) return new ApiError("FailedOperation.OrderAlreadyReplaced", `The certificate ${old.id} has already been renewed by ${liveRenewal}.`);
  if (old.reissuedAs) return new ApiError("FailedOperation.OrderAlreadyReplaced", `The certificate ${old.id} has been reissued as ${old.reissuedAs}.`);
  if (old.event) {
    // guess: the code for "证书状态不正确" (the certificate's status is not right), in ApplyCertificate's list.
    return new ApiError("FailedOperation.InvalidCertificateStatusCode", `The certificate ${old.id} is ${old.event.status} (status ${EVENT_STATUSES[old.event.status].code}) and cannot be renewed.`);
  }
  const left = old.issued ? old.issued.notAfter - now : -1;
  if (!old.issued || left <= 0 || left > RENEWAL_WINDOW_MS) {
    // guess: the spec names no code for a renewal outside the window; InvalidParam is the action's generic one.
    return new ApiError("FailedOperation.InvalidParam", `The certificate ${old.id} can be renewed only within 30 days before it expires and before it has expired.`);
  }
  return undefined;
}

let emulatorCa: EmulatorCa | undefined;
/** One CA per process: a test can trust it through the chain every issued certificate carries. */
export function freeCertificateCa(): EmulatorCa {
  emulatorCa ??= createCa("Emulator TrustAsia DV TLS RSA CA G2", "Emulator TrustAsia Technologies");
  return emulatorCa;
}

/**
 * The validity of a free certificate issued at `at`: from the start of that day (UTC) for three
 * months, ending a second before that day's date in the third month, less a day, as the spec's
 * example shows (2024-11-27 08:00:00 to 2025-02-26 07:59:59, China time).
 */
export function validityFrom(at: number): { notBefore: number; notAfter: number } {
  const day = new Date(at);
  const notBefore = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate());
  const end = new Date(notBefore);
  end.setUTCMonth(end.getUTCMonth() + 3);
  return { notBefore, notAfter: end.getTime() - DAY_MS - 1000 };
}

function sign(app: FreeApplication, notBefore: number, notAfter: number): string {
  const ca = freeCertificateCa();
  app.publicKey ??= newKey(app.keyAlgorithm);
  return issueServerCertificate(ca, app.domain, app.publicKey, notBefore, notAfter) + ca.certificatePem;
}

/** Whether the application still waits for its domain validation (no certificate, no event). */
export const isPending = (app: FreeApplication): boolean => !app.issued && !app.event;

/**
 * Moves an application on to what `now` makes of it: DNS_AUTO adds its record, the CA issues, or the
 * validation window closes (the issuance came first if both were due: settling is lazy).
 */
export function settleFreeCertificate(app: FreeApplication, now: number, timing: FreeCertificateTiming): void {
  if (!isPending(app)) return;
  if (app.method === "DNS_AUTO" && now >= app.appliedAt + timing.dnsAutoDelayMs) {
    app.recordPresent = true;
    app.verificationAsked = true;
  }
  if (app.recordPresent && app.verificationAsked) {
    const { notBefore, notAfter } = validityFrom(now);
    app.issued = { pem: sign(app, notBefore, notAfter), notBefore, notAfter, issuedAt: now };
  } else if (now >= app.appliedAt + VALIDATION_WINDOW_MS) {
    app.event = { status: "validationExpired", message: EVENT_STATUSES.validationExpired.message };
  }
}

/** DescribeCertificate's Status and StatusMsg: an event's, else 4 while DNS_AUTO adds its record, 0 pending, 1 issued, 3 expired. */
export function freeStatus(app: FreeApplication, now: number): { code: number; message: string } {
  if (app.event) return { code: EVENT_STATUSES[app.event.status].code, message: app.event.message };
  if (app.issued) return app.issued.notAfter < now ? { code: COMPUTED_STATUSES.expired.code, message: "" } : { code: COMPUTED_STATUSES.issued.code, message: "" };
  if (app.method === "DNS_AUTO" && !app.recordPresent) return { code: COMPUTED_STATUSES.addingDnsRecord.code, message: "PENDING-DCV" };
  return { code: COMPUTED_STATUSES.pending.code, message: app.recordPresent ? "WAIT-ISSUE" : "PENDING-DCV" };
}

/**
 * An event puts the application in a documented status (the status admin route, a seed, CancelCertificateOrder):
 * revocation and reissue need an issued certificate, rejection and cancellation one still pending. Throws a
 * sentence otherwise (the console offers no such move).
 */
export function setFreeStatus(app: FreeApplication, status: EventStatus, message?: string): void {
  const facts = EVENT_STATUSES[status];
  if (facts.from === "issued" && !app.issued) throw new Error(`free certificate ${app.id} is not issued, so it cannot be ${status}`);
  if (facts.from === "pending" && !isPending(app)) throw new Error(`free certificate ${app.id} is no longer pending validation, so it cannot be ${status}`);
  app.event = { status, message: message ?? facts.message };
}

/** CompleteCertificate: ask the CA to verify now. guess: any application not pending answers "不存在或已签发" (not found or already issued). */
export function completeFreeCertificate(app: FreeApplication): void {
  if (!isPending(app)) throw new ApiError("FailedOperation.CertificateNotFoundOrAudited", `The certificate ${app.id} does not exist or has already been issued.`);
  app.verificationAsked = true;
}

/**
 * CheckCertificateDomainVerification's VerificationResults for the application (after settling): pending or issued
 * ones answer; one in an event's status answers CertificateStatusNotAllowVerify ("证书当前状态不允许进行域名验证").
 */
export function checkFreeCertificate(app: FreeApplication, now: number, timing: FreeCertificateTiming): Record<string, unknown>[] {
  if (app.event) {
    throw new ApiError("FailedOperation.CertificateStatusNotAllowVerify", `The certificate ${app.id} is ${app.event.status} (status ${EVENT_STATUSES[app.event.status].code}): its domain cannot be verified.`);
  }
  const frequently = app.lastCheckAt !== undefined && now - app.lastCheckAt < timing.checkIntervalMs;
  if (!frequently) app.lastCheckAt = now;
  const issued = app.issued !== undefined;
  const passed = issued || (!frequently && app.recordPresent);
  const file = app.method === "FILE";
  // LocalCheck per the spec: 1 passed; -1 rate limited or TXT record not found; -4 file not found.
  const localCheck = passed ? 1 : frequently || !file ? -1 : -4;
  const reason = passed ? "" : frequently ? "check too frequently" : file ? "file not found" : "txt record not found";
  return [{
    Domain: app.domain,
    VerifyType: app.method,
    LocalCheck: localCheck,
    CaCheck: issued ? 2 : -1,
    LocalCheckFailReason: reason,
    CheckValue: passed ? [app.record.value] : [],
    Frequently: frequently,
    Issued: issued,
  }];
}

/** DescribeCertificate's DvAuthDetail: the record while validation is pending, nulls after (as the spec's example once issued). */
export function freeDvAuthDetail(app: FreeApplication): Record<string, unknown> {
  if (!isPending(app)) return { DvAuthKey: null, DvAuthValue: null, DvAuthDomain: null, DvAuthPath: null, DvAuthKeySubDomain: "", DvAuths: null };
  const r = app.record;
  const file = app.method === "FILE";
  return {
    DvAuthKey: file ? null : r.key,
    DvAuthValue: r.value,
    DvAuthDomain: r.domain,
    DvAuthPath: r.path ?? null,
    DvAuthKeySubDomain: file ? "" : r.key,
    DvAuths: [{
      DvAuthKey: r.key,
      DvAuthValue: r.value,
      DvAuthDomain: r.domain,
      DvAuthPath: r.path ?? "",
      DvAuthSubDomain: r.key,
      DvAuthVerifyType: file ? "FILE" : "TXT",
    }],
  };
}

/** DeleteCertificate's refusals: within the first hour after application (the spec's "申请1小时内"), and while the order is busy. */
export function deletionRefusal(app: FreeApplication, now: number): ApiError | undefined {
  if (now - app.appliedAt < HOUR_MS) {
    return new ApiError("FailedOperation.CannotBeDeletedWithinHour", `A free certificate cannot be deleted within one hour of its application (${app.id}).`);
  }
  if (app.event && BUSY_CODES.has(EVENT_STATUSES[app.event.status].code)) {
    return new ApiError("FailedOperation.InvalidCertificateStatusCode", `The certificate ${app.id} is ${app.event.status}; delete it once that is over.`);
  }
  return undefined;
}

/**
 * The clock route's ageing: the application happened `ms` earlier. An issued certificate is signed again over
 * the earlier window with the same key (so its fingerprint changes, as a reissue's would).
 */
export function ageFreeCertificate(app: FreeApplication, ms: number): void {
  app.appliedAt -= ms;
  if (app.lastCheckAt !== undefined) app.lastCheckAt -= ms;
  const issued = app.issued;
  if (!issued) return;
  const notBefore = issued.notBefore - ms;
  const notAfter = issued.notAfter - ms;
  app.issued = { pem: sign(app, notBefore, notAfter), notBefore, notAfter, issuedAt: issued.issuedAt - ms };
}
