// SSL Certificate Management (ssl 2019-12-05): UploadCertificate, DescribeCertificateDetail, DeleteCertificate,
// ModifyCertificateAlias.
import { ApiError, optionalString, requireString, invalidValue } from "./errors";
import { assertKeyMatches, CertError, parseCertificate, ParsedCertificate } from "./certs";
import { chinaTime, shortId } from "./format";
import type { ActionContext, Params, ServiceActions } from "./actions";
import type { EmulatorState, SslCertificateRecord } from "./state";

export interface UploadInput {
  certificate: string;
  privateKey?: string;
  keyPassword?: string;
  alias?: string;
  certificateType?: string;
  certificateUse?: string;
  projectId?: number;
  repeatable: boolean;
}

/** Maps a certificate problem to the SSL service's codes. */
export function sslCertError(e: unknown): ApiError {
  if (!(e instanceof CertError)) throw e;
  if (e.problem === "key-mismatch") return new ApiError("FailedOperation.CertificateMismatch", "The certificate and the private key do not match.");
  return new ApiError("FailedOperation.CertificateParseError", `Certificate parse error: ${e.message}.`);
}

/** Parses and key-checks an upload without storing it. */
export function parseUpload(input: UploadInput): ParsedCertificate {
  try {
    const cert = parseCertificate(input.certificate);
    if (input.privateKey !== undefined) assertKeyMatches(cert, input.privateKey, input.keyPassword);
    return cert;
  } catch (e) {
    throw sslCertError(e);
  }
}

export interface StoredUpload {
  record: SslCertificateRecord;
  repeated: boolean;
}

/** Stores a parsed upload (the key itself is never stored), or returns the existing one when not repeatable. */
export function storeUpload(state: EmulatorState, input: UploadInput, cert: ParsedCertificate): StoredUpload {
  const existingId = input.repeatable ? undefined : state.sslByFingerprint.get(cert.fingerprint);
  const existing = existingId ? state.sslCertificates.get(existingId) : undefined;
  if (existing) return { record: existing, repeated: true };
  let id = shortId();
  while (state.sslCertificates.has(id)) id = shortId();
  const record: SslCertificateRecord = {
    id,
    numericId: state.allocateNumericCertId(),
    cert,
    from: "upload",
    alias: input.alias ?? "",
    certificateType: input.certificateType ?? "SVR",
    certificateUse: input.certificateUse,
    projectId: input.projectId ?? 0,
    insertTime: state.now(),
  };
  state.addSslCertificate(record);
  return { record, repeated: false };
}

/** 1 valid, 3 expired by the emulator clock, unless the seed fixed a status. */
export function certificateStatus(record: SslCertificateRecord, now: number): number {
  if (record.status !== undefined) return record.status;
  return record.cert.notAfter < now ? 3 : 1;
}

const STATUS_NAMES: Record<number, string> = { 1: "Approved", 3: "Expired" };

function uploadCertificate(params: Params, { state }: ActionContext) {
  const certificate = requireString(params, "CertificatePublicKey");
  const certificateType = optionalString(params, "CertificateType") ?? "SVR";
  if (certificateType !== "SVR" && certificateType !== "CA") throw invalidValue("CertificateType", "expected SVR or CA");
  const privateKey = optionalString(params, "CertificatePrivateKey");
  if (certificateType === "SVR" && !privateKey) throw new ApiError("MissingParameter", "The request is missing a required parameter `CertificatePrivateKey`.");
  const repeatable = params.Repeatable === undefined ? true : params.Repeatable;
  if (typeof repeatable !== "boolean") throw invalidValue("Repeatable", "expected a boolean");
  const projectId = params.ProjectId;
  if (projectId !== undefined && typeof projectId !== "number") throw invalidValue("ProjectId", "expected an integer");
  const input: UploadInput = {
    certificate,
    privateKey,
    keyPassword: optionalString(params, "KeyPassword"),
    alias: optionalString(params, "Alias"),
    certificateType,
    certificateUse: optionalString(params, "CertificateUse"),
    projectId: projectId as number | undefined,
    repeatable,
  };
  const { record, repeated } = storeUpload(state, input, parseUpload(input));
  return repeated ? { CertificateId: record.id, RepeatCertId: record.id } : { CertificateId: record.id };
}

/** The detail view; never the private key. */
export function certificateDetail(record: SslCertificateRecord, now: number): Record<string, unknown> {
  const status = certificateStatus(record, now);
  const cert = record.cert;
  const domain = cert.commonName.toLowerCase();
  return {
    CertificateId: record.id,
    OwnerUin: "100000000001",
    ProjectId: String(record.projectId),
    From: record.from,
    CertificateType: record.certificateType,
    PackageType: record.from === "upload" ? null : "2",
    Domain: cert.commonName,
    SubjectAltName: cert.sans.filter((n) => n !== domain),
    Alias: record.alias,
    Status: status,
    StatusMsg: null,
    StatusName: STATUS_NAMES[status] ?? `status ${status}`,
    CertBeginTime: chinaTime(cert.notBefore),
    CertEndTime: chinaTime(cert.notAfter),
    InsertTime: chinaTime(record.insertTime),
    CertificatePublicKey: cert.pem,
    CertFingerprint: cert.sha1,
    CertificateUse: record.certificateUse ?? null,
    IsWildcard: cert.sans.some((n) => n.startsWith("*.")),
    Deployable: status === 1,
  };
}

/** The record named by the request's CertificateId, or the API's not-found error. */
function requestedCertificate(params: Params, state: EmulatorState): SslCertificateRecord {
  const id = requireString(params, "CertificateId");
  const record = state.sslCertificates.get(id);
  if (!record) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${id} does not exist.`);
  return record;
}

function describeCertificateDetail(params: Params, { state }: ActionContext) {
  return certificateDetail(requestedCertificate(params, state), state.now());
}

function modifyCertificateAlias(params: Params, { state }: ActionContext) {
  const record = requestedCertificate(params, state);
  record.alias = optionalString(params, "Alias") ?? "";
  return { CertificateId: record.id };
}

function deleteCertificate(params: Params, { state }: ActionContext) {
  const id = requestedCertificate(params, state).id;
  const bound = state.bindingsOf(id);
  if (bound.length > 0) {
    throw new ApiError("FailedOperation.DeleteResourceFailed", `The certificate ${id} is still associated with cloud resources: ${bound.join(", ")}. Unbind it first.`);
  }
  state.removeSslCertificate(id);
  return { DeleteResult: true };
}

export const sslActions: ServiceActions = {
  handlers: {
    UploadCertificate: uploadCertificate,
    DescribeCertificateDetail: describeCertificateDetail,
    DeleteCertificate: deleteCertificate,
    ModifyCertificateAlias: modifyCertificateAlias,
  },
  writes: new Set(["UploadCertificate", "DeleteCertificate", "ModifyCertificateAlias"]),
};
