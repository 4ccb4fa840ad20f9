// CDN (cdn): every call the resources and the CLI make, for one account's client. A domain's
// configuration is read through one batched reader (runtime/batchedReader.ts), a missing domain is
// undefined (or the catalogue's sentence), and listing follows pages. Deployment waits and the
// writes that start them are cdnDeployments.ts's. No rules: those are in rules/cdn.ts.
import { messages } from "../messages";
import { BatchedReader } from "../runtime/batchedReader";
import type { Log } from "../runtime/log";
import { isNotFound, TencentCloudClient, TencentCloudError } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";
import { CdnDeployments } from "./cdnDeployments";

/** DescribeDomainsConfig takes at most this many values in one `domain` filter (docs/reference/tencentcloud-api.md §2.1). */
export const DOMAINS_PER_READ = 5;

const LIST_PAGE = 100;

const sameDomain = (d: DetailDomain): string => d.Domain.toLowerCase().replace(/\.$/, "");

export class CdnService {
  /** Deployment waits: when each waiting domain polls, and the writes that start deployments. */
  readonly deployments: CdnDeployments;
  /**
   * The reads of every CdnHttpsConfig of the account (checks, reads before writes, deployment polls)
   * leave in shared calls of up to five domains.
   */
  private readonly reader: BatchedReader<DetailDomain>;

  constructor(private readonly client: TencentCloudClient, log: Log) {
    this.deployments = new CdnDeployments(this, log, DOMAINS_PER_READ);
    this.reader = new BatchedReader<DetailDomain>({
      readMany: (domains) => this.readDomains(domains),
      maxBatch: DOMAINS_PER_READ,
      // A few calls at a time: the reads of a wave of deployments (checks, reads before the writes,
      // polls) leave together instead of one call after another; reads asked while they are out join
      // the next calls instead of queueing calls of one domain each behind the same 20/s bucket.
      maxInFlight: 4,
      partialWhenIdle: true,
      // A call with room to spare takes along the deployment polls due soonest.
      topUp: (room, taken) => this.deployments.takeAlong(room, taken),
      windowMs: 5,
      // Deletes paced by the 20/s write limit ask one domain every ~50 ms: their patient reads waiting
      // up to 200 ms share a call of five instead of spending one call each (issue 15). Checks, reads
      // before a write and deployment polls are on the deployment's critical path and wait 5 ms at most.
      lingerMs: 200,
      splitOnError: (e) => !(e instanceof TencentCloudError && e.retryable),
    });
  }

  private async readDomains(domains: string[]): Promise<Map<string, DetailDomain>> {
    try {
      const res = await this.client.cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: domains }], Limit: 100 });
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
   * The domain's full configuration, or undefined when the account has no such CDN domain. A
   * `patient` read (a check, a refresh, a destroy's read paced by its write's rate limit) may wait
   * longer to share a call; polls and the read before a write do not.
   */
  findDomain(domain: string, patient = false): Promise<DetailDomain | undefined> {
    return this.reader.read(domain, patient);
  }

  /** The domain's configuration; its absence is the catalogue's "does not exist" error. */
  async requireDomain(domain: string, patient = false): Promise<DetailDomain> {
    const detail = await this.findDomain(domain, patient);
    if (!detail) throw new Error(messages.cdnDomainNotFound(domain));
    return detail;
  }

  /** UpdateDomainConfig of the Https block (replaced as a whole by the API), with the Quic block when it changes too. */
  async updateHttps(domain: string, https: Https, quic?: Quic): Promise<void> {
    await this.client.cdn.updateDomainConfig({ Domain: domain, Https: https, ...(quic ? { Quic: quic } : {}) });
  }

  /** UpdateDomainConfig of the Quic block alone. */
  async updateQuic(domain: string, quic: Quic): Promise<void> {
    await this.client.cdn.updateDomainConfig({ Domain: domain, Quic: quic });
  }

  /** UpdateDomainConfig of the ForceRedirect block. */
  async updateRedirect(domain: string, redirect: ForceRedirect): Promise<void> {
    await this.client.cdn.updateDomainConfig({ Domain: domain, ForceRedirect: redirect });
  }

  /** Every CDN domain of the account, following pages until TotalNumber is reached. */
  listDomains(): Promise<DetailDomain[]> {
    return collectPages(LIST_PAGE, async (i) => {
      const page = await this.client.cdn.describeDomainsConfig({ Offset: i * LIST_PAGE, Limit: LIST_PAGE });
      return { rows: page.Domains ?? [], total: page.TotalNumber ?? 0 };
    });
  }
}
