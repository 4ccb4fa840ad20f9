// Facts about certificates in SSL Certificate Management and the API's value formats, shared by
// the CDN and CSS resources (pure functions; docs/reference/tencentcloud-api.md §4).
import { domainMatches, rememberedFacts } from "../certificate";
import { messages } from "../messages";
import type { CheckFailure } from "../runtime/validate";
import type { DescribeCertificateDetailResponse } from "../tencentcloud/types";

export type CertSource = "self-owned" | "hosted";

/** The API's "YYYY-MM-DD hh:mm:ss" in UTC+8 (China Standard Time) as ISO 8601 UTC. */
export function chinaTimeToIso(text: string | undefined): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}:\d{2})$/.exec((text ?? "").trim());
  if (!m) return undefined;
  const date = new Date(`${m[1]}T${m[2]}+08:00`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** SSL's From: "upload" is a certificate someone uploaded; trustasia, wosign, sheca were issued there. */
export function sourceOfFrom(from: string | undefined): CertSource {
  return from === "upload" ? "self-owned" : "hosted";
}

/**
 * The DNS names a certificate in SSL Certificate Management covers, normalised. SANs parsed from
 * its PEM are authoritative when there are any (RFC 6125: no CN fallback then). Otherwise the
 * API's own fields: it reports the CN as `Domain` and the remaining SANs in `SubjectAltName`
 * (docs/reference/tencentcloud-api.md §4), so the two together are the certificate's names.
 */
export function certificateNames(detail: Pick<DescribeCertificateDetailResponse, "Domain" | "SubjectAltName">, sans: string[] = []): string[] {
  const names = sans.length > 0 ? sans : [detail.Domain ?? "", ...(detail.SubjectAltName ?? [])];
  return [...new Set(names.filter((n) => n.length > 0).map((n) => n.toLowerCase()))];
}

/** What every resource reports about a certificate it uses or is (one vocabulary: docs/contracts.md). */
export interface CertificateSummary {
  /** When it expires, ISO 8601 UTC. */
  expiresAt?: string;
  /** SHA-256 of the leaf, lowercase hex. */
  fingerprint?: string;
  /** SHA-256 over every certificate of the chain (DER, in order), lowercase hex. */
  chainFingerprint?: string;
  /** The DNS names it covers. */
  dnsNames: string[];
}

/**
 * A certificate's summary from its PEM when there is one (parsed once per process), else from what
 * SSL Certificate Management says of it (`detail`: its names and end time).
 */
export function certificateSummary(pem: string | undefined, detail?: Pick<DescribeCertificateDetailResponse, "Domain" | "SubjectAltName" | "CertEndTime">): CertificateSummary {
  const facts = rememberedFacts(pem || undefined);
  return {
    expiresAt: facts?.notAfter ?? chinaTimeToIso(detail?.CertEndTime),
    fingerprint: facts?.fingerprintSha256,
    chainFingerprint: facts?.chainFingerprintSha256,
    dnsNames: detail ? certificateNames(detail, facts?.sans) : [...(facts?.sans ?? [])],
  };
}

/** The names of a certificate in SSL Certificate Management: its PEM's SANs when it returns one, else its fields. */
export function hostedCertificateNames(detail: DescribeCertificateDetailResponse): string[] {
  return certificateSummary(detail.CertificatePublicKey ?? undefined, detail).dnsNames;
}

/** Why a certificate in SSL Certificate Management cannot be used, or undefined when it can. */
export function cloudCertificateProblem(detail: DescribeCertificateDetailResponse, now: Date): string | undefined {
  const id = detail.CertificateId ?? "the certificate";
  if (detail.Status === 3) return messages.certificateExpired(id);
  if (detail.Status !== undefined && detail.Status !== 1) return messages.certificateNotUsable(id, detail.StatusName || detail.StatusMsg || `status ${detail.Status}`);
  const end = chinaTimeToIso(detail.CertEndTime);
  if (end && new Date(end).getTime() <= now.getTime()) return messages.certificateExpiredOn(id, end);
  return undefined;
}

/**
 * Why a certificate in SSL Certificate Management cannot serve `domain` (when given): missing, not
 * issued, expired, or issued for other names; undefined when it can.
 */
export function hostedCertificateProblem(certificateId: string, detail: DescribeCertificateDetailResponse | undefined, domain: string | undefined, now: Date): string | undefined {
  if (!detail) return messages.certificateNotFound(certificateId);
  const problem = cloudCertificateProblem(detail, now);
  if (problem || domain === undefined) return problem;
  const names = hostedCertificateNames(detail);
  return names.length > 0 && !domainMatches(domain, names) ? messages.certificateDoesNotCover(certificateId, names, domain) : undefined;
}

/** SHA-256 fingerprints of self-owned material: the leaf, and the whole chain (absent in older state). */
export interface MaterialFingerprints { leaf?: string; chain?: string }

/**
 * Whether the given material is what state recorded: the same chain, or the same leaf when state
 * recorded only the leaf (written before chain fingerprints), so an upgrade shows no change.
 */
export function sameMaterial(recorded: MaterialFingerprints, given: MaterialFingerprints): boolean {
  if (!recorded.leaf || !given.leaf) return false;
  return recorded.chain ? recorded.chain === given.chain : recorded.leaf === given.leaf;
}

/**
 * Exactly one certificate form, the rule CdnHttpsConfig and LiveCertificate share: a pair of your own
 * (certificate with privateKey) or a hosted id (certificateId). A value unknown at preview counts as
 * given; `neither` is the sentence when none is given.
 */
export function certificateFormFailures(args: Record<string, unknown>, neither: string = messages.certificateFormNeither): CheckFailure[] {
  const has = (k: string) => args[k] !== undefined && args[k] !== null;
  const selfOwned = has("certificate") || has("privateKey");
  if (selfOwned && has("certificateId")) return [{ property: "certificateId", reason: messages.certificateFormBoth }];
  if (!selfOwned && !has("certificateId")) return [{ property: "certificate", reason: neither }];
  if (has("certificate") && !has("privateKey")) return [{ property: "privateKey", reason: messages.keyMissing }];
  if (has("privateKey") && !has("certificate")) return [{ property: "certificate", reason: messages.certificateMissing }];
  return [];
}
