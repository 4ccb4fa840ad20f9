// SSL Certificate Management (ssl): every call the resources make, each with its "not found" turned
// into undefined (or the catalogue's sentence) in this one place. No rules: those are in
// rules/sslCertificate.ts.
import { getClient } from "../config";
import { messages } from "../messages";
import { isNotFound, TencentCloudError } from "../tencentcloud";
import type {
  ApplyCertificateRequest, DeleteCertificateResponse, DescribeCertificateDetailResponse, DescribeCertificateResponse, DomainValidationResult,
  UploadCertificateRequest,
} from "../tencentcloud/types";
import type { TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";

/** A certificate's detail (CertificateId always set), or undefined when there is none with this id. */
export async function findCertificate(certId: string): Promise<DescribeCertificateDetailResponse | undefined> {
  try {
    const detail = await getClient().ssl.describeCertificateDetail({ CertificateId: certId });
    return { ...detail, CertificateId: detail.CertificateId ?? certId };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** A certificate state refers to: its absence is the catalogue's "no longer exists" error. */
export async function requireCertificate(certId: string): Promise<DescribeCertificateDetailResponse> {
  const detail = await findCertificate(certId);
  if (!detail) throw new Error(messages.certificateGone(certId));
  return detail;
}

/** UploadCertificate, saying whether an earlier lost attempt may have stored it already. */
export function uploadCertificate(request: UploadCertificateRequest) {
  return getClient().ssl.uploadCertificateOutcome(request);
}

/** Sets the certificate's name (alias) in the SSL console; a certificate gone is the "no longer exists" error. */
export async function renameCertificate(certId: string, alias: string): Promise<void> {
  try {
    await getClient().ssl.modifyCertificateAlias({ CertificateId: certId, Alias: alias });
  } catch (e) {
    if (isNotFound(e)) throw new Error(messages.certificateGone(certId));
    throw e;
  }
}

/**
 * Whether SSL Certificate Management refused a delete because cloud resources still use the
 * certificate (errors.json: BoundResources "有未解绑的云资源", DeleteResourceFailed "证书已关联云资源").
 * Without IsCheckResource the API does not check (the spec: "默认不检查"), so callers look first;
 * this catches what they could not see.
 */
export function isStillUsedRefusal(e: unknown): e is TencentCloudError {
  return e instanceof TencentCloudError && (e.code === "FailedOperation.BoundResources" || e.code === "FailedOperation.DeleteResourceFailed");
}

/** Deletes a certificate; `"gone"` when it was already deleted. */
export async function deleteCertificate(certId: string): Promise<DeleteCertificateResponse | "gone"> {
  try {
    return await getClient().ssl.deleteCertificate({ CertificateId: certId });
  } catch (e) {
    if (isNotFound(e)) return "gone";
    throw e;
  }
}

// ------------------------------------------------------------------ free certificates (FreeCertificate)

export async function applyCertificate(request: ApplyCertificateRequest): Promise<string> {
  return (await getClient().ssl.applyCertificate(request)).CertificateId;
}

/** DescribeCertificate (no PEM, no key), or undefined when there is no certificate with this id. */
export async function findFreeCertificate(id: string): Promise<DescribeCertificateResponse | undefined> {
  try {
    return await getClient().ssl.describeCertificate({ CertificateId: id });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** The issued PEM (chain) of a certificate, or undefined; the answer's private key is dropped here, unread. */
export async function issuedPem(id: string): Promise<string | undefined> {
  return (await findCertificate(id))?.CertificatePublicKey || undefined;
}

/** CompleteCertificate: ask the CA to verify the domain now. */
export async function completeCertificate(id: string): Promise<void> {
  await getClient().ssl.completeCertificate({ CertificateId: id });
}

export async function checkDomainVerification(id: string): Promise<DomainValidationResult[]> {
  return (await getClient().ssl.checkCertificateDomainVerification({ CertificateId: id })).VerificationResults ?? [];
}

/** DescribeCertificates' page maximum. */
const CERTIFICATES_PAGE = 1000;
/** ApplyCertificate's only package: 83 = TrustAsia C1 DV Free. */
const FREE_PACKAGE = "83";

/** Every free TrustAsia certificate of the account (DescribeCertificates, Tencent Cloud's own only). */
export async function listFreeCertificates(client: TencentCloudClient): Promise<DescribeCertificateResponse[]> {
  const all = await collectPages(CERTIFICATES_PAGE, async (i) => {
    const page = await client.ssl.describeCertificates({ Offset: i * CERTIFICATES_PAGE, Limit: CERTIFICATES_PAGE, FilterSource: "buy" });
    return { rows: page.Certificates ?? [], total: page.TotalCount ?? 0 };
  });
  return all.filter((c) => c.PackageType === FREE_PACKAGE);
}
