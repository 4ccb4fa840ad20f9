// Per-action token buckets at the documented limits (burst = rate), on real time.
import { rateLimitFor, Service } from "../../provider/tencentcloud/types";

interface Bucket { tokens: number; rate: number; last: number }

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Takes a token; false when the action is over its limit right now. */
  take(service: Service, action: string): boolean {
    const key = `${service}.${action}`;
    const t = this.now();
    let b = this.buckets.get(key);
    if (!b) {
      const rate = rateLimitFor(service, action);
      b = { tokens: rate, rate, last: t };
      this.buckets.set(key, b);
    }
    b.tokens = Math.min(b.rate, b.tokens + ((t - b.last) / 1000) * b.rate);
    b.last = t;
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
