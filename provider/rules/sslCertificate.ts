// Facts about certificates in SSL Certificate Management and the API's value formats, shared by
// the CDN and CSS resources (pure functions; docs/reference/tencentcloud-api.md §4).
import { inspectCertificate } from "../certificate";
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

/** The names of a certificate in SSL Certificate Management: its PEM's SANs when it returns one, else its fields. */
export function hostedCertificateNames(detail: DescribeCertificateDetailResponse): string[] {
  const sans = detail.CertificatePublicKey ? inspectCertificate({ certificate: detail.CertificatePublicKey }).facts?.sans ?? [] : [];
  return certificateNames(detail, sans);
}

/** Why a certificate in SSL Certificate Management cannot be used, or undefined when it can. */
export function cloudCertificateProblem(detail: DescribeCertificateDetailResponse, now: Date): string | undefined {
  const id = detail.CertificateId ?? "the certificate";
  if (detail.Status === 3) return `SSL certificate ${id} has expired; renew it or choose another certificate.`;
  if (detail.Status !== undefined && detail.Status !== 1) {
    const name = detail.StatusName || detail.StatusMsg || `status ${detail.Status}`;
    return `SSL certificate ${id} is not usable yet (${name}); only an issued, valid certificate (status 1) can be bound.`;
  }
  const end = chinaTimeToIso(detail.CertEndTime);
  if (end && new Date(end).getTime() <= now.getTime()) {
    return `SSL certificate ${id} expired on ${end}; renew it or choose another certificate.`;
  }
  return undefined;
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
