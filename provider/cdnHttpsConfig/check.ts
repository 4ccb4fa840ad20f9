// check: every documented rule that can be judged before writing. Offline first (arguments,
// certificate and client-CA findings, the COS default suffix), then the backend once per thing (the domain, a
// hosted certificate). Values unknown at preview skip what needs them. Nothing is written.
import { hasErrors, inspectRemembering, normalizeDomain } from "../certificate";
import { cosDefaultDomainMessage, domainEligibilityProblems, isCosDefaultDomain, isLegacyTencentDomain, legacyCertificateMessage } from "../rules/cdn";
import { log } from "../runtime/log";
import { CheckFailure, validateArgs, withoutReserved } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { messages } from "../messages";
import { findDomain } from "../services/cdn";
import { findCertificate } from "../services/ssl";
import { cdnDomain, certificateId, Claim, declareInCheck, refFrom } from "../ownership";
import { hostedCertificateProblem } from "./certFacts";
import { clientCaFailures, hostedServerCertFailures } from "./mtlsQuic";
import { cdnHttpsConfigSchema, crossFieldFailures } from "./shape";

type Args = Record<string, unknown>;

/** A string argument that is set and known (not the preview sentinel). */
function knownString(args: Args, key: string): string | undefined {
  const v = args[key];
  return typeof v === "string" && !isUnknown(v) ? v : undefined;
}

function offlineFailures(args: Args): CheckFailure[] {
  const failures = [...validateArgs(cdnHttpsConfigSchema, args).failures];
  const taken = new Set(failures.map((f) => f.property));
  const domainText = knownString(args, "domain");
  const domain = domainText && !taken.has("domain") ? normalizeDomain(domainText) : undefined;

  for (const f of crossFieldFailures(args)) {
    if (taken.has(f.property)) continue;
    // A .qcloudcdn.com domain without a certificate asks for the old Tencent Cloud certificate.
    const legacy = domain && isLegacyTencentDomain(domain) && f.property === "certificate" && args.certificate === undefined && args.certId === undefined;
    failures.push(legacy ? { property: "certificate", reason: legacyCertificateMessage(domain) } : f);
    taken.add(f.property);
  }
  if (domain && isCosDefaultDomain(domain)) failures.push({ property: "domain", reason: cosDefaultDomainMessage(domain) });

  const certificate = knownString(args, "certificate");
  if (certificate && !taken.has("certificate") && !taken.has("privateKey")) {
    const { findings } = inspectRemembering({ certificate, privateKey: knownString(args, "privateKey"), domains: domain ? [domain] : undefined });
    for (const w of findings.filter((x) => x.severity === "warning")) log.warn(`CDN domain ${domain ?? "(unknown yet)"}: ${w.message}`);
    if (hasErrors(findings)) {
      for (const e of findings.filter((x) => x.severity === "error")) {
        failures.push({ property: /key/i.test(e.code) ? "privateKey" : "certificate", reason: e.message });
      }
    }
  }
  if (![...taken].some((p) => p.startsWith("clientCertificate"))) failures.push(...clientCaFailures(args, domain));
  return failures;
}

async function backendFailures(args: Args): Promise<CheckFailure[]> {
  const failures: CheckFailure[] = [];
  const domainText = knownString(args, "domain");
  const domain = domainText ? normalizeDomain(domainText) : undefined;
  const certId = knownString(args, "certId");
  // Patient: the engine sends the checks as it registers resources, and they share calls.
  const [detail, hosted] = await Promise.all([
    domain ? findDomain(domain, true) : Promise.resolve(undefined),
    certId ? findCertificate(certId) : Promise.resolve(undefined),
  ]);
  if (domain) {
    if (!detail) {
      failures.push({ property: "domain", reason: messages.cdnDomainNotFoundAtCheck(domain) });
    } else {
      // The COS suffix was judged offline already.
      for (const p of domainEligibilityProblems(detail)) if (p.code !== "cos-default-domain") failures.push({ property: "domain", reason: p.message });
    }
  }
  if (certId) {
    const problem = hostedCertificateProblem(certId, hosted, domain, new Date());
    if (problem) failures.push({ property: "certId", reason: problem });
    failures.push(...hostedServerCertFailures(args, hosted));
  }
  return failures;
}

/**
 * Records the domain (and a hosted certificate) as declared by this resource for the deployment's
 * deletes (provider/ownership.ts); another resource of the program on the same domain fails here.
 */
function ownershipFailures(news: Args): CheckFailure[] {
  const domainText = knownString(news, "domain");
  const certId = knownString(news, "certId");
  let domain: string | undefined;
  try { domain = domainText ? normalizeDomain(domainText) : undefined; } catch { domain = undefined; }
  const claims: Claim[] = [...(domain ? [{ thing: cdnDomain(domain) }] : []), ...(certId ? [{ thing: certificateId(certId) }] : [])];
  const { conflicts } = declareInCheck(refFrom("CdnHttpsConfig", news), claims);
  return conflicts.map((c) => ({ property: "domain", reason: c.reason }));
}

export async function checkCdnHttpsConfig(news: Args): Promise<CheckFailure[]> {
  const args = withoutReserved(news);
  const offline = [...offlineFailures(args), ...ownershipFailures(news)];
  // Input errors never reach the API; the backend is asked only about well-formed arguments.
  return offline.length > 0 ? offline : backendFailures(args);
}
