// The SSL service's rules for stored certificates: uploads (parsed, key-checked, matched by leaf), a
// certificate's detail view and its status, deletion (unchecked by default, as the spec says). Never stores a private key.
import { ApiError } from "../../core/errors";
import { assertKeyMatches, CertError, parseCertificate, ParsedCertificate } from "../../core/certs";
import { chinaTime } from "../../core/format";
import type { SslBackend, SslCertificateRecord } from "./model";
import { statusName } from "./statuses";

export interface UploadInput {
  certificate: string;
  privateKey?: string;
  keyPassword?: string;
  alias?: string;
  certificateType?: string;
  certificateUse?: string;
  projectId?: number;
  repeatable: boolean;
  tags?: { TagKey: string; TagValue: string }[];
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
export function storeUpload(ssl: SslBackend, input: UploadInput, cert: ParsedCertificate): StoredUpload {
  const existing = input.repeatable ? undefined : ssl.withFingerprint(cert.fingerprint);
  // guess: a matched upload is not stored, so the existing certificate keeps its own tags (the
  // documented answer only names the match); the new request's tags are dropped.
  if (existing) return { record: existing, repeated: true };
  const record: SslCertificateRecord = {
    id: ssl.newCertificateId(),
    numericId: ssl.allocateNumericId(),
    cert,
    from: "upload",
    alias: input.alias ?? "",
    certificateType: input.certificateType ?? "SVR",
    certificateUse: input.certificateUse,
    projectId: input.projectId ?? 0,
    insertTime: ssl.now(),
    tags: input.tags ?? [],
  };
  ssl.addCertificate(record);
  return { record, repeated: false };
}

/** 1 valid, 3 expired by the emulator clock, unless the seed fixed a status. */
export function certificateStatus(record: SslCertificateRecord, now: number): number {
  if (record.status !== undefined) return record.status;
  return record.cert.notAfter < now ? 3 : 1;
}


/** "RSA 2048" / "ECC 256", as EncryptAlgorithm shows a key. */
function algorithmOf(cert: ParsedCertificate): string {
  const key = cert.leaf.publicKey;
  const d = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === "rsa") return `RSA ${d.modulusLength ?? 2048}`;
  const curve = d.namedCurve === "secp384r1" ? 384 : 256;
  return `ECC ${curve}`;
}

/** Whole months between two instants, as ValidityPeriod shows them ("3", "12"). */
function monthsBetween(from: number, to: number): string {
  return String(Math.max(1, Math.round((to - from) / (30.44 * 86400_000))));
}

/**
 * The package of a hosted certificate (PackageType's documented values). guess: a seeded hosted
 * certificate is TrustAsia's, and the free product (83) covers exactly one name and no wildcard, so
 * a wildcard is TrustAsia's DV wildcard (12) and several names its DV multi-domain product (11).
 */
function hostedProduct(names: string[]): { packageType: string; name: string } {
  if (names.some((n) => n.startsWith("*."))) return { packageType: "12", name: "TrustAsia 域名型（DV）通配符" };
  if (names.length > 1) return { packageType: "11", name: "TrustAsia 域名型多域名 SSL 证书" };
  return { packageType: "83", name: "TrustAsia C1 DV Free" };
}

/**
 * DescribeCertificateDetail's view: every member the spec requires. guess (the real API's values for
 * an uploaded certificate are undocumented): ProductZhName and CertType "" and IsDv/RenewAble false for
 * an upload; hosted ones look like the documented TrustAsia example. Never the private key: the real
 * API returns CertificatePrivateKey for uploads, the emulator answers null (which the spec allows).
 */
export function certificateDetail(ssl: SslBackend, record: SslCertificateRecord): Record<string, unknown> {
  const status = certificateStatus(record, ssl.now());
  const cert = record.cert;
  const domain = cert.commonName.toLowerCase();
  const uploaded = record.from === "upload";
  const names = cert.sans.length > 0 ? cert.sans : [domain];
  const product = uploaded ? undefined : hostedProduct(names);
  return {
    OwnerUin: ssl.account.uin,
    ProjectId: String(record.projectId),
    From: record.from,
    CertificateType: record.certificateType,
    PackageType: product?.packageType ?? null,
    ProductZhName: product?.name ?? "",
    Domain: cert.commonName,
    Alias: record.alias,
    Status: status,
    StatusMsg: null,
    VerifyType: uploaded ? null : "DNS_AUTO",
    VulnerabilityStatus: "INACTIVE",
    CertBeginTime: chinaTime(cert.notBefore),
    CertEndTime: chinaTime(cert.notAfter),
    ValidityPeriod: monthsBetween(cert.notBefore, cert.notAfter),
    InsertTime: chinaTime(record.insertTime),
    OrderId: null,
    CertificateExtra: { DomainNumber: String(names.length), SMCert: 0, CompanyType: 0 },
    CertificatePrivateKey: null,
    CertificatePublicKey: cert.pem,
    CertificateId: record.id,
    TypeName: product?.name ?? null,
    StatusName: statusName(status),
    SubjectAltName: cert.sans.filter((n) => n !== domain),
    IsVip: false,
    IsWildcard: names.some((n) => n.startsWith("*.")),
    IsDv: !uploaded,
    IsVulnerability: false,
    RenewAble: !uploaded,
    Deployable: status === 1,
    Tags: record.tags.map((t) => ({ ...t })),
    CertFingerprint: cert.sha1,
    EncryptAlgorithm: algorithmOf(cert),
    DvRevokeAuthDetail: [],
    CertChainInfo: cert.bundle.map((c) => ({
      Issuer: c.issuer.split("\n").find((l) => l.startsWith("CN="))?.slice(3) ?? c.issuer,
      Subject: c.subject.split("\n").find((l) => l.startsWith("CN="))?.slice(3) ?? c.subject,
      Fingerprint: c.fingerprint256.replace(/:/g, "").toLowerCase(),
      ValidFrom: chinaTime(Date.parse(c.validFrom)),
      ValidTo: chinaTime(Date.parse(c.validTo)),
    })),
    DomainType: names.length > 1 ? 2 : 1,
    CertType: uploaded ? "" : "DV",
    UseCrossSignRoot: false,
  };
}

/** The record of a certificate id, or the API's not-found error. */
export function certificateById(ssl: SslBackend, id: string): SslCertificateRecord {
  const record = ssl.certificate(id);
  if (!record) throw new ApiError("FailedOperation.CertificateNotFound", `The certificate ${id} does not exist.`);
  return record;
}

/**
 * DeleteCertificate. The spec's IsCheckResource: "删除时是否检查证书关联了云资源。默认不检查" (whether
 * the delete checks the cloud resources the certificate is associated with; by default it does not).
 * Without the check the certificate goes even while CDN or CSS domains use it. guess: those domains
 * keep what they were given (CSS and CDN hold their own copy: CSS shows it under its own numeric
 * CertId), so a CSS binding stays, still names the deleted CloudCertId in
 * DescribeLiveDomainCertBindings and DescribeLiveDomainCert, and keeps HTTPS as it was; it cannot be
 * bound anew to that id. With the check, a certificate still used is refused (DeleteResourceFailed,
 * "证书已关联云资源，无法删除", errors.json) instead of the documented asynchronous task.
 */
export function deleteCertificate(ssl: SslBackend, id: string, checkResources: boolean): void {
  const record = certificateById(ssl, id);
  const bound = ssl.usersOf(id);
  if (checkResources && bound.length > 0) {
    throw new ApiError("FailedOperation.DeleteResourceFailed", `The certificate ${id} is still associated with cloud resources: ${bound.join(", ")}. Unbind it first.`);
  }
  if (bound.length > 0) ssl.keepForBindings(record);
  ssl.removeCertificate(id);
}
