// Waiting for CDN deployments: the polling (each poll when the deployment clock says, on a shared
// grid so the batched reader joins polls of many domains) and the writes that start a deployment.
// The calls themselves are CdnService's (cdn.ts); the judging rules in ../rules/cdn.ts.
import { describeDeployment, Verdict } from "../rules/cdn";
import { DeploymentClock, PollPlan, PreviousPoll, WriteKind } from "../runtime/deploymentClock";
import type { Log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { formatDuration } from "../runtime/progress";
import type { DomainName } from "../certificate";
import type { Turn } from "../tencentcloud";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";
import type { CdnService } from "./cdn";

/** The poll loop's first pause (test deployments are quick), growing to its cap for real ones. */
const FIRST_POLL_MS = 200;
/** Polls wake on a shared grid, so the polls of many domains fall due together and share calls. */
const POLL_GRID_MS = 50;
/**
 * A poll due just after its expected end waits only for the next point of a finer grid: it gathers
 * the domains written in the same burst of writes, and a call with room takes the next due along.
 */
const LATER_GRID_MS = 20;

/**
 * The plan's due time on a grid: the nearest point, or the next point of the finer grid when the
 * plan must not be early; a point already reached (the domain woke there) is now.
 */
export function onGrid(plan: PollPlan, now: number): number {
  if (plan.due <= now) return now;
  const point = plan.align === "later"
    ? Math.ceil(plan.due / LATER_GRID_MS) * LATER_GRID_MS
    : Math.round(plan.due / POLL_GRID_MS) * POLL_GRID_MS;
  return Math.max(now, point);
}

/** A timer that a change of plan (or an answer offered) can cut short. */
function sleepUntil(due: number, wake: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, due - Date.now()));
    void wake.then(() => { clearTimeout(timer); resolve(); });
  });
}

/** An answer for a waiting domain that came in another read's call, and when that call left. */
interface Offered { detail: DetailDomain; askedAt: number }

/** A domain between two polls, which a read call with room to spare may take along. */
interface Sleeper { previous: PreviousPoll | undefined; pause: number; offered?: Offered; wake(): void }

/**
 * The writes of one create, update or delete to one domain. It records that it wrote, so a failure
 * later in the operation knows there is partial state to keep (see cdnHttpsConfig/write.ts), and it
 * tells the deployment clock when each write left.
 */
export class DomainWriter {
  /** Whether any write reached the API. */
  wrote = false;
  /** The last blocks written, so partial state can be built from them when the API cannot be read back. */
  readonly written: { https?: Https; redirect?: ForceRedirect; quic?: Quic } = {};

  /** A turn reserved for this operation's first write, not yet used. */
  private reserved: Turn | undefined;

  constructor(readonly domain: DomainName, private readonly cdn: CdnService, private readonly clock: DeploymentClock) {}

  /**
   * Reserves the turn of the operation's first write, for the read before it (ReadPatience
   * `{ before }`): the write keeps its place in line while the read waits for company.
   */
  turnAhead(): Turn | undefined {
    return (this.reserved ??= this.cdn.reserveWrite());
  }

  /** The operation writes nothing more: a turn reserved and not used goes by. */
  release(): void {
    this.reserved?.release();
    this.reserved = undefined;
  }

  /** The Https block, and the Quic block in the same call when given. */
  async https(https: Https, quic?: Quic): Promise<void> {
    await this.cdn.updateHttps(this.domain, https, quic, this.takeTurn());
    this.record({ https, ...(quic ? { quic } : {}) }, https.Switch === "on" ? "https-on" : "other");
  }

  async quic(quic: Quic): Promise<void> {
    await this.cdn.updateQuic(this.domain, quic, this.takeTurn());
    this.record({ quic }, "other");
  }

  async redirect(redirect: ForceRedirect): Promise<void> {
    await this.cdn.updateRedirect(this.domain, redirect, this.takeTurn());
    this.record({ redirect }, "other");
  }

  private takeTurn(): Turn | undefined {
    const turn = this.reserved;
    this.reserved = undefined;
    return turn;
  }

  /** After a write was answered: what it wrote, and when its deployment started. */
  private record(blocks: DomainWriter["written"], kind: WriteKind): void {
    this.wrote = true;
    Object.assign(this.written, blocks);
    this.clock.wrote(this.domain, kind, Date.now());
  }
}

/** The deployments one account's CDN domains are waiting for. */
export class CdnDeployments {
  /** What has been seen of deployments, and so when each domain polls. */
  private readonly clock: DeploymentClock;
  private readonly sleepers = new Map<string, Sleeper>();

  /** `domainsPerRead`: one read call's worth of domains, the deployment clock's probe group. */
  constructor(private readonly cdn: CdnService, private readonly log: Log, domainsPerRead: number) {
    this.clock = new DeploymentClock({ probeGroup: domainsPerRead });
  }

  /** The writer of one operation on `domain`. */
  writer(domain: DomainName): DomainWriter {
    return new DomainWriter(domain, this.cdn, this.clock);
  }

  /**
   * The waiting domains whose polls are due soonest, for a read call that leaves with room: their
   * answers cost no call, and one that says "deployed" ends that wait early. The answer is fresh (the
   * call left after the write the domain waits for) and reaches only the wait that was sleeping
   * when the call left.
   */
  takeAlong(room: number, taken: ReadonlySet<string>): { key: string; answer(d: DetailDomain | undefined): void }[] {
    const now = Date.now();
    return [...this.sleepers]
      .filter(([domain]) => !taken.has(domain))
      .map(([domain, s]) => ({ domain, s, due: this.clock.nextPoll(domain, now, s.previous, s.pause).due }))
      .sort((a, b) => a.due - b.due)
      .slice(0, room)
      .map(({ domain, s }) => ({
        key: domain,
        answer: (detail: DetailDomain | undefined) => {
          if (!detail || this.sleepers.get(domain) !== s) return;
          s.offered = { detail, askedAt: now };
          s.wake();
        },
      }));
  }

  /**
   * Waits until the clock says `domain` is due for a poll, re-planning whenever the clock learns
   * something; returns early with an answer another read's call brought for it.
   */
  private async awaitTurn(domain: string, previous: PreviousPoll | undefined, pause: number, deadline: number): Promise<Offered | undefined> {
    let wake = (): void => undefined;
    const sleeper: Sleeper = { previous, pause, wake: () => wake() };
    this.sleepers.set(domain, sleeper);
    try {
      for (;;) {
        if (sleeper.offered) return sleeper.offered;
        const now = Date.now();
        const due = Math.min(deadline, onGrid(this.clock.nextPoll(domain, now, previous, pause), now));
        if (due <= now) return undefined;
        const woken = new Promise<void>((resolve) => { wake = resolve; });
        await sleepUntil(due, Promise.race([this.clock.changed(), woken]));
      }
    } finally {
      if (this.sleepers.get(domain) === sleeper) this.sleepers.delete(domain);
    }
  }

  /** How long the deployment should still take, when the deployments seen so far say. */
  private expectation(domain: string): string | undefined {
    const end = this.clock.expectedEnd(domain);
    const left = end === undefined ? 0 : end - Date.now();
    return left >= 1000 ? `expected in about ${formatDuration(left)}` : undefined;
  }

  /**
   * Polls until `judge` says done (or fails, or the timeout passes), each poll when the deployment
   * clock says (runtime/deploymentClock.ts): after one of our writes, only the oldest deployments poll
   * before the expected end, and the others when their own write is as old as the fastest recent one.
   */
  async waitFor(domain: DomainName, judge: (d: DetailDomain) => Verdict, timeoutMs: number, what: string, patient = false): Promise<DetailDomain> {
    const deadline = Date.now() + timeoutMs;
    let askedAt = 0;
    let offered: Offered | undefined;
    let first = true;
    try {
      const detail = await pollUntil({
        read: async () => {
          if (first) { first = false; offered = await this.awaitTurn(domain, undefined, FIRST_POLL_MS, deadline); }
          const taken = offered;
          offered = undefined;
          if (taken) { askedAt = taken.askedAt; return taken.detail; }
          askedAt = Date.now();
          return this.cdn.requireDomain(domain, patient || "poll");
        },
        judge: (d) => {
          const verdict = judge(d);
          if (verdict === "pending") this.clock.stillDeploying(domain, askedAt);
          return verdict;
        },
        timeoutMs,
        intervalMs: FIRST_POLL_MS,
        sleep: async (ms) => { offered = await this.awaitTurn(domain, { askedAt, answeredAt: Date.now() }, ms, deadline); },
        describe: describeDeployment,
        progress: { subject: `CDN domain ${domain}`, log: this.log, detail: () => this.expectation(domain), initial: "waiting for the first check" },
        what,
      });
      this.clock.finished(domain, Date.now());
      return detail;
    } catch (e) {
      this.clock.forget(domain);
      throw e;
    }
  }
}
