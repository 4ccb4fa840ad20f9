// check: every documented rule that can be judged before writing, beyond the schema and the rules
// across arguments (definition.ts). Offline first (certificate and client-CA findings, the COS
// default suffix), then the backend once per thing (the domain, a hosted certificate). Values
// unknown at preview skip what needs them. Nothing is written.
import { hasErrors, inspectRemembering, isDomainName, normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { cosDefaultDomainMessage, domainEligibilityProblems, isCosDefaultDomain } from "../rules/cdn";
import type { CheckInput } from "../runtime/resource";
import type { CheckFailure } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { messages } from "../messages";
import { cdnDomain, sslCertificate, Claim, declareInCheck } from "../ownership";
import { hostedCertificateProblem } from "../rules/sslCertificate";
import type { CdnHttpsConfigInputs } from "./definition";
import { clientCaFailures, hostedServerCertFailures } from "./mtlsQuic";

type Args = Record<string, unknown>;

/** A string argument that is set and known (not the preview sentinel). */
function knownString(args: Args, key: string): string | undefined {
  const v = args[key];
  return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

/** The domain, normalised, when it is given, known and a domain name. */
function knownDomain(args: Args): string | undefined {
  const text = knownString(args, "domain");
  return text && isDomainName(text, { wildcard: true }) ? normalizeDomain(text) : undefined;
}

function offlineFailures(ctx: Context, args: Args, failed: ReadonlySet<string>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const domain = failed.has("domain") ? undefined : knownDomain(args);
  if (domain && isCosDefaultDomain(domain)) failures.push({ property: "domain", reason: cosDefaultDomainMessage(domain) });

  const certificate = knownString(args, "certificate");
  if (certificate && !failed.has("certificate") && !failed.has("privateKey")) {
    const { findings } = inspectRemembering({ certificate, privateKey: knownString(args, "privateKey"), domains: domain ? [domain] : undefined });
    for (const w of findings.filter((x) => x.severity === "warning")) ctx.log.warn(`CDN domain ${domain ?? "(unknown yet)"}: ${w.message}`);
    if (hasErrors(findings)) {
      for (const e of findings.filter((x) => x.severity === "error")) {
        failures.push({ property: /key/i.test(e.code) ? "privateKey" : "certificate", reason: e.message });
      }
    }
  }
  if (![...failed].some((p) => p.startsWith("clientCertificate"))) failures.push(...clientCaFailures(ctx, args, domain));
  return failures;
}

async function backendFailures(ctx: Context, args: Args): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  const domain = knownDomain(args);
  const certificateId = knownString(args, "certificateId");
  // Patient: the engine sends the checks as it registers resources, and they share calls.
  const [detail, hosted] = await Promise.all([
    domain ? ctx.cdn.findDomain(domain, true) : Promise.resolve(undefined),
    certificateId ? ctx.ssl.findCertificate(certificateId) : Promise.resolve(undefined),
  ]);
  if (domain) {
    if (!detail) {
      failures.push({ property: "domain", reason: messages.cdnDomainNotFoundAtCheck(domain) });
    } else {
      // The COS suffix was judged offline already.
      for (const p of domainEligibilityProblems(detail)) if (p.code !== "cos-default-domain") failures.push({ property: "domain", reason: p.message });
    }
  }
  if (certificateId) {
    const problem = hostedCertificateProblem(certificateId, hosted, domain, new Date());
    if (problem) failures.push({ property: "certificateId", reason: problem });
    failures.push(...hostedServerCertFailures(args, hosted));
  }
  return failures;
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
  const offline = [...offlineFailures(ctx, input.args, input.failed), ...ownershipFailures(ctx, input)];
  // Input errors never reach the API; the backend is asked only about well-formed arguments.
  return offline.length > 0 || input.failed.size > 0 ? offline : backendFailures(ctx, input.args);
}
