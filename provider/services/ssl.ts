// SSL Certificate Management (ssl): every call the resources make, each with its "not found" turned
// into undefined (or the catalogue's sentence) in this one place. No rules: those are in
// rules/sslCertificate.ts.
import { getClient } from "../config";
import { messages } from "../messages";
import { isNotFound } from "../tencentcloud";
import type { DeleteCertificateResponse, DescribeCertificateDetailResponse, UploadCertificateRequest } from "../tencentcloud/types";

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

/** Deletes a certificate; `"gone"` when it was already deleted. */
export async function deleteCertificate(certId: string): Promise<DeleteCertificateResponse | "gone"> {
  try {
    return await getClient().ssl.deleteCertificate({ CertificateId: certId });
  } catch (e) {
    if (isNotFound(e)) return "gone";
    throw e;
  }
}
