// What a person watching `pulumi up` sees while the provider waits (a CDN deployment, a free
// certificate's issuance, a turn after throttling): one line when the state of what is awaited
// changes, and one at a steady interval while it does not, each with the time waited and how far
// it is, so a slow wait can be told from a stuck one. The lines go to the provider's log, i.e. the
// dynamic-provider host's stdout, which the engine shows (runtime/log.ts says how).
//
// Pure apart from the clock, which tests replace with a fake one.

/** The clock the steady lines keep: the time, and a repeating timer that never keeps the process alive. */
export interface ProgressClock {
  now(): number;
  /** Calls `tick` every `ms` until the returned function is called. */
  every(ms: number, tick: () => void): () => void;
}

export const systemProgressClock: ProgressClock = {
  now: () => Date.now(),
  every: (ms, tick) => {
    const timer = setInterval(tick, ms);
    timer.unref(); // a wait that ended (or a process that is done) is not held open by its heartbeat
    return () => clearInterval(timer);
  },
};

export interface ProgressSettings {
  clock: ProgressClock;
  /** The longest silence while a wait goes on: a line at least this often. */
  intervalMs: number;
}

/**
 * 30 s: a real CDN deployment takes minutes, so a person sees a few lines per minute per wait, and
 * a fleet of waits does not bury the rest of the output (every line also lands in Pulumi's
 * Diagnostics section at the end).
 */
export const DEFAULT_PROGRESS: ProgressSettings = { clock: systemProgressClock, intervalMs: 30_000 };

/** How often the heartbeat looks whether a line is due: often enough that the silence is never much longer than the interval. */
const LOOK_MS = 1000;

/** A duration as Go and Terraform print it, without zero parts: 42s, 3m10s, 30m, 1h2m5s. */
export function formatDuration(ms: number): string {
  let s = Math.max(0, Math.floor(ms / 1000));
  const h = Math.floor(s / 3600);
  s -= h * 3600;
  const m = Math.floor(s / 60);
  s -= m * 60;
  const parts = [h ? `${h}h` : "", m ? `${m}m` : "", s || (!h && !m) ? `${s}s` : ""];
  return parts.join("");
}

export interface HeartbeatOptions {
  /** What is awaited, e.g. "CDN domain cdn.example.com". */
  subject: string;
  /** Where each line goes. */
  out: (line: string) => void;
  settings?: ProgressSettings;
  /** How long the wait may last at most (its timeout), shown as "3m10s of 30m". */
  limitMs?: number;
  /** How far it is, asked for each line (e.g. "14 checks"); not a change by itself. */
  detail?: () => string | undefined;
  /** The state before the first update, which only the steady lines show (e.g. "waiting for the first check"). */
  initial?: string;
}

/**
 * The progress lines of one wait: `<subject>: <state>, <elapsed>[ of <limit>][, <detail>]`, at once
 * on every new state and at least every interval while the state holds. stop() ends it.
 */
export class Heartbeat {
  private readonly settings: ProgressSettings;
  private readonly started: number;
  private state: string | undefined;
  private lastLineAt: number;
  private stopTimer: (() => void) | undefined;

  constructor(private readonly o: HeartbeatOptions) {
    this.settings = o.settings ?? DEFAULT_PROGRESS;
    this.started = this.settings.clock.now();
    this.lastLineAt = this.started;
    this.state = o.initial;
    this.stopTimer = this.settings.clock.every(Math.min(LOOK_MS, this.settings.intervalMs), () => this.beat());
  }

  /** Where the wait stands now; a new state is a line at once. */
  update(state: string): void {
    if (state === this.state) return;
    this.state = state;
    this.print();
  }

  /** A line if the interval passed since the last one (the timer calls it; so may a waiting loop). */
  beat(): void {
    if (this.state === undefined || this.stopTimer === undefined) return;
    if (this.settings.clock.now() - this.lastLineAt >= this.settings.intervalMs) this.print();
  }

  stop(): void {
    this.stopTimer?.();
    this.stopTimer = undefined;
  }

  private print(): void {
    const now = this.settings.clock.now();
    this.lastLineAt = now;
    const elapsed = formatDuration(now - this.started) + (this.o.limitMs !== undefined ? ` of ${formatDuration(this.o.limitMs)}` : "");
    const detail = this.o.detail?.();
    this.o.out(`${this.o.subject}: ${this.state}, ${elapsed}${detail ? `, ${detail}` : ""}`);
  }
}
