// The CDN backend of one account (moto's models.py): its domains with their pending deployments,
// the listings' selection and UpdateDomainConfig applied through the rules (rules.ts). Deployments
// end lazily on the clock, so advancing it needs no timers.
import type { DetailDomain, ForceRedirect, Https, Quic } from "../../../provider/tencentcloud/types";
import { ApiError } from "../../core/errors";
import { chinaTime } from "../../core/format";
import { BaseBackend } from "../../core/backend";
import { assertQuicHasHttps, resolveQuic } from "./clientCert";
import { assertRedirectAllowsHttpsOff, DomainFilter, matches, resolveForceRedirect, resolveHttps } from "./rules";

export interface PendingDeployment {
  until: number; // clock ms when it ends
  failMessage?: string;
}

export interface CdnDomainRecord {
  detail: DetailDomain; // exactly what DescribeDomainsConfig returns (never holds a PEM key)
  deployment?: PendingDeployment;
  failNextDeployment?: string;
}

function settleDeployment(record: CdnDomainRecord, now: number): void {
  const d = record.deployment;
  if (!d || now < d.until) return;
  record.deployment = undefined;
  record.detail.Status = "online";
  const https = record.detail.Https;
  if (!https || https.Switch !== "on") return;
  if (d.failMessage !== undefined) {
    https.SslStatus = "failed";
    if (https.CertInfo) https.CertInfo.Message = d.failMessage;
  } else {
    https.SslStatus = "deployed";
    if (https.CertInfo) https.CertInfo.DeployTime = chinaTime(d.until);
  }
}

export class CdnBackend extends BaseBackend {
  private readonly domains = new Map<string, CdnDomainRecord>();

  /** A domain by name (any case), its deployment settled. */
  domain(name: string): CdnDomainRecord | undefined {
    const record = this.domains.get(name.toLowerCase());
    if (record) settleDeployment(record, this.now());
    return record;
  }

  /** Every domain, deployments settled. */
  all(): CdnDomainRecord[] {
    const now = this.now();
    const all = [...this.domains.values()];
    for (const r of all) settleDeployment(r, now);
    return all;
  }

  add(record: CdnDomainRecord): void {
    this.domains.set(record.detail.Domain.toLowerCase(), record);
  }

  remove(name: string): boolean {
    return this.domains.delete(name.toLowerCase());
  }

  /** The domains whose HTTPS names this SSL certificate. */
  usersOf(certId: string): string[] {
    return [...this.domains.values()].filter((r) => r.detail.Https?.CertInfo?.CertId === certId).map((r) => r.detail.Domain);
  }

  /** Domains matching the filters; an exact domain filter is a map lookup, not a scan. */
  select(filters: DomainFilter[]): CdnDomainRecord[] {
    const exact = filters.find((f) => f.name === "domain" && !f.fuzzy);
    const candidates = exact
      ? exact.values.map((v) => this.domain(v)).filter((r): r is CdnDomainRecord => !!r)
      : this.all();
    return candidates.filter((r) => filters.every((f) => matches(r.detail, f)));
  }

  /** Applies the blocks of one UpdateDomainConfig: all validated first, so a refused request changes nothing. */
  update(domain: string, blocks: Record<string, unknown>): void {
    const name = domain.toLowerCase();
    const record = this.domain(name);
    if (!record) throw new ApiError("ResourceNotFound.CdnHostNotExists", `The domain ${name} does not exist.`);
    if (record.deployment) throw new ApiError("ResourceInUse.CdnOpInProgress", `A configuration of ${name} is being deployed; try again later.`);
    const detail = record.detail;
    const now = this.now();
    const https: Https | undefined = blocks.Https === undefined ? undefined : resolveHttps(blocks.Https, detail, (id) => this.account.ssl.certificate(id), now);
    const redirect: ForceRedirect | undefined = blocks.ForceRedirect === undefined ? undefined : resolveForceRedirect(blocks.ForceRedirect, detail.Https);
    const quic: Quic | undefined = blocks.Quic === undefined ? undefined : resolveQuic(blocks.Quic);
    if (https) assertRedirectAllowsHttpsOff(https, redirect ?? detail.ForceRedirect);
    if (https || quic) assertQuicHasHttps(https ?? detail.Https, quic ?? detail.Quic);

    for (const [k, v] of Object.entries(blocks)) {
      if (k === "Https" || k === "ForceRedirect" || k === "Quic" || v === undefined || v === null) continue;
      detail[k] = structuredClone(v);
    }
    if (redirect) detail.ForceRedirect = redirect;
    if (quic) detail.Quic = quic; // guess: a QUIC change alone starts no deployment
    if (https) {
      detail.Https = https;
      if (https.Switch === "on") {
        detail.Status = "processing";
        record.deployment = { until: now + this.account.world.deployDelayMs, failMessage: record.failNextDeployment };
        record.failNextDeployment = undefined;
      }
    }
    detail.UpdateTime = chinaTime(now);
  }
}
