// SSL Certificate Management (ssl 2019-12-05) actions (moto's responses.py): uploads, a
// certificate's detail, renames and deletes, and the free TrustAsia certificates (ApplyCertificate
// and what follows). Parameters in, the backend's view out (shaped by the spec).
import type { ActionName } from "../../../provider/tencentcloud/types";
import type { ActionHandler, Params } from "../../core/backend";
import { ApiError, invalidValue, optionalInt, optionalString, requireString } from "../../core/errors";
import { certificateById, deleteCertificate, parseUpload, storeUpload, UploadInput } from "./certificates";
import {
  checkFreeCertificate, completeFreeCertificate, deletionRefusal, FreeApplication, FreeKeyAlgorithm, FreeValidationMethod, isPending,
  setFreeStatus,
} from "./free";
import type { SslBackend } from "./model";
import { describeFree, describeStored, detailOf, listingRow } from "./views";

/** Tags as UploadCertificate takes them (the spec check has let only {TagKey, TagValue} strings through). */
function tagsOf(value: unknown): { TagKey: string; TagValue: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidValue("Tags", "expected a list of {TagKey, TagValue}");
  return value.map((t: { TagKey?: unknown; TagValue?: unknown }) => {
    if (typeof t?.TagKey !== "string" || typeof t?.TagValue !== "string") throw invalidValue("Tags", "every tag needs a TagKey and a TagValue");
    return { TagKey: t.TagKey, TagValue: t.TagValue };
  });
}

function uploadCertificate(params: Params, ssl: SslBackend) {
  const certificate = requireString(params, "CertificatePublicKey");
  const certificateType = optionalString(params, "CertificateType") ?? "SVR";
  if (certificateType !== "SVR" && certificateType !== "CA") throw invalidValue("CertificateType", "expected SVR or CA");
  const privateKey = optionalString(params, "CertificatePrivateKey");
  if (certificateType === "SVR" && !privateKey) throw new ApiError("MissingParameter", "The request is missing a required parameter `CertificatePrivateKey`.");
  const repeatable = params.Repeatable === undefined ? true : params.Repeatable;
  if (typeof repeatable !== "boolean") throw invalidValue("Repeatable", "expected a boolean");
  const projectId = params.ProjectId === undefined ? undefined : Number(params.ProjectId); // the spec check let only integers through
  const input: UploadInput = {
    certificate,
    privateKey,
    keyPassword: optionalString(params, "KeyPassword"),
    alias: optionalString(params, "Alias"),
    certificateType,
    certificateUse: optionalString(params, "CertificateUse"),
    projectId,
    repeatable,
    tags: tagsOf(params.Tags),
  };
  const { record, repeated } = storeUpload(ssl, input, parseUpload(input));
  // The documented examples: RepeatCertId is the matched certificate's id, or "" for a new one.
  return { CertificateId: record.id, RepeatCertId: repeated ? record.id : "" };
}

/** The stored certificate's detail; a free application's while it is not issued (no PEM yet). */
function describeCertificateDetail(params: Params, ssl: SslBackend) {
  const id = requireString(params, "CertificateId");
  const app = ssl.application(id);
  if (app && !app.issued) return { ...describeFree(ssl, app), CertificatePublicKey: null, CertificatePrivateKey: null, CertFingerprint: null };
  return detailOf(ssl, certificateById(ssl, id));
}

function modifyCertificateAlias(params: Params, ssl: SslBackend) {
  const record = certificateById(ssl, requireString(params, "CertificateId"));
  record.alias = optionalString(params, "Alias") ?? "";
  return { CertificateId: record.id };
}

/**
 * A free application first keeps its hour (CannotBeDeletedWithinHour) and waits out a busy status
 * (InvalidCertificateStatusCode); one whose renewal has not issued yet is refused (RenewNotIssued, "续费证书未颁发，
 * 无法执行删除操作"; guess: the renewed certificate, not the renewal, is the one refused). A stored certificate (an
 * issued application included) then follows the store's rules (bindings); the application goes too.
 * guess: no resource-check task is modelled, so IsCheckResource refuses or deletes at once; its
 * answer carries TaskId (null: no task), as the documented asynchronous example has one.
 */
function deleteCertificateAction(params: Params, ssl: SslBackend) {
  const id = requireString(params, "CertificateId");
  const checkResources = params.IsCheckResource === true;
  const app = ssl.application(id);
  const refusal = app && deletionRefusal(app, ssl.now());
  if (refusal) throw refusal;
  const renewal = app && ssl.pendingRenewalOf(app);
  if (renewal) throw new ApiError("FailedOperation.RenewNotIssued", `The renewal ${renewal.id} of the certificate ${id} has not been issued yet: delete it once it is.`);
  if (app && !app.issued) {
    ssl.removeApplication(id);
    return { DeleteResult: true };
  }
  deleteCertificate(ssl, id, checkResources);
  if (app) ssl.removeApplication(id);
  return checkResources ? { DeleteResult: true, TaskId: null } : { DeleteResult: true };
}

const METHODS: readonly string[] = ["DNS_AUTO", "DNS", "FILE"];

function applyCertificate(params: Params, ssl: SslBackend) {
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
  const oldId = optionalString(params, "OldCertificateId");
  const old = oldId ? ssl.application(oldId) : undefined;
  if (oldId && !old) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${oldId} does not exist.`);
  const refusal = old && ssl.renewalRefusal(old);
  if (refusal) throw refusal;
  const app = ssl.apply({ domain, method: method as FreeValidationMethod, keyAlgorithm: algorithm as FreeKeyAlgorithm, alias: optionalString(params, "Alias"), renews: old });
  return { CertificateId: app.id };
}

/**
 * CancelCertificateOrder: a free application still pending validation is cancelled (status 7; guess: at once,
 * there is nothing to refund, so no "订单取消中" in between). Anything else has no order to cancel:
 * InvalidCertificateStatusCode ("证书状态不正确").
 */
function cancelCertificateOrder(params: Params, ssl: SslBackend) {
  const id = requireString(params, "CertificateId");
  const app = ssl.application(id);
  if (!app && !ssl.certificate(id)) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${id} does not exist.`);
  if (!app || !isPending(app)) throw new ApiError("FailedOperation.InvalidCertificateStatusCode", `The certificate ${id} has no order pending validation to cancel.`);
  setFreeStatus(app, "cancelled");
  return { CertificateId: id };
}

function requestedApplication(params: Params, ssl: SslBackend, notFound = "FailedOperation.CertificateNotFound"): FreeApplication {
  const id = requireString(params, "CertificateId");
  const app = ssl.application(id);
  if (!app) throw new ApiError(notFound, `The certificate ${id} does not exist.`);
  return app;
}

function describeCertificate(params: Params, ssl: SslBackend) {
  const id = requireString(params, "CertificateId");
  const app = ssl.application(id);
  if (app) return describeFree(ssl, app);
  const record = ssl.certificate(id);
  if (!record) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${id} does not exist.`);
  return describeStored(ssl, record);
}

function completeCertificate(params: Params, ssl: SslBackend) {
  const app = requestedApplication(params, ssl, "FailedOperation.CertificateNotFoundOrAudited");
  completeFreeCertificate(app);
  ssl.application(app.id);
  return { CertificateId: app.id };
}

function checkVerification(params: Params, ssl: SslBackend) {
  const app = requestedApplication(params, ssl);
  return { VerificationResults: checkFreeCertificate(app, ssl.now(), ssl.freeSettings) };
}

/** SearchKey: "模糊匹配证书 ID、备注名称、证书域名" (a fuzzy match of the id, the alias and the certificate's domain names). */
function matchesSearch(row: Record<string, unknown>, key: string): boolean {
  const needle = key.toLowerCase();
  const names = [row.CertificateId, row.Alias, row.Domain, ...((row.SubjectAltName as unknown[]) ?? [])];
  return names.some((n) => typeof n === "string" && n.toLowerCase().includes(needle));
}

// guess: of DescribeCertificates' many filters Offset, Limit (default 10, at most 1000), FilterSource (upload / buy),
// SearchKey (case-insensitive substring), CertificateStatus and CertIds are modelled, the others ignored; newest
// application first, as the spec's default order.
function describeCertificates(params: Params, ssl: SslBackend) {
  // The spec's request check lets integers through as numbers or numeric strings (the documented examples send "0").
  const offset = optionalInt(params, "Offset") ?? 0;
  const limit = Math.min(optionalInt(params, "Limit") ?? 10, 1000);
  const source = optionalString(params, "FilterSource");
  const search = optionalString(params, "SearchKey");
  const statuses = (params.CertificateStatus as (number | string)[] | undefined)?.map(Number); // the spec check let only uint64 through
  const ids = params.CertIds as string[] | undefined;
  const free = ssl.allApplications();
  const freeIds = new Set(free.map((a) => a.id));
  const rows = [
    ...free.map((a) => ({ at: a.appliedAt, row: listingRow(ssl, describeFree(ssl, a), a) })),
    ...ssl.allCertificates().filter((r) => !freeIds.has(r.id))
      .map((r) => ({ at: r.insertTime, row: listingRow(ssl, describeStored(ssl, r), undefined) })),
  ].filter(({ row }) => !source || (source === "upload") === (row.From === "upload"))
    .filter(({ row }) => !search || matchesSearch(row, search))
    .filter(({ row }) => !statuses?.length || statuses.includes(row.Status as number))
    .filter(({ row }) => !ids?.length || ids.includes(row.CertificateId as string))
    .sort((a, b) => b.at - a.at)
    .map(({ row }) => row);
  return { TotalCount: rows.length, Certificates: rows.slice(offset, offset + limit) };
}

export const sslActions: Record<ActionName<"ssl">, ActionHandler<SslBackend>> = {
  UploadCertificate: uploadCertificate,
  DescribeCertificateDetail: describeCertificateDetail,
  DeleteCertificate: deleteCertificateAction,
  ModifyCertificateAlias: modifyCertificateAlias,
  ApplyCertificate: applyCertificate,
  DescribeCertificate: describeCertificate,
  CompleteCertificate: completeCertificate,
  CheckCertificateDomainVerification: checkVerification,
  DescribeCertificates: describeCertificates,
  CancelCertificateOrder: cancelCertificateOrder,
};
