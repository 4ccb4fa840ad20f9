// What we report about the certificate a domain uses: source, expiry, SHA-256 fingerprint, names.
// Self-owned: from our own parse of the PEM. Hosted: from SSL Certificate Management.
import { domainMatches, rememberedFacts } from "../certificate";
import type { CdnHttpsConfigComputed } from "./definition";
import { messages } from "../messages";
import { certificateNames, chinaTimeToIso, cloudCertificateProblem, sameMaterial } from "../rules/sslCertificate";
import type { DescribeCertificateDetailResponse } from "../tencentcloud/types";

/** The certificate part of the computed outputs (see shape.ts). */
export type CertFacts = Pick<CdnHttpsConfigComputed, "source" | "expiresAt" | "fingerprint" | "chainFingerprint" | "dnsNames">;

export function selfOwnedFacts(certificate: string): CertFacts {
  const facts = rememberedFacts(certificate);
  return {
    source: "self-owned",
    expiresAt: facts?.notAfter,
    fingerprint: facts?.fingerprintSha256,
    chainFingerprint: facts?.chainFingerprintSha256,
    dnsNames: facts?.sans,
  };
}

/** Whether recorded outputs hold the same self-owned certificate (see sameMaterial); PEM text never matters. */
export function sameSelfOwnedCertificate(recorded: { source?: string; fingerprint?: string; chainFingerprint?: string }, facts: CertFacts): boolean {
  return recorded.source === "self-owned" && sameMaterial(
    { leaf: recorded.fingerprint, chain: recorded.chainFingerprint },
    { leaf: facts.fingerprint, chain: facts.chainFingerprint },
  );
}

export function hostedFacts(detail: DescribeCertificateDetailResponse): CertFacts {
  const parsed = rememberedFacts(detail.CertificatePublicKey ?? undefined);
  return {
    source: "hosted",
    expiresAt: parsed?.notAfter ?? chinaTimeToIso(detail.CertEndTime),
    fingerprint: parsed?.fingerprintSha256,
    dnsNames: certificateNames(detail, parsed?.sans ?? []),
  };
}

/** Why a hosted certificate cannot serve this domain (missing, not issued, expired, other names), or undefined. */
export function hostedCertificateProblem(certificateId: string, detail: DescribeCertificateDetailResponse | undefined, domain: string | undefined, now: Date): string | undefined {
  if (!detail) return messages.certificateNotFound(certificateId);
  const problem = cloudCertificateProblem(detail, now);
  if (problem) return problem;
  if (domain === undefined) return undefined;
  const names = hostedFacts(detail).dnsNames ?? [];
  if (names.length > 0 && !domainMatches(domain, names)) {
    return messages.certificateDoesNotCover(certificateId, names, domain);
  }
  return undefined;
}
