// The fewest API calls a phase of fleet work can make, per action, with the formula that gives it:
// each write once, plus the reads the work cannot do without, batched as far as the API allows
// (DescribeDomainsConfig: 5 domains per `domain` filter; DescribeLiveDomains: pages of 100; a
// binding's own domains: one DescribeLiveDomainCertBindings naming them, up to 50 rows). Reads the
// minimum counts:
// - check (create, preview, rotate): each CDN domain exists and is online; each live domain exists
//   and is a playback domain; each binding's certificate covers its domains (one certificate detail
//   per binding: the bindings do not share certificates);
// - before a write: what the domains serve now (ownership: only what we set is changed; a CDN
//   write is the current Https block with our fields merged in, so it needs a fresh read: the check
//   ran in another call, moments or months earlier);
// - after a write: its result observed once (a CDN change deploys, even HTTPS off, and the resource
//   waits for it; a binding is read back for the state Pulumi keeps).
// - before a certificate delete: which playback domains are bound to it, since DeleteCertificate
//   checks nothing itself (IsCheckResource "默认不检查"): a fresh listing of the account's playback
//   domains (pages of 100; deletes asking at once share one: a rotate's replaced certificates are all
//   deleted together after the updates, while a destroy's each follow their own binding's unbinds, so
//   each lists) and one filtered bindings read for the zone its names cover (each fleet certificate
//   is a wildcard over its own group's zone).
// - who the account is: every resource a create, update or read leaves outputs for names its
//   account's UIN (issue 28's `accountId`), which only sts:GetCallerIdentity says; a provider
//   process asks once per account and remembers it (provider/context.ts). A phase here is one
//   provider process in one account, so one call; a preview (check only) and a destroy (delete
//   leaves no outputs) ask nothing.
// LiveCertificate's check is offline.
import type { FleetSize } from "./fleet";

export type PhaseName = "create" | "preview" | "rotate" | "destroy";
export interface MinimumCall { action: string; calls: number; formula: string }

const CDN_PER_READ = 5;
const LIVE_DOMAINS_PER_PAGE = 100;

export interface MinimumOptions {
  /** Whether the bindings' certificate ids are known at check (false in a new stack's preview). */
  certificatesKnown?: boolean;
}

export function minimumCalls(phase: PhaseName, size: FleetSize, options: MinimumOptions = {}): MinimumCall[] {
  const n = size.cdn;
  const g = size.bindings;
  const domains = size.bindings * size.domainsPerBinding;
  const cdnReads = Math.ceil(n / CDN_PER_READ);
  const livePages = Math.ceil(domains / LIVE_DOMAINS_PER_PAGE);
  const out: MinimumCall[] = [];
  /** One entry per action: reads of one action for several purposes add up. */
  const add = (action: string, calls: number, formula: string) => {
    if (calls <= 0) return;
    const same = out.find((c) => c.action === action);
    if (same) { same.calls += calls; same.formula += ` + ${formula}`; } else out.push({ action, calls, formula });
  };
  const cdnRead = (times: number, what: string) => add("cdn.DescribeDomainsConfig", times * cdnReads, `${times} x ceil(${n} domains / ${CDN_PER_READ}) (${what})`);
  const beforeCertificateDeletes = (what: string, together: boolean) => {
    if (together) add("live.DescribeLiveDomains", livePages, `ceil(${domains} domains / ${LIVE_DOMAINS_PER_PAGE}) (before the ${what}' deletes, asked at once: the playback domains)`);
    else add("live.DescribeLiveDomains", g * livePages, `${g} ${what} x ceil(${domains} domains / ${LIVE_DOMAINS_PER_PAGE}) (before each delete: the playback domains)`);
    add("live.DescribeLiveDomainCertBindings", g, `${g} ${what} (before each delete: its zone's bindings)`);
  };
  const liveCheck = () => {
    add("live.DescribeLiveDomains", livePages, `ceil(${domains} domains / ${LIVE_DOMAINS_PER_PAGE}) (check)`);
    if (options.certificatesKnown !== false) add("ssl.DescribeCertificateDetail", g, `${g} bindings (check: coverage)`);
  };
  switch (phase) {
    case "create":
    case "rotate":
      cdnRead(3, "check, before the write, deployment observed");
      add("cdn.UpdateDomainConfig", n, `${n} domains`);
      add("ssl.UploadCertificate", g, `${g} certificates`);
      liveCheck();
      add("live.DescribeLiveDomainCertBindings", 2 * g, `2 x ${g} bindings (before, read back)`);
      if (phase === "rotate") beforeCertificateDeletes("replaced certificates", true);
      add("live.ModifyLiveDomainCertBindings", g, `${g} bindings`);
      if (phase === "rotate") add("ssl.DeleteCertificate", g, `${g} replaced certificates`);
      add("sts.GetCallerIdentity", 1, "1 provider process x 1 account (the accountId output)");
      break;
    case "preview":
      cdnRead(1, "check");
      liveCheck();
      break;
    case "destroy":
      cdnRead(2, "before HTTPS off, settled");
      add("cdn.UpdateDomainConfig", n, `${n} domains`);
      add("live.DescribeLiveDomainCertBindings", g, `${g} bindings (before unbinding)`);
      beforeCertificateDeletes("certificates", false);
      add("live.UnBindLiveDomainCert", domains, `${g} bindings x ${size.domainsPerBinding} domains`);
      add("ssl.DeleteCertificate", g, `${g} certificates`);
      break;
  }
  return out;
}

export function totalCalls(calls: MinimumCall[]): number {
  return calls.reduce((sum, c) => sum + c.calls, 0);
}
