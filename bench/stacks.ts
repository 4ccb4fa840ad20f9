// Many stacks, one account (`npm run bench:stacks`, issue 27): N provider processes (one per stack,
// each a real dynamic-provider host) create 30 CdnHttpsConfig each, 16 in flight per process, at the
// same moment, against one emulator process with its rate limits on (20/s, burst 20) and 100 ms
// deployments; adaptive pacing alone, then with the budget shared through Redis. Then one process's
// interleaved check -> create of 60 CdnHttpsConfig. Prints every figure beside its target.
//
//   npm run bench:stacks                         every run
//   npm run bench:stacks -- --modes adaptive     only the adaptive runs (e.g. on a commit without a shared store)
//   npm run bench:stacks -- --stacks 4,8         only these stack counts
//   npm run bench:stacks -- --resources 90       a longer deployment per stack (the targets are for 30)
import type { EmulatorHandle, RequestLogEntry } from "../emulator";
import { startEmulatorProcess } from "./lib/emulatorProcess";
import { cdnArgs, CertPair, fleetSeed, urnOf } from "./lib/fleet";
import { rateOfAction, ENGINE_PARALLEL } from "./lib/fleetBench";
import { startFleetHost, FleetHost } from "./lib/providerHost";
import { runDag } from "./lib/dag";
import { lowerBound } from "./lib/lowerBound";
import { minimumCalls, totalCalls } from "./lib/minimumCalls";
import { isThrottling, summarizeRequests } from "./lib/requestStats";
import { CdnReadBreakdown, cdnReadBreakdown, formatCdnReads } from "./lib/cdnReads";
import { testCertIssuer } from "./lib/certs";
import { FLEET_ZONE } from "./lib/fleet";
import { testRedis, TestRedis } from "../test/support/redis";

export const STACK_DEPLOY_DELAY_MS = 100;
export const RESOURCES_PER_STACK = 30;
export const STACK_COUNTS = [1, 4, 8, 16];
export const INTERLEAVED_RESOURCES = 60;
/** The pause before a run starts, so that the emulator's buckets (burst = one second's rate) are full. */
const BUCKET_REFILL_MS = 1000;

export type Mode = "adaptive" | "shared";

/** The ratios a run is held to; undefined: printed without a target. */
export interface StackTargets { calls?: number; throttled?: number; wall?: number; failures: number }

/** Issue 27's targets. */
export function targetsFor(mode: Mode, stacks: number): StackTargets {
  if (mode === "shared") return stacks >= 4 ? { calls: 1.15, throttled: 0.02, wall: 1.15, failures: 0 } : { failures: 0 };
  if (stacks === 4 || stacks === 8) return { calls: 1.3, throttled: 0.1, wall: 1.3, failures: 0 };
  return { failures: 0 };
}
export const INTERLEAVED_TARGETS: StackTargets = { calls: 1.15, failures: 0 };

export interface StackRun {
  label: string;
  stacks: number;
  resourcesPerStack: number;
  calls: number;
  minimum: number;
  throttled: number;
  failures: string[];
  wallMs: number;
  boundMs: number;
  boundBinding: string;
  /** Each process's wall time, from the common start to its last operation's end. */
  processWallMs: number[];
  /** Throttling answers per second since the start. */
  throttledPerSecond: number[];
  /** Answered calls of the binding action per second since the start (its rate limit when the budget is used fully). */
  boundActionPerSecond: number[];
  byAction: Record<string, number>;
  /** Where the DescribeDomainsConfig calls went (how full, which reads). */
  cdnReads: CdnReadBreakdown;
  /** Processes that said the rate-limit store could not be used (and paced alone). */
  storeFallbacks: number;
  /** From the common start to the first API call (the processes load their code on the first checks). */
  firstCallMs: number;
  targets: StackTargets;
}

/**
 * The provider processes, each loaded: one Check of a resource with no arguments (it fails at
 * validation, with no API call) makes the host require the provider's code, as the first check of
 * a real deployment does. Without it the stacks' first checks load that code all at once, and on a
 * small machine the wall time would measure the CPU of N processes starting rather than the pacing.
 */
async function startStacks(emulator: EmulatorHandle, stacks: number, config: Record<string, string>): Promise<FleetHost[]> {
  const hosts: FleetHost[] = [];
  try {
    // Two at a time: a host loading its code is CPU-bound, and the machine is small.
    for (let s = 0; s < stacks; s += 2) {
      hosts.push(...await Promise.all(Array.from({ length: Math.min(2, stacks - s) }, async () => {
        const host = await startFleetHost(emulator, { config });
        await host.engines.CdnHttpsConfig.preview(urnOf("CdnHttpsConfig", "warm-up"), {});
        return host;
      })));
    }
    return hosts;
  } catch (e) {
    await Promise.all(hosts.map((h) => h.stop()));
    throw e;
  }
}

/** Per second since `startedAt`: how many log entries `counts`. */
function perSecond(entries: RequestLogEntry[], startedAt: number, counts: (e: RequestLogEntry) => boolean): number[] {
  const series: number[] = [];
  for (const e of entries) {
    const second = Math.max(0, Math.floor((Date.parse(e.time) - startedAt) / 1000));
    while (series.length <= second) series.push(0);
    if (counts(e)) series[second]++;
  }
  return series;
}

export async function runStacks(label: string, stacks: number, perStack: number, storeUrl: string | undefined, targets: StackTargets): Promise<StackRun> {
  const size = { cdn: stacks * perStack, bindings: 0, domainsPerBinding: 0 };
  const cert: CertPair = testCertIssuer()([`*.${FLEET_ZONE}`, FLEET_ZONE]);
  const emulator = await startEmulatorProcess({ seed: fleetSeed(size), deployDelayMs: STACK_DEPLOY_DELAY_MS, rateLimits: true, logRequests: true });
  try {
    // Adaptive runs must not pick up a store from the bench's own environment.
    const config = { "tencentcloud-https:rateLimitStore": storeUrl ?? "" };
    const hosts = await startStacks(emulator, stacks, config);
    try {
      await new Promise((r) => setTimeout(r, BUCKET_REFILL_MS));
      const before = await emulator.requests();
      const since = before.length ? before[before.length - 1].seq : 0;
      const startedAt = Date.now();
      const t0 = performance.now();
      const processWallMs: number[] = [];
      const failures: string[] = [];
      await Promise.all(hosts.map(async (host, s) => {
        const engine = host.engines.CdnHttpsConfig;
        const ops = Array.from({ length: perStack }, (_, k) => {
          const i = s * perStack + k;
          return { id: `stack${s}/cdn/${i}`, run: async () => { await engine.create(urnOf("CdnHttpsConfig", `cdn-${i}`), cdnArgs(i, cert)); } };
        });
        const result = await runDag(ops, ENGINE_PARALLEL);
        processWallMs[s] = performance.now() - t0;
        for (const f of result.failures) failures.push(`${f.id}: ${f.error instanceof Error ? f.error.message : String(f.error)}`);
      }));
      const wallMs = performance.now() - t0;
      const entries = await emulator.requests(since);
      const storeFallbacks = hosts.filter((h) => h.host.logs().some((l) => l.includes("rate-limit store"))).length;
      const requests = summarizeRequests(entries);
      const perStackMinimum = minimumCalls("create", { cdn: perStack, bindings: 0, domainsPerBinding: 0 });
      const minCalls: Record<string, number> = {};
      for (const c of perStackMinimum) minCalls[c.action] = c.calls * stacks;
      // Each stack waits for its own deployments; the rate limits are the account's, shared by all.
      const bound = lowerBound({ minCalls, deploymentWaits: perStack, rateFor: rateOfAction, deployDelayMs: STACK_DEPLOY_DELAY_MS, inFlight: ENGINE_PARALLEL });
      return {
        label, stacks, resourcesPerStack: perStack, calls: requests.total, minimum: totalCalls(perStackMinimum) * stacks,
        throttled: requests.throttled, failures, wallMs, boundMs: bound.ms, boundBinding: bound.binding, processWallMs,
        throttledPerSecond: perSecond(entries, startedAt, (e) => isThrottling(e.errorCode)),
        boundActionPerSecond: perSecond(entries, startedAt, (e) => `${e.service}.${e.action}` === bound.binding && !e.errorCode), byAction: requests.byAction, targets, storeFallbacks,
        cdnReads: cdnReadBreakdown(entries, STACK_DEPLOY_DELAY_MS),
        firstCallMs: entries.length ? Date.parse(entries[0].time) - startedAt : NaN,
      };
    } finally {
      await Promise.all(hosts.map((h) => h.stop()));
    }
  } finally {
    await emulator.stop();
  }
}

const f2 = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const beside = (text: string, target: string | undefined, ok: boolean | undefined): string =>
  target === undefined ? `${text} (no target)` : `${text} (target <= ${target}: ${ok ? "yes" : "NO"})`;

export function judge(r: StackRun): { calls: number; throttled: number; wall: number; ok: boolean } {
  const calls = r.calls / r.minimum;
  const throttled = r.calls ? r.throttled / r.calls : 0;
  const wall = r.boundMs > 0 ? r.wallMs / r.boundMs : NaN;
  const t = r.targets;
  const ok = (t.calls === undefined || calls <= t.calls) && (t.throttled === undefined || throttled <= t.throttled)
    && (t.wall === undefined || wall <= t.wall) && r.failures.length <= t.failures;
  return { calls, throttled, wall, ok };
}

export function formatRun(r: StackRun): string {
  const j = judge(r);
  const t = r.targets;
  const walls = [...r.processWallMs].sort((a, b) => a - b).map((ms) => (ms / 1000).toFixed(1));
  return [
    `== ${r.label}: ${r.stacks} process${r.stacks > 1 ? "es" : ""} x ${r.resourcesPerStack} CdnHttpsConfig, ${ENGINE_PARALLEL} in flight each`,
    `   calls / minimum      ${beside(`${r.calls} / ${r.minimum} = ${j.calls.toFixed(3)}`, t.calls?.toString(), t.calls === undefined ? undefined : j.calls <= t.calls)}`,
    `      by action         ${Object.entries(r.byAction).sort().map(([a, n]) => `${a} ${n}`).join(", ")}`,
    `      cdn reads         ${formatCdnReads(r.cdnReads)}`,
    `   throttled share      ${beside(`${r.throttled} / ${r.calls} = ${pct(j.throttled)}`, t.throttled === undefined ? undefined : pct(t.throttled), t.throttled === undefined ? undefined : j.throttled <= t.throttled)}`,
    `   failures             ${beside(String(r.failures.length), t.failures.toString(), r.failures.length <= t.failures)}`,
    ...r.failures.slice(0, 3).map((f) => `      ${f}`),
    `   wall / bound         ${beside(`${(r.wallMs / 1000).toFixed(2)} s / ${(r.boundMs / 1000).toFixed(2)} s = ${f2(j.wall)}`, t.wall?.toString(), t.wall === undefined ? undefined : j.wall <= t.wall)}   (binding: ${r.boundBinding})`,
    `   per-process wall s   ${walls.join(" ")}   (first API call after ${(r.firstCallMs / 1000).toFixed(2)} s: the processes load their code on their first checks)`,
    ...(r.storeFallbacks ? [`   store fallbacks      ${r.storeFallbacks} process(es) said the rate-limit store could not be used and paced alone`] : []),
    `   throttled per second ${r.throttledPerSecond.join(" ")}`,
    `   ${r.boundBinding} answered per second ${r.boundActionPerSecond.join(" ")}`,
  ].join("\n");
}

function summary(runs: StackRun[]): string {
  const tgt = (x: number | undefined, p = false) => (x === undefined ? "-" : p ? pct(x) : String(x));
  const lines = [`   ${"run".padEnd(22)} ${"calls/min".padStart(9)} ${"target".padStart(6)}  ${"throttled".padStart(9)} ${"target".padStart(6)}  ${"failures".padStart(8)}  ${"wall/bound".padStart(10)} ${"target".padStart(6)}  within`];
  for (const r of runs) {
    const j = judge(r);
    lines.push(`   ${r.label.padEnd(22)} ${j.calls.toFixed(3).padStart(9)} ${tgt(r.targets.calls).padStart(6)}  ${pct(j.throttled).padStart(9)} ${tgt(r.targets.throttled, true).padStart(6)}  ` +
      `${String(r.failures.length).padStart(8)}  ${f2(j.wall).padStart(10)} ${tgt(r.targets.wall).padStart(6)}  ${j.ok ? "yes" : "NO"}`);
  }
  return lines.join("\n");
}

function argList(name: string): string[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1].split(",") : undefined;
}

export async function run(): Promise<void> {
  const modes = (argList("modes") ?? ["adaptive", "shared", "interleaved"]) as (Mode | "interleaved")[];
  const counts = argList("stacks")?.map(Number) ?? STACK_COUNTS;
  const perStack = Number(argList("resources")?.[0] ?? RESOURCES_PER_STACK);
  console.log(`== many stacks, one account: emulator rate limits on (20/s, burst 20), ${STACK_DEPLOY_DELAY_MS} ms deployments, ` +
    `${perStack} CdnHttpsConfig per stack, ${ENGINE_PARALLEL} in flight per process, all stacks started at once`);
  console.log(`   minimum = the stacks' minimum calls added up (bench/lib/minimumCalls.ts, create: per stack 3 x ceil(${perStack} / 5) reads,`);
  console.log(`   ${perStack} writes and one sts.GetCallerIdentity per process for the accountId output); bound = the account's rate`);
  console.log("   limits over all stacks' minimum calls, or one stack's deployment waits (bench/lib/lowerBound.ts). Wall is");
  console.log("   from the common start (provider processes started and their code loaded) to the last stack's end.");
  const runs: StackRun[] = [];
  let redis: TestRedis | undefined;
  try {
    for (const mode of modes.filter((m): m is Mode => m !== "interleaved")) {
      const url = mode === "shared" ? (redis ??= await testRedis()).url : undefined;
      for (const stacks of counts) {
        const r = await runStacks(`${mode} ${stacks} stack${stacks > 1 ? "s" : ""}`, stacks, perStack, url, targetsFor(mode, stacks));
        console.log(formatRun(r));
        runs.push(r);
      }
    }
  } finally {
    await redis?.stop();
  }
  if (modes.includes("interleaved")) {
    const r = await runStacks(`interleaved 1 x ${INTERLEAVED_RESOURCES}`, 1, INTERLEAVED_RESOURCES, undefined, INTERLEAVED_TARGETS);
    console.log(formatRun(r));
    runs.push(r);
  }
  console.log("== summary");
  console.log(summary(runs));
}

if (require.main === module) run().catch((e) => { console.error(e instanceof Error ? e.stack ?? e.message : e); process.exitCode = 1; });
