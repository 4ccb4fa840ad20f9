// CSS live streaming (live): every call the resources and the CLI make, with "not found" handled
// here and listings following pages. Callers pass the client (the provider's getClient(), or the
// CLI's own). No rules: those are in rules/live.ts.
import { normalizeDomain } from "../certificate";
import { isNotFound, TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type {
  LiveDomainCertBinding, LiveDomainInfo, ModifyLiveDomainCertBindingsRequest, ModifyLiveDomainCertBindingsResponse,
} from "../tencentcloud/types";
import { BINDINGS_PAGE, createLiveReaders, DOMAINS_PAGE, LiveReaders } from "../runtime/liveReader";
import { mayBeBoundTo } from "../rules/live";

/**
 * Every binding of the account, following pages until TotalNum is reached. Offset pages skip rows
 * when bindings change meanwhile: for listings (the CLI's status, naming the domains that hold a
 * certificate), never to decide what to write; resources read through fetchBindings.
 */
export function listAllBindings(client: TencentCloudClient): Promise<LiveDomainCertBinding[]> {
  return collectPages(BINDINGS_PAGE, async (i) => {
    const page = await client.live.describeLiveDomainCertBindings({ Offset: i * BINDINGS_PAGE, Length: BINDINGS_PAGE });
    return { rows: page.LiveDomainCertBindings ?? [], total: page.TotalNum ?? 0 };
  });
}

/**
 * Current bindings of `domains` (normalised names), keyed by normalised domain; unbound domains are
 * absent. Through the process-wide reader: filtered by the names' zones, never paged by offset, so
 * other operations binding or unbinding meanwhile cannot make a row skip (runtime/liveReader.ts).
 */
export async function fetchBindings(client: TencentCloudClient, domains: string[]): Promise<Map<string, LiveDomainCertBinding>> {
  const wanted = [...new Set(domains.map(normalizeDomain))];
  const reader = readersFor(client);
  const rows = await Promise.all(wanted.map(async (d) => [d, await reader.binding(d)] as const));
  return new Map(rows.filter((r): r is readonly [string, LiveDomainCertBinding] => !!r[1]));
}

/**
 * The playback domains bound to `cloudCertId` now, sorted: the account's playback domains (one
 * listing shared by the deletes asking meanwhile), narrowed to those the certificate's DNS names can
 * cover (rules/live.ts mayBeBoundTo), then their bindings through the process-wide reader, filtered by
 * CloudCertId. Never an offset over the account's bindings, which others' unbinds shift.
 */
export async function liveDomainsBoundTo(client: TencentCloudClient, cloudCertId: string, certNames: string[] | undefined): Promise<string[]> {
  const reader = readersFor(client);
  const candidates = (await reader.playbackDomains()).filter((d) => mayBeBoundTo(d, certNames));
  const bindings = await fetchBindings(client, candidates);
  return [...bindings].filter(([, b]) => b.CloudCertId === cloudCertId).map(([d]) => d).sort();
}

/** Every playback domain (DomainType 1) of the account, following pages until AllCount is reached. */
export function listPlaybackDomains(client: TencentCloudClient): Promise<LiveDomainInfo[]> {
  return collectPages(DOMAINS_PAGE, async (i) => {
    const page = await client.live.describeLiveDomains({ DomainType: 1, PageSize: DOMAINS_PAGE, PageNum: i + 1 });
    return { rows: page.DomainList ?? [], total: page.AllCount ?? 0 };
  });
}

/** One live domain, or undefined when the account has none of this name (DescribeLiveDomain). */
async function describeLiveDomain(client: TencentCloudClient, domain: string): Promise<LiveDomainInfo | undefined> {
  try {
    return (await client.live.describeLiveDomain({ DomainName: domain })).DomainInfo ?? undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

/** One live domain, or undefined when the account has none of this name; checks of many share listings. */
export function findLiveDomain(client: TencentCloudClient, domain: string): Promise<LiveDomainInfo | undefined> {
  return readersFor(client).domain(normalizeDomain(domain));
}

/** The binding DescribeLiveDomainCertBindings gives for exactly this domain, or undefined when unbound. */
async function bindingOf(client: TencentCloudClient, domain: string): Promise<LiveDomainCertBinding | undefined> {
  const rows = (await client.live.describeLiveDomainCertBindings({ DomainName: domain })).LiveDomainCertBindings ?? [];
  // DomainName is an exact filter in the API; match again in case a backend treats it loosely.
  return rows.find((r) => normalizeDomain(r.DomainName) === domain && r.CloudCertId);
}

/** One set of readers per client, shared by every resource in the process that uses that client. */
const readers = new WeakMap<TencentCloudClient, LiveReaders>();

function readersFor(client: TencentCloudClient): LiveReaders {
  let r = readers.get(client);
  if (!r) {
    r = createLiveReaders({
      domainsPage: async (pageNum, pageSize) => {
        const page = await client.live.describeLiveDomains({ PageNum: pageNum, PageSize: pageSize });
        return { rows: page.DomainList ?? [], total: page.AllCount ?? 0 };
      },
      domain: (name) => describeLiveDomain(client, name),
      bindingsMatching: async (search, length) => {
        const page = await client.live.describeLiveDomainCertBindings({ DomainSearch: search, Offset: 0, Length: length });
        return { rows: page.LiveDomainCertBindings ?? [], total: page.TotalNum ?? 0 };
      },
      binding: (name) => bindingOf(client, name),
    });
    readers.set(client, r);
  }
  return r;
}

/** ModifyLiveDomainCertBindings: per-domain failures come back in a 200 answer (see rules/live.ts bindingFailures). */
export function modifyBindings(client: TencentCloudClient, request: ModifyLiveDomainCertBindingsRequest): Promise<ModifyLiveDomainCertBindingsResponse> {
  return client.live.modifyLiveDomainCertBindings(request);
}

/** UnBindLiveDomainCert; a domain already unbound counts as done. Returns whether a binding was removed. */
export async function unbindDomain(client: TencentCloudClient, domain: string): Promise<boolean> {
  try {
    await client.live.unBindLiveDomainCert({ DomainName: domain });
    return true;
  } catch (e) {
    if (isNotFound(e)) return false;
    throw e;
  }
}
