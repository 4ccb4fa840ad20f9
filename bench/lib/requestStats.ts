// Summaries of the emulator's request log (what the API actually saw), per phase of a run.
import type { RequestLogEntry } from "../../emulator";
import { isThrottleCode } from "../../provider/tencentcloud/errors";

export interface RequestSummary {
  total: number;
  /** Calls by `service.Action`, answered or not. */
  byAction: Record<string, number>;
  /** Error answers by code (throttling, injected faults, real rejections). */
  errors: Record<string, number>;
  /** Throttling answers, i.e. calls the client had to absorb and repeat. */
  throttled: number;
  writes: number;
}

export function isThrottling(code: string | undefined): boolean {
  return !!code && isThrottleCode(code);
}

export function summarizeRequests(entries: RequestLogEntry[]): RequestSummary {
  const s: RequestSummary = { total: 0, byAction: {}, errors: {}, throttled: 0, writes: 0 };
  for (const e of entries) {
    s.total++;
    const key = `${e.service}.${e.action}`;
    s.byAction[key] = (s.byAction[key] ?? 0) + 1;
    if (e.write) s.writes++;
    if (e.errorCode) {
      s.errors[e.errorCode] = (s.errors[e.errorCode] ?? 0) + 1;
      if (isThrottling(e.errorCode)) s.throttled++;
    }
  }
  return s;
}

/** Calls per action divided by a resource count, for "calls per resource" columns. */
export function perResource(byAction: Record<string, number>, resources: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(byAction)) out[k] = resources ? v / resources : 0;
  return out;
}
