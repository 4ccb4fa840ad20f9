// Waiting for CDN deployments: the polling policy (first poll timed by the deployment clock, polls
// on a shared grid so the batched reader joins them) and the writes that start a deployment.
// The calls themselves are in ../services/cdn.ts; the judging rules in ../rules/cdn.ts.
import { describeDeployment, Verdict } from "../rules/cdn";
import { log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { requireDomain, updateHttps, updateQuic, updateRedirect } from "../services/cdn";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";
import { DeploymentClock } from "./deploymentClock";

/** Deployment durations seen by this process (first-poll timing only). */
const deployments = new DeploymentClock();

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
    this.wrote = true;
    this.written.https = https;
    if (quic) this.written.quic = quic;
    deployments.wrote(this.domain, https.Switch === "on" ? "https-on" : "other", Date.now());
  }

  async quic(quic: Quic): Promise<void> {
    await updateQuic(this.domain, quic);
    this.wrote = true;
    this.written.quic = quic;
    deployments.wrote(this.domain, "other", Date.now());
  }

  async redirect(redirect: ForceRedirect): Promise<void> {
    await updateRedirect(this.domain, redirect);
    this.wrote = true;
    this.written.redirect = redirect;
    deployments.wrote(this.domain, "other", Date.now());
  }
}

/** Short first interval (test deployments are quick), growing to the poll's cap for real ones. */
const FIRST_POLL_MS = 200;
/** Polls wake on a shared grid, so the polls of many domains fall due together and share calls. */
const POLL_GRID_MS = 50;

/** Sleeps about `ms`, waking on the nearest grid point (never less than half of `ms`). */
function sleepToGrid(ms: number): Promise<void> {
  const now = Date.now();
  const wake = Math.max(now + ms / 2, Math.round((now + ms) / POLL_GRID_MS) * POLL_GRID_MS);
  return new Promise((r) => setTimeout(r, wake - now));
}

/**
 * When the poll after one due at `due` is due, `pause` later: counted from `due`, so an answer that
 * came late does not shift the polls after it, but never sooner than half the pause after `now` (a
 * very late answer brings no burst of catch-up polls).
 */
export function nextPollDue(due: number, pause: number, now: number): number {
  return Math.max(due + pause, now + pause / 2);
}

/**
 * Polls until `judge` says done (or fails, or the timeout passes). After one of our writes, the
 * first poll waits until shortly before the fastest recent deployment of that kind would end.
 */
export async function waitForDomain(domain: string, judge: (d: DetailDomain) => Verdict, timeoutMs: number, what: string): Promise<DetailDomain> {
  let firstDelay = Math.min(deployments.firstPollDelay(domain, Date.now()), timeoutMs);
  // When the next poll is due. Each pause counts from when the previous poll was due, not from when
  // its answer came: a read that waited (for its rate-limit token, for a batch) would otherwise push
  // this domain's later polls off those of the domains written with it, into calls of their own.
  let due = Date.now() + Math.max(0, firstDelay);
  try {
    const detail = await pollUntil({
      read: async () => {
        if (firstDelay > 0) { await sleepToGrid(due - Date.now()); firstDelay = 0; }
        return requireDomain(domain);
      },
      judge,
      timeoutMs,
      intervalMs: FIRST_POLL_MS,
      sleep: (ms) => {
        due = nextPollDue(due, deployments.pollInterval(domain, due, ms), Date.now());
        return sleepToGrid(due - Date.now());
      },
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
