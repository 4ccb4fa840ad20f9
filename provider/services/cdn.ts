// CDN (cdn): every call the resources and the CLI make, for one account's client. A domain's
// configuration is read through one batched reader (runtime/batchedReader.ts), a missing domain is
// undefined (or the catalogue's sentence), and listing follows pages. Deployment waits and the
// writes that start them are cdnDeployments.ts's. No rules: those are in rules/cdn.ts.
import type { DomainName } from "../certificate";
import { messages } from "../messages";
import { BatchedReader } from "../runtime/batchedReader";
import type { Log } from "../runtime/log";
import { isNotFound, TencentCloudClient, TencentCloudError, Turn } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type { DetailDomain, ForceRedirect, Https, Quic, UpdateDomainConfigRequest } from "../tencentcloud/types";
import { CdnDeployments } from "./cdnDeployments";

/** DescribeDomainsConfig takes at most this many values in one `domain` filter (docs/reference/tencentcloud-api.md §2.1). */
export const DOMAINS_PER_READ = 5;

const LIST_PAGE = 100;

/** Deletes paced by the 20/s write limit ask one domain every ~50 ms: see lingerMs below. */
const LINGER_MS = 200;
/** The longest a poll waits for companions while this process's writes queue for their turn. */
const MAX_READ_PATIENCE_MS = 2000;

/**
 * How long a read may wait to share a call. `true` (patient: a check, a refresh, a destroy's read
 * paced by its write, an operation's first read) may wait up to LINGER_MS while reads keep coming;
 * `{ before: turn }` (an operation's first read, when its write waits in line for `turn`) may wait
 * until just before that turn; `false` (a read again between two writes of one operation) leaves
 * within a few milliseconds; `"poll"` (a deployment poll) leaves as `false`, unless
 * this process's UpdateDomainConfig calls wait for their turn (the account's rate, shared with
 * other stacks): then the resources behind it wait that long anyway, and the poll may wait up to
 * half of it for its call to fill. Polls of writes paced apart would each spend a call otherwise.
 */
export type ReadPatience = boolean | "poll" | { before: Turn };

/**
 * How long before its write's turn the read before a write leaves at the latest: the read's round
 * trip, with room for a busy event loop. Reads of writes whose turns are near each other share a call.
 */
const READ_LEAD_MS = 150;

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
      lingerMs: LINGER_MS,
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

  private async patienceOf(patience: ReadPatience): Promise<boolean | number> {
    if (typeof patience === "object") {
      // The read before a write whose turn is reserved: it may wait for company until just before the turn.
      const free = await patience.before.dueIn() - READ_LEAD_MS - this.client.lineEndsIn("cdn", "DescribeDomainsConfig");
      return free > 0 ? free : false;
    }
    if (patience !== "poll") return patience;
    const free = Math.min(MAX_READ_PATIENCE_MS, this.client.turnWait("cdn", "UpdateDomainConfig") / 2);
    return free > LINGER_MS ? free : false;
  }

  /**
   * The domain's full configuration, or undefined when the account has no such CDN domain. A
   * patient read may wait longer to share a call, the read before a write waits only as long as its
   * write's turn allows (ReadPatience).
   */
  async findDomain(domain: DomainName, patience: ReadPatience = false): Promise<DetailDomain | undefined> {
    return this.reader.read(domain, await this.patienceOf(patience));
  }

  /**
   * A place in line for one UpdateDomainConfig, to hand to the write (or release) once its read is
   * back; none while this process's writes do not wait in line long enough to read meanwhile (the
   * read goes first then, and the write takes its turn after it).
   */
  reserveWrite(): Turn | undefined {
    const line = this.client.lineEndsIn("cdn", "UpdateDomainConfig");
    return line > READ_LEAD_MS + this.client.lineEndsIn("cdn", "DescribeDomainsConfig") ? this.client.reserveTurn("cdn", "UpdateDomainConfig") : undefined;
  }

  /** The domain's configuration; its absence is the catalogue's "does not exist" error. */
  async requireDomain(domain: DomainName, patience: ReadPatience = false): Promise<DetailDomain> {
    const detail = await this.findDomain(domain, patience);
    if (!detail) throw new Error(messages.cdnDomainNotFound(domain));
    return detail;
  }

  /** UpdateDomainConfig of the Https block (replaced as a whole by the API), with the Quic block when it changes too. */
  async updateHttps(domain: DomainName, https: Https, quic?: Quic, turn?: Turn): Promise<void> {
    await this.update({ Domain: domain, Https: https, ...(quic ? { Quic: quic } : {}) }, turn);
  }

  /** UpdateDomainConfig of the Quic block alone. */
  async updateQuic(domain: DomainName, quic: Quic, turn?: Turn): Promise<void> {
    await this.update({ Domain: domain, Quic: quic }, turn);
  }

  /** UpdateDomainConfig of the ForceRedirect block. */
  async updateRedirect(domain: DomainName, redirect: ForceRedirect, turn?: Turn): Promise<void> {
    await this.update({ Domain: domain, ForceRedirect: redirect }, turn);
  }

  /** The one UpdateDomainConfig call, in a reserved turn when given one. */
  private async update(request: UpdateDomainConfigRequest, turn: Turn | undefined): Promise<void> {
    await this.client.cdn.updateDomainConfig(request, turn);
  }

  /** Every CDN domain of the account, following pages until TotalNumber is reached. */
  listDomains(): Promise<DetailDomain[]> {
    return collectPages(LIST_PAGE, async (i) => {
      const page = await this.client.cdn.describeDomainsConfig({ Offset: i * LIST_PAGE, Limit: LIST_PAGE });
      return { rows: page.Domains ?? [], total: page.TotalNumber ?? 0 };
    });
  }
}
