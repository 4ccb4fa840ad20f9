// Fleet benchmark (`npm run bench`, issue 15): two fleets driven separately through Pulumi's real
// dynamic-provider host with 16 operations in flight, against the emulator with its documented
// rate limits on and a deployment delay:
//   CDN fleet:  60 CdnHttpsConfig
//   live fleet: 10 LiveCertificate + 10 LiveDomainBinding x 10 playback domains
// each through create, preview (unchanged program), rotate (new certificates) and destroy, each phase
// in a new provider process as the CLI runs each deployment; then a new stack's preview of 1,000
// CdnHttpsConfig and 200 LiveDomainBinding x 5 domains. Per phase it prints
// the API calls per action from the emulator's log beside the minimum (with its formula), and the
// wall time beside the lower bound the rate limits and deployment delay allow; a table at the end.
import { CDN_FLEET, FleetSize, LIVE_FLEET, issueFleetCerts, PhaseReport, runFreshPreview } from "./lib/fleet";
import { runFleetBench, ENGINE_PARALLEL } from "./lib/fleetBench";
import { fleetName, floorAfterFirstCall, formatPhase, ratios, Targets } from "./lib/report";
import { testCertIssuer } from "./lib/certs";
import { totalCalls } from "./lib/minimumCalls";

export const BENCH_DEPLOY_DELAY_MS = 1500;
/** Issue 15: every phase at or under 1.2x the minimum calls and 1.10x the wall-clock bound. */
export const FLEET_TARGETS: Targets = { calls: 1.2, wall: 1.1 };
/** Issue 15: a new stack's preview at scale within 1.2x its own bound (its calls are printed, with no target). */
export const PREVIEW_AT_SCALE_TARGETS: Targets = { wall: 1.2 };
export const PREVIEW_AT_SCALE: FleetSize = { cdn: 1000, bindings: 200, domainsPerBinding: 5 };

interface Row { fleet: string; report: PhaseReport; targets: Targets }

async function drive(label: string, size: FleetSize, deployDelayMs: number, targets: Targets, fresh: boolean): Promise<Row[]> {
  const rows: Row[] = [];
  const t = performance.now();
  // A new stack's preview never uploads: the live certificates are not needed.
  const certs = issueFleetCerts(fresh ? { ...size, bindings: 0 } : size, testCertIssuer());
  console.log(`-- ${label}: ${fleetName(size)} (test certificates issued in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await runFleetBench({
    size, certs, deployDelayMs, rateLimits: true,
    runner: fresh ? runFreshPreview : undefined,
    onPhase: (r) => { console.log(formatPhase(r, size, targets)); rows.push({ fleet: label, report: r, targets }); },
  });
  return rows;
}

function summary(rows: Row[]): string {
  const f = (x: number) => (Number.isFinite(x) ? x.toFixed(2) : "n/a");
  const lines = [`   ${"fleet".padEnd(14)} ${"phase".padEnd(8)} ${"calls".padStart(6)} ${"min".padStart(5)} ${"ratio".padStart(6)}   ${"wall s".padStart(7)} ${"bound s".padStart(7)} ${"ratio".padStart(6)} ${"from 1st".padStart(8)}   failures  within targets`];
  for (const { fleet, report: r, targets } of rows) {
    const q = ratios(r);
    const floor = floorAfterFirstCall(r);
    const min = totalCalls(r.minimum);
    const ok = !(targets.calls !== undefined && q.calls > targets.calls) && !(q.wall > targets.wall) && r.failures.length === 0 && r.skipped.length === 0;
    lines.push(`   ${fleet.padEnd(14)} ${r.phase.padEnd(8)} ${String(r.requests.total).padStart(6)} ${String(min).padStart(5)} ${f(q.calls).padStart(6)}   ${(r.wallMs / 1000).toFixed(2).padStart(7)} ${(r.bound.ms / 1000).toFixed(2).padStart(7)} ${f(q.wall).padStart(6)} ${(floor ? f(r.wallMs / floor.ms) : "n/a").padStart(8)}   ${String(r.failures.length).padStart(8)}  ${ok ? "yes" : "NO"}`);
  }
  return lines.join("\n");
}

export async function run(deployDelayMs = BENCH_DEPLOY_DELAY_MS): Promise<void> {
  console.log(`== fleet benchmark: --parallel ${ENGINE_PARALLEL}, emulator rate limits on, deployment delay ${deployDelayMs} ms`);
  console.log("   lower bound = max over independent constraints: per action ((minimum calls - burst) / documented rate;");
  console.log("   the emulator's buckets start full), and ceil(deployments / 16) * delay (the emulator deploys when HTTPS is");
  console.log("   switched on, not when it is switched off). Minimum calls (bench/lib/minimumCalls.ts): each write, plus the");
  console.log("   reads the work needs, batched as the API allows (CDN filter of 5, live domain pages of 100, one filtered");
  console.log("   bindings read per binding). Call ratios are exact; wall ratios depend on how busy the machine is.");
  console.log("   Each phase runs in a new provider process (as each `pulumi up` does): the bound does not count the");
  console.log("   time before its first API call, which each phase prints. \"from 1st\": wall / (the bound counted from the");
  console.log("   first call of the binding constraint's action, the first write for the deployment delay), no target.");
  const rows = [
    ...await drive("CDN fleet", CDN_FLEET, deployDelayMs, FLEET_TARGETS, false),
    ...await drive("live fleet", LIVE_FLEET, deployDelayMs, FLEET_TARGETS, false),
    ...await drive("preview@scale", PREVIEW_AT_SCALE, deployDelayMs, PREVIEW_AT_SCALE_TARGETS, true),
  ];
  console.log(`== fleet summary (targets: calls <= ${FLEET_TARGETS.calls}x minimum and wall <= ${FLEET_TARGETS.wall}x bound per fleet phase; ` +
    `preview@scale wall <= ${PREVIEW_AT_SCALE_TARGETS.wall}x bound)`);
  console.log(summary(rows));
}

if (require.main === module) run().catch((e) => { console.error(e); process.exitCode = 1; });
