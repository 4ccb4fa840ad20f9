// SSL Certificate Management (ssl): every call the resources and the CLI make, for one account's
// client, each with its "not found" turned into undefined (or the catalogue's sentence) in this one
// place. No rules: those are in rules/sslCertificate.ts.
import { messages } from "../messages";
import { isNotFound, mayHaveApplied, TencentCloudError } from "../tencentcloud";
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
/** How many times a write that makes a certificate is sent while its answers are lost and nothing it made is found. */
const MAKING_ATTEMPTS = 3;

/**
 * A write that makes a certificate and has no idempotency token (the client does not repeat it when
 * its answer is lost): after a lost answer `find` looks for what it made, and only when it finds
 * nothing is it sent again. `found`: the id came from that look.
 */
async function writeOnce(send: () => Promise<string>, find: () => Promise<string | undefined>): Promise<{ id: string; found: boolean }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return { id: await send(), found: false };
    } catch (e) {
      if (!mayHaveApplied(e) || attempt >= MAKING_ATTEMPTS) throw e;
      const found = await find();
      if (found) return { id: found, found: true };
    }
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

  /** UploadCertificate with Repeatable false, saying whether an earlier lost attempt may have stored it already. */
  uploadCertificate(request: UploadCertificateRequest & { Repeatable: false }) {
    return this.client.ssl.uploadCertificateOutcome(request);
  }

  /**
   * UploadCertificate with Repeatable true: one more copy. An attempt whose answer was lost is not
   * repeated blindly; `findUploaded` looks for the copy it stored (see writeOnce).
   */
  uploadCopy(request: UploadCertificateRequest, findUploaded: () => Promise<string | undefined>): Promise<{ id: string; found: boolean }> {
    return writeOnce(async () => (await this.client.ssl.uploadCertificateOutcome({ ...request, Repeatable: true })).response.CertificateId, findUploaded);
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

  /** ApplyCertificate: each attempt that lands is another application (see writeOnce). */
  applyCertificate(request: ApplyCertificateRequest, findApplied: () => Promise<string | undefined>): Promise<{ id: string; found: boolean }> {
    return writeOnce(async () => (await this.client.ssl.applyCertificate(request)).CertificateId, findApplied);
  }

  /**
   * The certificates whose id, alias or domain contain `searchKey` ("模糊匹配"), newest first: Tencent
   * Cloud's own ("buy": free ones included) or uploaded ones.
   */
  searchCertificates(searchKey: string, source: "buy" | "upload"): Promise<DescribeCertificateResponse[]> {
    return collectPages(CERTIFICATES_PAGE, async (i) => {
      const page = await this.client.ssl.describeCertificates({ Offset: i * CERTIFICATES_PAGE, Limit: CERTIFICATES_PAGE, FilterSource: source, SearchKey: searchKey });
      return { rows: page.Certificates ?? [], total: page.TotalCount ?? 0 };
    });
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
