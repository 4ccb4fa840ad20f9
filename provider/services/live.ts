// CSS live streaming (live): every call the resources and the CLI make, for one account's client,
// with "not found" handled here and listings following pages. The resources' reads go through one
// set of shared readers (runtime/liveReader.ts). No rules: those are in rules/live.ts.
import { normalizeDomain } from "../certificate";
import { isNotFound, TencentCloudClient } from "../tencentcloud";
import { collectPages } from "../tencentcloud/paging";
import type {
  LiveDomainCertBinding, LiveDomainInfo, ModifyLiveDomainCertBindingsRequest, ModifyLiveDomainCertBindingsResponse,
} from "../tencentcloud/types";
import { BINDINGS_PAGE, createLiveReaders, DOMAINS_PAGE, LiveReaders } from "../runtime/liveReader";
import { mayBeBoundTo } from "../rules/live";

export class LiveService {
  /** Shared by every resource of the account in the process. */
  private readonly readers: LiveReaders;

  constructor(private readonly client: TencentCloudClient) {
    this.readers = createLiveReaders({
      domainsPage: async (pageNum, pageSize) => {
        const page = await client.live.describeLiveDomains({ PageNum: pageNum, PageSize: pageSize });
        return { rows: page.DomainList ?? [], total: page.AllCount ?? 0 };
      },
      domain: (name) => this.describeLiveDomain(name),
      bindingsMatching: async (search, length) => {
        const page = await client.live.describeLiveDomainCertBindings({ DomainSearch: search, Offset: 0, Length: length });
        return { rows: page.LiveDomainCertBindings ?? [], total: page.TotalNum ?? 0 };
      },
      binding: (name) => this.bindingOf(name),
    });
  }

  /**
   * Every binding of the account, following pages until TotalNum is reached. Offset pages skip rows
   * when bindings change meanwhile: for listings (the CLI's status, naming the domains that hold a
   * certificate), never to decide what to write; resources read through fetchBindings.
   */
  listAllBindings(): Promise<LiveDomainCertBinding[]> {
    return collectPages(BINDINGS_PAGE, async (i) => {
      const page = await this.client.live.describeLiveDomainCertBindings({ Offset: i * BINDINGS_PAGE, Length: BINDINGS_PAGE });
      return { rows: page.LiveDomainCertBindings ?? [], total: page.TotalNum ?? 0 };
    });
  }

  /**
   * Current bindings of `domains` (normalised names), keyed by normalised domain; unbound domains are
   * absent. Through the shared reader: filtered by the names' zones, never paged by offset, so
   * other operations binding or unbinding meanwhile cannot make a row skip (runtime/liveReader.ts).
   */
  async fetchBindings(domains: string[]): Promise<Map<string, LiveDomainCertBinding>> {
    const wanted = [...new Set(domains.map(normalizeDomain))];
    const rows = await Promise.all(wanted.map(async (d) => [d, await this.readers.binding(d)] as const));
    return new Map(rows.filter((r): r is readonly [string, LiveDomainCertBinding] => !!r[1]));
  }

  /**
   * The playback domains bound to `certificateId` now, sorted: the account's playback domains (one
   * listing shared by the deletes asking meanwhile), narrowed to those the certificate's DNS names can
   * cover (rules/live.ts mayBeBoundTo), then their bindings through the shared reader, filtered by
   * CloudCertId. Never an offset over the account's bindings, which others' unbinds shift.
   */
  async domainsBoundTo(certificateId: string, certNames: string[] | undefined): Promise<string[]> {
    const candidates = (await this.readers.playbackDomains()).filter((d) => mayBeBoundTo(d, certNames));
    const bindings = await this.fetchBindings(candidates);
    return [...bindings].filter(([, b]) => b.CloudCertId === certificateId).map(([d]) => d).sort();
  }

  /** Every playback domain (DomainType 1) of the account, following pages until AllCount is reached. */
  listPlaybackDomains(): Promise<LiveDomainInfo[]> {
    return collectPages(DOMAINS_PAGE, async (i) => {
      const page = await this.client.live.describeLiveDomains({ DomainType: 1, PageSize: DOMAINS_PAGE, PageNum: i + 1 });
      return { rows: page.DomainList ?? [], total: page.AllCount ?? 0 };
    });
  }

  /** One live domain, or undefined when the account has none of this name; checks of many share listings. */
  findLiveDomain(domain: string): Promise<LiveDomainInfo | undefined> {
    return this.readers.domain(normalizeDomain(domain));
  }

  /** ModifyLiveDomainCertBindings: per-domain failures come back in a 200 answer (see rules/live.ts bindingFailures). */
  modifyBindings(request: ModifyLiveDomainCertBindingsRequest): Promise<ModifyLiveDomainCertBindingsResponse> {
    return this.client.live.modifyLiveDomainCertBindings(request);
  }

  /** UnBindLiveDomainCert; a domain already unbound counts as done. Returns whether a binding was removed. */
  async unbindDomain(domain: string): Promise<boolean> {
    try {
      await this.client.live.unBindLiveDomainCert({ DomainName: domain });
      return true;
    } catch (e) {
      if (isNotFound(e)) return false;
      throw e;
    }
  }

  /** One live domain, or undefined when the account has none of this name (DescribeLiveDomain). */
  private async describeLiveDomain(domain: string): Promise<LiveDomainInfo | undefined> {
    try {
      return (await this.client.live.describeLiveDomain({ DomainName: domain })).DomainInfo ?? undefined;
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
  }

  /** The binding DescribeLiveDomainCertBindings gives for exactly this domain, or undefined when unbound. */
  private async bindingOf(domain: string): Promise<LiveDomainCertBinding | undefined> {
    const rows = (await this.client.live.describeLiveDomainCertBindings({ DomainName: domain })).LiveDomainCertBindings ?? [];
    // DomainName is an exact filter in the API; match again in case a backend treats it loosely.
    return rows.find((r) => normalizeDomain(r.DomainName) === domain && r.CloudCertId);
  }
}
