// An engine-faithful harness: spawns Pulumi's real dynamic-provider host and drives it over gRPC
// the way the Pulumi engine does (see docs/reference/pulumi-dynamic-providers.md §2), so
// tests exercise the serialized seam, module resolution from a project's cwd, Struct encoding and
// the host's quirks without the Pulumi CLI.
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as readline from "readline";
import * as pulumi from "@pulumi/pulumi";
import { EmulatorHandle, EmulatorOptions, startEmulator } from "../../emulator";
import type { ResourceKind } from "../../provider/registry";
import { seams } from "../../sdk/seam";
import { repoRoot } from "./packed";
import { providerConfig } from "./providerEnv";

// grpc-js and google-protobuf must be the copies @pulumi/pulumi's generated stubs were built
// against (instanceof checks on messages), so resolve them from @pulumi/pulumi's own directory.
const pulumiDir = path.dirname(require.resolve("@pulumi/pulumi/package.json"));
const fromPulumi = (id: string) => require(require.resolve(id, { paths: [pulumiDir] }));
const grpc = fromPulumi("@grpc/grpc-js");
const { Struct } = fromPulumi("google-protobuf/google/protobuf/struct_pb");
const { Empty } = fromPulumi("google-protobuf/google/protobuf/empty_pb");
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb");
const provproto = require("@pulumi/pulumi/proto/provider_pb");
const statusproto = require("@pulumi/pulumi/proto/status_pb");

/** The value the engine sends for properties unknown during preview (runtime/rpc.js). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

export type Props = Record<string, any>;
export interface CheckFailure { property: string; reason: string }
export type DiffChanges = "none" | "some" | "unknown";
export interface DiffOutcome { changes: DiffChanges; replaces: string[]; deleteBeforeReplace: boolean }

/** A failed gRPC call to the host; `message` is the host's message (the provider's error text). */
export class HostError extends Error {
  constructor(
    readonly method: string,
    readonly code: number,
    message: string,
    /** Set when the provider threw an error with `.id` (ErrorResourceInitFailed). */
    readonly initFailed?: { id: string; properties: Props; reasons: string[] },
  ) {
    super(message);
    this.name = "HostError";
  }
}

export interface StartOptions {
  /** The directory the host runs in: `require` in the seam resolves from here. */
  cwd: string;
  env?: Record<string, string | undefined>;
  /** Project name (PULUMI_NODEJS_PROJECT); also used by urnFor. Default "proj". */
  project?: string;
  /** Mirror host stdout/stderr to this process's stderr (debugging). */
  echo?: boolean;
}

export interface ProviderHost {
  readonly port: number;
  readonly pluginVersion: string;
  configure(config: Record<string, string>, opts?: { secretKeys?: string[] }): Promise<{ acceptSecrets: boolean }>;
  check(urn: string, olds: Props, news: Props): Promise<{ inputs: Props; failures: CheckFailure[] }>;
  diff(id: string, urn: string, olds: Props, news: Props, oldInputs?: Props): Promise<DiffOutcome>;
  create(urn: string, inputs: Props, opts?: { preview?: boolean }): Promise<{ id: string; outs: Props }>;
  /** `id` is "" when the provider reported the resource gone. */
  read(id: string, urn: string, props: Props, inputs?: Props): Promise<{ id: string; props: Props; inputs?: Props }>;
  update(id: string, urn: string, olds: Props, news: Props, oldInputs?: Props): Promise<{ outs: Props }>;
  delete(id: string, urn: string, props: Props, oldInputs?: Props): Promise<void>;
  /** Lines the host wrote to stdout (after the port line) and stderr, in order. */
  logs(): string[];
  stop(): Promise<void>;
}

/**
 * A throwaway project for the host's cwd: `files` (paths relative to the project, e.g.
 * "node_modules/x/index.js") plus node_modules/@pulumi linked to this repo's copy, so the host
 * can be resolved from it as the engine's shim does. Remove it with `fs.rmSync(dir, {recursive})`.
 */
export function scratchProject(files: Record<string, string>, nodeModules: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-project-"));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  fs.mkdirSync(path.join(dir, "node_modules"), { recursive: true });
  fs.symlinkSync(path.join(nodeModules, "@pulumi"), path.join(dir, "node_modules", "@pulumi"), "dir");
  return dir;
}

/** A URN as the engine builds it for a dynamic resource of `type` (e.g. "tencentcloud-https:CdnHttpsConfig"). */
export function urnFor(type: string, name: string, opts: { project?: string; stack?: string } = {}): string {
  return `urn:pulumi:${opts.stack ?? "dev"}::${opts.project ?? "proj"}::pulumi-nodejs:dynamic/${type}::${name}`;
}

/** Serializes a provider exactly as dynamic.Resource does (text plus containsSecrets). */
export function serializeProviderFunction(provider: pulumi.dynamic.ResourceProvider) {
  return pulumi.runtime.serializeFunction(() => provider, { allowSecrets: true });
}

/** The `__provider` text, serialized exactly as dynamic.Resource does. */
export async function serializeProvider(provider: pulumi.dynamic.ResourceProvider): Promise<string> {
  return (await serializeProviderFunction(provider)).text;
}

/** A value wrapped as a secret, the form the engine uses in ConfigureRequest.args. */
export function secretWrapped(value: unknown): Props {
  return { [SIG_KEY]: SECRET_SIG, value };
}

/**
 * What the language host sends for a JS value: `undefined` properties are dropped and
 * `undefined` array elements become null, as Pulumi's serializer does. Struct encoding would
 * otherwise reject them.
 */
export function engineValue(v: any): any {
  if (Array.isArray(v)) return v.map((x) => (x === undefined ? null : engineValue(x)));
  if (v !== null && typeof v === "object") {
    const out: Props = {};
    for (const [k, x] of Object.entries(v)) if (x !== undefined) out[k] = engineValue(x);
    return out;
  }
  return v;
}

const toStruct = (v: Props) => Struct.fromJavaScript(engineValue(v));
const liveHosts = new Set<ChildProcess>();
process.once("exit", () => liveHosts.forEach((c) => c.kill("SIGKILL")));

/** Resolves the host entry point the way the `pulumi-resource-pulumi-nodejs` shim does: from cwd. */
function hostEntry(cwd: string): string {
  try {
    return require.resolve("@pulumi/pulumi/cmd/dynamic-provider", { paths: [cwd] });
  } catch {
    throw new Error(`@pulumi/pulumi is not resolvable from ${cwd}: the engine could not start the host there`);
  }
}

function hostError(method: string, e: any): HostError {
  let initFailed: HostError["initFailed"];
  const bin = e?.metadata?.get?.("grpc-status-details-bin")?.[0];
  if (bin) {
    const status = statusproto.Status.deserializeBinary(new Uint8Array(bin));
    for (const any of status.getDetailsList()) {
      const d = any.unpack(provproto.ErrorResourceInitFailed.deserializeBinary, "pulumirpc.ErrorResourceInitFailed");
      if (d) initFailed = { id: d.getId(), properties: d.getProperties()?.toJavaScript() ?? {}, reasons: d.getReasonsList() };
    }
  }
  return new HostError(method, e?.code ?? -1, e?.details ?? e?.message ?? String(e), initFailed);
}

export async function startProviderHost(opts: StartOptions): Promise<ProviderHost> {
  const project = opts.project ?? "proj";
  const lines: string[] = [];
  // The engine passes its own address as the only argument; the host requires it but never dials it.
  const child = spawn(process.execPath, [hostEntry(opts.cwd), "127.0.0.1:1"], {
    cwd: opts.cwd,
    env: { ...process.env, PULUMI_NODEJS_PROJECT: project, PULUMI_PROJECT: project, PULUMI_CONFIG: "{}", ...opts.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  liveHosts.add(child);
  const exited = new Promise<void>((r) => child.once("exit", () => { liveHosts.delete(child); r(); }));
  const capture = (stream: NodeJS.ReadableStream) => readline.createInterface({ input: stream }).on("line", (l) => {
    lines.push(l);
    if (opts.echo) process.stderr.write(`[host] ${l}\n`);
  });
  capture(child.stderr!);
  const port = await new Promise<number>((resolve, reject) => {
    const out = readline.createInterface({ input: child.stdout! });
    let first = true;
    out.on("line", (l) => {
      if (first) { first = false; resolve(Number(l.trim())); return; }
      lines.push(l);
      if (opts.echo) process.stderr.write(`[host] ${l}\n`);
    });
    child.once("exit", (code) => reject(new Error(`provider host exited (${code}) before printing its port: ${lines.join("\n")}`)));
    child.once("error", reject);
  });
  if (!Number.isInteger(port) || port <= 0) {
    child.kill("SIGKILL");
    throw new Error(`provider host printed no port: ${lines.join("\n")}`);
  }

  /** Diff and Update carry the same fields: the resource, its old outputs, the new inputs, the old inputs. */
  const changeRequest = (req: any, id: string, urn: string, olds: Props, news: Props, oldInputs?: Props) => {
    req.setId(id);
    req.setUrn(urn);
    req.setOlds(toStruct(olds));
    req.setNews(toStruct(news));
    if (oldInputs) req.setOldInputs(toStruct(oldInputs));
    return req;
  };

  const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
  const call = (method: string, req: any) =>
    new Promise<any>((resolve, reject) =>
      client[method](req, (e: any, v: any) => (e ? reject(hostError(method, e)) : resolve(v))));

  const info = await call("getPluginInfo", new Empty());

  return {
    port,
    pluginVersion: info.getVersion(),
    async configure(config, o = {}) {
      const secret = new Set(o.secretKeys ?? []);
      const args: Props = {};
      for (const [k, v] of Object.entries(config)) args[k] = secret.has(k) ? secretWrapped(v) : v;
      const req = new provproto.ConfigureRequest();
      req.setArgs(toStruct(args));
      req.setAcceptsecrets(true);
      req.setAcceptresources(true);
      const res = await call("configure", req);
      return { acceptSecrets: res.getAcceptsecrets() };
    },
    async check(urn, olds, news) {
      const req = new provproto.CheckRequest();
      req.setUrn(urn);
      req.setOlds(toStruct(olds));
      req.setNews(toStruct(news));
      const res = await call("check", req);
      return {
        inputs: res.getInputs()?.toJavaScript() ?? {},
        failures: res.getFailuresList().map((f: any) => ({ property: f.getProperty(), reason: f.getReason() })),
      };
    },
    async diff(id, urn, olds, news, oldInputs) {
      const res = await call("diff", changeRequest(new provproto.DiffRequest(), id, urn, olds, news, oldInputs));
      const C = provproto.DiffResponse.DiffChanges;
      const changes: DiffChanges = res.getChanges() === C.DIFF_SOME ? "some" : res.getChanges() === C.DIFF_NONE ? "none" : "unknown";
      return { changes, replaces: res.getReplacesList(), deleteBeforeReplace: res.getDeletebeforereplace() };
    },
    async create(urn, inputs, o = {}) {
      const req = new provproto.CreateRequest();
      req.setUrn(urn);
      req.setProperties(toStruct(inputs));
      req.setPreview(!!o.preview);
      const res = await call("create", req);
      return { id: res.getId(), outs: res.getProperties()?.toJavaScript() ?? {} };
    },
    async read(id, urn, props, inputs) {
      const req = new provproto.ReadRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setProperties(toStruct(props));
      if (inputs) req.setInputs(toStruct(inputs));
      const res = await call("read", req);
      return {
        id: res.getId(),
        props: res.getProperties()?.toJavaScript() ?? {},
        inputs: res.hasInputs() ? res.getInputs().toJavaScript() : undefined,
      };
    },
    async update(id, urn, olds, news, oldInputs) {
      const res = await call("update", changeRequest(new provproto.UpdateRequest(), id, urn, olds, news, oldInputs));
      return { outs: res.getProperties()?.toJavaScript() ?? {} };
    },
    async delete(id, urn, props, oldInputs) {
      const req = new provproto.DeleteRequest();
      req.setId(id);
      req.setUrn(urn);
      req.setProperties(toStruct(props));
      if (oldInputs) req.setOldInputs(toStruct(oldInputs));
      await call("delete", req);
    },
    logs: () => [...lines],
    async stop() {
      client.close();
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}

/** A resource as the engine keeps it in state between operations. */
export interface StateEntry { urn: string; id: string; inputs: Props; outputs: Props }

/** Thrown by the lifecycle helpers when Check returns failures, as the engine stops there. */
export class CheckFailedError extends Error {
  constructor(readonly failures: CheckFailure[]) {
    super(`check failed: ${failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
  }
}

/**
 * The engine's call sequences (step generator), so tests can say "up" instead of wiring RPCs.
 * `provider` is the `__provider` text; `args` are the user's inputs without it.
 */
export class Engine {
  constructor(readonly host: ProviderHost, readonly provider: string) {}

  /** Preview of a new resource: Check only; the host never creates during preview. */
  async preview(urn: string, args: Props, old?: StateEntry) {
    const checked = await this.host.check(urn, old?.inputs ?? {}, { ...args, __provider: this.provider });
    const diff = old && checked.failures.length === 0
      ? await this.host.diff(old.id, urn, old.outputs, checked.inputs, old.inputs)
      : undefined;
    return { ...checked, diff };
  }

  /** `pulumi up` for a new resource: Check(olds={}) then Create with the checked inputs. */
  async create(urn: string, args: Props): Promise<StateEntry> {
    const inputs = await this.checkOrThrow(urn, {}, args);
    const { id, outs } = await this.host.create(urn, inputs);
    return { urn, id, inputs, outputs: outs };
  }

  /**
   * `pulumi up` for an existing resource: Check, Diff, then nothing, Update, or a replace
   * (Create then Delete, or Delete then Create when deleteBeforeReplace).
   */
  async up(old: StateEntry, args: Props): Promise<{ state: StateEntry; step: "same" | "update" | "replace"; diff: DiffOutcome }> {
    const inputs = await this.checkOrThrow(old.urn, old.inputs, args);
    const diff = await this.host.diff(old.id, old.urn, old.outputs, inputs, old.inputs);
    if (diff.changes === "none") return { state: old, step: "same", diff };
    if (diff.replaces.length === 0) {
      const { outs } = await this.host.update(old.id, old.urn, old.outputs, inputs, old.inputs);
      return { state: { ...old, inputs, outputs: outs }, step: "update", diff };
    }
    if (diff.deleteBeforeReplace) await this.host.delete(old.id, old.urn, old.outputs, old.inputs);
    const { id, outs } = await this.host.create(old.urn, inputs);
    if (!diff.deleteBeforeReplace) await this.host.delete(old.id, old.urn, old.outputs, old.inputs);
    return { state: { urn: old.urn, id, inputs, outputs: outs }, step: "replace", diff };
  }

  /** `pulumi refresh`: Read; undefined means the engine drops the resource from state. */
  async refresh(old: StateEntry): Promise<StateEntry | undefined> {
    const r = await this.host.read(old.id, old.urn, old.outputs, old.inputs);
    if (!r.id) return undefined;
    return { urn: old.urn, id: r.id, inputs: r.inputs ?? old.inputs, outputs: r.props };
  }

  /** `pulumi import` / `opts.id`: Read with no properties, only inputs carrying `__provider`. */
  async import(urn: string, id: string, args: Props = {}): Promise<StateEntry | undefined> {
    const inputs = { ...args, __provider: this.provider };
    const r = await this.host.read(id, urn, {}, inputs);
    if (!r.id) return undefined;
    return { urn, id: r.id, inputs: r.inputs ?? inputs, outputs: r.props };
  }

  /** `pulumi destroy`: Delete with the old outputs (which carry the stored `__provider`). */
  async destroy(old: StateEntry): Promise<void> {
    await this.host.delete(old.id, old.urn, old.outputs, old.inputs);
  }

  private async checkOrThrow(urn: string, olds: Props, args: Props): Promise<Props> {
    const { inputs, failures } = await this.host.check(urn, olds, { ...args, __provider: this.provider });
    if (failures.length > 0) throw new CheckFailedError(failures);
    return inputs;
  }
}

/**
 * The set-up every engine test shares: an emulator, a throwaway project with this library in its
 * node_modules (as the engine's shim resolves the host from a user's cwd), and provider host
 * processes started there and configured as the engine configures them. `engine(kind)` drives one
 * resource kind through the current host with its serialized seam; `newHost()` starts the next
 * deployment's host (one process per deployment, as the engine runs them).
 */
export interface HostFixture {
  emulator: EmulatorHandle;
  /** The project directory the hosts run in. */
  dir: string;
  /** The current deployment's host. */
  host: ProviderHost;
  engine(kind: ResourceKind): Promise<Engine>;
  /** Starts and configures another host (the next deployment's); it becomes `host`. */
  newHost(): Promise<ProviderHost>;
  stop(): Promise<void>;
}

export async function startHostFixture(options: EmulatorOptions = {}): Promise<HostFixture> {
  if (!fs.existsSync(path.join(repoRoot(), "dist", "provider", "index.js"))) {
    throw new Error("dist/ is not built: run `npx tsc -p .` before the engine tests");
  }
  const emulator = await startEmulator(options);
  const dir = scratchProject({}, path.join(repoRoot(), "node_modules"));
  fs.symlinkSync(repoRoot(), path.join(dir, "node_modules", "pulumi-tencentcloud-https"), "dir");
  const hosts: ProviderHost[] = [];
  const seamTexts = new Map<ResourceKind, string>();
  const fixture: HostFixture = {
    emulator,
    dir,
    host: undefined as unknown as ProviderHost,
    async engine(kind) {
      if (!seamTexts.has(kind)) seamTexts.set(kind, await serializeProvider(seams[kind]));
      return new Engine(fixture.host, seamTexts.get(kind)!);
    },
    async newHost() {
      const host = await startProviderHost({ cwd: dir });
      hosts.push(host);
      await host.configure(providerConfig(emulator), { secretKeys: ["tencentcloud-https:secretKey"] });
      fixture.host = host;
      return host;
    },
    async stop() {
      while (hosts.length) await hosts.pop()!.stop();
      await emulator.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  await fixture.newHost();
  return fixture;
}
