// The SSL actions of free TrustAsia certificates (ApplyCertificate, DescribeCertificate,
// CompleteCertificate, CheckCertificateDomainVerification, DescribeCertificates), answered in the
// spec's shapes over the state machine in free.ts, and the free-certificate rules of DescribeCertificateDetail and
// DeleteCertificate wrapped around the SSL store's own. An issued certificate joins the SSL store,
// so CDN and CSS can use it by id like any hosted certificate.
import { parseCertificate } from "../certs";
import { ApiError, invalidValue, optionalInt, optionalString, requireString } from "../errors";
import { chinaTime, shortId } from "../format";
import { certificateDetail } from "./model";
import {
  ageFreeCertificate, applyFreeCertificate, checkFreeCertificate, completeFreeCertificate, deletionRefusal, FreeApplication,
  FreeCertificateTiming, freeDvAuthDetail, FreeKeyAlgorithm, freeStatus, FreeValidationMethod, renewalRefusal, settleFreeCertificate,
} from "./free";
import type { ActionContext, ActionHandler, Params } from "../actions";
import { SeedError } from "../outOfBand";
import type { EmulatorState, SslCertificateRecord } from "../state";
import type { EmulatorSeed, FreeCertificateView } from "../types";

export interface FreeCertificateStore {
  applications: Map<string, FreeApplication>;
  timing: FreeCertificateTiming;
  /** Seed option: domains whose DNS or FILE validation record counts as published from the start. */
  recordsPresent: Set<string>;
}

// One store per state, so a reset (a new state) starts without free certificates.
const stores = new WeakMap<EmulatorState, FreeCertificateStore>();

export function freeCertificates(state: EmulatorState): FreeCertificateStore {
  let store = stores.get(state);
  if (!store) {
    store = { applications: new Map(), timing: { dnsAutoDelayMs: 0, checkIntervalMs: 0 }, recordsPresent: new Set() };
    stores.set(state, store);
  }
  return store;
}

function sslRecordOf(app: FreeApplication, state: EmulatorState) {
  return {
    id: app.id, numericId: state.allocateNumericCertId(), cert: parseCertificate(app.issued!.pem), from: "trustasia",
    alias: app.alias, certificateType: "SVR", projectId: 0, insertTime: app.appliedAt, tags: [],
  };
}

/** The application after what the clock made of it; an issuance adds the certificate to the SSL store. */
function settled(state: EmulatorState, app: FreeApplication): FreeApplication {
  const wasIssued = app.issued !== undefined;
  settleFreeCertificate(app, state.now(), freeCertificates(state).timing);
  if (!wasIssued && app.issued) state.addSslCertificate(sslRecordOf(app, state));
  return app;
}

function application(state: EmulatorState, id: string): FreeApplication | undefined {
  const app = freeCertificates(state).applications.get(id);
  return app && settled(state, app);
}

const METHODS: readonly string[] = ["DNS_AUTO", "DNS", "FILE"];

function applyCertificate(params: Params, { state }: ActionContext) {
  const method = requireString(params, "DvAuthMethod");
  if (!METHODS.includes(method)) throw invalidValue("DvAuthMethod", "expected DNS_AUTO, DNS or FILE");
  const domain = requireString(params, "DomainName").toLowerCase();
  if (domain.length > 64) throw new ApiError("InvalidParameterValue.CertificateDomainMaxLengthInvalid", "The domain name cannot exceed 64 characters.");
  // guess: the free product refuses wildcards and IP addresses with its generic InvalidParam.
  if (domain.includes("*") || /^[\d.]+$/.test(domain) || domain.includes(":")) throw new ApiError("FailedOperation.InvalidParam", `A free certificate is for one domain name, not ${domain}.`);
  const algorithm = optionalString(params, "CsrEncryptAlgo") ?? "RSA";
  if (algorithm !== "RSA" && algorithm !== "ECC") throw invalidValue("CsrEncryptAlgo", "expected RSA or ECC");
  const keyParameter = optionalString(params, "CsrKeyParameter");
  if (algorithm === "ECC" && keyParameter !== "prime256v1") throw invalidValue("CsrKeyParameter", "ECC takes prime256v1 only, and it is required");
  if (algorithm === "RSA" && keyParameter !== undefined && keyParameter !== "2048") throw invalidValue("CsrKeyParameter", "RSA takes 2048 only");
  const validity = optionalString(params, "ValidityPeriod");
  if (validity !== undefined && validity !== "3") throw invalidValue("ValidityPeriod", "only 3 (months) is supported");
  const packageType = optionalString(params, "PackageType");
  if (packageType !== undefined && packageType !== "83") throw invalidValue("PackageType", "only 83 (TrustAsia C1 DV Free) is supported");
  if (params.DnsNames !== undefined) throw new ApiError("FailedOperation.InvalidParam", "DnsNames is not supported yet.");
  const store = freeCertificates(state);
  const oldId = optionalString(params, "OldCertificateId");
  const old = oldId ? application(state, oldId) : undefined;
  if (oldId && !old) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${oldId} does not exist.`);
  const refusal = old && renewalRefusal(old, state.now());
  if (refusal) throw refusal;
  let id = shortId();
  while (store.applications.has(id) || state.sslCertificates.has(id)) id = shortId();
  const app = applyFreeCertificate({
    id, domain, method: method as FreeValidationMethod, keyAlgorithm: algorithm as FreeKeyAlgorithm,
    alias: optionalString(params, "Alias"), renews: old?.id, recordPresent: store.recordsPresent.has(domain),
  }, state.now());
  store.applications.set(id, app);
  if (old) old.renewedBy = id;
  settled(state, app);
  return { CertificateId: id };
}

function requestedApplication(params: Params, state: EmulatorState, notFound = "FailedOperation.CertificateNotFound"): FreeApplication {
  const id = requireString(params, "CertificateId");
  const app = application(state, id);
  if (!app) throw new ApiError(notFound, `The certificate ${id} does not exist.`);
  return app;
}

/** DescribeCertificate's answer for a free certificate (no PEM, never a key). */
function describeFree(app: FreeApplication, now: number): Record<string, unknown> {
  const status = freeStatus(app, now);
  const issued = app.issued;
  return {
    OwnerUin: "100000000001", ProjectId: "0", From: "trustasia", CertificateType: "SVR", PackageType: "83",
    ProductZhName: "TrustAsia C1 DV Free", Domain: app.domain, Alias: app.alias, Status: status.code, StatusMsg: status.message,
    VerifyType: app.method, VulnerabilityStatus: "INACTIVE",
    CertBeginTime: issued ? chinaTime(issued.notBefore) : null, CertEndTime: issued ? chinaTime(issued.notAfter) : null,
    ValidityPeriod: "3", InsertTime: chinaTime(app.appliedAt), OrderId: `emu_${app.id}`,
    CertificateExtra: {
      DomainNumber: "1", OriginCertificateId: app.renews ?? null, ReplacedBy: null, ReplacedFor: null,
      RenewOrder: app.renewedBy ?? null, SMCert: 0, CompanyType: 1,
    },
    DvAuthDetail: freeDvAuthDetail(app), VulnerabilityReport: null, CertificateId: app.id,
    PackageTypeName: "TrustAsia C1 DV Free", StatusName: STATUS_NAMES[status.code] ?? `status ${status.code}`,
    SubjectAltName: [app.domain], IsVip: false, IsWildcard: false, IsDv: true, IsVulnerability: false,
    RenewAble: renewalRefusal(app, now) === undefined,
    SubmittedData: null, Deployable: status.code === 1, Tags: [], CAEncryptAlgorithms: [], CACommonNames: [], CAEndTimes: [], DvRevokeAuthDetail: [],
  };
}

const STATUS_NAMES: Record<number, string> = { 0: "Under review", 1: "Issued", 3: "Expired", 4: "Adding DNS record automatically" };

// DescribeCertificate's members the spec marks output_required, beyond what the detail view has.
const DESCRIBE_MEMBERS = ["ProductZhName", "VerifyType", "VulnerabilityStatus", "ValidityPeriod", "OrderId", "CertificateExtra",
  "DvAuthDetail", "VulnerabilityReport", "PackageTypeName", "IsVip", "IsDv", "IsVulnerability", "RenewAble", "SubmittedData",
  "Tags", "CAEncryptAlgorithms", "CACommonNames", "CAEndTimes", "DvRevokeAuthDetail"];

/** A certificate that is not a free application (an upload, a seeded one), as DescribeCertificate shows it. */
function describeStored(record: SslCertificateRecord, now: number): Record<string, unknown> {
  const { CertificatePublicKey: _pem, CertFingerprint: _sha1, ...rest } = certificateDetail(record, now);
  return { ...Object.fromEntries(DESCRIBE_MEMBERS.map((m) => [m, null])), ...rest };
}

function describeCertificate(params: Params, { state }: ActionContext) {
  const id = requireString(params, "CertificateId");
  const app = application(state, id);
  if (app) return describeFree(app, state.now());
  const record = state.sslCertificates.get(id);
  if (!record) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${id} does not exist.`);
  return describeStored(record, state.now());
}

/** One row of DescribeCertificates: DescribeCertificate's fields plus the listing's own (output_required in the spec). */
function listingRow(row: Record<string, unknown>, state: EmulatorState, app: FreeApplication | undefined): Record<string, unknown> {
  const id = row.CertificateId as string;
  const ends = app?.issued?.notAfter;
  return {
    ...row,
    ProjectInfo: null, BoundResource: state.bindingsOf(id), IsIgnore: false, IsSM: false,
    EncryptAlgorithm: app ? app.keyAlgorithm : null, PreAuditInfo: null, AutoRenewFlag: 0, HostingStatus: null,
    HostingCompleteTime: null, HostingRenewCertId: null, HasRenewOrder: app?.renewedBy ?? "", ReplaceOriCertIsDelete: false,
    IsExpiring: ends !== undefined && ends - state.now() <= 30 * 86_400_000, DVAuthDeadline: null,
    ValidationPassedTime: app?.issued ? chinaTime(app.issued.issuedAt) : null, CertSANs: row.SubjectAltName ?? [],
    AwaitingValidationMsg: null, AllowDownload: true, IsDNSPODResolve: app?.method === "DNS_AUTO", IsPackage: false,
    KeyPasswordCustomFlag: false, SupportDownloadType: null, IsHostingUploadRenewCert: false,
    CertRevokedTime: "", HostingResourceTypes: [], ServiceId: "", ServiceStatus: "", CertServiceBeginTime: "",
    CertServiceEndTime: "", CertServiceShareEnabled: false, CertServiceValidCertificateCount: 0, HostingConfig: null,
  };
}

function completeCertificate(params: Params, { state }: ActionContext) {
  const app = requestedApplication(params, state, "FailedOperation.CertificateNotFoundOrAudited");
  completeFreeCertificate(app);
  settled(state, app);
  return { CertificateId: app.id };
}

function checkVerification(params: Params, { state }: ActionContext) {
  const app = requestedApplication(params, state);
  return { VerificationResults: checkFreeCertificate(app, state.now(), freeCertificates(state).timing) };
}

// guess: of DescribeCertificates' many filters only Offset, Limit (default 10, at most 1000) and
// FilterSource (upload / buy) are modelled; newest application first, as the spec's default order.
function describeCertificates(params: Params, { state }: ActionContext) {
  // The spec's request check lets integers through as numbers or numeric strings (the documented examples send "0").
  const offset = optionalInt(params, "Offset") ?? 0;
  const limit = Math.min(optionalInt(params, "Limit") ?? 10, 1000);
  const source = optionalString(params, "FilterSource");
  const now = state.now();
  const free = [...freeCertificates(state).applications.values()].map((a) => settled(state, a));
  const freeIds = new Set(free.map((a) => a.id));
  const rows = [
    ...free.map((a) => ({ at: a.appliedAt, row: listingRow(describeFree(a, now), state, a) })),
    ...[...state.sslCertificates.values()].filter((r) => !freeIds.has(r.id))
      .map((r) => ({ at: r.insertTime, row: listingRow(describeStored(r, now), state, undefined) })),
  ].filter(({ row }) => !source || (source === "upload") === (row.From === "upload"))
    .sort((a, b) => b.at - a.at)
    .map(({ row }) => row);
  return { TotalCount: rows.length, Certificates: rows.slice(offset, offset + limit) };
}

/** A free certificate's detail: the store's once issued, the application's while pending. */
function wrapDetail(base: ActionHandler): ActionHandler {
  return (params, ctx) => {
    const id = typeof params.CertificateId === "string" ? params.CertificateId : "";
    const app = application(ctx.state, id);
    if (!app || app.issued) return base(params, ctx);
    return { ...describeFree(app, ctx.state.now()), CertificatePublicKey: null, CertificatePrivateKey: null, CertFingerprint: null };
  };
}

/** The hour after application first, then the store's own rules (bindings), then the application goes. */
function wrapDelete(base: ActionHandler): ActionHandler {
  return (params, ctx) => {
    const { state } = ctx;
    const id = typeof params.CertificateId === "string" ? params.CertificateId : "";
    const app = application(state, id);
    if (!app) return base(params, ctx);
    const refusal = deletionRefusal(app, state.now());
    if (refusal) throw refusal;
    const answer = app.issued ? base(params, ctx) : { DeleteResult: true };
    freeCertificates(state).applications.delete(id);
    return answer;
  };
}

/** The free-certificate actions, and DescribeCertificateDetail and DeleteCertificate with their free-certificate rules. */
export function freeCertificateHandlers(base: { DescribeCertificateDetail: ActionHandler; DeleteCertificate: ActionHandler }) {
  return {
    ApplyCertificate: applyCertificate,
    DescribeCertificate: describeCertificate,
    CompleteCertificate: completeCertificate,
    CheckCertificateDomainVerification: checkVerification,
    DescribeCertificates: describeCertificates,
    DescribeCertificateDetail: wrapDetail(base.DescribeCertificateDetail),
    DeleteCertificate: wrapDelete(base.DeleteCertificate),
  };
}

/** The seed's validationRecordsPresent and freeCertificates (applications under given ids), and the emulator's timing options. */
export function applyFreeCertificateSeed(state: EmulatorState, seed: EmulatorSeed, timing?: Partial<FreeCertificateTiming>): void {
  const store = freeCertificates(state);
  if (timing) store.timing = { ...store.timing, ...timing };
  const domains = seed.validationRecordsPresent ?? [];
  if (!Array.isArray(domains) || domains.some((d) => typeof d !== "string")) throw new SeedError("validationRecordsPresent must be a list of domain names");
  for (const d of domains) store.recordsPresent.add(d.toLowerCase());
  for (const a of seed.freeCertificates ?? []) {
    if (typeof a?.id !== "string" || !a.id || typeof a.domain !== "string" || !a.domain) throw new SeedError("every freeCertificates entry needs an id and a domain");
    if (store.applications.has(a.id) || state.sslCertificates.has(a.id)) throw new SeedError(`certificate id ${a.id} is seeded twice`);
    const method = a.validationMethod ?? "DNS";
    if (!METHODS.includes(method)) throw new SeedError(`freeCertificates ${a.id}: validationMethod must be DNS_AUTO, DNS or FILE`);
    store.applications.set(a.id, applyFreeCertificate({
      id: a.id, domain: a.domain, method, keyAlgorithm: a.keyAlgorithm === "ECC" ? "ECC" : "RSA", alias: a.alias,
      recordPresent: a.recordPresent ?? store.recordsPresent.has(a.domain.toLowerCase()),
    }, state.now()));
  }
}

/** Admin: the owner published the DNS or FILE record of this application. */
export function markValidationRecordPresent(state: EmulatorState, id: string): void {
  const app = freeCertificates(state).applications.get(id);
  if (!app) throw new Error(`free certificate ${id} does not exist`);
  app.recordPresent = true;
  settled(state, app);
}

/** Admin (the clock route): every free certificate as if applied for `ms` earlier; the SSL store follows. */
export function ageFreeCertificates(state: EmulatorState, ms: number): void {
  for (const app of freeCertificates(state).applications.values()) {
    settled(state, app);
    ageFreeCertificate(app, ms);
    const record = state.sslCertificates.get(app.id);
    if (record && app.issued) {
      state.removeSslCertificate(app.id);
      state.addSslCertificate({ ...record, cert: parseCertificate(app.issued.pem) });
    }
  }
}

/** Admin view: each application, its record and status; never a key. */
export function freeCertificateSnapshot(state: EmulatorState): FreeCertificateView[] {
  return [...freeCertificates(state).applications.values()].map((a) => {
    const app = settled(state, a);
    return {
      id: app.id, domain: app.domain, validationMethod: app.method, keyAlgorithm: app.keyAlgorithm, alias: app.alias,
      status: freeStatus(app, state.now()).code, appliedAt: chinaTime(app.appliedAt), recordPresent: app.recordPresent,
      record: app.record, renews: app.renews ?? null, renewedBy: app.renewedBy ?? null,
      notBefore: app.issued ? new Date(app.issued.notBefore).toISOString() : null,
      notAfter: app.issued ? new Date(app.issued.notAfter).toISOString() : null,
    };
  });
}
