// How long CDN deployments take in this account, learned in this provider process, so that the
// polls after a write start when a deployment can end rather than at a fixed 200 ms from
// the write (a fixed early start spends the shared DescribeDomainsConfig rate limit on answers
// that can only say "still deploying"). The estimate is the fastest of the recent deployments of
// the same kind (times a lead factor, 1 by default: polling earlier than the fastest deployment
// can only hear "still deploying"); with no history it is 0 and polling starts at once.
// It only delays the first poll: the deadline, failure detection and the poll loop are unchanged.

export type WriteKind = "https-on" | "other";

interface Started { kind: WriteKind; at: number }

export class DeploymentClock {
  private readonly started = new Map<string, Started>();
  private readonly recent = new Map<WriteKind, number[]>();

  constructor(
    /** How many recent durations per kind are remembered. */
    private readonly window = 20,
    /** The first poll comes at this fraction of the fastest recent deployment (issue 15: 0.9 cost two extra polls per deployment). */
    private readonly lead = 1.0,
  ) {}

  /** A write that starts a deployment of `domain` was just sent. */
  wrote(domain: string, kind: WriteKind, at: number): void {
    this.started.set(domain, { kind, at });
  }

  /** The fastest recent deployment of the kind `domain` is deploying, and when its write was sent. */
  private expected(domain: string): { at: number; fastest: number } | undefined {
    const s = this.started.get(domain);
    const durations = s && this.recent.get(s.kind);
    return s && durations && durations.length > 0 ? { at: s.at, fastest: Math.min(...durations) } : undefined;
  }

  /** How long to wait, from `now`, before the first poll of `domain`'s deployment. */
  firstPollDelay(domain: string, now: number): number {
    const e = this.expected(domain);
    return e ? Math.max(0, Math.round(this.lead * e.fastest) - (now - e.at)) : 0;
  }

  /**
   * The pause before the next poll, given the poll loop's own (backed-off, deadline-capped) proposal:
   * around the expected end (until 1.5 times the fastest duration) short steps of a twentieth of it
   * (at least 50 ms), so the end is seen soon after it happens; otherwise the proposal.
   */
  pollInterval(domain: string, now: number, proposedMs: number): number {
    const e = this.expected(domain);
    if (!e || now - e.at > 1.5 * e.fastest) return proposedMs;
    return Math.min(proposedMs, Math.max(50, Math.round(e.fastest / 20)));
  }

  /** The deployment of `domain` was observed finished at `now`: remember how long it took. */
  finished(domain: string, now: number): void {
    const s = this.started.get(domain);
    if (!s) return;
    this.started.delete(domain);
    const durations = this.recent.get(s.kind) ?? [];
    durations.push(now - s.at);
    if (durations.length > this.window) durations.shift();
    this.recent.set(s.kind, durations);
  }

  /** The wait ended otherwise (failed, timed out): its duration says nothing. */
  forget(domain: string): void {
    this.started.delete(domain);
  }
}
