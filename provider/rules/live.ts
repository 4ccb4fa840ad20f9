// The documented rules for HTTPS on CSS (live) playback domains, as pure functions: domain
// normalisation and the binding id, the binding plan (what ModifyLiveDomainCertBindings gets, which
// domains move from another certificate, which to unbind), the reading of per-domain errors in a
// 200 answer, and the console's view rows. Facts about SSL certificates shared with CDN: ./sslCertificate.ts. Product rules: docs/product/live-certificates.md; API: docs/reference/tencentcloud-api.md §3, §4.
import { NameMatcher, normalizeDomain } from "../certificate";
import { messages } from "../messages";
import { CertSource, chinaTimeToIso } from "./sslCertificate";
import type {
  BatchDomainOperateError,
  LiveCertDomainInfo,
  LiveDomainCertBinding,
  ModifyLiveDomainCertBindingsResponse,
} from "../tencentcloud/types";

/** One row of the console's "Certificate Management" view. */
export interface BindingView {
  /** The playback domain. */
  domain: string;
  /** Whether the domain serves HTTPS now. */
  httpsEnabled: boolean;
  /** The certificate bound to it (possibly another resource's). */
  certificateId: string;
  /** The certificate's alias (its name in the SSL console). */
  alias: string;
  /** self-owned or hosted. */
  source: CertSource;
  /** ISO 8601 UTC; absent when the API gives no parsable time. */
  expiresAt?: string;
}

// ---------------------------------------------------------------- domains and ids

/** Normalised (lowercase, no trailing dot, punycode), deduplicated and sorted. */
export function normalizeDomains(domains: string[]): string[] {
  return [...new Set(domains.map(normalizeDomain))].sort();
}

/** The resource id: stable across reorderings, case variants and trailing dots. */
export function bindingIdFor(domains: string[]): string {
  return normalizeDomains(domains).join(",");
}

/** The domains named by an id or by `pulumi import`'s comma-separated list. */
export function domainsFromId(id: string): string[] {
  return normalizeDomains(id.split(",").map((d) => d.trim()).filter((d) => d.length > 0));
}

export function sameDomainSet(a: string[], b: string[]): boolean {
  const x = normalizeDomains(a);
  const y = normalizeDomains(b);
  return x.length === y.length && x.every((d, i) => d === y[i]);
}

// ---------------------------------------------------------------- API values

/** Live's CertType: 0 self-owned (uploaded), 1 hosted by SSL Certificate Management. */
export function sourceOfCertType(certType: number): CertSource {
  return certType === 0 ? "self-owned" : "hosted";
}

export function toView(binding: LiveDomainCertBinding): BindingView {
  return {
    domain: normalizeDomain(binding.DomainName),
    httpsEnabled: binding.Status === 1,
    certificateId: binding.CloudCertId,
    alias: binding.CertificateAlias ?? "",
    source: sourceOfCertType(binding.CertType),
    expiresAt: chinaTimeToIso(binding.CertExpireTime),
  };
}

export function uncoveredDomains(domains: string[], certNames: string[]): string[] {
  const matcher = new NameMatcher(certNames);
  return domains.filter((d) => !matcher.matches(d));
}

// ---------------------------------------------------------------- binding plan

/**
 * Whether a domain may be bound to a certificate with these DNS names: CSS binds a certificate only
 * to domains it covers (the others come back as MismatchedDomainNames), so a domain that is no name
 * of it nor under one cannot be. Wider than coverage on purpose (any depth under a wildcard's zone,
 * any subdomain of a name): a delete may ask a few domains too many, never one too few. Without
 * names (a state from before they were recorded) every domain may be.
 */
export function mayBeBoundTo(domain: string, certNames: string[] | undefined): boolean {
  if (!certNames || certNames.length === 0) return true;
  const name = normalizeDomain(domain);
  return certNames.some((n) => {
    const base = normalizeDomain(n).replace(/^\*\./, "");
    return name === base || name.endsWith(`.${base}`);
  });
}

export interface Takeover { domain: string; fromCertificateId: string; fromAlias: string }

export interface BindingPlan {
  /** The ModifyLiveDomainCertBindings DomainInfos: 1 turns HTTPS on, -1 leaves the HTTPS state as it is. */
  domainInfos: LiveCertDomainInfo[];
  /** Domains bound to another certificate now; binding moves them (the documented behaviour). */
  takeovers: Takeover[];
}

export function planBinding(input: {
  certificateId: string;
  domains: string[];
  enableHttps: boolean;
  current: Map<string, LiveDomainCertBinding>;
}): BindingPlan {
  const domains = normalizeDomains(input.domains);
  const status: 1 | -1 = input.enableHttps ? 1 : -1;
  const takeovers: Takeover[] = [];
  for (const domain of domains) {
    const now = input.current.get(domain);
    if (now && now.CloudCertId && now.CloudCertId !== input.certificateId) {
      takeovers.push({ domain, fromCertificateId: now.CloudCertId, fromAlias: now.CertificateAlias ?? "" });
    }
  }
  return { domainInfos: domains.map((DomainName) => ({ DomainName, Status: status })), takeovers };
}

// ---------------------------------------------------------------- per-domain errors

export interface DomainFailure { domain: string; code: string; reason: string }

function reasonFor(error: BatchDomainOperateError, certificateId: string, mismatched: boolean): string {
  const code = error.Code ?? "";
  const apiMessage = error.Message ? ` (${code}: ${error.Message})` : ` (${code})`;
  // A mismatched domain also has an Errors entry whose code varies (even DomainNotExist): the list decides.
  const refused = messages.liveBindingRefused;
  if (mismatched || /Mismatch|NotMatch/i.test(code)) return `${refused.notCovered(certificateId)}${apiMessage}`;
  if (/CrtDateOverdue/.test(code)) return `${refused.expired(certificateId)}${apiMessage}`;
  if (/DomainNotExist|CrtDomainNotFound/.test(code)) return `${refused.notPlayback}${apiMessage}`;
  return `${refused.other}${apiMessage}`;
}

/**
 * Per-domain failures in a 200 answer: `Errors`, plus `MismatchedDomainNames` that the API skipped
 * without an error entry. The API does not treat these as a failed request; we do.
 */
export function bindingFailures(response: Pick<ModifyLiveDomainCertBindingsResponse, "Errors" | "MismatchedDomainNames">, certificateId: string): DomainFailure[] {
  const mismatched = new Set((response.MismatchedDomainNames ?? []).map(normalizeDomain));
  const byDomain = new Map<string, DomainFailure>();
  for (const e of response.Errors ?? []) {
    const domain = normalizeDomain(e.DomainName);
    if (!byDomain.has(domain)) byDomain.set(domain, { domain, code: e.Code, reason: reasonFor(e, certificateId, mismatched.has(domain)) });
  }
  for (const domain of mismatched) {
    if (!byDomain.has(domain)) byDomain.set(domain, { domain, code: "MismatchedDomainName", reason: messages.liveBindingRefused.notCovered(certificateId) });
  }
  return [...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
}

export function describeFailures(failures: DomainFailure[], total: number, certificateId: string): string {
  return messages.liveBindingFailed(failures.map((f) => `${f.domain}: ${f.reason}`).join("; "), failures.length, total, certificateId);
}

// ---------------------------------------------------------------- state from the API's truth

export interface BindingState {
  /** Tracked domains bound to this certificate, normalised and sorted. */
  domains: string[];
  enableHttps: boolean;
  /** View rows of every tracked domain that has a binding (to this certificate or another). */
  bindings: BindingView[];
}

/**
 * What a binding resource looks like in the API: drift (a domain rebound elsewhere, unbound, or
 * with HTTPS turned off) shows as a difference from the declared inputs. With `enableHttps` false
 * the user asked to leave the HTTPS state alone, so there is no HTTPS state to drift from.
 */
export function bindingStateFromTruth(input: {
  certificateId: string;
  tracked: string[];
  current: Map<string, LiveDomainCertBinding>;
  declaredEnableHttps?: boolean;
}): BindingState {
  const tracked = normalizeDomains(input.tracked);
  const rows = tracked.flatMap((d) => { const b = input.current.get(d); return b ? [toView(b)] : []; });
  const ours = rows.filter((r) => r.certificateId === input.certificateId);
  const enableHttps = input.declaredEnableHttps === false ? false : ours.every((r) => r.httpsEnabled);
  return { domains: ours.map((r) => r.domain), enableHttps, bindings: rows };
}

/** For import: the certificate the domains share; several certificates is ambiguous. */
export function sharedCertificate(rows: BindingView[]): { certificateId?: string; conflict?: string } {
  const ids = [...new Set(rows.map((r) => r.certificateId))];
  if (ids.length <= 1) return { certificateId: ids[0] };
  const detail = ids.map((id) => `${id} (${rows.filter((r) => r.certificateId === id).map((r) => r.domain).join(", ")})`).join("; ");
  return { conflict: `the domains are bound to different certificates: ${detail}; import each certificate's domains as a separate LiveDomainBinding` };
}
