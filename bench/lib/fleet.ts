// The benchmark fleet: N CdnHttpsConfig and M LiveDomainBinding (k playback domains each, each with its
// LiveCertificate), driven through create, certificate rotation and destroy with the engine's step
// logic and a concurrency limit, as `pulumi up --parallel 16` runs them. Each phase is timed and its
// API calls are taken from the emulator's request log.
import type { EmulatorHandle, EmulatorSeed, RequestLogEntry } from "../../emulator";
import { runDag, Operation } from "./dag";
import { upDeferringDelete } from "./steps";
import { Engine, Props, StateEntry } from "../../test/support/engine";
import { summarizeRequests, RequestSummary } from "./requestStats";
import { addCalls, lowerBound, LowerBound, PhaseWork } from "./lowerBound";

export interface FleetSize { cdn: number; bindings: number; domainsPerBinding: number }
export const FULL_FLEET: FleetSize = { cdn: 200, bindings: 20, domainsPerBinding: 5 };

export interface CertPair { certificate: string; privateKey: string }
/** Issues a certificate (with its chain) and key for the given DNS names. */
export type IssueCert = (names: string[]) => CertPair;

export const FLEET_ZONE = "fleet.example.com";
export const cdnDomain = (i: number): string => `cdn-${String(i + 1).padStart(4, "0")}.${FLEET_ZONE}`;
export const groupZone = (g: number): string => `g${String(g + 1).padStart(3, "0")}.live.${FLEET_ZONE}`;
export const playDomain = (g: number, k: number): string => `play${k + 1}.${groupZone(g)}`;

export type Kind = "CdnHttpsConfig" | "LiveCertificate" | "LiveDomainBinding";
export const urnOf = (kind: Kind, name: string): string =>
  `urn:pulumi:bench::fleet::pulumi-nodejs:dynamic/tencentcloud-https:${kind}::${name}`;

/** The harness's Engine for each resource kind (each carries that kind's serialized seam as `__provider`). */
export type Engines = Record<Kind, Engine>;

export function fleetSeed(size: FleetSize): EmulatorSeed {
  return {
    cdnDomains: Array.from({ length: size.cdn }, (_, i) => ({ domain: cdnDomain(i), status: "online" as const, originType: "domain" })),
    liveDomains: Array.from({ length: size.bindings }, (_, g) =>
      Array.from({ length: size.domainsPerBinding }, (_, k) => ({ name: playDomain(g, k), type: 1 as const, status: 1 as const }))).flat(),
  };
}

/** Certificates of the two generations (before and after rotation). */
export interface FleetCerts {
  cdn: [CertPair, CertPair];
  /** Per binding group: the certificate before and after rotation. */
  live: [CertPair, CertPair][];
}

export function issueFleetCerts(size: FleetSize, issue: IssueCert): FleetCerts {
  const wildcard = [`*.${FLEET_ZONE}`, FLEET_ZONE];
  return {
    cdn: [issue(wildcard), issue(wildcard)],
    // One certificate per group and generation: UploadCertificate deduplicates by fingerprint, so
    // sharing one would make the LiveCertificates one SSL certificate.
    live: Array.from({ length: size.bindings }, (_, g) => [issue([`*.${groupZone(g)}`]), issue([`*.${groupZone(g)}`])] as [CertPair, CertPair]),
  };
}

export const cdnArgs = (i: number, cert: CertPair): Props => ({ domain: cdnDomain(i), ...cert, http2: true });
export const liveCertArgs = (g: number, cert: CertPair, generation: number): Props => ({ ...cert, remarks: `fleet group ${g + 1} gen ${generation}` });
export const bindingArgs = (g: number, size: FleetSize, cloudCertId: string): Props => ({
  cloudCertId,
  domains: Array.from({ length: size.domainsPerBinding }, (_, k) => playDomain(g, k)),
  enableHttps: true,
});

/** Minimum API calls per resource and phase (see lowerBound.ts): writes plus one read observing a CDN deployment. */
export const MIN_CALLS = {
  create: {
    cdn: { "cdn.UpdateDomainConfig": 1, "cdn.DescribeDomainsConfig": 1 },
    liveCert: { "ssl.UploadCertificate": 1 },
    binding: { "live.ModifyLiveDomainCertBindings": 1 },
  },
  rotate: {
    cdn: { "cdn.UpdateDomainConfig": 1, "cdn.DescribeDomainsConfig": 1 },
    liveCert: { "ssl.UploadCertificate": 1, "ssl.DeleteCertificate": 1 },
    binding: { "live.ModifyLiveDomainCertBindings": 1 },
  },
  destroy: {
    // HTTPS off is written over the current block, so the domain is read once first.
    cdn: { "cdn.UpdateDomainConfig": 1, "cdn.DescribeDomainsConfig": 1 },
    liveCert: { "ssl.DeleteCertificate": 1 },
    bindingPerDomain: { "live.UnBindLiveDomainCert": 1 },
  },
} as const;

export type PhaseName = "create" | "rotate" | "destroy";

export function phaseWork(phase: PhaseName, size: FleetSize): PhaseWork {
  const calls: Record<string, number> = {};
  if (phase === "destroy") {
    const m = MIN_CALLS.destroy;
    addCalls(calls, m.cdn, size.cdn);
    addCalls(calls, m.liveCert, size.bindings);
    addCalls(calls, m.bindingPerDomain, size.bindings * size.domainsPerBinding);
    // The emulator (like its model, the API's documented behaviour) starts a deployment only when
    // HTTPS is switched on (emulator/cdn/model.ts updateDomainConfig): turning it off waits for nothing.
    return { minCalls: calls, deploymentWaits: 0 };
  }
  const m = MIN_CALLS[phase];
  addCalls(calls, m.cdn, size.cdn);
  addCalls(calls, m.liveCert, size.bindings);
  addCalls(calls, m.binding, size.bindings);
  return { minCalls: calls, deploymentWaits: size.cdn };
}

export interface PhaseReport {
  phase: PhaseName;
  wallMs: number;
  bound: LowerBound;
  requests: RequestSummary;
  resources: { cdn: number; liveCert: number; binding: number };
  failures: { id: string; message: string }[];
  skipped: string[];
  maxInFlight: number;
  /** Each group's LiveCertificate id after the phase (to check the emulator's bindings against). */
  cloudCertIds: string[];
}

export interface FleetRunOptions {
  engines: Engines;
  emulator: EmulatorHandle;
  size: FleetSize;
  certs: FleetCerts;
  concurrency: number;
  deployDelayMs: number;
  rateFor(action: string): number;
  /** Called after each phase, e.g. to print it or to assert the emulator's state. */
  onPhase?(report: PhaseReport): void | Promise<void>;
}

export interface FleetRun { phases: PhaseReport[] }

interface FleetState { cdn: StateEntry[]; liveCert: StateEntry[]; binding: StateEntry[] }

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function runFleet(o: FleetRunOptions): Promise<FleetRun> {
  const { size, certs } = o;
  const { CdnHttpsConfig: cdnEngine, LiveCertificate: certEngine, LiveDomainBinding: bindingEngine } = o.engines;
  const st: FleetState = { cdn: [], liveCert: [], binding: [] };
  const phases: PhaseReport[] = [];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  const timed = async (phase: PhaseName, ops: Operation[]): Promise<boolean> => {
    const since = await lastSeq(o.emulator);
    const t0 = performance.now();
    const result = await runDag(inDeclarationOrder(ops, size), o.concurrency);
    const wallMs = performance.now() - t0;
    const entries = await o.emulator.requests(since);
    const report: PhaseReport = {
      phase,
      wallMs,
      bound: lowerBound({ ...phaseWork(phase, size), rateFor: o.rateFor, deployDelayMs: o.deployDelayMs, inFlight: o.concurrency }),
      requests: summarizeRequests(entries),
      resources: { cdn: size.cdn, liveCert: size.bindings, binding: size.bindings },
      failures: result.failures.map((f) => ({ id: f.id, message: messageOf(f.error) })),
      skipped: result.skipped,
      maxInFlight: result.maxInFlight,
      cloudCertIds: st.liveCert.map((c) => String(c?.outputs.cloudCertId)),
    };
    phases.push(report);
    await o.onPhase?.(report);
    return report.failures.length === 0 && report.skipped.length === 0;
  };

  // ---- create
  const createOps: Operation[] = [
    ...range(size.cdn).map((i) => ({
      id: `cdn/${i}`,
      run: async () => { st.cdn[i] = await cdnEngine.create(urnOf("CdnHttpsConfig", `cdn-${i}`), cdnArgs(i, certs.cdn[0])); },
    })),
    ...range(size.bindings).map((g) => ({
      id: `liveCert/${g}`,
      run: async () => { st.liveCert[g] = await certEngine.create(urnOf("LiveCertificate", `cert-${g}`), liveCertArgs(g, certs.live[g][0], 0)); },
    })),
    ...range(size.bindings).map((g) => ({
      id: `binding/${g}`,
      dependsOn: [`liveCert/${g}`],
      run: async () => {
        st.binding[g] = await bindingEngine.create(urnOf("LiveDomainBinding", `binding-${g}`), bindingArgs(g, size, String(st.liveCert[g].outputs.cloudCertId)));
      },
    })),
  ];
  if (!(await timed("create", createOps))) return { phases };

  // ---- rotate: CDN in place; LiveCertificate replaced (create before delete), binding moved, old certificate deleted
  const replaced: StateEntry[] = [];
  const rotateOps: Operation[] = [
    ...range(size.cdn).map((i) => ({
      id: `cdn/${i}`,
      run: async () => { st.cdn[i] = (await upDeferringDelete(cdnEngine, st.cdn[i], cdnArgs(i, certs.cdn[1]))).state; },
    })),
    ...range(size.bindings).map((g) => ({
      id: `liveCert/${g}`,
      run: async () => {
        const outcome = await upDeferringDelete(certEngine, st.liveCert[g], liveCertArgs(g, certs.live[g][1], 1));
        st.liveCert[g] = outcome.state;
        if (outcome.replaced) replaced[g] = outcome.replaced;
      },
    })),
    ...range(size.bindings).map((g) => ({
      id: `binding/${g}`,
      dependsOn: [`liveCert/${g}`],
      run: async () => {
        st.binding[g] = (await upDeferringDelete(bindingEngine, st.binding[g], bindingArgs(g, size, String(st.liveCert[g].outputs.cloudCertId)))).state;
      },
    })),
    ...range(size.bindings).map((g) => ({
      id: `liveCert/${g}/delete-replaced`,
      dependsOn: [`binding/${g}`],
      run: async () => { if (replaced[g]) await certEngine.destroy(replaced[g]); },
    })),
  ];
  if (!(await timed("rotate", rotateOps))) return { phases };

  // ---- destroy: dependents first
  const destroyOps: Operation[] = [
    ...range(size.cdn).map((i) => ({ id: `cdn/${i}`, run: () => cdnEngine.destroy(st.cdn[i]) })),
    ...range(size.bindings).map((g) => ({ id: `binding/${g}`, run: () => bindingEngine.destroy(st.binding[g]) })),
    ...range(size.bindings).map((g) => ({ id: `liveCert/${g}`, dependsOn: [`binding/${g}`], run: () => certEngine.destroy(st.liveCert[g]) })),
  ];
  await timed("destroy", destroyOps);
  return { phases };
}

/**
 * The order the fleet's program declares its resources in, which is the order the engine starts
 * steps in: per site, its LiveCertificate and LiveDomainBinding, then its share of the CDN domains
 * (as a program looping over sites would). Declaring every CDN domain first would leave the live
 * resources, and their own rate limits, to a tail after all CDN work.
 */
export function inDeclarationOrder(ops: Operation[], size: FleetSize): Operation[] {
  const site = (op: Operation): number => {
    const [kind, n] = op.id.split("/");
    const i = Number(n);
    return kind === "cdn" ? Math.floor((i * size.bindings) / Math.max(1, size.cdn)) : i;
  };
  const liveFirst = (op: Operation): number => (op.id.startsWith("cdn/") ? 1 : 0);
  return ops.map((op, index) => ({ op, index }))
    .sort((a, b) => site(a.op) - site(b.op) || liveFirst(a.op) - liveFirst(b.op) || a.index - b.index)
    .map((x) => x.op);
}

async function lastSeq(emulator: EmulatorHandle): Promise<number> {
  const all: RequestLogEntry[] = await emulator.requests();
  return all.length ? all[all.length - 1].seq : 0;
}
