// Runs a Pulumi program under `pulumi.runtime.setMocks`, acting as a small engine for dynamic
// resources: each `pulumi-nodejs:dynamic/...` registration has its secrets unwrapped, its
// `__provider` text deserialized (the real serialized seam, loaded as the dynamic-provider host
// loads it), configured like the engine's Configure, then checked and created against the
// emulator. The program's exports are returned once every registration has settled.
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { repoRoot } from "../support/packed";

const requireFromString = require("require-from-string");

const SIG_KEY = "4dabf18193072939515e22adb298388d";
const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** Mock inputs carry secrets as `{sig: secret, value}`; the engine would send plaintext. */
export function unwrapSecrets(v: any): any {
  if (Array.isArray(v)) return v.map(unwrapSecrets);
  if (v && typeof v === "object") {
    if (v[SIG_KEY] === SECRET_SIG) return unwrapSecrets(v.value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, unwrapSecrets(x)]));
  }
  return v;
}

/**
 * The host loads `__provider` with require-from-string and resolves its requires from the host's
 * cwd (the user's project). In this repo the package resolves by self-reference only from a file
 * inside the repo, so the module is given a filename there.
 */
function deserializeProvider(text: string): pulumi.dynamic.ResourceProvider {
  return requireFromString(text, path.join(repoRoot(), "__provider.js")).handler();
}

/**
 * The deserialized seam loads the provider from dist/ (the package entry), whose one provider of
 * the process writes its lines to stdout and stderr as in the host, behind its prefix. They are
 * taken here instead of printed; returns a function restoring the console.
 */
function captureProviderLogs(lines: string[]): () => void {
  const { log, error } = console;
  const take = (level: string, fallback: (...a: unknown[]) => void) => (...args: unknown[]) => {
    const text = args.map(String).join(" ");
    const m = /^\[tencentcloud-https\] (?:warning: )?(.*)$/s.exec(text);
    if (m) lines.push(`${level}: ${m[1]}`);
    else fallback(...args);
  };
  console.log = take("info", log);
  console.error = take("warn", error);
  return () => { console.log = log; console.error = error; };
}

export interface RegisteredResource { type: string; name: string; id: string; inputs: Record<string, any>; outs: Record<string, any> }

export interface ProgramRun {
  exports: Record<string, unknown>;
  resources: RegisteredResource[];
  /** The provider's log lines during the run. */
  logs: string[];
}

export interface RunProgramOptions {
  /** The program module (resolved with require). */
  program: string;
  /** The project name from its Pulumi.yaml: config keys are `${project}:key`. */
  project: string;
  config: Record<string, string>;
  /** What the engine would pass to Configure: the provider's credentials and endpoint. */
  providerConfig: Record<string, string>;
}

function resolveOutput(value: unknown): Promise<unknown> {
  return pulumi.Output.isInstance(value) ? new Promise((r) => (value as pulumi.Output<unknown>).apply(r)) : Promise.resolve(value);
}

export async function runProgram(opts: RunProgramOptions): Promise<ProgramRun> {
  const resources: RegisteredResource[] = [];
  const errors: Error[] = [];
  const pending = new Set<Promise<unknown>>();
  const logs: string[] = [];
  const restoreLogs = captureProviderLogs(logs);
  try {
    return await runCaptured(opts, resources, errors, pending, logs);
  } finally {
    restoreLogs();
  }
}

async function runCaptured(opts: RunProgramOptions, resources: RegisteredResource[], errors: Error[],
  pending: Set<Promise<unknown>>, logs: string[]): Promise<ProgramRun> {

  async function createDynamic(args: pulumi.runtime.MockResourceArgs) {
    const inputs = unwrapSecrets(args.inputs);
    const provider = deserializeProvider(inputs.__provider);
    await provider.configure?.({ config: { get: (k: string) => opts.providerConfig[k], require: (k: string) => opts.providerConfig[k] } });
    const checked = await provider.check!({}, inputs);
    if (checked.failures?.length) {
      throw new Error(`${args.name}: check failed: ${checked.failures.map((f) => `${f.property}: ${f.reason}`).join("; ")}`);
    }
    const { id, outs } = await provider.create(checked.inputs ?? inputs);
    resources.push({ type: args.type, name: args.name, id, inputs, outs: outs ?? {} });
    return { id, state: { ...outs, __provider: inputs.__provider } };
  }

  await pulumi.runtime.setMocks({
    newResource(args) {
      if (!args.type.startsWith("pulumi-nodejs:dynamic/")) return { id: `${args.name}-id`, state: args.inputs };
      const p = createDynamic(args).catch((e: Error) => { errors.push(e); throw e; });
      pending.add(p);
      p.then(() => pending.delete(p), () => pending.delete(p));
      return p;
    },
    call: (args) => args.inputs,
  }, opts.project, "test", false);
  pulumi.runtime.setAllConfig(Object.fromEntries(Object.entries(opts.config).map(([k, v]) => [`${opts.project}:${k}`, v])));

  const program = require(opts.program) as Record<string, unknown>;
  // Registrations may start late (inside applies), so wait until nothing new is pending.
  for (let quiet = 0; quiet < 3;) {
    await new Promise((r) => setTimeout(r, 5));
    if (pending.size === 0) { quiet++; continue; }
    quiet = 0;
    await Promise.allSettled([...pending]);
  }
  if (errors.length > 0) throw new Error(errors.map((e) => e.message).join("\n"));
  const exports: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(program)) exports[k] = await resolveOutput(v);
  return { exports, resources, logs };
}
