// check: every documented rule that can be judged before writing, beyond the schema and the rules
// across arguments (definition.ts), every problem at once: the domain (offline: the COS default
// suffix; at the backend: exists, status, origin), the certificate and client-CA findings, a hosted
// certificate (exists, usable, covers the domain), the ownership records. A value that failed the
// schema or the argument rules is never sent (bad input never reaches the API); the others are still
// asked about, once each. Values unknown at preview skip what needs them. Nothing is written.
import { CODES, hasErrors, inspectRemembering, isDomainName, normalizeDomain, type DomainName } from "../certificate";
import type { Context } from "../context";
import { cosDefaultDomainMessage, domainEligibilityProblems, isCosDefaultDomain } from "../rules/cdn";
import type { CheckInput } from "../runtime/resource";
import type { CheckFailure } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { messages } from "../messages";
import { cdnDomain, sslCertificate, Claim, declareInCheck } from "../ownership";
import { warnIfExpiring } from "../expiryWarning";
import { ownCertificateLabel } from "../rules/expiry";
import { chinaTimeToIso, hostedCertificateProblem } from "../rules/sslCertificate";
import type { DetailDomain } from "../tencentcloud/types";
import type { CdnHttpsConfigInputs } from "./definition";
import { clientCaFailures, hostedServerCertFailures } from "./mtlsQuic";

type Args = Record<string, unknown>;

/** A string argument that is set and known (not the preview sentinel). */
function knownString(args: Args, key: string): string | undefined {
  const v = args[key];
  return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

/** The domain, normalised, when it is given, known and a domain name. */
function knownDomain(args: Args): DomainName | undefined {
  const text = knownString(args, "domain");
  return text && isDomainName(text, { wildcard: true }) ? normalizeDomain(text) : undefined;
}

/** The domain, when it is known, well formed and may be asked about: not failed, not a COS default domain. */
function domainToAsk(args: Args, failed: ReadonlySet<string>): DomainName | undefined {
  const domain = failed.has("domain") ? undefined : knownDomain(args);
  return domain && !isCosDefaultDomain(domain) ? domain : undefined;
}

/** What the domain is: not a COS default domain (offline), then exists and is eligible (at the backend). */
function domainFailures(args: Args, failed: ReadonlySet<string>, detail: DetailDomain | undefined): CheckFailure[] {
  const domain = failed.has("domain") ? undefined : knownDomain(args);
  if (!domain) return [];
  if (isCosDefaultDomain(domain)) return [{ property: "domain", reason: cosDefaultDomainMessage(domain) }];
  if (!detail) return [{ property: "domain", reason: messages.cdnDomainNotFoundAtCheck(domain) }];
  // The COS suffix was judged offline already.
  return domainEligibilityProblems(detail).filter((p) => p.code !== "cos-default-domain").map((p) => ({ property: "domain", reason: p.message }));
}

/** A certificate of your own, inspected offline (with its key, unless the key failed already); warnings are logged. */
function certificateFailures(ctx: Context, args: Args, failed: ReadonlySet<string>): CheckFailure[] {
  const certificate = failed.has("certificate") ? undefined : knownString(args, "certificate");
  if (!certificate) return [];
  const domain = failed.has("domain") ? undefined : knownDomain(args);
  const privateKey = failed.has("privateKey") ? undefined : knownString(args, "privateKey");
  const { facts, findings } = inspectRemembering({ certificate, privateKey, domains: domain ? [domain] : undefined });
  // Expiring soon is said once, with the configured days (expiryWarning.ts), not as the inspection's 30-day finding.
  for (const w of findings.filter((x) => x.severity === "warning" && x.code !== CODES.EXPIRES_SOON)) ctx.log.warn(`CDN domain ${domain ?? "(unknown yet)"}: ${w.message}`);
  if (facts) warnIfExpiring(ctx, { certificate: ownCertificateLabel(facts), expiresAt: facts.notAfter, domains: domain ? [domain] : [] });
  if (!hasErrors(findings)) return [];
  return findings.filter((x) => x.severity === "error").map((e) => ({ property: /key/i.test(e.code) ? "privateKey" : "certificate", reason: e.message }));
}

/**
 * Records the domain (and a hosted certificate) as declared by this resource for the deployment's
 * deletes (provider/ownership.ts); another resource of the program on the same domain fails here.
 */
function ownershipFailures(ctx: Context, input: CheckInput<CdnHttpsConfigInputs>): CheckFailure[] {
  const domain = knownDomain(input.args);
  const certificateId = knownString(input.args, "certificateId");
  const claims: Claim[] = [...(domain ? [{ thing: cdnDomain(domain) }] : []), ...(certificateId ? [{ thing: sslCertificate(certificateId) }] : [])];
  const { conflicts } = declareInCheck(ctx.declarations, input.resource, claims);
  return conflicts.map((c) => ({ property: "domain", reason: c.reason }));
}

export async function check(ctx: Context, input: CheckInput<CdnHttpsConfigInputs>): Promise<CheckFailure[]> {
  const { args, failed } = input;
  const domain = domainToAsk(args, failed);
  const certificateId = failed.has("certificateId") ? undefined : knownString(args, "certificateId");
  // Patient: the engine sends the checks as it registers resources, and they share calls.
  const [detail, hosted] = await Promise.all([
    domain ? ctx.cdn.findDomain(domain, true) : Promise.resolve(undefined),
    certificateId ? ctx.ssl.findCertificate(certificateId) : Promise.resolve(undefined),
  ]);
  const hostedProblem = certificateId ? hostedCertificateProblem(certificateId, hosted, domain, new Date()) : undefined;
  if (certificateId && hosted && !hostedProblem) {
    warnIfExpiring(ctx, { certificate: `SSL certificate ${certificateId}`, expiresAt: chinaTimeToIso(hosted.CertEndTime), domains: domain ? [domain] : [] });
  }
  return [
    ...domainFailures(args, failed, detail),
    ...ownershipFailures(ctx, input),
    ...certificateFailures(ctx, args, failed),
    ...(hostedProblem ? [{ property: "certificateId", reason: hostedProblem }] : []),
    ...(certificateId ? hostedServerCertFailures(args, hosted) : []),
    ...(![...failed].some((p) => p.startsWith("clientCertificate")) ? clientCaFailures(ctx, args, knownDomain(args)) : []),
  ];
}
