// Waits for an asynchronous backend change (a CDN deployment, a free certificate's issuance) by
// polling, with a deadline, telling a person how it goes (runtime/progress.ts).
import type { Log } from "./log";
import { Heartbeat } from "./progress";

export interface PollOptions<T> {
  /** Reads the current state; errors propagate (the client already retried transient ones). */
  read: () => Promise<T>;
  /** "done" stops with the value; "pending" polls again; a string is a terminal failure message. */
  judge: (value: T) => "done" | "pending" | { failed: string };
  timeoutMs: number;
  intervalMs?: number;
  maxIntervalMs?: number;
  /** Where the wait stands after a read, e.g. "HTTPS deploying (status processing)". */
  describe: (value: T) => string;
  /** The API asked us to ask less often (a rate-limited answer): the next wait doubles too. */
  slowDown?: (value: T) => boolean;
  /**
   * What is awaited (e.g. "CDN domain cdn.example.com") and the log its progress lines go to: one
   * on each new state, one at the log's steady interval while it holds. `detail` adds to the
   * count of checks how far the wait is (e.g. an expected end).
   */
  progress?: { subject: string; log: Log; detail?: () => string | undefined; initial?: string };
  what: string; // "the HTTPS deployment of cdn.example.com", used in the timeout error
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class PollTimeoutError extends Error {}

const checks = (n: number) => `${n} check${n === 1 ? "" : "s"}`;

export async function pollUntil<T>(o: PollOptions<T>): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const deadline = now() + o.timeoutMs;
  let interval = o.intervalMs ?? 1000;
  let reads = 0;
  const p = o.progress;
  const heartbeat = p && new Heartbeat({
    subject: p.subject,
    out: (line) => p.log.info(line),
    settings: p.log.progress,
    limitMs: o.timeoutMs,
    detail: () => [checks(reads), p.detail?.()].filter(Boolean).join(", "),
    initial: p.initial,
  });
  try {
    for (;;) {
      const value = await o.read();
      reads++;
      const verdict = o.judge(value);
      const state = o.describe(value);
      heartbeat?.update(state);
      if (verdict === "done") return value;
      if (verdict !== "pending") throw new Error(verdict.failed);
      if (now() >= deadline) {
        throw new PollTimeoutError(`Timed out after ${Math.round(o.timeoutMs / 1000)}s waiting for ${o.what} (last state: ${state}). ` +
          `Raise the resource's customTimeouts, or run \`pulumi up\` again to resume waiting.`);
      }
      if (o.slowDown?.(value)) interval *= 2;
      await sleep(Math.min(interval, Math.max(0, deadline - now())));
      interval = Math.min(interval * 1.5, o.maxIntervalMs ?? 10_000);
    }
  } finally {
    heartbeat?.stop();
  }
}
