// The CDN and SSL calls this resource makes, each with its "not found" turned into undefined and
// its waits logged. No rules here: those are in ../rules/cdn.ts.
import { getClient } from "../config";
import { describeDeployment, Verdict } from "../rules/cdn";
import { log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { isNotFound } from "../tencentcloud";
import type { DescribeCertificateDetailResponse, DetailDomain, ForceRedirect, Https } from "../tencentcloud/types";

/** The domain's full configuration, or undefined when the account has no such CDN domain. */
export async function findDomain(domain: string): Promise<DetailDomain | undefined> {
  try {
    const res = await getClient().cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: [domain] }], Limit: 10 });
    // The filter is exact in the API; match again in case a backend treats it loosely.
    return (res.Domains ?? []).find((d) => d.Domain.toLowerCase().replace(/\.$/, "") === domain);
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

export async function requireDomain(domain: string): Promise<DetailDomain> {
  const detail = await findDomain(domain);
  if (!detail) throw new Error(`CDN domain ${domain} does not exist in this account; add it in the CDN console or fix the domain name.`);
  return detail;
}

export async function writeHttps(domain: string, https: Https): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, Https: https });
}

export async function writeRedirect(domain: string, redirect: ForceRedirect): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, ForceRedirect: redirect });
}

/** Short first interval (test deployments are quick), growing to the poll's cap for real ones. */
const FIRST_POLL_MS = 200;

export async function waitForDomain(domain: string, judge: (d: DetailDomain) => Verdict, timeoutMs: number, what: string): Promise<DetailDomain> {
  return pollUntil({
    read: () => requireDomain(domain),
    judge,
    timeoutMs,
    intervalMs: FIRST_POLL_MS,
    describe: describeDeployment,
    onProgress: (line) => log.info(line),
    what,
  });
}

/** A certificate in SSL Certificate Management, or undefined when there is none with this id. */
export async function findHostedCertificate(certId: string): Promise<DescribeCertificateDetailResponse | undefined> {
  try {
    const detail = await getClient().ssl.describeCertificateDetail({ CertificateId: certId });
    return { ...detail, CertificateId: detail.CertificateId ?? certId };
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}
