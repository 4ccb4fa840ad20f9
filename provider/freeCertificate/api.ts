// The SSL calls of free certificates, each with its "not found" handled here. No rules: those are in
// rules.ts. (Wire shapes per the SSL API spec, ssl 2019-12-05; docs/reference/tencentcloud-api.md.)
import { getClient } from "../config";
import { isNotFound, TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type { DescribeCertificateDetailResponse } from "../tencentcloud/types";
import type { DomainValidationResult, DvAuthDetail } from "./rules";

export interface ApplyCertificateRequest {
  DvAuthMethod: string;
  DomainName: string;
  CsrEncryptAlgo?: "RSA" | "ECC";
  CsrKeyParameter?: "2048" | "prime256v1";
  Alias?: string;
  OldCertificateId?: string;
  ValidityPeriod?: "3";
}

/** DescribeCertificate: status, dates and validation records of a free certificate, never its PEM or key. */
export interface DescribeCertificateResponse {
  CertificateId?: string | null;
  Domain?: string | null;
  Alias?: string | null;
  Status?: number | null;
  StatusMsg?: string | null;
  VerifyType?: string | null;
  CertBeginTime?: string | null;
  CertEndTime?: string | null;
  InsertTime?: string | null;
  SubjectAltName?: string[] | null;
  DvAuthDetail?: DvAuthDetail | null;
  CertificateExtra?: { OriginCertificateId?: string | null; RenewOrder?: string | null } | null;
}

export async function applyCertificate(request: ApplyCertificateRequest): Promise<string> {
  return (await getClient().call<{ CertificateId: string }>("ssl", "ApplyCertificate", request)).CertificateId;
}

/** DescribeCertificate, or undefined when there is no certificate with this id. */
export async function findFreeCertificate(id: string): Promise<DescribeCertificateResponse | undefined> {
  try {
    return await getClient().call<DescribeCertificateResponse>("ssl", "DescribeCertificate", { CertificateId: id });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** The issued PEM (chain), or undefined; the answer's private key is dropped here, unread. */
export async function issuedPem(id: string): Promise<string | undefined> {
  const { CertificatePublicKey } = await getClient().ssl.describeCertificateDetail({ CertificateId: id }) as DescribeCertificateDetailResponse;
  return CertificatePublicKey || undefined;
}

/** CompleteCertificate: ask the CA to verify the domain now. */
export async function completeCertificate(id: string): Promise<void> {
  await getClient().call("ssl", "CompleteCertificate", { CertificateId: id });
}

export async function checkDomainVerification(id: string): Promise<DomainValidationResult[]> {
  const answer = await getClient().call<{ VerificationResults?: DomainValidationResult[] | null }>("ssl", "CheckCertificateDomainVerification", { CertificateId: id });
  return answer.VerificationResults ?? [];
}

export async function renameFreeCertificate(id: string, alias: string | undefined): Promise<void> {
  await getClient().ssl.modifyCertificateAlias({ CertificateId: id, Alias: alias });
}

/** DeleteCertificate; "gone" when it was already deleted. Refusals propagate with their codes. */
export async function deleteFreeCertificate(id: string): Promise<boolean | "gone"> {
  try {
    return (await getClient().ssl.deleteCertificate({ CertificateId: id })).DeleteResult;
  } catch (e) {
    if (isNotFound(e)) return "gone";
    throw e;
  }
}

/** DescribeCertificates' page maximum. */
const CERTIFICATES_PAGE = 1000;
/** ApplyCertificate's only package: 83 = TrustAsia C1 DV Free. */
const FREE_PACKAGE = "83";

/** Every free TrustAsia certificate of the account (DescribeCertificates, Tencent Cloud's own only). */
export async function listFreeCertificates(client: TencentCloudClient): Promise<(DescribeCertificateResponse & { PackageType?: string | null })[]> {
  const all = await collectPages(CERTIFICATES_PAGE, async (i) => {
    const page = await client.call<{ TotalCount?: number; Certificates?: (DescribeCertificateResponse & { PackageType?: string | null })[] }>(
      "ssl", "DescribeCertificates", { Offset: i * CERTIFICATES_PAGE, Limit: CERTIFICATES_PAGE, FilterSource: "buy" });
    return { rows: page.Certificates ?? [], total: page.TotalCount ?? 0 };
  });
  return all.filter((c) => c.PackageType === FREE_PACKAGE);
}
