// Reading live domain certificate bindings (DescribeLiveDomainCertBindings). Shared by both live
// resources: the binding resource reads its domains, the certificate resource looks for domains
// still bound to it before deleting.
import { normalizeDomain } from "../certificate";
import type { LiveDomainCertBinding, TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";

const PAGE = 50; // the API's documented default and maximum when Length is omitted
/** Below this many domains, exact per-domain queries are cheaper than listing every binding. */
const PER_DOMAIN_LIMIT = 5;

/** Every binding of the account, following pages until TotalNum is reached. */
export function listAllBindings(client: TencentCloudClient): Promise<LiveDomainCertBinding[]> {
  return collectPages(PAGE, async (i) => {
    const page = await client.live.describeLiveDomainCertBindings({ Offset: i * PAGE, Length: PAGE });
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
