// Process-wide batched reads of CSS live domains and their certificate bindings, so that the checks
// and reads of many LiveDomainBindings in one dynamic-provider host share calls (as CDN reads share
// DescribeDomainsConfig filters, see batchedReader.ts), and so that no read can skip or double-count
// a row while other operations bind or unbind:
//
// - bindings are looked up by a filter naming them, never by an offset: the domains asked for at
//   once are grouped by parent zone, and each zone of two or more is one DescribeLiveDomainCertBindings
//   call with DomainSearch ".zone" at offset 0. One call is one snapshot: when its TotalNum says the
//   answer is complete, a name absent from it is unbound; when it is not (more than a page matches),
//   the names it did not show are asked one by one with DomainName. A lone name is asked exactly.
// - domains (for the check: exists, playback, enabled) come from DescribeLiveDomains pages of 100,
//   one listing for every name asked meanwhile; a check asking while one is in flight joins it (see
//   createLiveReaders for why that is safe here). Our writes never add or remove domains, but someone
//   else may while we page, so a name the listing does not show is confirmed with DescribeLiveDomain
//   before it is called missing; when fewer names are asked than the listing has pages, they are
//   asked exactly instead.
// - the account's playback domains (which a certificate delete asks the bindings of) come from the
//   same pages, one listing for every delete asking meanwhile. Paging is safe here: our writes never
//   add or remove domains.
// - freshness and errors as BatchedReader: a read is answered only by calls sent after it was asked,
//   except a check joining the listing in flight.
//
// DomainSearch matches the bound domains whose name contains the string: the research notes say
// substring (docs/reference/tencentcloud-api.md §3.5), the spec only "the domain string to search";
// the emulator matches substrings too.
import { BatchedReader } from "./batchedReader";
import { TencentCloudError } from "../tencentcloud/errors";
import type { LiveDomainCertBinding, LiveDomainInfo } from "../tencentcloud/types";

/** The live calls the readers make (provider/services/live.ts). */
export interface LiveLookups {
  /** DescribeLiveDomains page `pageNum` (1-based) of `pageSize`, all types, and the account's AllCount. */
  domainsPage(pageNum: number, pageSize: number): Promise<{ rows: LiveDomainInfo[]; total: number }>;
  /** DescribeLiveDomain; undefined when the account has no such domain. */
  domain(name: string): Promise<LiveDomainInfo | undefined>;
  /** DescribeLiveDomainCertBindings with DomainSearch, Offset 0 and Length `length`; TotalNum as `total`. */
  bindingsMatching(search: string, length: number): Promise<{ rows: LiveDomainCertBinding[]; total: number }>;
  /** DescribeLiveDomainCertBindings with DomainName: the domain's binding, or undefined when unbound. */
  binding(name: string): Promise<LiveDomainCertBinding | undefined>;
}

export const BINDINGS_PAGE = 50; // DescribeLiveDomainCertBindings: documented default of Length
export const DOMAINS_PAGE = 100; // DescribeLiveDomains: PageSize 10..100
const PLAY = 1; // LiveDomainInfo.Type of a playback domain (0 push)

const lower = (name: string): string => name.toLowerCase().replace(/\.$/, "");

export interface SearchGroup { search?: string; names: string[] }

/**
 * The names grouped by parent zone: two or more under one zone of at least two labels share a
 * search for ".zone"; every other name is asked on its own (no `search`).
 */
export function searchGroups(names: string[]): SearchGroup[] {
  const byZone = new Map<string, string[]>();
  const alone: string[] = [];
  for (const name of new Set(names.map(lower))) {
    const zone = name.slice(name.indexOf(".") + 1);
    if (!name.includes(".") || !zone.includes(".")) { alone.push(name); continue; }
    byZone.set(zone, [...(byZone.get(zone) ?? []), name]);
  }
  const groups: SearchGroup[] = alone.map((n) => ({ names: [n] }));
  for (const [zone, members] of byZone) {
    if (members.length >= 2) groups.push({ search: `.${zone}`, names: members });
    else groups.push({ names: members });
  }
  return groups;
}

async function readBindings(api: LiveLookups, names: string[]): Promise<Map<string, LiveDomainCertBinding>> {
  const found = new Map<string, LiveDomainCertBinding>();
  const exact = async (name: string) => {
    const row = await api.binding(name);
    if (row && lower(row.DomainName) === name && row.CloudCertId) found.set(name, row);
  };
  await Promise.all(searchGroups(names).map(async (group) => {
    if (!group.search) return Promise.all(group.names.map(exact));
    const page = await api.bindingsMatching(group.search, BINDINGS_PAGE);
    const rows = new Map(page.rows.map((r) => [lower(r.DomainName), r]));
    const complete = page.total <= page.rows.length;
    return Promise.all(group.names.map(async (name) => {
      const row = rows.get(name);
      if (row) { if (row.CloudCertId) found.set(name, row); return; }
      if (!complete) await exact(name);
    }));
  }));
  return found;
}

/**
 * Every domain of the account, DescribeLiveDomains pages of 100. The first page tells how many there
 * are; the others are asked at once (a listing holds the reads waiting for it, and with them the
 * engine's slots).
 */
async function listDomains(api: LiveLookups, pagesLastSeen: { pages: number }): Promise<LiveDomainInfo[]> {
  const first = await api.domainsPage(1, DOMAINS_PAGE);
  const pages = Math.max(1, Math.ceil(first.total / DOMAINS_PAGE));
  pagesLastSeen.pages = pages;
  const rest = first.rows.length < DOMAINS_PAGE ? []
    : await Promise.all(Array.from({ length: pages - 1 }, (_, i) => api.domainsPage(i + 2, DOMAINS_PAGE)));
  return [first, ...rest].flatMap((page) => page.rows);
}

/** The listing keyed by lower-case name. */
type Listing = Map<string, LiveDomainInfo>;

async function readDomains(api: LiveLookups, names: string[], pagesLastSeen: { pages: number }, list: () => Promise<Listing>): Promise<Map<string, LiveDomainInfo>> {
  const found = new Map<string, LiveDomainInfo>();
  const exact = async (name: string) => {
    const info = await api.domain(name);
    if (info && lower(info.Name) === name) found.set(name, info);
  };
  const wanted = [...new Set(names.map(lower))];
  if (wanted.length < pagesLastSeen.pages) {
    await Promise.all(wanted.map(exact));
    return found;
  }
  const listed = await list();
  await Promise.all(wanted.map(async (name) => {
    const info = listed.get(name);
    if (info) found.set(name, info);
    else await exact(name); // added while we paged, or really missing: ask it by name
  }));
  return found;
}

export interface LiveReaders {
  /** The live domain of this name, or undefined when the account has none. */
  domain(name: string): Promise<LiveDomainInfo | undefined>;
  /** The domain's certificate binding now, or undefined when it is unbound. */
  binding(name: string): Promise<LiveDomainCertBinding | undefined>;
  /** The names of the account's playback domains (lower case), from one listing that reads asked meanwhile share. */
  playbackDomains(): Promise<string[]>;
}

/** A failed batch is retried name by name, unless the client already retried a transient failure. */
const splitOnError = (e: unknown): boolean => !(e instanceof TencentCloudError && e.retryable);

export function createLiveReaders(api: LiveLookups): LiveReaders {
  const pagesLastSeen = { pages: 1 };
  // The checks' listing in flight, which a check asking meanwhile joins instead of waiting for the
  // next one. That bends "answered only by a call sent after it was asked", on purpose: the rule is
  // there so a read after one of our writes sees it, and no write of ours changes what a check asks
  // (whether a domain exists, is a playback domain, is enabled: bindings change none of these); a
  // change by someone else races with any read alike. A name the listing lacks is asked afresh.
  let listing: Promise<Listing> | undefined;
  const listForChecks = (): Promise<Listing> => {
    const current = listDomains(api, pagesLastSeen).then((rows) => new Map(rows.map((d) => [lower(d.Name), d])));
    listing = current;
    const done = () => { if (listing === current) listing = undefined; };
    current.then(done, done);
    return current;
  };
  const domains = new BatchedReader<LiveDomainInfo>({
    readMany: (names) => readDomains(api, names, pagesLastSeen, listForChecks),
    maxBatch: 10_000,
    maxInFlight: 1, // names asked during a listing wait for the next one instead of starting their own
    // Checks arrive over some tens of milliseconds (the engine sends them as it registers
    // resources, between other resources' checks); a check waiting 60 ms for the others costs less
    // than another listing.
    windowMs: 60,
    splitOnError,
  });
  const bindings = new BatchedReader<LiveDomainCertBinding>({
    readMany: (names) => readBindings(api, names),
    maxBatch: 1_000,
    maxInFlight: 4,
    windowMs: 5,
    splitOnError,
  });
  // Certificate deletes ask for every playback domain; those of one destroy share a listing.
  const PLAYBACK = "playback";
  const listings = new BatchedReader<string[]>({
    readMany: async () => new Map([[PLAYBACK, (await listDomains(api, pagesLastSeen)).filter((d) => d.Type === PLAY).map((d) => lower(d.Name))]]),
    maxBatch: 1,
    maxInFlight: 1,
    windowMs: 5,
    splitOnError,
  });
  return {
    domain: async (name) => {
      const key = lower(name);
      const joined = listing && (await listing.catch(() => undefined))?.get(key);
      return joined ?? domains.read(key);
    },
    binding: (name) => bindings.read(lower(name)),
    playbackDomains: async () => (await listings.read(PLAYBACK)) ?? [],
  };
}
