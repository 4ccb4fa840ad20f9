// Client-side throttling at the documented per-action limits, so parallel resources in one
// dynamic-provider host do not trip RequestLimitExceeded. One bucket per `service.action`,
// module level, shared by every client instance in the process.
import { rateLimitFor, Service } from "./types";

export type Clock = () => number; // ms, monotonic

/**
 * Token bucket with reservations: each take() consumes a token (the balance may go negative) and
 * returns how long the caller must wait before its token is actually available. Callers are
 * therefore served in order, and the bucket needs no timers of its own.
 */
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(readonly ratePerSecond: number, readonly burst: number, private readonly clock: Clock) {
    if (!(ratePerSecond > 0) || !(burst >= 1)) throw new Error(`TokenBucket: invalid rate ${ratePerSecond}/s, burst ${burst}`);
    this.tokens = burst;
    this.last = clock();
  }

  /** Reserves one token; returns the wait in ms (0 when a token is available now). */
  take(): number {
    const now = this.clock();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) * this.ratePerSecond) / 1000);
    this.last = now;
    this.tokens -= 1;
    return this.tokens >= 0 ? 0 : Math.ceil((-this.tokens * 1000) / this.ratePerSecond);
  }
}

const monotonic: Clock = () => performance.now();
const buckets = new Map<string, TokenBucket>();
let registryClock: Clock = monotonic;

/** The process-wide bucket of one action: rate from rateLimitFor(), burst = the per-second rate. */
export function bucketFor(service: Service, action: string): TokenBucket {
  const key = `${service}.${action}`;
  let bucket = buckets.get(key);
  if (!bucket) {
    const rate = rateLimitFor(service, action);
    bucket = new TokenBucket(rate, rate, registryClock);
    buckets.set(key, bucket);
  }
  return bucket;
}

/**
 * How much later than its token a paced call leaves. The API's bucket counts arrivals, ours counts
 * departures: when the burst's first call reached the API later than a paced call does (a busy
 * event loop, a new connection), the paced call arrives before the API has its token and is
 * refused, and its retry queues behind every call paced meanwhile. The margin is added to the
 * wait only, not to the bucket's schedule, so it never accumulates over a run of paced calls.
 */
export const PACING_MARGIN_MS = 10;

/** Waits for this process's turn to call `service.action`. */
export async function acquire(service: Service, action: string, sleep: (ms: number) => Promise<void>): Promise<void> {
  const wait = bucketFor(service, action).take();
  if (wait > 0) await sleep(wait + PACING_MARGIN_MS);
}

/** Forget all buckets (and optionally use another clock for new ones); tests only. */
export function resetRateLimitsForTests(clock: Clock = monotonic): void {
  buckets.clear();
  registryClock = clock;
}
