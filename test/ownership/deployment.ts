// Deployments as Pulumi's engine runs them, against the provider export in this process: every
// resource still in the program is checked (with its name as the sdk passes it, `__resourceName`), created,
// updated or replaced (create first), concurrently as far as dependencies allow; only then are the
// removed resources and the old halves of replacements deleted. A check failure or a failed step
// ends the deployment before the deletes, and an error carrying partial state (ErrorResourceInitFailed)
// is recorded as the resource's state, as the engine does. One provider process per deployment
// (ProviderEnv.newProcess): nothing of the last one is remembered.
import type { Provider } from "../../provider";
import { PartialStateError } from "../../provider/runtime/partialState";
import type { ProviderEnv } from "../support/providerEnv";

export type Kind = "cdnHttpsConfig" | "liveCertificate" | "liveDomainBinding";
export type Props = Record<string, any>;

/** The seam text the engine stores; the handlers hand it back untouched. */
export const PROVIDER = "serialized-seam";
/** The stack the sdk names in `__stack` ("<project>/<stack>"). */
export const STACK = "proj/dev";

/** A self-owned LiveCertificate of the program. */
export function liveCertificateOf(name: string, chain: { certificate: string; privateKey: string }): Declared {
  return { kind: "liveCertificate", name, args: { certificate: chain.certificate, privateKey: chain.privateKey } };
}

/** A LiveDomainBinding of the program to the certificate of the LiveCertificate `certName`. */
export function bindingTo(name: string, certName: string, domains: string[]): Declared {
  return { kind: "liveDomainBinding", name, dependsOn: [certName], args: (o) => ({ certificateId: o(certName).certificateId, domains }) };
}

/** A resource of the program: its arguments may read the outputs of resources it depends on. */
export interface Declared {
  kind: Kind;
  name: string;
  args: Props | ((outputsOf: (name: string) => Props) => Props);
  dependsOn?: string[];
  /** `{ import: id }`: adopt the existing resource instead of creating it. */
  import?: string;
}

export interface Entry { kind: Kind; name: string; id: string; inputs: Props; outputs: Props }
export type Step = "create" | "update" | "replace" | "same" | "import" | "delete" | "failed";

export interface Result {
  state: Entry[];
  steps: Record<string, Step>;
  /** Check failures by resource name. */
  failures: Record<string, { property: string; reason: string }[]>;
  errors: Record<string, Error>;
  ok: boolean;
}

const key = (e: { kind: Kind; name: string }) => `${e.kind}:${e.name}`;
/** The engine deletes dependents first: bindings, then certificates and CDN configurations. */
const DELETE_ORDER: Kind[] = ["liveDomainBinding", "liveCertificate", "cdnHttpsConfig"];

async function deleteInOrder(provider: Provider, entries: Entry[], steps: Record<string, Step>, errors: Record<string, Error>): Promise<void> {
  for (const kind of DELETE_ORDER) {
    await Promise.all(entries.filter((e) => e.kind === kind).map(async (e) => {
      try {
        await provider[kind].delete(e.id, e.outputs);
        steps[`${e.name} (delete)`] = "delete";
      } catch (err) {
        errors[`${e.name} (delete)`] = err as Error;
      }
    }));
  }
}

/** `pulumi up` of `program` over `state`, in a provider process of its own. */
export function up(env: ProviderEnv, program: Declared[], state: Entry[]): Promise<Result> {
  return runUp(env.newProcess(), program, state);
}

async function runUp(provider: Provider, program: Declared[], state: Entry[]): Promise<Result> {
  const steps: Record<string, Step> = {};
  const failures: Result["failures"] = {};
  const errors: Record<string, Error> = {};
  const next = new Map<string, Entry>();
  const replacedOld: Entry[] = [];
  const done = new Map<string, Promise<Props | undefined>>();
  const byName = new Map(program.map((d) => [d.name, d]));

  const run = async (d: Declared): Promise<Props | undefined> => {
    const deps = await Promise.all((d.dependsOn ?? []).map((n) => done.get(n)!));
    if (deps.some((x) => x === undefined)) return undefined; // a dependency failed: the engine skips this one
    const outputsOf = (n: string) => next.get(key(byName.get(n)!))!.outputs;
    const args = typeof d.args === "function" ? d.args(outputsOf) : d.args;
    const news = { ...args, __resourceName: d.name, __stack: STACK, __provider: PROVIDER };
    const h = provider[d.kind];
    const old = state.find((e) => key(e) === key(d));
    try {
      if (d.import && !old) {
        // The import step: Read with the program's inputs (the host passes them as props), then the
        // engine checks and diffs the program against what was read; any difference fails the import.
        const read = await h.read!(d.import, news);
        if (!read.id) throw new Error(`resource '${d.import}' does not exist`);
        const imported: Entry = { kind: d.kind, name: d.name, id: read.id, inputs: read.inputs ?? news, outputs: { ...read.props, __provider: PROVIDER } };
        const checked = await h.check!(imported.inputs, news);
        if (checked.failures?.length) { failures[d.name] = checked.failures; steps[d.name] = "failed"; return undefined; }
        const diff = await h.diff!(imported.id, imported.outputs, checked.inputs);
        if (diff.changes) throw new Error(`inputs to import do not match the existing resource (${JSON.stringify(diff)})`);
        next.set(key(d), imported);
        steps[d.name] = "import";
        return imported.outputs;
      }
      const checked = await h.check!(old?.inputs ?? {}, news);
      if (checked.failures?.length) { failures[d.name] = checked.failures; steps[d.name] = "failed"; return undefined; }
      const inputs = checked.inputs;
      if (!old) {
        const { id, outs } = await h.create!(inputs);
        next.set(key(d), { kind: d.kind, name: d.name, id, inputs, outputs: { ...outs, __provider: PROVIDER } });
        steps[d.name] = "create";
      } else {
        const diff = await h.diff!(old.id, old.outputs, inputs);
        if (!diff.changes) {
          next.set(key(d), { ...old, inputs });
          steps[d.name] = "same";
        } else if (!diff.replaces?.length) {
          const { outs } = await h.update!(old.id, old.outputs, inputs);
          next.set(key(d), { ...old, inputs, outputs: { ...outs, __provider: PROVIDER } });
          steps[d.name] = "update";
        } else {
          const { id, outs } = await h.create!(inputs);
          next.set(key(d), { kind: d.kind, name: d.name, id, inputs, outputs: { ...outs, __provider: PROVIDER } });
          replacedOld.push(old);
          steps[d.name] = "replace";
        }
      }
      return next.get(key(d))!.outputs;
    } catch (e) {
      errors[d.name] = e as Error;
      steps[d.name] = "failed";
      if (e instanceof PartialStateError) {
        next.set(key(d), { kind: d.kind, name: d.name, id: e.id, inputs: news, outputs: e.properties });
      } else if (old) {
        next.set(key(d), old);
      }
      return undefined;
    }
  };
  for (const d of program) done.set(d.name, run(d));
  await Promise.all(done.values());

  const removed = state.filter((e) => !program.some((d) => key(d) === key(e)));
  const ok = Object.keys(failures).length === 0 && Object.keys(errors).length === 0;
  if (ok) await deleteInOrder(provider, [...removed, ...replacedOld], steps, errors);
  else for (const e of removed) next.set(key(e), e); // not deleted: still in state
  return { state: [...next.values()], steps, failures, errors, ok: ok && Object.keys(errors).length === 0 };
}

/** `pulumi refresh`: Read every resource with its outputs; a resource reported gone leaves state. */
export async function refresh(env: ProviderEnv, state: Entry[]): Promise<Entry[]> {
  const provider = env.newProcess();
  const out: Entry[] = [];
  await Promise.all(state.map(async (e) => {
    const r = await provider[e.kind].read(e.id, e.outputs);
    if (!r.id) return;
    out.push({ ...e, id: r.id, inputs: r.inputs ? { ...r.inputs, __provider: PROVIDER } : e.inputs, outputs: { ...r.props, __provider: PROVIDER } });
  }));
  return out;
}

/** `pulumi destroy`: no checks (nothing is in the program), every resource deleted, dependents first. */
export async function destroy(env: ProviderEnv, state: Entry[]): Promise<Result> {
  const steps: Record<string, Step> = {};
  const errors: Record<string, Error> = {};
  await deleteInOrder(env.newProcess(), state, steps, errors);
  return { state: [], steps, failures: {}, errors, ok: Object.keys(errors).length === 0 };
}

/** A second `up` of an unchanged program must show no change: every check clean, every diff empty. */
export async function expectNoChange(env: ProviderEnv, program: Declared[], state: Entry[]): Promise<Result> {
  const again = await up(env, program, state);
  const changed = Object.entries(again.steps).filter(([, s]) => s !== "same");
  if (changed.length > 0 || !again.ok) {
    const why = [...changed.map(([n, s]) => `${n}: ${s}`), ...Object.entries(again.failures).map(([n, f]) => `${n}: ${JSON.stringify(f)}`),
      ...Object.entries(again.errors).map(([n, e]) => `${n}: ${e.message}`)];
    throw new Error(`the second up is not clean: ${why.join("; ")}`);
  }
  return again;
}

export function describeResult(r: Result): string {
  return JSON.stringify({ steps: r.steps, failures: r.failures, errors: Object.fromEntries(Object.entries(r.errors).map(([k, e]) => [k, e.message])) });
}
