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
//   Freshness and errors as BatchedReader: a binding is answered only by a call sent after it was
//   asked, so a read after our write sees it.
// - domains (for the check: exists, playback, enabled) come from DescribeLiveDomains pages of 100.
//   A check asks at once; checks asking while a listing is in flight, or up to
//   CHECK_LISTING_TTL_MS after it was sent, use it (see createLiveReaders for why that is safe).
//   Our writes never add or remove domains, but someone else may while we page, so a name the
//   listing does not show is confirmed with DescribeLiveDomain before it is called missing. With
//   no listing at hand, names fewer than the listing's pages are asked exactly instead, unless the
//   last listing answered at least as many names as it has pages.
// - the account's playback domains (which a certificate delete asks the bindings of) come from the
//   same pages: deletes asking within a few milliseconds share a new listing, or one in flight,
//   never one already answered. Paging is safe here: our writes never add or remove domains.
//
// DomainSearch matches the bound domains whose name contains the string: the research notes say
// substring (docs/reference/tencentcloud-api.md §3.5), the spec only "the domain string to search";
// the emulator matches substrings too.
import { normalizeDomain, type DomainName } from "../certificate/hostname";
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

/** The listing keyed by lower-case name. */
type Listing = Map<string, LiveDomainInfo>;

/**
 * How long after it was sent a listing of the account's domains may answer domain checks. Checks
 * of one deployment arrive over seconds (the engine checks each resource as the program registers
 * it, a binding only once its certificate exists); what they ask changes only by hand in the
 * console, and the API checks every domain again when it is bound.
 */
export const CHECK_LISTING_TTL_MS = 5_000;

/**
 * The account's domains, DescribeLiveDomains pages of 100, one listing at a time: everyone asking
 * while one is in flight shares it, and checks also use it for CHECK_LISTING_TTL_MS after it was
 * sent. The first page tells how many pages there are; the others are asked at once (a listing
 * holds the reads waiting for it, and with them the engine's slots).
 */
class DomainListings {
  private current: { sentAt: number; answered: boolean; served: number; listing: Promise<Listing> } | undefined;
  /** Pages of the last listing (1 before the first). */
  pages = 1;

  constructor(private readonly api: LiveLookups, private readonly now: () => number) {}

  /** The listing in flight, if any. */
  inFlight(): Promise<Listing> | undefined {
    return this.current && !this.current.answered ? this.current.listing : undefined;
  }

  /** The listing in flight, or the last one when it was sent at most `maxAgeMs` ago. */
  recent(maxAgeMs: number): Promise<Listing> | undefined {
    const c = this.current;
    return c && (!c.answered || this.now() - c.sentAt <= maxAgeMs) ? c.listing : undefined;
  }

  /** Counts names the last listing answered: one that answered as many names as it has pages paid for itself. */
  served(names: number): void {
    if (this.current) this.current.served += names;
  }

  /** Whether a new listing is worth its pages for `names` names, going by what the last one answered. */
  worthListing(names: number): boolean {
    return Math.max(names, this.current?.served ?? 0) >= this.pages;
  }

  start(): Promise<Listing> {
    const entry = { sentAt: this.now(), answered: false, served: 0, listing: this.list() };
    this.current = entry;
    entry.listing.then(() => { entry.answered = true; }, () => { if (this.current === entry) this.current = undefined; });
    return entry.listing;
  }

  private async list(): Promise<Listing> {
    const first = await this.api.domainsPage(1, DOMAINS_PAGE);
    const pages = Math.max(1, Math.ceil(first.total / DOMAINS_PAGE));
    this.pages = pages;
    const rest = first.rows.length < DOMAINS_PAGE ? []
      : await Promise.all(Array.from({ length: pages - 1 }, (_, i) => this.api.domainsPage(i + 2, DOMAINS_PAGE)));
    return new Map([first, ...rest].flatMap((page) => page.rows).map((d) => [lower(d.Name), d]));
  }
}

export interface LiveReaders {
  /** The live domain of this name, or undefined when the account has none. */
  domain(name: string): Promise<LiveDomainInfo | undefined>;
  /** The domain's certificate binding now, or undefined when it is unbound. */
  binding(name: string): Promise<LiveDomainCertBinding | undefined>;
  /** The names of the account's playback domains (lower case), from a listing that reads asked meanwhile share. */
  playbackDomains(): Promise<DomainName[]>;
}

/** A failed batch is retried name by name, unless the client already retried a transient failure. */
const splitOnError = (e: unknown): boolean => !(e instanceof TencentCloudError && e.retryable);

export function createLiveReaders(api: LiveLookups, clock: { now(): number } = performance): LiveReaders {
  const listings = new DomainListings(api, () => clock.now());
  /** DescribeLiveDomain, for a name no listing at hand shows. */
  const exact = async (name: string) => {
    const info = await api.domain(name);
    return info && lower(info.Name) === name ? info : undefined;
  };
  /** A name from a listing; one it lacks (added while we paged, or really missing) is asked by name. */
  const fromListing = async (listed: Listing, name: string) => listed.get(name) ?? exact(name);
  // Checks use a listing in flight or sent shortly before instead of one sent after they asked.
  // That bends "answered only by a call sent after it was asked", on purpose: the rule is there so
  // that a read after one of our writes sees it, and no write of ours changes what a check asks
  // (whether a domain exists, is a playback domain, is enabled: bindings change none of these); a
  // change by someone else races with any read alike. A name the listing lacks is asked afresh.
  const domains = new BatchedReader<LiveDomainInfo>({
    readMany: async (names) => {
      const listed = listings.recent(CHECK_LISTING_TTL_MS) ?? (listings.worthListing(names.length) ? listings.start() : undefined);
      const found = new Map<string, LiveDomainInfo>();
      const asked = listed ? await listed : undefined;
      if (asked) listings.served(names.length);
      await Promise.all(names.map(async (name) => {
        const info = asked ? await fromListing(asked, name) : await exact(name);
        if (info) found.set(name, info);
      }));
      return found;
    },
    maxBatch: 10_000,
    maxInFlight: 4,
    windowMs: 0, // the names one check asks at once decide between a listing and asking them by name
    splitOnError,
  });
  const bindings = new BatchedReader<LiveDomainCertBinding>({
    readMany: (names) => readBindings(api, names),
    maxBatch: 1_000,
    maxInFlight: 4,
    windowMs: 5,
    splitOnError,
  });
  // Certificate deletes ask for every playback domain: those asking within a few milliseconds of
  // each other share a new listing, and one asking while a listing is in flight shares that.
  const PLAYBACK = "playback";
  const playback = new BatchedReader<Listing>({
    readMany: async () => new Map([[PLAYBACK, await (listings.inFlight() ?? listings.start())]]),
    maxBatch: 1,
    maxInFlight: 1,
    windowMs: 5,
    splitOnError,
  });
  return {
    domain: async (name) => {
      const key = lower(name);
      const listed = await listings.recent(CHECK_LISTING_TTL_MS)?.catch(() => undefined);
      if (!listed) return domains.read(key);
      listings.served(1);
      return fromListing(listed, key);
    },
    binding: (name) => bindings.read(lower(name)),
    // A delete never uses a listing already answered: its absence of a domain is what lets the
    // delete go ahead. Sharing one in flight is safe for the same reason as for the checks: our
    // writes never add or remove domains.
    playbackDomains: async () => {
      const listed = (await (listings.inFlight() ?? playback.read(PLAYBACK))) ?? new Map<string, LiveDomainInfo>();
      return [...listed.values()].filter((d) => d.Type === PLAY).map((d) => normalizeDomain(d.Name));
    },
  };
}
