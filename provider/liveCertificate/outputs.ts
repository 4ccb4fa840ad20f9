// Building LiveCertificate outputs from what we know: the local PEM (self-owned) or SSL
// Certificate Management's detail (hosted, import). Pure.
import { rememberedFacts } from "../certificate";
import { certificateSummary, CertSource } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import type { DescribeCertificateDetailResponse } from "../tencentcloud";
import type { LiveCertificateOutputs } from "./definition";

/** SHA-256 over every certificate of the chain, or undefined when the PEM does not parse. */
export function chainFingerprintOf(pem: string | undefined): string | undefined {
  return rememberedFacts(pem)?.chainFingerprintSha256;
}

export function certificateOutputs(input: {
  certificateId: string;
  source: CertSource;
  /** True when this resource did not upload the certificate (see LiveCertificateOutputs.adopted). */
  adopted: boolean;
  alias?: string;
  /** Self-owned: the PEM as the user gave it; it becomes an output (never the key). */
  certificate?: string;
  /** From SSL Certificate Management, when asked (hosted, import, refresh). */
  detail?: DescribeCertificateDetailResponse;
}): LiveCertificateOutputs {
  return withoutUndefined({
    certificateId: input.certificateId,
    source: input.source,
    adopted: input.adopted,
    alias: input.alias,
    ...certificateSummary(input.certificate ?? input.detail?.CertificatePublicKey ?? undefined, input.detail),
    certificate: input.source === "self-owned" ? input.certificate ?? input.detail?.CertificatePublicKey : undefined,
  });
}
