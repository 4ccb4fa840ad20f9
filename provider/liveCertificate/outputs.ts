// Building LiveCertificate outputs from what we know: the local PEM (self-owned) or SSL
// Certificate Management's detail (hosted, import). Pure.
import { CertificateFacts, inspectCertificate, InspectResult } from "../certificate";
import { certificateNames, chinaTimeToIso, CertSource } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import type { DescribeCertificateDetailResponse } from "../tencentcloud";
import type { LiveCertificateOutputs } from "./shape";

/**
 * Facts of the PEMs this process has parsed, oldest first: check, diff and create of one resource
 * each ask for the same certificate's, and parsing a chain is the larger part of their time. A
 * certificate is public, and its facts depend on its text alone.
 */
const factsByPem = new Map<string, CertificateFacts | undefined>();
const FACTS_KEPT = 1_000;

function remember(pem: string, facts: CertificateFacts | undefined): void {
  if (factsByPem.size >= FACTS_KEPT) factsByPem.delete(factsByPem.keys().next().value!);
  factsByPem.set(pem, facts);
}

export function factsOf(pem: string | undefined): CertificateFacts | undefined {
  if (!pem) return undefined;
  if (!factsByPem.has(pem)) remember(pem, inspectCertificate({ certificate: pem }).facts);
  return factsByPem.get(pem);
}

/** inspectCertificate of a certificate with its key; the facts, which the key does not change, become factsOf's. */
export function inspectWithKey(certificate: string, privateKey: string): InspectResult {
  const result = inspectCertificate({ certificate, privateKey });
  remember(certificate, result.facts);
  return result;
}

/** SHA-256 over every certificate of the chain, or undefined when the PEM does not parse. */
export function chainFingerprintOf(pem: string | undefined): string | undefined {
  return factsOf(pem)?.chainFingerprintSha256;
}

export function certificateOutputs(input: {
  cloudCertId: string;
  source: CertSource;
  /** True when this resource did not upload the certificate (see LiveCertificateOutputs.adopted). */
  adopted: boolean;
  remarks?: string;
  /** Self-owned: the PEM as the user gave it; it becomes an output (never the key). */
  certificate?: string;
  /** From SSL Certificate Management, when asked (hosted, import, refresh). */
  detail?: DescribeCertificateDetailResponse;
}): LiveCertificateOutputs {
  const facts = factsOf(input.certificate) ?? factsOf(input.detail?.CertificatePublicKey);
  const domains = facts ? [...facts.sans] : input.detail ? certificateNames(input.detail) : [];
  return withoutUndefined({
    cloudCertId: input.cloudCertId,
    source: input.source,
    adopted: input.adopted,
    remarks: input.remarks,
    expiresAt: facts?.notAfter ?? chinaTimeToIso(input.detail?.CertEndTime),
    domains,
    fingerprint: facts?.fingerprintSha256,
    chainFingerprint: facts?.chainFingerprintSha256,
    certificate: input.source === "self-owned" ? input.certificate ?? input.detail?.CertificatePublicKey : undefined,
  });
}
