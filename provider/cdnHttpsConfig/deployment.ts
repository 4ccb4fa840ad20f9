// Waiting for CDN deployments: the polling (each poll when the deployment clock says, on a shared
// grid so the batched reader joins polls of many domains) and the writes that start a deployment.
// The calls themselves are in ../services/cdn.ts; the judging rules in ../rules/cdn.ts.
import { describeDeployment, Verdict } from "../rules/cdn";
import { log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { DOMAINS_PER_READ, offerSpareReadRoom, requireDomain, updateHttps, updateQuic, updateRedirect } from "../services/cdn";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";
import { DeploymentClock, PollPlan, PreviousPoll, WriteKind } from "./deploymentClock";

/** What this process has seen of deployments, and so when each domain polls (one probe group = one read call). */
const deployments = new DeploymentClock({ probeGroup: DOMAINS_PER_READ });

/**
 * The writes of one create, update or delete to one domain. It records that it wrote, so a failure
 * later in the operation knows there is partial state to keep (see write.ts), and it tells the
 * deployment clock when each write left.
 */
export class DomainWriter {
  /** Whether any write reached the API. */
  wrote = false;
  /** The last blocks written, so partial state can be built from them when the API cannot be read back. */
  readonly written: { https?: Https; redirect?: ForceRedirect; quic?: Quic } = {};

  constructor(readonly domain: string) {}

  /** The Https block, and the Quic block in the same call when given. */
  async https(https: Https, quic?: Quic): Promise<void> {
    await updateHttps(this.domain, https, quic);
    this.record({ https, ...(quic ? { quic } : {}) }, https.Switch === "on" ? "https-on" : "other");
  }

  async quic(quic: Quic): Promise<void> {
    await updateQuic(this.domain, quic);
    this.record({ quic }, "other");
  }

  async redirect(redirect: ForceRedirect): Promise<void> {
    await updateRedirect(this.domain, redirect);
    this.record({ redirect }, "other");
  }

  /** After a write was answered: what it wrote, and when its deployment started. */
  private record(blocks: DomainWriter["written"], kind: WriteKind): void {
    this.wrote = true;
    Object.assign(this.written, blocks);
    deployments.wrote(this.domain, kind, Date.now());
  }
}

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
const sleepers = new Map<string, Sleeper>();

// A read call that leaves with room (a check, a read before a write, a poll of fewer than five)
// takes along the waiting domains whose polls are due soonest: their answers cost no call, and
// one that says "deployed" ends that wait early. The answer is fresh (the call left after the
// write the domain waits for) and reaches only the wait that was sleeping when the call left.
offerSpareReadRoom((room, taken) => {
  const now = Date.now();
  return [...sleepers]
    .filter(([domain]) => !taken.has(domain))
    .map(([domain, s]) => ({ domain, s, due: deployments.nextPoll(domain, now, s.previous, s.pause).due }))
    .sort((a, b) => a.due - b.due)
    .slice(0, room)
    .map(({ domain, s }) => ({
      key: domain,
      answer: (detail: DetailDomain | undefined) => {
        if (!detail || sleepers.get(domain) !== s) return;
        s.offered = { detail, askedAt: now };
        s.wake();
      },
    }));
});

/**
 * Waits until the clock says `domain` is due for a poll, re-planning whenever the clock learns
 * something; returns early with an answer another read's call brought for it.
 */
async function awaitTurn(domain: string, previous: PreviousPoll | undefined, pause: number, deadline: number): Promise<Offered | undefined> {
  let wake = (): void => undefined;
  const sleeper: Sleeper = { previous, pause, wake: () => wake() };
  sleepers.set(domain, sleeper);
  try {
    for (;;) {
      if (sleeper.offered) return sleeper.offered;
      const now = Date.now();
      const due = Math.min(deadline, onGrid(deployments.nextPoll(domain, now, previous, pause), now));
      if (due <= now) return undefined;
      const woken = new Promise<void>((resolve) => { wake = resolve; });
      await sleepUntil(due, Promise.race([deployments.changed(), woken]));
    }
  } finally {
    if (sleepers.get(domain) === sleeper) sleepers.delete(domain);
  }
}

/**
 * Polls until `judge` says done (or fails, or the timeout passes), each poll when the deployment
 * clock says (deploymentClock.ts): after one of our writes, only the oldest deployments poll
 * before the expected end, and the others when their own write is as old as the fastest recent one.
 */
export async function waitForDomain(
  domain: string, judge: (d: DetailDomain) => Verdict, timeoutMs: number, what: string, patient = false,
): Promise<DetailDomain> {
  const deadline = Date.now() + timeoutMs;
  let askedAt = 0;
  let offered: Offered | undefined;
  try {
    offered = await awaitTurn(domain, undefined, FIRST_POLL_MS, deadline);
    const detail = await pollUntil({
      read: async () => {
        const taken = offered;
        offered = undefined;
        if (taken) { askedAt = taken.askedAt; return taken.detail; }
        askedAt = Date.now();
        return requireDomain(domain, patient || "poll");
      },
      judge: (d) => {
        const verdict = judge(d);
        if (verdict === "pending") deployments.stillDeploying(domain, askedAt);
        return verdict;
      },
      timeoutMs,
      intervalMs: FIRST_POLL_MS,
      sleep: async (ms) => { offered = await awaitTurn(domain, { askedAt, answeredAt: Date.now() }, ms, deadline); },
      describe: describeDeployment,
      onProgress: (line) => log.info(line),
      what,
    });
    deployments.finished(domain, Date.now());
    return detail;
  } catch (e) {
    deployments.forget(domain);
    throw e;
  }
}
