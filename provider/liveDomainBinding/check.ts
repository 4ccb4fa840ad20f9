// check for LiveDomainBinding: the schema, domain syntax, then one DescribeLiveDomain per domain
// (exists, playback type) and, when the certificate is known, one DescribeCertificateDetail and
// RFC 6125 coverage of every domain. Values unknown at preview skip the checks that need them.
import { isDomainName, normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { uncoveredDomains } from "../rules/live";
import { cloudCertificateProblem, hostedCertificateNames } from "../rules/sslCertificate";
import type { CheckInput } from "../runtime/resource";
import type { CheckFailure } from "../runtime/validate";
import { messages } from "../messages";
import { isUnknown } from "../unknown";
import { sslCertificate, Claim, declareInCheck, liveDomain } from "../ownership";
import type { LiveDomainBindingInputs } from "./definition";

interface KnownDomain { index: number; given: string; domain: string }

/** The known domains, normalised, first occurrence of each; syntax problems become failures. */
function knownDomains(raw: unknown, failures: CheckFailure[]): KnownDomain[] {
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: KnownDomain[] = [];
  raw.forEach((given, index) => {
    if (typeof given !== "string" || isUnknown(given)) return;
    let domain: string;
    try { domain = normalizeDomain(given); } catch { domain = ""; }
    if (!isDomainName(domain)) {
      failures.push({ property: `domains[${index}]`, reason: messages.liveDomainNotADomainName(given) });
      return;
    }
    if (seen.has(domain)) return; // case variants and trailing dots are one domain
    seen.add(domain);
    out.push({ index, given, domain });
  });
  return out;
}

async function checkDomain(ctx: Context, d: KnownDomain): Promise<CheckFailure | undefined> {
  const property = `domains[${d.index}]`;
  const info = await ctx.live.findLiveDomain(d.domain);
  if (!info) return { property, reason: messages.liveDomainNotFound(d.domain) };
  if (info.Type !== 1) return { property, reason: messages.liveDomainIsPush(d.domain) };
  if (info.Status === 0) ctx.log.warn(`live domain ${d.domain} is disabled in CSS; the binding applies once it is enabled`);
  return undefined;
}

async function checkCertificate(ctx: Context, certificateId: string, domains: KnownDomain[]): Promise<CheckFailure[]> {
  const detail = await ctx.ssl.findCertificate(certificateId);
  if (!detail) return [{ property: "certificateId", reason: messages.certificateNotFound(certificateId, "check the id or create it with a LiveCertificate") }];
  const problem = cloudCertificateProblem(detail, new Date());
  if (problem) return [{ property: "certificateId", reason: problem }];
  const names = hostedCertificateNames(detail);
  return domains
    .filter((d) => uncoveredDomains([d.domain], names).length > 0)
    .map((d) => ({ property: `domains[${d.index}]`, reason: messages.liveDomainNotCovered(d.domain, certificateId, names) }));
}

/**
 * Records the domains (with the certificate) and the certificate as declared by this binding for
 * the deployment's deletes (provider/ownership.ts). Another binding of the program with the same
 * domain and another certificate fails here; with the same certificate both keep it, which is logged.
 */
function ownershipFailures(ctx: Context, input: CheckInput<LiveDomainBindingInputs>, domains: KnownDomain[], certificateId: string | undefined): CheckFailure[] {
  const claims: Claim[] = [
    ...domains.map((d) => ({ thing: liveDomain(d.domain), certificate: certificateId })),
    ...(certificateId ? [{ thing: sslCertificate(certificateId) }] : []),
  ];
  const { conflicts, notes } = declareInCheck(ctx.declarations, input.resource, claims);
  for (const note of notes) ctx.log.info(note);
  return conflicts.map((c) => ({ property: `domains[${domains.find((d) => liveDomain(d.domain) === c.thing)?.index ?? 0}]`, reason: c.reason }));
}

export async function check(ctx: Context, input: CheckInput<LiveDomainBindingInputs>): Promise<CheckFailure[]> {
  const news = input.args;
  if (input.failed.size > 0) return []; // bad input never reaches the API
  const failures: CheckFailure[] = [];
  const domains = knownDomains(news.domains, failures);
  if (failures.length > 0) return failures;

  const certificateId = typeof news.certificateId === "string" && !isUnknown(news.certificateId) ? news.certificateId : undefined;
  failures.push(...ownershipFailures(ctx, input, domains, certificateId));
  if (failures.length > 0) return failures; // another binding of the program has the domain: nothing to ask the API

  const [domainFailures, certFailures] = await Promise.all([
    Promise.all(domains.map((d) => checkDomain(ctx, d))),
    // A certificate not created yet (unknown at preview) is checked at `up`, and per domain by the API.
    certificateId ? checkCertificate(ctx, certificateId, domains) : Promise.resolve([]),
  ]);
  for (const f of domainFailures) if (f) failures.push(f);
  // A missing domain already has its sentence; do not also report it as uncovered.
  const failed = new Set(failures.map((f) => f.property));
  failures.push(...certFailures.filter((f) => !failed.has(f.property)));
  return failures;
}
