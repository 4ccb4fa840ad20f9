// SSL Certificate Management (ssl): every call the resources and the CLI make, for one account's
// client, each with its "not found" turned into undefined (or the catalogue's sentence) in this one
// place. No rules: those are in rules/sslCertificate.ts.
import { messages } from "../messages";
import { isNotFound, TencentCloudError } from "../tencentcloud";
import type {
  ApplyCertificateRequest, DeleteCertificateResponse, DescribeCertificateDetailResponse, DescribeCertificateResponse, DomainValidationResult,
  UploadCertificateRequest,
} from "../tencentcloud/types";
import type { TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";

/** DescribeCertificates' page maximum. */
const CERTIFICATES_PAGE = 1000;
/** ApplyCertificate's only package: 83 = TrustAsia C1 DV Free. */
const FREE_PACKAGE = "83";

/**
 * Whether SSL Certificate Management refused a delete because cloud resources still use the
 * certificate (errors.json: BoundResources "有未解绑的云资源", DeleteResourceFailed "证书已关联云资源").
 * Without IsCheckResource the API does not check (the spec: "默认不检查"), so callers look first;
 * this catches what they could not see.
 */
export function isStillUsedRefusal(e: unknown): e is TencentCloudError {
  return e instanceof TencentCloudError && (e.code === "FailedOperation.BoundResources" || e.code === "FailedOperation.DeleteResourceFailed");
}

export class SslService {
  constructor(private readonly client: TencentCloudClient) {}

  /** A certificate's detail (CertificateId always set), or undefined when there is none with this id. */
  async findCertificate(certificateId: string): Promise<DescribeCertificateDetailResponse | undefined> {
    try {
      const detail = await this.client.ssl.describeCertificateDetail({ CertificateId: certificateId });
      return { ...detail, CertificateId: detail.CertificateId ?? certificateId };
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** A certificate state refers to: its absence is the catalogue's "no longer exists" error. */
  async requireCertificate(certificateId: string): Promise<DescribeCertificateDetailResponse> {
    const detail = await this.findCertificate(certificateId);
    if (!detail) throw new Error(messages.certificateGone(certificateId));
    return detail;
  }

  /** UploadCertificate, saying whether an earlier lost attempt may have stored it already. */
  uploadCertificate(request: UploadCertificateRequest) {
    return this.client.ssl.uploadCertificateOutcome(request);
  }

  /** Sets the certificate's name (alias) in the SSL console; a certificate gone is the "no longer exists" error. */
  async renameCertificate(certificateId: string, alias: string): Promise<void> {
    try {
      await this.client.ssl.modifyCertificateAlias({ CertificateId: certificateId, Alias: alias });
    } catch (e) {
      if (isNotFound(e)) throw new Error(messages.certificateGone(certificateId));
      throw e;
    }
  }

  /** Deletes a certificate; `"gone"` when it was already deleted. */
  async deleteCertificate(certificateId: string): Promise<DeleteCertificateResponse | "gone"> {
    try {
      return await this.client.ssl.deleteCertificate({ CertificateId: certificateId });
    } catch (e) {
      if (isNotFound(e)) return "gone";
      throw e;
    }
  }

  // ---------------------------------------------------------------- free certificates (FreeCertificate)

  async applyCertificate(request: ApplyCertificateRequest): Promise<string> {
    return (await this.client.ssl.applyCertificate(request)).CertificateId;
  }

  /** DescribeCertificate (no PEM, no key), or undefined when there is no certificate with this id. */
  async findFreeCertificate(id: string): Promise<DescribeCertificateResponse | undefined> {
    try {
      return await this.client.ssl.describeCertificate({ CertificateId: id });
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The issued PEM (chain) of a certificate, or undefined; the answer's private key is dropped here, unread. */
  async issuedPem(id: string): Promise<string | undefined> {
    return (await this.findCertificate(id))?.CertificatePublicKey || undefined;
  }

  /** CompleteCertificate: ask the CA to verify the domain now. */
  async completeCertificate(id: string): Promise<void> {
    await this.client.ssl.completeCertificate({ CertificateId: id });
  }

  async checkDomainVerification(id: string): Promise<DomainValidationResult[]> {
    return (await this.client.ssl.checkCertificateDomainVerification({ CertificateId: id })).VerificationResults ?? [];
  }

  /** Every free TrustAsia certificate of the account (DescribeCertificates, Tencent Cloud's own only). */
  async listFreeCertificates(): Promise<DescribeCertificateResponse[]> {
    const all = await collectPages(CERTIFICATES_PAGE, async (i) => {
      const page = await this.client.ssl.describeCertificates({ Offset: i * CERTIFICATES_PAGE, Limit: CERTIFICATES_PAGE, FilterSource: "buy" });
      return { rows: page.Certificates ?? [], total: page.TotalCount ?? 0 };
    });
    return all.filter((c) => c.PackageType === FREE_PACKAGE);
  }
}
