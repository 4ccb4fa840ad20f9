// Text output of the benchmarks: one block per fleet phase, figures only (no pass/fail on time).
import type { PhaseReport, FleetSize } from "./fleet";
import { DEPLOYMENT_DELAY } from "./lowerBound";
import { totalCalls } from "./minimumCalls";

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function resourcesOfAction(action: string, size: FleetSize): { kind: string; count: number } {
  if (action.startsWith("cdn.")) return { kind: "CDN domain", count: size.cdn };
  if (action.startsWith("ssl.")) return { kind: "LiveCertificate", count: size.bindings };
  return { kind: "binding", count: size.bindings };
}

export const fleetName = (size: FleetSize): string => [
  size.cdn ? `${size.cdn} CdnHttpsConfig` : "",
  size.bindings ? `${size.bindings} LiveCertificate, ${size.bindings} LiveDomainBinding x ${size.domainsPerBinding} domains` : "",
].filter(Boolean).join(", ");

/** From the phase's start to its first API call: the new provider process loading its code and the first checks. */
export function firstCallMs(r: PhaseReport): number {
  const times = Object.values(r.firstCallOfActionMs);
  return times.length > 0 ? Math.min(...times) : NaN;
}

/** Calls made over the minimum, and wall time over the lower bound (NaN when the bound is 0). */
export function ratios(r: PhaseReport): { calls: number; wall: number } {
  const minimum = totalCalls(r.minimum);
  return { calls: minimum > 0 ? r.requests.total / minimum : NaN, wall: r.bound.ms > 0 ? r.wallMs / r.bound.ms : NaN };
}

/**
 * When the binding constraint is an action's rate limit (or the deployment delay, which starts with
 * the first write), the end it allows counted from that
 * action's first call instead of the phase's start: the part of the wall time the provider spent
 * using the rate limit, apart from the time before it could first call it (code loading in a new
 * process, and the calls the engine must see answered first, e.g. a certificate's upload before
 * its binding's reads).
 */
export function floorAfterFirstCall(r: PhaseReport): { ms: number; firstMs: number; action: string } | undefined {
  // The deployment delay starts with the write that switches HTTPS on.
  const action = r.bound.binding === DEPLOYMENT_DELAY ? "cdn.UpdateDomainConfig" : r.bound.binding;
  const firstMs = r.firstCallOfActionMs[action];
  if (firstMs === undefined || r.bound.ms <= 0) return undefined;
  return { ms: firstMs + r.bound.ms, firstMs, action };
}

/** The ratios a run is held to; a missing one is printed without a target. */
export interface Targets { calls?: number; wall: number }

/** `targets` are printed beside the ratios where the run is held to them (the fleet bench, not the fault soak). */
export function formatPhase(r: PhaseReport, size: FleetSize, targets?: Targets): string {
  const lines: string[] = [];
  const { calls: callRatio, wall: ratio } = ratios(r);
  lines.push(`== ${r.phase}: ${fleetName(size)}`);
  lines.push(`   wall time        ${s(r.wallMs)}   (max ${r.maxInFlight} operations in flight; first API call after ${s(firstCallMs(r))}: a new provider process loads its code)`);
  lines.push(`   lower bound      ${s(r.bound.ms)}   (binding constraint: ${r.bound.binding})`);
  for (const c of r.bound.constraints) lines.push(`      ${c.name.padEnd(36)} ${c.formula.padEnd(34)} = ${s(c.ms)}`);
  const floor = floorAfterFirstCall(r);
  if (floor) {
    lines.push(`   after its start  ${s(floor.ms)}   (first ${floor.action} answered at ${s(floor.firstMs)}, + the ${s(r.bound.ms)} bound: ` +
      `the soonest this run could end once that call was made; wall / this = ${(r.wallMs / floor.ms).toFixed(3)})`);
  }
  lines.push(Number.isFinite(ratio)
    ? `   wall ratio       ${ratio.toFixed(3)}${targets ? `   (target <= ${targets.wall})` : "   (with injected faults and slow answers; no target)"}`
    : "   wall ratio       n/a   (the work fits in the rate limits' bursts and no deployment is waited for)");
  lines.push(`   API calls        ${r.requests.total} total, ${r.requests.writes} writes; minimum ${totalCalls(r.minimum)}, ratio ${callRatio.toFixed(3)}${targets?.calls ? `   (target <= ${targets.calls})` : ""}`);
  const minimum = new Map(r.minimum.map((m) => [m.action, m]));
  const actions = [...new Set([...Object.keys(r.requests.byAction), ...minimum.keys()])].sort();
  for (const action of actions) {
    const n = r.requests.byAction[action] ?? 0;
    const { kind, count } = resourcesOfAction(action, size);
    const m = minimum.get(action);
    const per = count ? `${(n / count).toFixed(2)} per ${kind}` : "";
    lines.push(`      ${action.padEnd(36)} ${String(n).padStart(6)}  min ${String(m?.calls ?? 0).padStart(4)}  ${per.padEnd(26)} ${m ? `min = ${m.formula}` : ""}`);
  }
  lines.push(`   throttling answers absorbed  ${r.requests.throttled}`);
  const errs = Object.entries(r.requests.errors).map(([c, n]) => `${c} x${n}`).join(", ");
  lines.push(`   error answers    ${errs || "none"}`);
  lines.push(`   failures         ${r.failures.length}${r.skipped.length ? `, ${r.skipped.length} skipped` : ""}`);
  for (const f of r.failures.slice(0, 5)) lines.push(`      ${f.id}: ${f.message}`);
  return lines.join("\n");
}
