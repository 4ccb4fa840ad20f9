// LiveCertificate's upload of self-owned material: idempotent, and with our own chain. The calls
// are in ../services/ssl.ts.
import { log } from "../runtime/log";
import { findCertificate, uploadCertificate as upload } from "../services/ssl";
import type { UploadCertificateRequest } from "../tencentcloud";
import { chainFingerprintOf } from "./outputs";

type Props = Record<string, any>;

function uploadRequest(inputs: Props, repeatable: boolean): UploadCertificateRequest {
  return {
    CertificatePublicKey: inputs.certificate,
    CertificatePrivateKey: inputs.privateKey,
    CertificateType: "SVR",
    CertificateUse: "LIVE",
    Alias: inputs.remarks,
    Repeatable: repeatable,
  };
}

/**
 * Whether the certificate SSL Certificate Management found for our leaf also holds our chain: it
 * dedupes by the leaf alone, so the one it names may serve other intermediates.
 */
async function holdsOurChain(cloudCertId: string, certificate: string): Promise<boolean> {
  const detail = await findCertificate(cloudCertId);
  if (!detail) return false;
  if (!detail.CertificatePublicKey) return true; // nothing to compare: the leaf matched
  return chainFingerprintOf(detail.CertificatePublicKey) === chainFingerprintOf(certificate);
}

/** A new certificate holding our chain, beside the one with the same leaf and another chain. */
async function uploadOurChain(inputs: Props, sameLeafId: string): Promise<{ cloudCertId: string; adopted: boolean }> {
  const { response, earlierAttemptMayHaveApplied } = await upload(uploadRequest(inputs, true));
  log.info(`certificate ${sameLeafId} in SSL Certificate Management has the same leaf but another chain; uploaded ours as ${response.CertificateId}`);
  if (earlierAttemptMayHaveApplied) {
    // Repeatable uploads are not deduplicated, and the lost answer's id cannot be found again.
    log.warn(`an earlier upload attempt's answer was lost and may have left a second copy of certificate ${response.CertificateId} in SSL Certificate Management; delete the extra copy in the SSL console if one appears`);
  }
  return { cloudCertId: response.CertificateId, adopted: false };
}

/**
 * Uploads self-owned material with Repeatable false, so a retry or a second stack gets the existing
 * id back instead of a duplicate; `adopted` says whether that certificate was already there.
 */
export async function uploadCertificate(inputs: Props): Promise<{ cloudCertId: string; adopted: boolean }> {
  const { response: answer, earlierAttemptMayHaveApplied } = await upload(uploadRequest(inputs, false));
  if (answer.RepeatCertId && !(await holdsOurChain(answer.RepeatCertId, inputs.certificate))) {
    return uploadOurChain(inputs, answer.RepeatCertId);
  }
  if (answer.RepeatCertId && earlierAttemptMayHaveApplied) {
    // Our own first attempt most likely stored it and lost its answer: it is ours to delete.
    log.info(`certificate uploaded to SSL Certificate Management as ${answer.RepeatCertId} (an earlier attempt's answer was lost; the retry found it)`);
    return { cloudCertId: answer.RepeatCertId, adopted: false };
  }
  if (answer.RepeatCertId) {
    log.info(`certificate already in SSL Certificate Management as ${answer.RepeatCertId} (same fingerprint); using it instead of a duplicate, and leaving it there on delete`);
    return { cloudCertId: answer.RepeatCertId, adopted: true };
  }
  log.info(`certificate uploaded to SSL Certificate Management as ${answer.CertificateId}`);
  return { cloudCertId: answer.CertificateId, adopted: false };
}
