// Retry policy: exponential backoff with full jitter, bounded by attempts and elapsed time.
// Pure apart from the injected sleep/random/now, so the unit tests drive it deterministically.
import { isRetryable, TencentCloudError } from "./errors";

export interface RetryOptions {
  maxAttempts?: number;
  maxElapsedMs?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
}
export type ResolvedRetryOptions = Required<RetryOptions>;

export const DEFAULT_RETRY: ResolvedRetryOptions = {
  maxAttempts: 8,
  maxElapsedMs: 90_000,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

export interface RetryDeps {
  sleep(ms: number): Promise<void>;
  random(): number; // [0, 1)
  now(): number; // ms, monotonic
}

export const realRetryDeps: RetryDeps = {
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
  now: () => performance.now(),
};

/**
 * Transport codes that prove the request never reached the API: no connection was made (refused,
 * no route, a temporary DNS failure). Retried like a dropped connection, within the same bounds,
 * and, unlike one, they prove that the attempt was not applied. ENOTFOUND is left out: a name that
 * does not resolve is almost always a wrong endpoint, which waiting does not mend.
 */
export const NEVER_SENT_NETWORK_CODES: ReadonlySet<string> = new Set(["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN"]);

/** Transport codes after which the request may have been applied, yet no answer came: retried. */
export const LOST_ANSWER_NETWORK_CODES: ReadonlySet<string> = new Set(["ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE"]);

/** Whether a transport failure (its Node error code) is worth another attempt. */
export function isRetryableNetworkCode(code: string | undefined): boolean {
  return code !== undefined && (NEVER_SENT_NETWORK_CODES.has(code) || LOST_ANSWER_NETWORK_CODES.has(code));
}

export interface RetryEvent { attempt: number; delayMs: number; error: unknown }

export function resolveRetryOptions(opts: RetryOptions = {}): ResolvedRetryOptions {
  const r = { ...DEFAULT_RETRY };
  for (const k of Object.keys(r) as (keyof ResolvedRetryOptions)[]) {
    const v = opts[k];
    if (v !== undefined) r[k] = v;
  }
  r.maxAttempts = Math.max(1, Math.floor(r.maxAttempts));
  return r;
}

/** Full jitter: uniform in [0, min(maxDelay, base * 2^(attempt-1))]; `attempt` is the one that just failed (1-based). */
export function backoffDelay(attempt: number, opts: ResolvedRetryOptions, random: () => number): number {
  const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * Runs `fn` until it succeeds, fails with a non-retryable error, runs out of attempts, or the next
 * wait would cross the elapsed-time budget. The final TencentCloudError carries the attempt count.
 * A `paced` failure (a throttling answer) is retried at once, because `fn` waits for its turn in the
 * rate budget itself, and does not count against maxAttempts: only the elapsed-time budget bounds it.
 */
export async function withRetry<T>(
  fn: (attempt: number) => Promise<T>,
  options: ResolvedRetryOptions,
  deps: RetryDeps,
  onRetry?: (event: RetryEvent) => void,
  shouldRetry: (e: unknown) => boolean = isRetryable,
  paced: (e: unknown) => boolean = () => false,
): Promise<T> {
  const start = deps.now();
  let counted = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (error) {
      const isPaced = paced(error);
      if (!isPaced) counted++;
      const delayMs = isPaced ? 0 : backoffDelay(counted, options, deps.random);
      const outOfBudget = counted >= options.maxAttempts || deps.now() - start + delayMs > options.maxElapsedMs;
      if (!shouldRetry(error) || outOfBudget) {
        if (error instanceof TencentCloudError) error.attempts = attempt;
        throw error;
      }
      onRetry?.({ attempt, delayMs, error });
      if (delayMs > 0) await deps.sleep(delayMs);
    }
  }
}
