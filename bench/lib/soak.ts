// The soak: the fleet with ~20% of API calls failing transiently, and the checks that nothing of it
// reached the user or the end state: no failure surfaced, no duplicate SSL certificate, every CDN
// domain deployed and every binding in place after create and rotation, all cleaned up by destroy.
import type { Fault } from "../../emulator";
import type { FleetSize, PhaseReport } from "./fleet";
import { cdnDomain, playDomain } from "./fleet";
import { EmulatorView } from "./emulatorView";

const WRITES = [
  { service: "cdn", action: "UpdateDomainConfig" },
  { service: "ssl", action: "UploadCertificate" },
  { service: "live", action: "ModifyLiveDomainCertBindings" },
] as const;

/**
 * Independent faults; the chance a call meets at least one is 1 - 0.95*0.96*0.96*0.97*0.97*0.97 ≈ 20%.
 * Lost answers (`phase: "after"`: the write is applied, then the connection drops) hit writes only,
 * which is where a naive retry would duplicate an upload.
 */
export function soakFaults(): Fault[] {
  return [
    { code: "RequestLimitExceeded", probability: 0.05 },
    { code: "InternalError", probability: 0.04 },
    { httpStatus: 502, probability: 0.04 },
    { drop: true, probability: 0.03 },
    { latencyMs: 300, probability: 0.03 },
    ...WRITES.map((w) => ({ ...w, drop: true, phase: "after", probability: 0.03 } as Fault)),
  ];
}

/** Problems in the emulator's state after a phase (empty when all is as the fleet declares). */
export function stateProblems(phase: PhaseReport, size: FleetSize, view: EmulatorView): string[] {
  const problems: string[] = [];
  if (phase.failures.length) problems.push(`${phase.failures.length} operations failed, first: ${phase.failures[0].id}: ${phase.failures[0].message}`);
  const live = phase.phase === "destroy" ? [] : phase.certificateIds;
  const certs = view.sslCertificates();
  if (certs.length !== live.length) {
    problems.push(`${certs.length} SSL certificates in the account, expected ${live.length} (${certs.map((c) => c.id).join(", ")})`);
  }
  // A dump without fingerprints must not pass (or fail) the duplicate check by accident.
  for (const c of certs) if (!c.fingerprint) problems.push(`the emulator's state shows no fingerprint for SSL certificate ${c.id}`);
  const fingerprints = certs.map((c) => c.fingerprint).filter(Boolean);
  if (new Set(fingerprints).size !== fingerprints.length) problems.push("an SSL certificate was uploaded twice (duplicate fingerprint)");
  for (let i = 0; i < size.cdn; i++) {
    const d = view.cdnDomain(cdnDomain(i));
    if (!d) { problems.push(`CDN domain ${cdnDomain(i)} is missing`); continue; }
    if (d.status !== "online") problems.push(`CDN domain ${d.domain} is ${d.status}, not online`);
    const wantOn = phase.phase !== "destroy";
    if (wantOn && (d.httpsSwitch !== "on" || d.sslStatus !== "deployed")) problems.push(`CDN domain ${d.domain}: HTTPS ${d.httpsSwitch}/${d.sslStatus}, expected on/deployed`);
    if (!wantOn && d.httpsSwitch === "on") problems.push(`CDN domain ${d.domain}: HTTPS still on after destroy`);
  }
  for (let g = 0; g < size.bindings; g++) {
    for (let k = 0; k < size.domainsPerBinding; k++) {
      const b = view.liveBinding(playDomain(g, k));
      if (phase.phase === "destroy") { if (b) problems.push(`${playDomain(g, k)} still bound to ${b.cloudCertId} after destroy`); continue; }
      if (!b || b.cloudCertId !== live[g] || b.status !== 1) {
        problems.push(`${playDomain(g, k)} bound to ${b ? `${b.cloudCertId} (status ${b.status})` : "nothing"}, expected ${live[g]} with HTTPS on`);
      }
    }
  }
  return problems;
}
