// When to poll a CDN deployment, from what this provider process has seen of the deployments of the
// same kind (a write switching HTTPS on, or any other write). Pure: every method takes the time.
//
// - What is learned: each deployment seen finished gives an upper bound of the duration (answer
//   time - write time); each poll that heard "still deploying" gives a lower bound (ask time -
//   write time). The estimate is the fastest upper bound of the recent ones, `fastest`, and the
//   `floor` is the highest lower bound below it: deployments of one kind take about as long, so the
//   true duration lies in (floor, fastest].
// - Who polls before the expected end: only the probe group, the oldest deployments of the kind
//   still waiting (one DescribeDomainsConfig call's worth). They stand for the deployments written
//   after them: one call asks for five instead of every waiting domain asking for itself. While the
//   bracket is wide they poll at its middle, so each probe halves it; the others poll when their
//   own write is `fastest` old (just after, never before: an early poll can only hear "deploying").
// - Nothing learned yet: the probe group polls on the poll loop's backed-off schedule; the others
//   wait until the probes have seen a deployment end (then the expected end is known), polling
//   on their own only now and then, so a probe group that is stuck does not hold them.
// - A deployment still running after its expected end is polled in short steps until 1.5 x
//   `fastest`, then on the poll loop's schedule.
// The deadline, failure detection and the poll loop itself are unchanged by any of this.

export type WriteKind = "https-on" | "other";

/** When the next poll is due, and whether it may be rounded to the nearest grid point or only later. */
export interface PollPlan { due: number; align: "nearest" | "later" }

/** A domain's previous poll: when it was asked, and when its answer came. */
export interface PreviousPoll { askedAt: number; answeredAt: number }

export interface DeploymentClockOptions {
  /** Recent bounds remembered per kind. */
  window?: number;
  /** Deployments that poll before the expected end (the domains one read call carries). */
  probeGroup?: number;
  /** A bracket narrower than this is not probed further (the poll grid makes finer probes moot). */
  resolutionMs?: number;
  /** First poll of a probe with nothing learned. */
  firstPollMs?: number;
  /** A non-probe with nothing learned polls on its own first after this, then at 4 x the loop's pause. */
  followerFirstPollMs?: number;
}

interface Waiting { kind: WriteKind; at: number }

export class DeploymentClock {
  /** The deployments waited for, oldest write first (the order the writes were answered in). */
  private readonly waiting = new Map<string, Waiting>();
  private readonly upper = new Map<WriteKind, number[]>();
  private readonly lower = new Map<WriteKind, number[]>();
  private listeners: (() => void)[] = [];
  private readonly o: Required<DeploymentClockOptions>;

  constructor(options: DeploymentClockOptions = {}) {
    this.o = { window: 20, probeGroup: 5, resolutionMs: 50, firstPollMs: 0, followerFirstPollMs: 2000, ...options };
  }

  /** A write that starts a deployment of `domain` was answered at `at`. */
  wrote(domain: string, kind: WriteKind, at: number): void {
    this.waiting.delete(domain); // a domain written again is the youngest
    this.waiting.set(domain, { kind, at });
  }

  /** A poll of `domain` asked at `askedAt` heard that it is still deploying. */
  stillDeploying(domain: string, askedAt: number): void {
    const w = this.waiting.get(domain);
    if (!w) return;
    this.remember(this.lower, w.kind, askedAt - w.at);
    this.notify();
  }

  /** The deployment of `domain` was seen finished in an answer that came at `answeredAt`. */
  finished(domain: string, answeredAt: number): void {
    const w = this.waiting.get(domain);
    if (!w) return;
    this.waiting.delete(domain);
    this.remember(this.upper, w.kind, answeredAt - w.at);
    this.notify();
  }

  /** The wait ended otherwise (failed, timed out): its duration says nothing. */
  forget(domain: string): void {
    if (this.waiting.delete(domain)) this.notify();
  }

  /** Resolves when something was learned that may move a poll (see nextPoll). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  /** The duration estimate of a kind: the fastest recent upper bound, and the highest lower bound below it. */
  estimate(kind: WriteKind): { fastest?: number; floor: number } {
    const ups = this.upper.get(kind) ?? [];
    if (ups.length === 0) return { floor: 0 };
    const fastest = Math.min(...ups);
    const below = (this.lower.get(kind) ?? []).filter((l) => l < fastest);
    return { fastest, floor: below.length > 0 ? Math.max(...below) : 0 };
  }

  /**
   * When `domain` should next be polled. `previous` is its previous poll (none before the first),
   * `pause` the poll loop's backed-off proposal. A domain with no write of ours in progress (waiting
   * for an earlier run's deployment) polls at once, then on the loop's schedule.
   */
  nextPoll(domain: string, now: number, previous: PreviousPoll | undefined, pause: number): PollPlan {
    // `ms` after the previous poll was asked, so a late answer does not shift the polls after it,
    // but never sooner than half of it after the answer (a very late one brings no catch-up burst).
    const after = (p: PreviousPoll, ms: number): PollPlan => ({ due: Math.max(p.askedAt + ms, p.answeredAt + ms / 2), align: "nearest" });
    const loop = (): PollPlan => (previous ? after(previous, pause) : { due: now, align: "nearest" });
    const w = this.waiting.get(domain);
    if (!w) return loop();
    const { fastest, floor } = this.estimate(w.kind);
    const probe = this.isProbe(domain, w.kind, now, fastest);
    if (fastest === undefined) {
      if (probe) return previous ? loop() : { due: w.at + this.o.firstPollMs, align: "nearest" };
      return previous ? after(previous, 4 * pause) : { due: w.at + this.o.followerFirstPollMs, align: "nearest" };
    }
    const expectedEnd = w.at + fastest;
    if (previous && previous.askedAt >= expectedEnd) {
      // Slower than the fastest: short steps around the expected end, then the loop's backoff.
      const step = now - w.at < 1.5 * fastest ? Math.min(pause, Math.max(50, Math.round(fastest / 20))) : pause;
      return after(previous, step);
    }
    if (probe && fastest - floor > this.o.resolutionMs) {
      return { due: Math.max(now, w.at + floor + (fastest - floor) / 2), align: "nearest" };
    }
    return { due: Math.max(now, expectedEnd), align: "later" };
  }

  /** Whether `domain` is among the oldest waiting deployments of its kind not yet past the expected end. */
  // Walks the waiting deployments oldest first and stops at the group's size: every poll plan and
  // every wake asks, with up to all of a fleet's domains waiting at once.
  private isProbe(domain: string, kind: WriteKind, now: number, fastest: number | undefined): boolean {
    let members = 0;
    for (const [d, w] of this.waiting) {
      if (w.kind !== kind || (fastest !== undefined && now - w.at >= fastest)) continue;
      if (d === domain) return true;
      if (++members >= this.o.probeGroup) return false;
    }
    return false;
  }

  private remember(bounds: Map<WriteKind, number[]>, kind: WriteKind, ms: number): void {
    const list = bounds.get(kind) ?? [];
    list.push(ms);
    if (list.length > this.o.window) list.shift();
    bounds.set(kind, list);
  }

  private notify(): void {
    const listeners = this.listeners;
    this.listeners = [];
    for (const l of listeners) l();
  }
}
