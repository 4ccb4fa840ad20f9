// CSS live streaming (live): every call the resources and the CLI make, with "not found" handled
// here and listings following pages. Callers pass the client (the provider's getClient(), or the
// CLI's own). No rules: those are in rules/live.ts.
import { normalizeDomain } from "../certificate";
import { isNotFound, TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type {
  LiveDomainCertBinding, LiveDomainInfo, ModifyLiveDomainCertBindingsRequest, ModifyLiveDomainCertBindingsResponse,
} from "../tencentcloud/types";

const BINDINGS_PAGE = 50; // the API's documented default and maximum when Length is omitted
/** Below this many domains, exact per-domain queries are cheaper than listing every binding. */
const PER_DOMAIN_LIMIT = 5;
const DOMAINS_PAGE = 100;

/** Every binding of the account, following pages until TotalNum is reached. */
export function listAllBindings(client: TencentCloudClient): Promise<LiveDomainCertBinding[]> {
  return collectPages(BINDINGS_PAGE, async (i) => {
    const page = await client.live.describeLiveDomainCertBindings({ Offset: i * BINDINGS_PAGE, Length: BINDINGS_PAGE });
    return { rows: page.LiveDomainCertBindings ?? [], total: page.TotalNum ?? 0 };
  });
}

/** Current bindings of `domains` (normalised names), keyed by normalised domain; unbound domains are absent. */
export async function fetchBindings(client: TencentCloudClient, domains: string[]): Promise<Map<string, LiveDomainCertBinding>> {
  const wanted = new Set(domains.map(normalizeDomain));
  const rows = wanted.size <= PER_DOMAIN_LIMIT
    ? (await Promise.all([...wanted].map((d) => client.live.describeLiveDomainCertBindings({ DomainName: d }))))
      .flatMap((r) => r.LiveDomainCertBindings ?? [])
    : await listAllBindings(client);
  const out = new Map<string, LiveDomainCertBinding>();
  for (const row of rows) {
    const domain = normalizeDomain(row.DomainName);
    // DomainName is an exact filter in the API; filter again in case a backend treats it loosely.
    if (wanted.has(domain) && row.CloudCertId) out.set(domain, row);
  }
  return out;
}

/** Every playback domain (DomainType 1) of the account, following pages until AllCount is reached. */
export function listPlaybackDomains(client: TencentCloudClient): Promise<LiveDomainInfo[]> {
  return collectPages(DOMAINS_PAGE, async (i) => {
    const page = await client.live.describeLiveDomains({ DomainType: 1, PageSize: DOMAINS_PAGE, PageNum: i + 1 });
    return { rows: page.DomainList ?? [], total: page.AllCount ?? 0 };
  });
}

/** One live domain, or undefined when the account has none of this name. */
export async function findLiveDomain(client: TencentCloudClient, domain: string): Promise<LiveDomainInfo | undefined> {
  try {
    return (await client.live.describeLiveDomain({ DomainName: domain })).DomainInfo ?? undefined;
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
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
