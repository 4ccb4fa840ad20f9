// The CDN and SSL calls this resource makes, each with its "not found" turned into undefined and
// its waits logged. No rules here: those are in ../rules/cdn.ts.
import { getClient } from "../config";
import { describeDeployment, Verdict } from "../rules/cdn";
import { log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { BatchedReader } from "../runtime/batchedReader";
import { DeploymentClock } from "./deploymentClock";
import { isNotFound, TencentCloudError } from "../tencentcloud";
import type { DescribeCertificateDetailResponse, DetailDomain, ForceRedirect, Https } from "../tencentcloud/types";

/** DescribeDomainsConfig takes at most this many values in one `domain` filter (API reference §2.1). */
export const DOMAINS_PER_READ = 5;

const sameDomain = (d: DetailDomain): string => d.Domain.toLowerCase().replace(/\.$/, "");

async function readDomains(domains: string[]): Promise<Map<string, DetailDomain>> {
  try {
    const res = await getClient().cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: domains }], Limit: 100 });
    // The filter is exact in the API; match again in case a backend treats it loosely.
    const wanted = new Set(domains);
    return new Map((res.Domains ?? []).filter((d) => wanted.has(sameDomain(d))).map((d) => [sameDomain(d), d]));
  } catch (e) {
    // A not-found error for several names does not say which one; the reader asks each alone.
    if (isNotFound(e) && domains.length === 1) return new Map();
    throw e;
  }
}

/**
 * One reader per provider process: the reads of every CdnHttpsConfig in the host (checks, reads
 * before writes, deployment polls) leave in shared calls of up to five domains.
 */
const domainReader = new BatchedReader<DetailDomain>({
  readMany: readDomains,
  maxBatch: DOMAINS_PER_READ,
  // One call at a time: reads asked while it waits for its rate-limit token join the next call
  // instead of queueing calls of one domain each behind the same 20/s bucket.
  maxInFlight: 1,
  windowMs: 5,
  splitOnError: (e) => !(e instanceof TencentCloudError && e.retryable),
});

/** The domain's full configuration, or undefined when the account has no such CDN domain. */
export function findDomain(domain: string): Promise<DetailDomain | undefined> {
  return domainReader.read(domain);
}

export async function requireDomain(domain: string): Promise<DetailDomain> {
  const detail = await findDomain(domain);
  if (!detail) throw new Error(`CDN domain ${domain} does not exist in this account; add it in the CDN console or fix the domain name.`);
  return detail;
}

/** Deployment durations seen by this process (first-poll timing only). */
const deployments = new DeploymentClock();

export async function writeHttps(domain: string, https: Https): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, Https: https });
  deployments.wrote(domain, https.Switch === "on" ? "https-on" : "other", Date.now());
}

export async function writeRedirect(domain: string, redirect: ForceRedirect): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, ForceRedirect: redirect });
  deployments.wrote(domain, "other", Date.now());
}

/** Short first interval (test deployments are quick), growing to the poll's cap for real ones. */
const FIRST_POLL_MS = 200;
/** Polls wake on a shared grid, so the polls of many domains fall due together and share calls. */
const POLL_GRID_MS = 50;

/** Sleeps about `ms`, waking on the nearest grid point (never less than half of `ms`). */
function sleepToGrid(ms: number): Promise<void> {
  const now = Date.now();
  const wake = Math.max(now + ms / 2, Math.round((now + ms) / POLL_GRID_MS) * POLL_GRID_MS);
  return new Promise((r) => setTimeout(r, wake - now));
}

/**
 * Polls until `judge` says done (or fails, or the timeout passes). After one of our writes, the
 * first poll waits until shortly before the fastest recent deployment of that kind would end.
 */
export async function waitForDomain(domain: string, judge: (d: DetailDomain) => Verdict, timeoutMs: number, what: string): Promise<DetailDomain> {
  let firstDelay = Math.min(deployments.firstPollDelay(domain, Date.now()), timeoutMs);
  try {
    const detail = await pollUntil({
      read: async () => {
        if (firstDelay > 0) { await sleepToGrid(firstDelay); firstDelay = 0; }
        return requireDomain(domain);
      },
      judge,
      timeoutMs,
      intervalMs: FIRST_POLL_MS,
      sleep: (ms) => sleepToGrid(deployments.pollInterval(domain, Date.now(), ms)),
      describe: describeDeployment,
      onProgress: (line) => log.info(line),
      what,
    });
    deployments.finished(domain, Date.now());
    return detail;
  } catch (e) {
    deployments.forget(domain);
    throw e;
  }
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
