// CDN (cdn): every call the resources and the CLI make. A domain's configuration is read through
// one process-wide batched reader (runtime/batchedReader.ts), a missing domain is undefined (or the
// catalogue's sentence), and listing follows pages. No rules: those are in rules/cdn.ts.
import { getClient } from "../config";
import { messages } from "../messages";
import { BatchedReader } from "../runtime/batchedReader";
import { isNotFound, TencentCloudClient, TencentCloudError } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";

/** DescribeDomainsConfig takes at most this many values in one `domain` filter (docs/reference/tencentcloud-api.md §2.1). */
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

/** A source of keys to top up read calls that leave with room to spare (see BatchedReader topUp). */
export type SpareRoomTaker = (room: number, taken: ReadonlySet<string>) => { key: string; answer(d: DetailDomain | undefined): void }[];
let spareRoomTaker: SpareRoomTaker | undefined;

/** Lets the deployment waits take the room a read call leaves (cdnHttpsConfig/deployment.ts). */
export function offerSpareReadRoom(taker: SpareRoomTaker): void {
  spareRoomTaker = taker;
}

/** Deletes paced by the 20/s write limit ask one domain every ~50 ms: see lingerMs below. */
const LINGER_MS = 200;
/** The longest a poll waits for companions while this process's writes queue for their turn. */
const MAX_READ_PATIENCE_MS = 2000;

/**
 * How long a read may wait to share a call. `true` (patient: a check, a refresh, a destroy's read
 * paced by its write) may wait up to LINGER_MS while reads keep coming; `false` (the read before a
 * write) leaves within a few milliseconds; `"poll"` (a deployment poll) leaves as `false`, unless
 * this process's UpdateDomainConfig calls wait for their turn (the account's rate, shared with
 * other stacks): then the resources behind it wait that long anyway, and the poll may wait up to
 * half of it for its call to fill. Polls of writes paced apart would each spend a call otherwise.
 */
export type ReadPatience = boolean | "poll";

function patienceOf(patience: ReadPatience): boolean | number {
  if (patience !== "poll") return patience;
  const free = Math.min(MAX_READ_PATIENCE_MS, getClient().turnWait("cdn", "UpdateDomainConfig") / 2);
  return free > LINGER_MS ? free : false;
}

/**
 * One reader per provider process: the reads of every CdnHttpsConfig in the host (checks, reads
 * before writes, deployment polls) leave in shared calls of up to five domains.
 */
const domainReader = new BatchedReader<DetailDomain>({
  readMany: readDomains,
  maxBatch: DOMAINS_PER_READ,
  // A few calls at a time: the reads of a wave of deployments (checks, reads before the writes,
  // polls) leave together instead of one call after another; reads asked while they are out join
  // the next calls instead of queueing calls of one domain each behind the same 20/s bucket.
  maxInFlight: 4,
  partialWhenIdle: true,
  topUp: (room, taken) => spareRoomTaker?.(room, taken) ?? [],
  windowMs: 5,
  // Deletes paced by the 20/s write limit ask one domain every ~50 ms: their patient reads waiting
  // up to 200 ms share a call of five instead of spending one call each (issue 15). Checks, reads
  // before a write and deployment polls are on the deployment's critical path and wait 5 ms at most.
  lingerMs: LINGER_MS,
  splitOnError: (e) => !(e instanceof TencentCloudError && e.retryable),
});

/**
 * The domain's full configuration, or undefined when the account has no such CDN domain. A
 * patient read may wait longer to share a call, the read before a write does not (ReadPatience).
 */
export function findDomain(domain: string, patience: ReadPatience = false): Promise<DetailDomain | undefined> {
  return domainReader.read(domain, patienceOf(patience));
}

/** The domain's configuration; its absence is the catalogue's "does not exist" error. */
export async function requireDomain(domain: string, patience: ReadPatience = false): Promise<DetailDomain> {
  const detail = await findDomain(domain, patience);
  if (!detail) throw new Error(messages.cdnDomainNotFound(domain));
  return detail;
}

/** UpdateDomainConfig of the Https block (replaced as a whole by the API), with the Quic block when it changes too. */
export async function updateHttps(domain: string, https: Https, quic?: Quic): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, Https: https, ...(quic ? { Quic: quic } : {}) });
}

/** UpdateDomainConfig of the Quic block alone. */
export async function updateQuic(domain: string, quic: Quic): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, Quic: quic });
}

/** UpdateDomainConfig of the ForceRedirect block. */
export async function updateRedirect(domain: string, redirect: ForceRedirect): Promise<void> {
  await getClient().cdn.updateDomainConfig({ Domain: domain, ForceRedirect: redirect });
}

const LIST_PAGE = 100;

/** Every CDN domain of the account, following pages until TotalNumber is reached. */
export function listDomains(client: TencentCloudClient): Promise<DetailDomain[]> {
  return collectPages(LIST_PAGE, async (i) => {
    const page = await client.cdn.describeDomainsConfig({ Offset: i * LIST_PAGE, Limit: LIST_PAGE });
    return { rows: page.Domains ?? [], total: page.TotalNumber ?? 0 };
  });
}
