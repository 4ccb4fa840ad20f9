// How DescribeCertificate(s) and DescribeCertificateDetail show a certificate: a free application
// (pending, issued or in an event's status) in the spec's shape, a stored certificate (an upload, a
// seeded one) through its detail view, and the listing's own members. No PEM, never a key.
import { chinaTime } from "../../core/format";
import { specOf } from "../../core/spec";
import { certificateDetail } from "./certificates";
import { FreeApplication, freeDvAuthDetail, freeStatus, VALIDATION_WINDOW_MS } from "./free";
import type { SslBackend, SslCertificateRecord } from "./model";
import { statusName } from "./statuses";

/** What a free application's status and relations make of the members every view shares. */
function freeStatusMembers(ssl: SslBackend, app: FreeApplication): Record<string, unknown> {
  const status = freeStatus(app, ssl.now());
  return {
    Status: status.code, StatusMsg: status.message, StatusName: statusName(status.code), VerifyType: app.method,
    CertificateExtra: {
      DomainNumber: "1", OriginCertificateId: app.renews ?? null, ReplacedBy: app.reissueOf ?? null, ReplacedFor: app.reissuedAs ?? null,
      RenewOrder: app.renewedBy ?? null, SMCert: 0, CompanyType: 1,
    },
    RenewAble: ssl.renewalRefusal(app) === undefined, Deployable: status.code === 1,
  };
}

/** DescribeCertificate's answer for a free certificate (no PEM, never a key). */
export function describeFree(ssl: SslBackend, app: FreeApplication): Record<string, unknown> {
  const issued = app.issued;
  return {
    OwnerUin: ssl.account.uin, ProjectId: "0", From: "trustasia", CertificateType: "SVR", PackageType: "83",
    ProductZhName: "TrustAsia C1 DV Free", Domain: app.domain, Alias: app.alias, VulnerabilityStatus: "INACTIVE",
    CertBeginTime: issued ? chinaTime(issued.notBefore) : null, CertEndTime: issued ? chinaTime(issued.notAfter) : null,
    ValidityPeriod: "3", InsertTime: chinaTime(app.appliedAt), OrderId: `emu_${app.id}`,
    DvAuthDetail: freeDvAuthDetail(app), VulnerabilityReport: null, CertificateId: app.id,
    PackageTypeName: "TrustAsia C1 DV Free", SubjectAltName: [app.domain], IsVip: false, IsWildcard: false, IsDv: true, IsVulnerability: false,
    SubmittedData: null, Tags: [], CAEncryptAlgorithms: [], CACommonNames: [], CAEndTimes: [], DvRevokeAuthDetail: [],
    ...freeStatusMembers(ssl, app),
  };
}

/** DescribeCertificateDetail of a stored certificate; an issued free certificate shows its application's status and relations. */
export function detailOf(ssl: SslBackend, record: SslCertificateRecord): Record<string, unknown> {
  const detail = certificateDetail(ssl, record);
  const app = ssl.application(record.id);
  return app ? { ...detail, ...freeStatusMembers(ssl, app) } : detail;
}

// DescribeCertificate's members the spec marks output_required, beyond what the detail view has.
const DESCRIBE_MEMBERS = ["ProductZhName", "VerifyType", "VulnerabilityStatus", "ValidityPeriod", "OrderId", "CertificateExtra",
  "DvAuthDetail", "VulnerabilityReport", "PackageTypeName", "IsVip", "IsDv", "IsVulnerability", "RenewAble", "SubmittedData",
  "Tags", "CAEncryptAlgorithms", "CACommonNames", "CAEndTimes", "DvRevokeAuthDetail"];

/** A certificate that is not a free application (an upload, a seeded one), as DescribeCertificate shows it. */
export function describeStored(ssl: SslBackend, record: SslCertificateRecord): Record<string, unknown> {
  const { CertificatePublicKey: _pem, CertFingerprint: _sha1, ...rest } = certificateDetail(ssl, record);
  return { ...Object.fromEntries(DESCRIBE_MEMBERS.map((m) => [m, null])), ...rest };
}

/**
 * One row of DescribeCertificates: DescribeCertificate's fields plus the listing's own (output_required in the spec).
 * As the documented examples of free certificates show: DVAuthDeadline seven days after InsertTime, ValidationPassedTime
 * "--" (issued ones too), EncryptAlgorithm "RSA 2048". A string member the listing's spec does not let be null, which the
 * views leave without a value, is "" (guess: the real API's empty value where null is not allowed), never the shaping's
 * documented example: that would show a pending certificate valid until "2019-09-18 20:00:00", or an upload as verified
 * by "DNS_AUTO". HostingStatus is -1 (not hosted).
 */
export function listingRow(ssl: SslBackend, row: Record<string, unknown>, app: FreeApplication | undefined): Record<string, unknown> {
  const id = row.CertificateId as string;
  const ends = app?.issued?.notAfter;
  const listed: Record<string, unknown> = {
    ...row,
    ProjectInfo: null, BoundResource: ssl.usersOf(id), IsIgnore: false, IsSM: false,
    EncryptAlgorithm: app ? (app.keyAlgorithm === "ECC" ? "ECC 256" : "RSA 2048") : row.EncryptAlgorithm, PreAuditInfo: null, AutoRenewFlag: 0, HostingStatus: -1,
    HostingCompleteTime: null, HostingRenewCertId: null, HasRenewOrder: app?.renewedBy ?? null, ReplaceOriCertIsDelete: false,
    IsExpiring: ends !== undefined && ends - ssl.now() <= 30 * 86_400_000,
    DVAuthDeadline: app ? chinaTime(app.appliedAt + VALIDATION_WINDOW_MS) : null,
    ValidationPassedTime: app ? "--" : null, CertSANs: row.SubjectAltName ?? [],
    AwaitingValidationMsg: null, AllowDownload: true, IsDNSPODResolve: app?.method === "DNS_AUTO", IsPackage: false,
    KeyPasswordCustomFlag: false, SupportDownloadType: null, IsHostingUploadRenewCert: false,
    CertRevokedTime: null, HostingResourceTypes: [], ServiceId: null, ServiceStatus: null, CertServiceBeginTime: null,
    CertServiceEndTime: null, CertServiceShareEnabled: false, CertServiceValidCertificateCount: 0, HostingConfig: null,
  };
  for (const m of specOf("ssl").object("Certificates").members) {
    if (m.type === "string" && !m.value_allowed_null && (listed[m.name] === null || listed[m.name] === undefined)) listed[m.name] = "";
  }
  return listed;
}
