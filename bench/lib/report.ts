// Text output of the benchmarks: one block per fleet phase, figures only (no pass/fail on time).
import type { PhaseReport, FleetSize } from "./fleet";

const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;

export function resourcesOfAction(action: string, size: FleetSize): { kind: string; count: number } {
  if (action.startsWith("cdn.")) return { kind: "CDN domain", count: size.cdn };
  if (action.startsWith("ssl.")) return { kind: "LiveCertificate", count: size.bindings };
  return { kind: "binding", count: size.bindings };
}

/** `target` is printed beside the ratio where the run is held to one (the fleet bench, not the fault soak). */
export function formatPhase(r: PhaseReport, size: FleetSize, target?: number): string {
  const lines: string[] = [];
  const ratio = r.bound.ms > 0 ? r.wallMs / r.bound.ms : NaN;
  lines.push(`== ${r.phase}: ${size.cdn} CdnHttpsConfig, ${size.bindings} LiveCertificate, ${size.bindings} LiveDomainBinding x ${size.domainsPerBinding} domains`);
  lines.push(`   wall time        ${s(r.wallMs)}   (max ${r.maxInFlight} operations in flight)`);
  lines.push(`   lower bound      ${s(r.bound.ms)}   (binding constraint: ${r.bound.binding})`);
  for (const c of r.bound.constraints) lines.push(`      ${c.name.padEnd(36)} ${c.formula.padEnd(34)} = ${s(c.ms)}`);
  lines.push(Number.isFinite(ratio)
    ? `   ratio            ${ratio.toFixed(3)}${target ? `   (target <= ${target})` : "   (with injected faults and slow answers; no target)"}`
    : "   ratio            n/a   (the work fits in the rate limits' bursts and no deployment is waited for)");
  lines.push(`   API calls        ${r.requests.total} total, ${r.requests.writes} writes`);
  for (const [action, n] of Object.entries(r.requests.byAction).sort()) {
    const { kind, count } = resourcesOfAction(action, size);
    lines.push(`      ${action.padEnd(36)} ${String(n).padStart(6)}   ${(n / count).toFixed(2)} per ${kind}`);
  }
  lines.push(`   throttling answers absorbed  ${r.requests.throttled}`);
  const errs = Object.entries(r.requests.errors).map(([c, n]) => `${c} x${n}`).join(", ");
  lines.push(`   error answers    ${errs || "none"}`);
  lines.push(`   failures         ${r.failures.length}${r.skipped.length ? `, ${r.skipped.length} skipped` : ""}`);
  for (const f of r.failures.slice(0, 5)) lines.push(`      ${f.id}: ${f.message}`);
  return lines.join("\n");
}
