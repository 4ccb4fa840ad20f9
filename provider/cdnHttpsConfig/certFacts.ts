// What we report about the certificate a domain uses: source, expiry, SHA-256 fingerprint, names.
// Self-owned: from our own parse of the PEM. Hosted: from SSL Certificate Management.
import { domainMatches, rememberedFacts } from "../certificate";
import type { CdnHttpsConfigComputed } from "./definition";
import { messages } from "../messages";
import { certificateNames, chinaTimeToIso, cloudCertificateProblem, sameMaterial } from "../rules/sslCertificate";
import type { DescribeCertificateDetailResponse } from "../tencentcloud/types";

/** The certificate part of the computed outputs (see shape.ts). */
export type CertFacts = Pick<CdnHttpsConfigComputed, "certSource" | "certExpiresAt" | "certFingerprint" | "certChainFingerprint" | "certDomains">;

export function selfOwnedFacts(certificate: string): CertFacts {
  const facts = rememberedFacts(certificate);
  return {
    certSource: "self-owned",
    certExpiresAt: facts?.notAfter,
    certFingerprint: facts?.fingerprintSha256,
    certChainFingerprint: facts?.chainFingerprintSha256,
    certDomains: facts?.sans,
  };
}

/** Whether recorded outputs hold the same self-owned certificate (see sameMaterial); PEM text never matters. */
export function sameSelfOwnedCertificate(recorded: { certSource?: string; certFingerprint?: string; certChainFingerprint?: string }, facts: CertFacts): boolean {
  return recorded.certSource === "self-owned" && sameMaterial(
    { leaf: recorded.certFingerprint, chain: recorded.certChainFingerprint },
    { leaf: facts.certFingerprint, chain: facts.certChainFingerprint },
  );
}

export function hostedFacts(detail: DescribeCertificateDetailResponse): CertFacts {
  const parsed = rememberedFacts(detail.CertificatePublicKey ?? undefined);
  return {
    certSource: "hosted",
    certExpiresAt: parsed?.notAfter ?? chinaTimeToIso(detail.CertEndTime),
    certFingerprint: parsed?.fingerprintSha256,
    certDomains: certificateNames(detail, parsed?.sans ?? []),
  };
}

/** Why a hosted certificate cannot serve this domain (missing, not issued, expired, other names), or undefined. */
export function hostedCertificateProblem(certId: string, detail: DescribeCertificateDetailResponse | undefined, domain: string | undefined, now: Date): string | undefined {
  if (!detail) return messages.certificateNotFound(certId);
  const problem = cloudCertificateProblem(detail, now);
  if (problem) return problem;
  if (domain === undefined) return undefined;
  const names = hostedFacts(detail).certDomains ?? [];
  if (names.length > 0 && !domainMatches(domain, names)) {
    return messages.certificateDoesNotCover(certId, names, domain);
  }
  return undefined;
}
