// Waiting for CDN deployments: the polling (each poll when the deployment clock says, on a shared
// grid so the batched reader joins polls of many domains) and the writes that start a deployment.
// The calls themselves are in ../services/cdn.ts; the judging rules in ../rules/cdn.ts.
import { describeDeployment, Verdict } from "../rules/cdn";
import { log } from "../runtime/log";
import { pollUntil } from "../runtime/poll";
import { DOMAINS_PER_READ, requireDomain, updateHttps, updateQuic, updateRedirect } from "../services/cdn";
import type { DetailDomain, ForceRedirect, Https, Quic } from "../tencentcloud/types";
import { DeploymentClock, PollPlan } from "./deploymentClock";

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

/** The poll loop's first pause (test deployments are quick), growing to its cap for real ones. */
const FIRST_POLL_MS = 200;
/** Polls wake on a shared grid, so the polls of many domains fall due together and share calls. */
const POLL_GRID_MS = 50;

/**
 * The plan's due time on the grid: the nearest point, or the next one when the plan must not be
 * early; a point already reached (the domain woke there) is now.
 */
export function onGrid(plan: PollPlan, now: number, grid = POLL_GRID_MS): number {
  if (plan.due <= now) return now;
  const point = (plan.align === "later" ? Math.ceil(plan.due / grid) : Math.round(plan.due / grid)) * grid;
  return Math.max(now, point);
}

/** A timer that a change of plan can cut short. */
function sleepUntil(due: number, wake: Promise<void>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, Math.max(0, due - Date.now()));
    void wake.then(() => { clearTimeout(timer); resolve(); });
  });
}

/** Waits until the clock says `domain` is due for a poll, re-planning whenever the clock learns something. */
async function awaitTurn(domain: string, previousAsk: number | undefined, pause: number, deadline: number): Promise<void> {
  for (;;) {
    const now = Date.now();
    const due = Math.min(deadline, onGrid(deployments.nextPoll(domain, now, previousAsk, pause), now));
    if (due <= now) return;
    await sleepUntil(due, deployments.changed());
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
  let askedAt: number | undefined;
  try {
    await awaitTurn(domain, undefined, FIRST_POLL_MS, deadline);
    const detail = await pollUntil({
      read: () => {
        askedAt = Date.now();
        return requireDomain(domain, patient);
      },
      judge: (d) => {
        const verdict = judge(d);
        if (verdict === "pending") deployments.stillDeploying(domain, askedAt!);
        return verdict;
      },
      timeoutMs,
      intervalMs: FIRST_POLL_MS,
      sleep: (ms) => awaitTurn(domain, askedAt, ms, deadline),
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
