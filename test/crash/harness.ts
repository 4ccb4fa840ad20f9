// The crash harness (issue 26): for one operation of a program (create, rotation, delete), kill the
// provider process right after each write the API applied, run the next `up` in a fresh process, and
// check that it converged: no duplicate application or upload, no orphan, HTTPS on for every declared
// domain after every write, a further `up` with no change. The same at each point with the write's
// answer lost instead (the process carries on): that `up` itself must succeed.
//
// The killed `up` runs in Pulumi's real dynamic-provider host (test/support/engine.ts), reached
// through the one HTTP middleman: when the emulator has applied the k-th write, the middleman
// SIGKILLs the host and drops the answer, so the write lands and nothing of the process runs after
// it. (A lost answer is the middleman dropping it, the process carrying on.) The engine's checkpoint is what it recorded before the kill: a create in flight is forgotten
// (Pulumi drops a pending create), an update in flight keeps the old state, a replacement's old half
// stays to be deleted once its replacement was recorded. The `up`s before and after run in this
// process (createProvider: a context of their own, nothing remembered), which is as fresh as a new
// host and much faster; every `up` is driven in the engine's order, one resource at a time in
// program order (a valid schedule of `pulumi up --parallel 1`, which makes the kill points the same
// on every run), deletes last.
import type { EmulatorHandle, EmulatorSeed, EmulatorSnapshot } from "../../emulator";
import { createProvider } from "../../provider";
import { RESOURCES, ResourceKind } from "../../provider/registry";
import { PartialStateError } from "../../provider/runtime/partialState";
import { actionFacts, Service } from "../../provider/tencentcloud/types";
import { seams } from "../../sdk/seam";
import { HostError, HostFixture, ProviderHost, serializeProvider, startHostFixture, startProviderHost, urnFor } from "../support/engine";
import { DROP, Exchange, Middleman, startMiddleman } from "../support/middleman";
import { providerConfig } from "../support/providerEnv";

export type Props = Record<string, any>;
/** The stack the sdk names in `__stack`. */
export const STACK = "proj/dev";

/** A resource of the program; its arguments may read the outputs of resources declared before it. */
export interface Declared {
  kind: ResourceKind;
  name: string;
  args: Props | ((outputsOf: (name: string) => Props) => Props);
}

export interface Entry { kind: ResourceKind; name: string; id: string; inputs: Props; outputs: Props }

/** What the engine has recorded: the resources, and the old halves of replacements still to delete. */
export interface Checkpoint { entries: Entry[]; pendingDeletes: Entry[] }

export type Step = "create" | "update" | "replace" | "same" | "delete" | "failed" | "skipped";
export interface UpResult { ok: boolean; steps: Record<string, Step>; errors: Record<string, string> }

/** A failed step; `partial` when the provider said what it left (ErrorResourceInitFailed). */
class StepFailure extends Error {
  constructor(message: string, readonly partial?: { id: string; properties: Props }) {
    super(message);
  }
}

/** One provider process as the engine calls it. */
interface ProviderProcess {
  check(kind: ResourceKind, name: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: { property: string; reason: string }[] }>;
  diff(old: Entry, news: Props): Promise<{ changes: boolean; replaces: string[] }>;
  create(kind: ResourceKind, name: string, inputs: Props): Promise<{ id: string; outs: Props }>;
  update(old: Entry, news: Props): Promise<Props>;
  delete(old: Entry): Promise<void>;
}

function inThisProcess(config: Record<string, string>, log: (line: string) => void): ProviderProcess {
  const provider = createProvider({ logSink: (_level, line) => log(line) });
  provider.configure({ config: { get: (key: string) => config[key] } });
  const failure = (e: unknown): never => {
    if (e instanceof PartialStateError) throw new StepFailure(e.message, { id: e.id, properties: e.properties as Props });
    throw e;
  };
  return {
    check: async (kind, _name, olds, news) => {
      const r = await provider[kind].check(olds, news);
      return { inputs: r.inputs ?? {}, failures: r.failures ?? [] };
    },
    diff: async (old, news) => {
      const d = await provider[old.kind].diff(old.id, old.outputs, news);
      return { changes: d.changes === true, replaces: d.replaces ?? [] };
    },
    // The host adds the serialized provider to the outputs, so that delete and refresh can load it.
    create: (kind, _name, inputs) => provider[kind].create(inputs).then((r) => ({ id: r.id, outs: { ...r.outs, __provider: inputs.__provider } }), failure),
    update: (old, news) => provider[old.kind].update(old.id, old.outputs, news).then((r) => ({ ...r.outs, __provider: news.__provider }), failure),
    delete: (old) => provider[old.kind].delete(old.id, old.outputs),
  };
}

function onHost(host: ProviderHost): ProviderProcess {
  const urn = (kind: ResourceKind, name: string) => urnFor(`tencentcloud-https:${RESOURCES[kind].type}`, name);
  const failure = (e: unknown): never => {
    if (e instanceof HostError && e.initFailed) throw new StepFailure(e.message, { id: e.initFailed.id, properties: e.initFailed.properties });
    throw e;
  };
  return {
    check: (kind, name, olds, news) => host.check(urn(kind, name), olds, news),
    diff: async (old, news) => {
      const d = await host.diff(old.id, urn(old.kind, old.name), old.outputs, news, old.inputs);
      return { changes: d.changes !== "none", replaces: d.replaces };
    },
    create: (kind, name, inputs) => host.create(urn(kind, name), inputs).catch(failure),
    update: (old, news) => host.update(old.id, urn(old.kind, old.name), old.outputs, news, old.inputs).then((r) => r.outs, failure),
    delete: (old) => host.delete(old.id, urn(old.kind, old.name), old.outputs, old.inputs),
  };
}

/** The engine deletes dependents first. */
const DELETE_ORDER: ResourceKind[] = ["cdnHttpsConfig", "liveDomainBinding", "freeCertificateValidation", "liveCertificate", "freeCertificate"];
const sameResource = (a: { kind: string; name: string }, b: { kind: string; name: string }) => a.kind === b.kind && a.name === b.name;

function record(cp: Checkpoint, entry: Entry): void {
  cp.entries = [...cp.entries.filter((e) => !sameResource(e, entry)), entry];
}

/**
 * `pulumi up` of `program` over the checkpoint `cp`, which it updates as each step completes (the
 * engine's checkpoints). `stopped` says the process was killed: no further step starts.
 */
async function deploy(p: ProviderProcess, program: Declared[], cp: Checkpoint, seam: (kind: ResourceKind) => string, stopped: () => boolean): Promise<UpResult> {
  const steps: Record<string, Step> = {};
  const errors: Record<string, string> = {};
  const outputs = new Map<string, Props>();
  for (const d of program) {
    if (stopped()) break;
    let args: Props;
    try {
      args = typeof d.args === "function" ? d.args((n) => { const o = outputs.get(n); if (!o) throw new Error(`${n} has no outputs`); return o; }) : d.args;
    } catch {
      steps[d.name] = "skipped"; // a dependency failed: the engine skips its dependents
      continue;
    }
    const news = { ...args, __resourceName: d.name, __stack: STACK, __provider: seam(d.kind) };
    const old = cp.entries.find((e) => sameResource(e, d));
    let inputs: Props = news;
    try {
      const checked = await p.check(d.kind, d.name, old?.inputs ?? {}, news);
      if (checked.failures.length > 0) throw new Error(`check failed: ${JSON.stringify(checked.failures)}`);
      inputs = checked.inputs;
      let entry: Entry;
      if (!old) {
        const { id, outs } = await p.create(d.kind, d.name, inputs);
        entry = { kind: d.kind, name: d.name, id, inputs, outputs: outs };
        steps[d.name] = "create";
      } else {
        const diff = await p.diff(old, inputs);
        if (!diff.changes) {
          entry = { ...old, inputs };
          steps[d.name] = "same";
        } else if (diff.replaces.length === 0) {
          entry = { ...old, inputs, outputs: await p.update(old, inputs) };
          steps[d.name] = "update";
        } else {
          const { id, outs } = await p.create(d.kind, d.name, inputs);
          entry = { kind: d.kind, name: d.name, id, inputs, outputs: outs };
          cp.pendingDeletes.push(old);
          steps[d.name] = "replace";
        }
      }
      if (stopped()) break; // the answer came after the kill: the engine never saw it
      record(cp, entry);
      outputs.set(d.name, entry.outputs);
    } catch (e) {
      steps[d.name] = "failed";
      errors[d.name] = e instanceof Error ? e.message : String(e);
      if (e instanceof StepFailure && e.partial && !stopped()) record(cp, { kind: d.kind, name: d.name, id: e.partial.id, inputs, outputs: e.partial.properties });
    }
  }
  const failed = Object.keys(errors).length > 0 || stopped();
  if (!failed) {
    const removed = cp.entries.filter((e) => !program.some((d) => sameResource(d, e)));
    const doomed = [...removed, ...cp.pendingDeletes].sort((a, b) => DELETE_ORDER.indexOf(a.kind) - DELETE_ORDER.indexOf(b.kind));
    for (const e of doomed) {
      if (stopped()) break;
      try {
        await p.delete(e);
        if (stopped()) break;
        cp.entries = cp.entries.filter((x) => x !== e);
        cp.pendingDeletes = cp.pendingDeletes.filter((x) => x !== e);
        steps[`${e.name} (delete ${e.id})`] = "delete";
      } catch (err) {
        steps[`${e.name} (delete ${e.id})`] = "failed";
        errors[`${e.name} (delete ${e.id})`] = err instanceof Error ? err.message : String(err);
        break;
      }
    }
  }
  return { ok: Object.keys(errors).length === 0 && !stopped(), steps, errors };
}

// ------------------------------------------------------------------------------ what is checked

/** The domains a program declares HTTPS on: CDN domains, and playback domains bound with HTTPS. */
export function declaredDomains(program: Declared[]): string[] {
  const unknownOutputs = () => new Proxy({}, { get: () => "unknown" });
  return program.flatMap((d) => {
    const args = typeof d.args === "function" ? d.args(unknownOutputs) : d.args;
    if (d.kind === "cdnHttpsConfig") return [`cdn:${args.domain}`];
    if (d.kind === "liveDomainBinding" && args.enableHttps !== false) return (args.domains as string[]).map((x) => `live:${x}`);
    return [];
  });
}

/** Whether the emulator serves HTTPS on a domain of declaredDomains. */
function httpsOn(state: EmulatorSnapshot, domain: string): boolean {
  const [kind, name] = domain.split(/:(.*)/);
  if (kind === "cdn") return state.cdnDomains.find((d) => d.Domain === name)?.Https?.Switch === "on";
  const binding = state.liveDomains.find((d) => d.Name === name)?.binding;
  return binding?.status === 1 && !!binding.cloudCertId;
}

/** The certificates and free-certificate applications the account holds. */
function heldCertificates(state: EmulatorSnapshot): string[] {
  return [...new Set([...state.sslCertificates.map((c) => c.id), ...state.freeCertificates.map((c) => c.id)])].sort();
}

/** The certificates the checkpoint refers to (what the resources applied for, uploaded or take). */
function referencedCertificates(cp: Checkpoint): string[] {
  return [...cp.entries, ...cp.pendingDeletes].flatMap((e) => (typeof e.outputs.certificateId === "string" ? [e.outputs.certificateId] : []));
}

/**
 * After each write: every declared domain that served HTTPS since the operation started still does.
 * (A delete's domains are no longer declared: turning them off is the operation.)
 */
export class HttpsWatch {
  private readonly seenOn = new Set<string>();
  readonly violations: string[] = [];
  constructor(private readonly declared: string[]) {}

  look(state: EmulatorSnapshot, after: string): void {
    for (const d of this.declared) {
      if (httpsOn(state, d)) this.seenOn.add(d);
      else if (this.seenOn.has(d)) this.violations.push(`${d} lost HTTPS after ${after}`);
    }
  }
}

// ------------------------------------------------------------------------------ scenarios

/** One operation on a program: from the state `from` leaves, after `before`, to `to`. */
export interface Operation {
  /** "<resource set>: <operation>", as the table prints it. */
  name: string;
  seed: EmulatorSeed;
  /** The program the operation starts from (run in an `up` of its own first); none for a create. */
  from?: Declared[];
  /** What happens between (time passing: a certificate ages into its renewal window, an hour passes). */
  before?: (emulator: EmulatorHandle) => Promise<void>;
  to: Declared[];
}

/** An operation run without a kill: its writes in order (the kill points), and the applications it made. */
export interface Plan { writes: string[]; made: Record<string, number> }

/**
 * The writes each of which makes a certificate: more of them than a run without a kill made are
 * duplicates. (A second UploadCertificate of the same material answers the first one's id, so uploads
 * are judged by what the account holds instead: a duplicate would be an orphan.)
 */
const MAKING = ["ApplyCertificate"];

/**
 * What happens right after the API applied a write: "kill", the provider host is SIGKILLed (its
 * answer never arrives, the next `up` runs in a fresh process); "lost", its answer is lost (the
 * connection dropped) and the same process carries on, retrying as it does.
 */
export type Fault = "kill" | "lost";

/** What one kill point came to. */
export interface KillOutcome {
  operation: string;
  fault: Fault;
  /** 1-based: the write after which the fault struck. */
  point: number;
  /** The write's action, e.g. "ssl.ApplyCertificate". */
  write: string;
  /** Why it did not converge; empty when it did. */
  problems: string[];
}

const isWrite = (x: Exchange) => actionFacts(x.service as Service, x.action)?.write === true;
const failedAnswer = (x: Exchange) => typeof x.answer !== "object" || x.answer === null || !!x.answer?.Response?.Error;

export interface Harness {
  emulator: EmulatorHandle;
  /**
   * One `up` of `program` over `cp` (updated as the engine records), in Pulumi's real host (a new one)
   * or in a fresh process here; `watch` looks at the emulator after every write.
   */
  up(program: Declared[], cp: Checkpoint, options?: { inHost?: boolean; watch?: HttpsWatch }): Promise<UpResult & { writes: string[] }>;
  /** Runs `op` with no kill: what it writes. */
  plan(op: Operation): Promise<Plan>;
  /**
   * Runs `op`, the fault striking right after write `point` of `plan` (a kill: in Pulumi's host; a lost
   * answer: in a fresh process here), then the next `up` and a further one in fresh processes; what went wrong.
   */
  breakAt(op: Operation, plan: Plan, point: number, fault: Fault): Promise<KillOutcome>;
  stop(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const fixture: HostFixture = await startHostFixture({ deployDelayMs: 20 });
  const emulator = fixture.emulator;
  const middleman: Middleman = await startMiddleman(emulator.url);
  const config = { ...providerConfig(emulator), "tencentcloud-https:endpoint": middleman.url };
  const seamTexts = new Map<ResourceKind, string>();
  for (const kind of Object.keys(RESOURCES) as ResourceKind[]) seamTexts.set(kind, await serializeProvider(seams[kind]));
  const seam = (kind: ResourceKind) => seamTexts.get(kind)!;
  const logs: string[] = [];
  const fresh = () => inThisProcess(config, (line) => logs.push(line));

  /** What every write does at the middleman: counted, watched, and the kill at its point. */
  let onWrite: (x: Exchange) => Promise<typeof DROP | undefined> = async () => undefined;
  middleman.onAnswer(async (x) => (isWrite(x) ? onWrite(x) : undefined));

  async function startHost(): Promise<ProviderHost> {
    const host = await startProviderHost({ cwd: fixture.dir });
    await host.configure(config, { secretKeys: ["tencentcloud-https:secretKey"] });
    return host;
  }
  // The next kill point's host starts while this one runs (a host takes most of a second to start).
  let spare = startHost();
  const takeHost = (): Promise<ProviderHost> => {
    const host = spare;
    spare = startHost();
    return host;
  };

  /** The state the operation starts from. */
  async function prepare(op: Operation): Promise<Checkpoint> {
    await emulator.reset(op.seed);
    await emulator.faults([]);
    const cp: Checkpoint = { entries: [], pendingDeletes: [] };
    if (op.from) {
      const r = await deploy(fresh(), op.from, cp, seam, () => false);
      if (!r.ok) throw new Error(`${op.name}: the program it starts from did not deploy: ${JSON.stringify(r.errors)}`);
    }
    await op.before?.(emulator);
    return cp;
  }

  return {
    emulator,
    async up(program, cp, options = {}) {
      const host = options.inHost ? await takeHost() : undefined;
      const writes: string[] = [];
      onWrite = async (x) => {
        writes.push(`${x.service}.${x.action}`);
        options.watch?.look(await emulator.state(), x.action);
        return undefined;
      };
      try {
        return { ...await deploy(host ? onHost(host) : fresh(), program, cp, seam, () => false), writes };
      } finally {
        onWrite = async () => undefined;
        await host?.stop();
      }
    },

    async plan(op) {
      const cp = await prepare(op);
      const writes: string[] = [];
      const made: Record<string, number> = {};
      onWrite = async (x) => {
        writes.push(`${x.service}.${x.action}`);
        if (MAKING.includes(x.action) && !failedAnswer(x)) made[x.action] = (made[x.action] ?? 0) + 1;
        return undefined;
      };
      try {
        const r = await deploy(fresh(), op.to, cp, seam, () => false);
        if (!r.ok) throw new Error(`${op.name}: the operation fails without any kill: ${JSON.stringify(r.errors)}`);
      } finally {
        onWrite = async () => undefined;
      }
      return { writes, made };
    },

    async breakAt(op, plan, point, fault) {
      // A kill needs a process to kill: Pulumi's host. A lost answer leaves the process running, so a
      // fresh one here does (the same client, the same retries), and costs no host start.
      const starting = fault === "kill" ? takeHost() : undefined;
      const problems: string[] = [];
      let write = "";
      let host: ProviderHost | undefined;
      try {
        const cp = await prepare(op);
        host = await starting;
        const since = (await emulator.requests()).at(-1)?.seq ?? 0;
        const watch = new HttpsWatch(declaredDomains(op.to));
        watch.look(await emulator.state(), "nothing (the operation's start)");
        let count = 0;
        let struck = false;
        onWrite = async (x) => {
          count++;
          watch.look(await emulator.state(), `${x.action}${failedAnswer(x) ? " (refused)" : ""}`);
          if (struck || count !== point) return undefined;
          write = `${x.service}.${x.action}`;
          struck = true;
          if (fault === "kill") await host!.kill();
          return DROP;
        };
        const first = await deploy(host ? onHost(host) : fresh(), op.to, cp, seam, () => struck && fault === "kill");
        if (!struck) throw new Error(`the operation made fewer than ${point} writes: ${JSON.stringify(first)}`);
        // A lost answer: the same process finds what the write did (its retry, or a look) and finishes.
        if (fault === "lost" && !first.ok) problems.push(`the up whose answer was lost failed: ${JSON.stringify(first.errors)}`);
        onWrite = async (x) => { watch.look(await emulator.state(), `${x.action} (next up)`); return undefined; };

        // The next `up`, in a fresh process.
        const next = await deploy(fresh(), op.to, cp, seam, () => false);
        if (!next.ok) problems.push(`the next up failed: ${JSON.stringify(next.errors)}`);
        // A further one: no change, no write.
        let furtherWrites = 0;
        onWrite = async (x) => { furtherWrites++; watch.look(await emulator.state(), `${x.action} (further up)`); return undefined; };
        const further = await deploy(fresh(), op.to, cp, seam, () => false);
        const changed = Object.entries(further.steps).filter(([, s]) => s !== "same");
        if (!further.ok || changed.length > 0 || furtherWrites > 0) {
          problems.push(`a further up is not clean: ${JSON.stringify({ steps: further.steps, errors: further.errors, writes: furtherWrites })}`);
        }

        const state = await emulator.state();
        problems.push(...watch.violations);
        for (const d of declaredDomains(op.to)) if (!httpsOn(state, d)) problems.push(`${d} has no HTTPS at the end`);
        const seeded = heldCertificatesOfSeed(op.seed);
        const held = heldCertificates(state).filter((id) => !seeded.includes(id));
        const referenced = referencedCertificates(cp);
        const orphans = held.filter((id) => !referenced.includes(id));
        if (orphans.length > 0) problems.push(`orphans: ${orphans.join(", ")} (the state refers to ${referenced.join(", ") || "nothing"})`);
        const missing = referenced.filter((id) => !held.includes(id) && !seeded.includes(id));
        if (missing.length > 0) problems.push(`the state refers to certificates that do not exist: ${missing.join(", ")}`);
        const requests = await emulator.requests(since);
        for (const action of MAKING) {
          const made = requests.filter((r) => r.action === action && !r.errorCode).length;
          const needed = plan.made[action] ?? 0;
          if (made > needed) problems.push(`${made} successful ${action} requests, where the operation needs ${needed}`);
        }
      } catch (e) {
        problems.push(`harness: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      } finally {
        onWrite = async () => undefined;
        await (host ?? (await starting?.catch(() => undefined)))?.kill();
      }
      return { operation: op.name, fault, point, write, problems };
    },

    async stop() {
      await (await spare.catch(() => undefined))?.kill();
      await middleman.stop();
      await fixture.stop();
    },
  };
}

/** The ids a seed holds from the start (not the operation's). */
function heldCertificatesOfSeed(seed: EmulatorSeed): string[] {
  return [...(seed.sslCertificates ?? []).map((c) => c.id), ...(seed.freeCertificates ?? []).map((c) => c.id)];
}
