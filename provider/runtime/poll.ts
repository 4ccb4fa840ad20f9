// Waits for an asynchronous backend change (a CDN deployment) by polling, with a deadline.
export interface PollOptions<T> {
  /** Reads the current state; errors propagate (the client already retried transient ones). */
  read: () => Promise<T>;
  /** "done" stops with the value; "pending" polls again; a string is a terminal failure message. */
  judge: (value: T) => "done" | "pending" | { failed: string };
  timeoutMs: number;
  intervalMs?: number;
  maxIntervalMs?: number;
  describe: (value: T) => string; // progress line, logged when it changes
  /** The API asked us to ask less often (a rate-limited answer): the next wait doubles too. */
  slowDown?: (value: T) => boolean;
  onProgress?: (line: string) => void;
  what: string; // "the HTTPS deployment of cdn.example.com", used in the timeout error
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

export class PollTimeoutError extends Error {}

export async function pollUntil<T>(o: PollOptions<T>): Promise<T> {
  const sleep = o.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const now = o.now ?? Date.now;
  const deadline = now() + o.timeoutMs;
  let interval = o.intervalMs ?? 1000;
  let lastLine = "";
  for (;;) {
    const value = await o.read();
    const verdict = o.judge(value);
    const line = o.describe(value);
    if (line !== lastLine) { o.onProgress?.(line); lastLine = line; }
    if (verdict === "done") return value;
    if (verdict !== "pending") throw new Error(verdict.failed);
    if (now() >= deadline) {
      throw new PollTimeoutError(`Timed out after ${Math.round(o.timeoutMs / 1000)}s waiting for ${o.what} (last state: ${line}). ` +
        `Raise the resource's customTimeouts, or run \`pulumi up\` again to resume waiting.`);
    }
    if (o.slowDown?.(value)) interval *= 2;
    await sleep(Math.min(interval, Math.max(0, deadline - now())));
    interval = Math.min(interval * 1.5, o.maxIntervalMs ?? 10_000);
  }
}
