// What the DescribeDomainsConfig calls of a run carried, read from the emulator's request log: how
// full each call was, and each domain's place in it by when it came relative to that domain's write.
// The minimum (minimumCalls.ts) counts three reads per domain (check, before the write, deployment
// observed) in calls of five; this says where a run's extra calls went:
// - `check` and `beforeWrite`: a domain's reads before its UpdateDomainConfig (the first is its check);
// - `early`: reads after the write that came before the deployment could have ended (the write's
//   time plus the emulator's deployment delay): they can only hear "deploying";
// - `observed`: the first read after the deployment's end; `after`: any later one.
// Throttled calls carried nothing and are counted apart.
import type { RequestLogEntry } from "../../emulator";
import { isThrottling } from "./requestStats";

export interface CdnReadBreakdown {
  calls: number;
  throttled: number;
  /** Answered calls by the number of domains they carried (index = domains). */
  bySize: number[];
  check: number;
  beforeWrite: number;
  early: number;
  observed: number;
  after: number;
}

const READ = "cdn.DescribeDomainsConfig";
const WRITE = "cdn.UpdateDomainConfig";

function domainsOf(e: RequestLogEntry): string[] {
  const filters = (e.params?.Filters ?? []) as { Name: string; Value: string[] }[];
  return filters.filter((f) => f.Name === "domain").flatMap((f) => f.Value);
}

export function cdnReadBreakdown(entries: RequestLogEntry[], deployDelayMs: number): CdnReadBreakdown {
  const out: CdnReadBreakdown = { calls: 0, throttled: 0, bySize: [], check: 0, beforeWrite: 0, early: 0, observed: 0, after: 0 };
  const writtenAt = new Map<string, number>();
  const readsBefore = new Map<string, number>();
  const observed = new Set<string>();
  for (const e of entries) {
    const key = `${e.service}.${e.action}`;
    if (key === WRITE && !e.errorCode) {
      writtenAt.set(String(e.params?.Domain), Date.parse(e.time));
      observed.delete(String(e.params?.Domain));
    }
    if (key !== READ) continue;
    out.calls++;
    if (isThrottling(e.errorCode)) { out.throttled++; continue; }
    const domains = domainsOf(e);
    out.bySize[domains.length] = (out.bySize[domains.length] ?? 0) + 1;
    const at = Date.parse(e.time);
    for (const d of domains) {
      const wrote = writtenAt.get(d);
      if (wrote === undefined) {
        const n = readsBefore.get(d) ?? 0;
        readsBefore.set(d, n + 1);
        if (n === 0) out.check++; else out.beforeWrite++;
      } else if (at < wrote + deployDelayMs) out.early++;
      else if (!observed.has(d)) { observed.add(d); out.observed++; } else out.after++;
    }
  }
  for (let i = 0; i < out.bySize.length; i++) out.bySize[i] ??= 0;
  return out;
}

export function formatCdnReads(b: CdnReadBreakdown): string {
  const sizes = b.bySize.map((n, i) => (n ? `${i}:${n}` : "")).filter(Boolean).join(" ");
  return `${b.calls} calls (${b.throttled} throttled; by domains carried ${sizes}); domains read: check ${b.check}, ` +
    `before the write ${b.beforeWrite}, deployment polls ${b.early} early + ${b.observed} observed + ${b.after} after`;
}
