// The benchmark fleet: N CdnHttpsConfig and M LiveDomainBinding (k playback domains each, each with its
// LiveCertificate), driven through create, certificate rotation and destroy with the engine's step
// logic and a concurrency limit, as `pulumi up --parallel 16` runs them. Each phase is timed and its
// API calls are taken from the emulator's request log.
import type { EmulatorHandle, EmulatorSeed, RequestLogEntry } from "../../emulator";
import { runDag, Operation } from "./dag";
import { previewOrThrow, upDeferringDelete } from "./steps";
import { Engine, Props, StateEntry } from "../../test/support/engine";
import { summarizeRequests, RequestSummary } from "./requestStats";
import { lowerBound, LowerBound, PhaseWork } from "./lowerBound";
import { MinimumCall, minimumCalls, MinimumOptions, PhaseName } from "./minimumCalls";
import { UNKNOWN } from "../../provider/unknown";


export interface FleetSize { cdn: number; bindings: number; domainsPerBinding: number }
export const FULL_FLEET: FleetSize = { cdn: 200, bindings: 20, domainsPerBinding: 5 };
/** Issue 15's fleets, driven separately so that each one's calls and time are its own. */
export const CDN_FLEET: FleetSize = { cdn: 60, bindings: 0, domainsPerBinding: 0 };
export const LIVE_FLEET: FleetSize = { cdn: 0, bindings: 10, domainsPerBinding: 10 };

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
export const liveCertArgs = (g: number, cert: CertPair, generation: number): Props => ({ ...cert, alias: `fleet group ${g + 1} gen ${generation}` });
export const bindingArgs = (g: number, size: FleetSize, certificateId: string): Props => ({
  certificateId,
  domains: Array.from({ length: size.domainsPerBinding }, (_, k) => playDomain(g, k)),
  enableHttps: true,
});

export function phaseWork(phase: PhaseName, size: FleetSize, options: MinimumOptions = {}): PhaseWork {
  const minCalls: Record<string, number> = {};
  for (const c of minimumCalls(phase, size, options)) minCalls[c.action] = c.calls;
  // The emulator (like its model, the API's documented behaviour) starts a deployment only when
  // HTTPS is switched on (emulator/backends/cdn/model.ts CdnBackend.update): turning it off waits for nothing.
  const deploys = phase === "create" || phase === "rotate";
  return { minCalls, deploymentWaits: deploys ? size.cdn : 0 };
}

export interface PhaseReport {
  phase: PhaseName;
  wallMs: number;
  /** From the phase's start to the answer of each action's first call (report.ts firstCallMs: of any). */
  firstCallOfActionMs: Record<string, number>;
  bound: LowerBound;
  /** The fewest calls the phase could make, per action, with formulas (minimumCalls.ts). */
  minimum: MinimumCall[];
  requests: RequestSummary;
  resources: { cdn: number; liveCert: number; binding: number };
  failures: { id: string; message: string }[];
  skipped: string[];
  maxInFlight: number;
  /** Each group's LiveCertificate id after the phase (to check the emulator's bindings against). */
  certificateIds: string[];
}

export interface FleetRunOptions {
  /**
   * The engines of a new deployment: each phase is one `pulumi up`/`preview`/`destroy`, which the CLI
   * runs in a provider process of its own, so nothing a phase learned (deployment durations,
   * listings) reaches the next.
   */
  deployment(): Promise<Engines>;
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

/**
 * The pause before each phase: every rate-limit bucket (the client's and the emulator's, burst =
 * one second's rate) is full again after one second. The lower bound assumes full buckets, as a
 * `pulumi up` started after a preview finds them (a new provider process, seconds later); without
 * the pause a phase inherits the previous phase's drained buckets (the live rotate began with no
 * DescribeCertificateDetail token left by the preview and paced its checks 100 ms apart).
 */
export const BUCKET_REFILL_MS = 1000;

function firstCallOfAction(entries: RequestLogEntry[], startedAt: number): Record<string, number> {
  const first: Record<string, number> = {};
  for (const e of entries) first[`${e.service}.${e.action}`] ??= Date.parse(e.time) - startedAt;
  return first;
}

/** Runs one phase's operations as the engine would, then reports its time and the API calls it made. */
function phaseTimer(o: FleetRunOptions, phases: PhaseReport[], certificateIds: () => string[]) {
  return async (phase: PhaseName, ops: Operation[], options: MinimumOptions = {}): Promise<boolean> => {
    await new Promise((r) => setTimeout(r, BUCKET_REFILL_MS));
    const since = await lastSeq(o.emulator);
    const startedAt = Date.now(); // the emulator's log is in wall-clock time
    const t0 = performance.now();
    const result = await runDag(inDeclarationOrder(ops, o.size), o.concurrency);
    const wallMs = performance.now() - t0;
    const entries = await o.emulator.requests(since);
    const report: PhaseReport = {
      phase,
      wallMs,
      firstCallOfActionMs: firstCallOfAction(entries, startedAt),
      bound: lowerBound({ ...phaseWork(phase, o.size, options), rateFor: o.rateFor, deployDelayMs: o.deployDelayMs, inFlight: o.concurrency }),
      minimum: minimumCalls(phase, o.size, options),
      requests: summarizeRequests(entries),
      resources: { cdn: o.size.cdn, liveCert: o.size.bindings, binding: o.size.bindings },
      failures: result.failures.map((f) => ({ id: f.id, message: messageOf(f.error) })),
      skipped: result.skipped,
      maxInFlight: result.maxInFlight,
      certificateIds: certificateIds(),
    };
    phases.push(report);
    await o.onPhase?.(report);
    return report.failures.length === 0 && report.skipped.length === 0;
  };
}

/**
 * `pulumi preview` of a new stack: every resource checked, none created. The bindings' certificate
 * ids are unknown then (their LiveCertificates do not exist yet), so only their domains are checked.
 */
export async function runFreshPreview(o: FleetRunOptions): Promise<FleetRun> {
  const phases: PhaseReport[] = [];
  const timed = phaseTimer(o, phases, () => []);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);
  const engines = await o.deployment();
  const checkOnly = async (engine: Engine, urn: string, args: Props) => { await previewOrThrow(engine, urn, args); };
  await timed("preview", [
    ...range(o.size.cdn).map((i) => ({ id: `cdn/${i}`, run: () => checkOnly(engines.CdnHttpsConfig, urnOf("CdnHttpsConfig", `cdn-${i}`), cdnArgs(i, o.certs.cdn[0])) })),
    ...range(o.size.bindings).map((g) => ({
      id: `binding/${g}`, run: () => checkOnly(engines.LiveDomainBinding, urnOf("LiveDomainBinding", `binding-${g}`), bindingArgs(g, o.size, UNKNOWN)),
    })),
  ], { certificatesKnown: false });
  return { phases };
}

export async function runFleet(o: FleetRunOptions): Promise<FleetRun> {
  const { size, certs } = o;
  const st: FleetState = { cdn: [], liveCert: [], binding: [] };
  const phases: PhaseReport[] = [];
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  const timed = phaseTimer(o, phases, () => st.liveCert.map((c) => String(c?.outputs.certificateId)));

  // ---- create
  let { CdnHttpsConfig: cdnEngine, LiveCertificate: certEngine, LiveDomainBinding: bindingEngine } = await o.deployment();
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
        st.binding[g] = await bindingEngine.create(urnOf("LiveDomainBinding", `binding-${g}`), bindingArgs(g, size, String(st.liveCert[g].outputs.certificateId)));
      },
    })),
  ];
  if (!(await timed("create", createOps))) return { phases };

  // ---- preview: `pulumi preview` of the unchanged program: every resource checked and diffed
  ({ CdnHttpsConfig: cdnEngine, LiveCertificate: certEngine, LiveDomainBinding: bindingEngine } = await o.deployment());
  const unchanged = async (engine: Engine, old: StateEntry, args: Props) => {
    const { diff } = await previewOrThrow(engine, old.urn, args, old);
    if (diff?.changes !== "none") throw new Error(`${old.urn}: preview of the unchanged program shows changes`);
  };
  const previewOps: Operation[] = [
    ...range(size.cdn).map((i) => ({ id: `cdn/${i}`, run: () => unchanged(cdnEngine, st.cdn[i], cdnArgs(i, certs.cdn[0])) })),
    ...range(size.bindings).map((g) => ({ id: `liveCert/${g}`, run: () => unchanged(certEngine, st.liveCert[g], liveCertArgs(g, certs.live[g][0], 0)) })),
    ...range(size.bindings).map((g) => ({
      id: `binding/${g}`, run: () => unchanged(bindingEngine, st.binding[g], bindingArgs(g, size, String(st.liveCert[g].outputs.certificateId))),
    })),
  ];
  if (!(await timed("preview", previewOps))) return { phases };

  // ---- rotate: CDN in place; LiveCertificate replaced (create before delete), binding moved, old certificate deleted
  ({ CdnHttpsConfig: cdnEngine, LiveCertificate: certEngine, LiveDomainBinding: bindingEngine } = await o.deployment());
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
        st.binding[g] = (await upDeferringDelete(bindingEngine, st.binding[g], bindingArgs(g, size, String(st.liveCert[g].outputs.certificateId)))).state;
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
  ({ CdnHttpsConfig: cdnEngine, LiveCertificate: certEngine, LiveDomainBinding: bindingEngine } = await o.deployment());
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
