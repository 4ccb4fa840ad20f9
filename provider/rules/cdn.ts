// The documented rules for HTTPS on a CDN domain, as pure functions: which domains may have HTTPS,
// the TLS version rule, the HSTS and redirect limits, the deployed certificate's identity, and how to
// judge a deployment while waiting. What a write sends is cdnWrite.ts's.
// Product rules: docs/product/cdn-https.md; API: docs/reference/tencentcloud-api.md §2.
import { isDomainName, normalizeDomain } from "../certificate";
import { messages } from "../messages";
import type { CheckFailure } from "../runtime/validate";
import type { DetailDomain, Https, ServerCert } from "../tencentcloud/types";
import { isUnknown } from "../unknown";
import { certificateFormFailures, CertSource, sourceOfFrom } from "./sslCertificate";

export type { CertSource };

export const COS_DEFAULT_SUFFIX = ".file.myqcloud.com";
export const LEGACY_TENCENT_SUFFIX = ".qcloudcdn.com";

// ---------------------------------------------------------------- domain eligibility

function hasSuffix(domain: string, suffix: string): boolean {
  const d = domain.toLowerCase().replace(/\.$/, "");
  return d.endsWith(suffix) || d === suffix.slice(1);
}

/** COS-synchronised domains ("xxx.file.myqcloud.com") can never have HTTPS configured here. */
export function isCosDefaultDomain(domain: string): boolean {
  return hasSuffix(domain, COS_DEFAULT_SUFFIX);
}

/** The old ".qcloudcdn.com" domains, which used the Tencent Cloud certificate. */
export function isLegacyTencentDomain(domain: string): boolean {
  return hasSuffix(domain, LEGACY_TENCENT_SUFFIX);
}

export const cosDefaultDomainMessage = (domain: string): string => messages.cdnCosDefaultDomain(domain, COS_DEFAULT_SUFFIX);
export const legacyCertificateMessage = (domain: string): string => messages.cdnLegacyCertificate(domain, LEGACY_TENCENT_SUFFIX);

/** "Deploying" and "Activated" in the console. */
export const ELIGIBLE_STATUSES = ["processing", "online"] as const;

/** Self-owned origins are every combination of domain/IP addresses; plus COS and FTP origins. */
const SELF_OWNED_ORIGIN = /^(ip|ipv6|domain|domainv6)(_(ip|ipv6|domain|domainv6))*$/;
export const ELIGIBLE_ORIGIN_KINDS = "self-owned (domain or IP), COS or FTP";

export function isEligibleOriginType(originType: string | undefined): boolean {
  if (!originType) return false;
  return originType === "cos" || originType === "ftp" || SELF_OWNED_ORIGIN.test(originType);
}

export interface RuleProblem { code: string; message: string }

/** Every documented reason why HTTPS cannot be configured on this domain, from its DescribeDomainsConfig entry. */
export function domainEligibilityProblems(detail: DetailDomain): RuleProblem[] {
  const problems: RuleProblem[] = [];
  const domain = detail.Domain;
  if (isCosDefaultDomain(domain)) problems.push({ code: "cos-default-domain", message: cosDefaultDomainMessage(domain) });
  if (!(ELIGIBLE_STATUSES as readonly string[]).includes(detail.Status)) {
    problems.push({ code: "domain-status", message: messages.cdnDomainStatus(domain, detail.Status) });
  }
  const originType = detail.Origin?.OriginType;
  if (!isEligibleOriginType(originType)) {
    problems.push({ code: "origin-type", message: messages.cdnOriginType(domain, originType, ELIGIBLE_ORIGIN_KINDS) });
  }
  return problems;
}

// ---------------------------------------------------------------- arguments

/** Set and not the preview sentinel. */
const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);

/**
 * CdnHttpsConfig's rules across arguments: exactly one certificate form (a .qcloudcdn.com domain without one asks for
 * the old Tencent Cloud certificate, which has its own sentence), key with certificate, redirect
 * needs the wait.
 */
export function cdnArgumentFailures(args: Record<string, unknown>): CheckFailure[] {
  const domain = typeof args.domain === "string" && isDomainName(args.domain, { wildcard: true }) ? normalizeDomain(args.domain) : undefined;
  const failures = domain && isLegacyTencentDomain(domain) ? certificateFormFailures(args, legacyCertificateMessage(domain)) : certificateFormFailures(args);
  if (known(args.forceRedirect) && args.waitForDeployment === false) {
    failures.push({ property: "waitForDeployment", reason: messages.cdnRedirectNeedsWait });
  }
  return failures;
}

// ---------------------------------------------------------------- TLS versions

export const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** Why a list of TLS versions is not accepted by the API, or undefined when it is. */
export function tlsVersionsProblem(versions: string[]): string | undefined {
  if (versions.length === 0) return `tlsVersions must enable at least one of ${TLS_VERSIONS.join(", ")}; omit it to keep the domain's current setting.`;
  const bad = versions.filter((v) => !(TLS_VERSIONS as readonly string[]).includes(v));
  if (bad.length > 0) return `tlsVersions contains ${bad.map((v) => JSON.stringify(v)).join(", ")}; allowed values are ${TLS_VERSIONS.join(", ")}.`;
  const dupes = versions.filter((v, i) => versions.indexOf(v) !== i);
  if (dupes.length > 0) return `tlsVersions lists ${[...new Set(dupes)].join(", ")} more than once; list each version once.`;
  const idx = versions.map((v) => (TLS_VERSIONS as readonly string[]).indexOf(v)).sort((a, b) => a - b);
  if (idx[idx.length - 1] - idx[0] !== idx.length - 1) {
    const missing = TLS_VERSIONS.slice(idx[0], idx[idx.length - 1] + 1).filter((v) => !versions.includes(v));
    return `tlsVersions must be consecutive versions (the API rejects gaps): add ${missing.join(", ")} or remove the versions around the gap.`;
  }
  return undefined;
}

/** The API order, so that ["TLSv1.3","TLSv1.2"] and ["TLSv1.2","TLSv1.3"] compare equal. */
export function canonicalTlsVersions<V extends string>(versions: V[]): V[] {
  const rank = (v: string) => { const i = (TLS_VERSIONS as readonly string[]).indexOf(v); return i < 0 ? 99 : i; };
  return [...new Set(versions)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

// ---------------------------------------------------------------- HSTS and the forced redirect

/** HSTS max-age bound: the API documents none; one year is the console's maximum, so we take it. */
export const HSTS_MAX_AGE_LIMIT = 31_536_000;
export const REDIRECT_STATUS_CODES = [301, 302, 307, 308] as const;
export const DEFAULT_REDIRECT_STATUS = 302;

// ---------------------------------------------------------------- the deployed certificate

/** What the API tells about the certificate it serves; recorded so that a swap made elsewhere shows as drift. */
/**
 * Where the certificate a domain serves comes from: a CertId that SSL Certificate Management did not
 * get from an upload is hosted; anything else (uploaded with the domain, or a CertId from an upload)
 * is self-owned. The one rule for the provider's read and the CLI's status.
 */
export function servedCertSource(info: ServerCert | undefined): CertSource {
  return info?.CertId && sourceOfFrom(info.From) === "hosted" ? "hosted" : "self-owned";
}

export interface DeployedCert { certId?: string; certName?: string; expireTime?: string }

export function deployedCertOf(https: Https | undefined): DeployedCert | undefined {
  const c = https?.Switch === "on" ? https.CertInfo : undefined;
  if (!c || (!c.CertId && !c.CertName && !c.ExpireTime)) return undefined;
  return { certId: c.CertId || undefined, certName: c.CertName || undefined, expireTime: c.ExpireTime || undefined };
}

/** The certificate as a user finds it in the console: hosted id, else name, with its expiry. */
export function describeDeployedCert(c: DeployedCert | undefined): string {
  if (!c) return "none";
  const name = c.certId ?? c.certName ?? "unnamed";
  return c.expireTime ? `${name}, expiring ${c.expireTime}` : name;
}

/** Same certificate, judged by the fields the API returns (it never returns the PEM or key). */
export function sameDeployedCert(a: DeployedCert | undefined, b: DeployedCert | undefined): boolean {
  if (!a || !b) return !a && !b;
  const same = (x?: string, y?: string) => x === undefined || y === undefined || x === y;
  const comparable = (a.certId && b.certId) || (a.certName && b.certName) || (a.expireTime && b.expireTime);
  return !!comparable && same(a.certId, b.certId) && same(a.certName, b.certName) && same(a.expireTime, b.expireTime);
}

// ---------------------------------------------------------------- deployment

export type Verdict = "done" | "pending" | { failed: string };

/** Waiting after an HTTPS write: Status back to online and SslStatus deployed; failed is terminal. */
export function judgeHttpsDeployment(detail: DetailDomain): Verdict {
  const ssl = detail.Https?.SslStatus;
  if (ssl === "failed") return { failed: messages.cdnDeploymentFailed(detail.Domain, detail.Https?.CertInfo?.Message) };
  if (detail.Status === "processing" || ssl === "deploying") return "pending";
  if (detail.Status !== "online") return { failed: messages.cdnDomainLeftOnline(detail.Domain, detail.Status) };
  return ssl === "deployed" ? "done" : "pending";
}

/** Waiting after a write that is not an HTTPS deployment (redirect, HTTPS off): the domain settles. */
export function judgeSettled(detail: DetailDomain): Verdict {
  return detail.Status === "processing" || detail.Https?.SslStatus === "deploying" ? "pending" : "done";
}

export function describeDeployment(detail: DetailDomain): string {
  return `CDN domain ${detail.Domain}: status ${detail.Status}, HTTPS ${detail.Https?.SslStatus ?? "closed"}`;
}
