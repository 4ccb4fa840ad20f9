// Adaptive pacing per (account, action): the rate a provider process sends an action at follows the
// API's answers, so that several processes (stacks, CI jobs, machines) sharing one account's quota
// settle on their shares instead of each pacing at the whole documented limit. docs/pacing.md
// explains the rules and where they differ from TCP's AIMD and the AWS SDK's adaptive retry mode.
//
// Pure apart from the injected clock and random source: the unit tests drive it deterministically.
import { createHash } from "node:crypto";
import { rateLimitFor, Service } from "./types";

export interface PacingDeps {
  now(): number; // ms, monotonic
  random(): number; // [0, 1)
}
export const realPacingDeps: PacingDeps = { now: () => performance.now(), random: Math.random };

/** The constants of the rules, each with why it has its value (docs/pacing.md). */
export const PACING = {
  /**
   * Multiplicative decrease on a throttling answer, when the measured share does not say more: TCP
   * Reno's 0.5 rather than AWS's 0.7, because a deployment lasts seconds, not a connection's hours:
   * processes must reach their shares within a few rounds.
   */
  decrease: 0.5,
  /** The deepest one decrease may cut: a share measured on a few answers is noisy. */
  deepestDecrease: 0.1,
  /**
   * Additive increase: requests per second gained per second of calls answered at the current rate,
   * right after a decrease. The step doubles with every `quietDoublingMs` without a throttling
   * answer, so a share freed by a process that finished is taken up within seconds, while right
   * after a decrease (when the share is what was just measured) the rate creeps.
   */
  increasePerSecond: 0.3,
  quietDoublingMs: 1000,
  /** Never slower than this (requests per second), as AWS's minimum fill rate. */
  floor: 0.5,
  /**
   * A burst leaves at most this many times the rate: the first answers (milliseconds away) can stop
   * it before it drains a quota other processes share, while a process alone still has its burst
   * out within a third of a second.
   */
  peakFactor: 3,
  /**
   * How much later than its token a paced call leaves. The API's bucket counts arrivals, ours counts
   * departures: when the burst's first call reached the API later than a paced call does (a busy
   * event loop, a new connection), the paced call arrives before the API has its token. The margin
   * is added to the wait only, not to the schedule, so it never accumulates over a run of calls.
   */
  marginMs: 10,
} as const;

/** The documented burst, in seconds of the documented rate (the API's bucket holds one second's calls). */
const BURST_SECONDS = 1;

/** What an answer said about the pace: throttling answers slow it, others let it grow. */
export type PaceOutcome = "answered" | "throttled" | "unanswered";

/** One call's turn in its budget: when it left, and in which round (the budget judges its answer by that). */
export interface Slot { sentAt: number; round: number }

/** How long a waiting call sleeps at most before it looks again: the rate may have changed meanwhile. */
const RECHECK_MS = 200;

/**
 * One (account, action) budget: a token bucket whose callers are served in order (each gets a
 * ticket; ticket k leaves once k tokens have come), whose rate starts at the documented limit and
 * follows the answers: multiplicative decrease on a throttling answer, additive increase while
 * calls are answered. Only a call that left after the last decrease can cause the next one (its
 * answer is news; the others were paced at the old rate): one decrease per round, as TCP's once
 * per window, and only this round's answers measure the share. Waiting callers look again at least every RECHECK_MS, so a new rate applies to them.
 */
export class AdaptiveBudget {
  rate: number;
  /** Tokens come at `rate`; while nobody waits they pile up to the burst. Negative: a jitter pause. */
  private credit: number;
  private last: number;
  /** Tickets below `head` have their token; `leaving` is the next to leave (in order); `tail` the next to give. */
  private head = 0;
  private leaving = 0;
  private tail = 0;
  private nextPeakAt: number;
  /** Rounds end with a decrease: a call sent in an earlier round was paced at an old rate. */
  private round = 0;
  /** Answers to calls sent since the last decrease (or the start): the share the API gave us. */
  private window: { since: number; answered: number; first: boolean };

  constructor(readonly ceiling: number, private readonly deps: PacingDeps) {
    if (!(ceiling > 0)) throw new Error(`AdaptiveBudget: invalid rate ${ceiling}/s`);
    this.rate = ceiling;
    this.credit = this.burst();
    this.last = deps.now();
    this.nextPeakAt = this.last;
    this.window = { since: this.last, answered: 0, first: true };
  }

  /** One second's worth of the current rate, at least one call. */
  burst(): number {
    return Math.max(1, this.rate);
  }

  /** Callers waiting for their turn. */
  waiting(): number {
    return this.tail - this.head;
  }

  private advance(now: number): void {
    this.credit += ((now - this.last) * this.rate) / 1000;
    this.last = now;
    const released = Math.min(this.tail - this.head, Math.max(0, Math.floor(this.credit)));
    this.head += released;
    this.credit -= released;
    if (this.head === this.tail) this.credit = Math.min(this.credit, this.burst());
  }

  /**
   * Waits for this caller's turn: its token (in order of asking), and no sooner than the peak
   * rate allows after the call before it. A call that had to wait leaves `marginMs` after its token.
   */
  take(sleep: (ms: number) => Promise<void>): Promise<Slot> {
    return this.wait(this.ticket(), sleep);
  }

  /** A place in line, taken now; `wait` for its turn. */
  ticket(): number {
    this.advance(this.deps.now());
    return this.tail++;
  }

  /** How long until `ticket`'s turn at the current rate (ms): an estimate, the rate may change meanwhile. */
  dueIn(ticket: number): number {
    const now = this.deps.now();
    this.advance(now);
    const peakInterval = 1000 / (this.rate * PACING.peakFactor);
    const tokenIn = ticket < this.head ? 0 : ((ticket - this.head + 1 - this.credit) * 1000) / this.rate;
    return Math.max(0, tokenIn, this.nextPeakAt - now + (ticket - this.leaving) * peakInterval);
  }

  /** Waits for the turn of a `ticket` this budget gave. */
  async wait(ticket: number, sleep: (ms: number) => Promise<void>): Promise<Slot> {
    let waited = false;
    for (;;) {
      const now = this.deps.now();
      this.advance(now);
      const peakInterval = 1000 / (this.rate * PACING.peakFactor);
      if (ticket === this.leaving && ticket < this.head && now >= this.nextPeakAt) {
        this.leaving++;
        this.nextPeakAt = now + peakInterval;
        return { sentAt: now, round: this.round };
      }
      const tokenIn = ticket < this.head ? 0 : ((ticket - this.head + 1 - this.credit) * 1000) / this.rate;
      const due = Math.max(tokenIn, this.nextPeakAt - now + (ticket - this.leaving) * peakInterval);
      await sleep(Math.min(RECHECK_MS, Math.ceil(due) + (waited || tokenIn > 0 ? PACING.marginMs : 0)));
      waited = true;
    }
  }

  /** What the API answered to a call sent in `slot`. */
  answered(slot: Slot, outcome: PaceOutcome): void {
    if (outcome === "unanswered" || slot.round !== this.round) return;
    if (outcome === "answered") {
      this.window.answered++;
      // TCP's additive increase, per answer: `increasePerSecond` per second of calls at this rate,
      // doubled for every quiet interval since the last decrease.
      const quiet = (this.deps.now() - this.window.since) / PACING.quietDoublingMs;
      const step = PACING.increasePerSecond * 2 ** Math.min(quiet, 10);
      this.rate = Math.min(this.ceiling, this.rate + step / this.rate);
      return;
    }
    this.decrease();
  }

  /**
   * The new rate after a throttling answer: the share the API gave us since the last decrease,
   * when that says to go lower than the multiplicative decrease, never below the deepest cut. At
   * the start the API's bucket was full, so its burst counts as one more second of the window.
   */
  private decrease(): void {
    const now = this.deps.now();
    this.advance(now);
    const seconds = (now - this.window.since) / 1000 + (this.window.first ? BURST_SECONDS : 0);
    const share = this.window.answered / Math.max(seconds, 1e-3);
    const next = Math.max(this.rate * PACING.deepestDecrease, Math.min(this.rate * PACING.decrease, share));
    this.rate = Math.max(PACING.floor, Math.min(this.ceiling, next));
    this.round++;
    this.window = { since: now, answered: 0, first: false };
    // No burst after a throttling answer (tokens given to calls that have not left are taken back),
    // and a random part of one interval at the new rate, so processes throttled at the same moment
    // do not come back in step.
    this.head = this.leaving;
    this.credit = Math.min(this.credit, 0) - this.deps.random();
  }
}

const keyOf = (account: string, service: Service, action: string): string => `${account}/${service}.${action}`;

/** The budget's key for an account: a hash of the SecretId (never the key itself, never logged). */
export function accountOf(credentials: { secretId: string }): string {
  return createHash("sha256").update(`tencentcloud-https:${credentials.secretId}`).digest("hex").slice(0, 16);
}

/** A budget shared with other processes (a Redis store): the wait before this process's call may leave. */
export interface SharedBudget {
  /** The wait in ms for one call of `action`, or undefined when the store cannot be used (pace alone). */
  reserve(account: string, service: Service, action: string, rate: number): Promise<number | undefined>;
  close(): Promise<void>;
}

/** A call's pass: report the answer with done(). `at`: when the turn came. */
export interface Pass { at: number; done(outcome: PaceOutcome): void }

/**
 * A turn reserved ahead of the call that will use it: the call keeps its place in line while its
 * caller prepares it (the CDN's read before a write, services/cdn.ts), and the preparation can take
 * as long as the line does.
 */
export interface Turn {
  readonly service: Service;
  readonly action: string;
  /** The pass, once the turn has come. */
  readonly pass: Promise<Pass>;
  /** How long until the turn is expected (ms), once every budget has placed it. */
  dueIn(): Promise<number>;
  /** The turn will not be used: it goes by, unused. */
  release(): void;
}

export interface RateBudgetsOptions {
  deps?: PacingDeps;
  /** Budgets shared with other processes; without it this process paces alone. */
  shared?: SharedBudget;
}

/**
 * Every (account, action) budget of one provider process: made once per process and handed to each
 * client, so every resource in the process draws on the same budgets.
 */
/**
 * A shared turn this much later than it was given is not used: the process was busy (or starved of
 * CPU) meanwhile, and a late call reaches the API together with the calls given the next turns.
 * It takes a new turn instead; the one it gave up is headroom in the API's bucket.
 */
export const LATE_TURN_MS = 100;

export class RateBudgets {
  private readonly budgets = new Map<string, AdaptiveBudget>();
  /** How long each (account, action)'s last turn took to come, and when; and how many callers wait for one now. */
  private readonly waits = new Map<string, { ms: number; at: number }>();
  private readonly waitingNow = new Map<string, number>();
  /** When the last turn placed for each (account, action) is due (the end of this process's line). */
  private readonly lineEnds = new Map<string, number>();
  private readonly deps: PacingDeps;
  readonly shared: SharedBudget | undefined;

  constructor(options: RateBudgetsOptions = {}) {
    this.deps = options.deps ?? realPacingDeps;
    this.shared = options.shared;
  }

  /** The budgets' clock (ms): a pass's `at` is on it. */
  now(): number {
    return this.deps.now();
  }

  budget(account: string, service: Service, action: string): AdaptiveBudget {
    const key = keyOf(account, service, action);
    let b = this.budgets.get(key);
    if (!b) this.budgets.set(key, (b = new AdaptiveBudget(rateLimitFor(service, action), this.deps)));
    return b;
  }

  /**
   * Waits for this process's turn to call `service.action` for `account`: its own adaptive pace
   * first, then the shared budget's when there is one. Throttled calls come back through here, so
   * their retries take paced turns instead of leaving together.
   */
  acquire(account: string, service: Service, action: string, sleep: (ms: number) => Promise<void>): Promise<Pass> {
    return this.reserve(account, service, action, sleep).pass;
  }

  /**
   * A place in line for one call of `service.action`, taken now (as `acquire` would) and handed over
   * before the turn comes, with when the turn is expected: its own budget's estimate, or the shared
   * budget's answer once it has one (placed after this process's own turn, as `acquire` does).
   */
  reserve(account: string, service: Service, action: string, sleep: (ms: number) => Promise<void>): Turn {
    const asked = this.deps.now();
    const key = keyOf(account, service, action);
    const budget = this.budget(account, service, action);
    this.waitingNow.set(key, (this.waitingNow.get(key) ?? 0) + 1);
    const ticket = budget.ticket();
    let resolvePlaced: (at: number) => void = () => undefined;
    const expected = new Promise<number>((resolve) => { resolvePlaced = resolve; });
    const placed = (at: number): void => {
      resolvePlaced(at);
      this.lineEnds.set(key, Math.max(this.lineEnds.get(key) ?? 0, at));
    };
    if (!this.shared) placed(asked + budget.dueIn(ticket));
    const pass = (async (): Promise<Pass> => {
      try {
        const slot = await budget.wait(ticket, sleep);
        if (this.shared) await this.sharedTurn(account, service, action, sleep, placed);
        const at = this.deps.now();
        placed(at);
        this.waits.set(key, { ms: at - asked, at });
        return { at, done: (outcome) => budget.answered(slot, outcome) };
      } finally {
        this.waitingNow.set(key, this.waitingNow.get(key)! - 1);
      }
    })();
    let released = false;
    return {
      service, action, pass,
      dueIn: async () => Math.max(0, await expected - this.deps.now()),
      release: () => {
        if (released) return;
        released = true;
        void pass.then((p) => p.done("unanswered"), () => undefined);
      },
    };
  }

  /**
   * The shared budget's turn, taken anew when this process came to it late (LATE_TURN_MS); none
   * when the store cannot answer. `placed` hears when the first turn given is due.
   */
  private async sharedTurn(account: string, service: Service, action: string, sleep: (ms: number) => Promise<void>, placed: (at: number) => void): Promise<void> {
    for (let tries = 0; tries < 5; tries++) {
      const asked = this.deps.now();
      const wait = await this.shared!.reserve(account, service, action, rateLimitFor(service, action));
      if (wait === undefined) return;
      placed(asked + Math.max(0, wait));
      if (wait > 0) await sleep(wait + PACING.marginMs);
      const late = this.deps.now() - asked - wait - (wait > 0 ? PACING.marginMs : 0);
      if (late <= LATE_TURN_MS) return;
    }
  }

  /**
   * How long the last turn of (account, action) took to come, while callers still wait for one;
   * 0 when none waits. Reads use it: while writes wait that long for their turn, a poll can wait
   * part of it to share a call (services/cdn.ts).
   */
  recentWait(account: string, service: Service, action: string): number {
    const key = keyOf(account, service, action);
    return (this.waitingNow.get(key) ?? 0) > 0 ? this.waits.get(key)?.ms ?? 0 : 0;
  }

  /**
   * How long until the last turn of (account, action) this process has placed is due, while callers
   * still wait for one; 0 when none waits. The read before a write reserves its turn ahead only
   * when the line is long enough to read meanwhile, and leaves earlier the longer the reads' own line.
   */
  lineEndsIn(account: string, service: Service, action: string): number {
    const key = keyOf(account, service, action);
    return (this.waitingNow.get(key) ?? 0) > 0 ? Math.max(0, (this.lineEnds.get(key) ?? 0) - this.deps.now()) : 0;
  }

  async close(): Promise<void> {
    await this.shared?.close();
  }
}
