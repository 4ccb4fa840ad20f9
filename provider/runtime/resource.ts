// One definition per resource, and the one adapter between it and the engine. A definition gives
// the schema of the arguments (its z.input is what programs write, its z.output the checked inputs
// the handlers get), the state's version and how an older state is brought up to it, the names
// arguments had before, and the handlers, loaded on first use. The adapter turns the engine's
// records into those typed values, once, for every resource:
// - check: hidden inputs set aside, renamed arguments under their new names (with a deprecation
//   warning), the schema's sentences and the resource's own, values unknown at preview never
//   reported as invalid; the inputs it returns are the parsed ones, defaults applied;
// - diff, update, delete, refresh: the old outputs upgraded to the current state version;
// - create: a program's `{ import: id }` (the sdk hands it over as `__import`) adopts instead;
// - read: recorded state is a refresh; anything else (a `get`, which sends the program's props) a
//   lookup of the id at the API;
// - outputs: without undefined (the engine's Struct encoding rejects it), with the state version,
//   the custom timeouts (delete sees only outputs) and, in partial state, the serialized provider.
// docs/reference/pulumi-dynamic-providers.md says what the engine sends in each step.
import type * as pulumi from "@pulumi/pulumi";
import type { z } from "zod";
import type { Context } from "../context";
import type { ResourceRef } from "../ownership";
import { containsUnknown } from "../unknown";
import { withoutUndefined } from "./outputs";
import { PartialStateError } from "./partialState";
import { CustomTimeouts, timeoutFor } from "./timeouts";
import { CheckFailure, validateArgs } from "./validate";

/** A record as the engine hands it over: inputs (which may hold values unknown at preview) or outputs. */
export type EngineRecord = Record<string, any>;

/** The hidden inputs the engine and the sdk add beside the arguments; never validated as arguments. */
export const HIDDEN = {
  /** The serialized provider (the seam); partial state must carry it so the host can load the provider again. */
  provider: "__provider",
  /** The sdk's copy of customTimeouts, which the host drops from its requests (runtime/timeouts.ts). */
  timeouts: "__timeouts",
  /** The resource's name in the program: what it declares at check is recorded under it (ownership.ts). */
  resourceName: "__resourceName",
  /** The stack, "<project>/<stack>": what a LiveCertificate's upload is tagged with. */
  stack: "__stack",
  /** The id of `{ import: id }`: the sdk hands it over so that create adopts what exists. */
  importId: "__import",
  /** The version of the state's layout (outputs only). */
  version: "__version",
} as const;
const HIDDEN_KEYS: ReadonlySet<string> = new Set(Object.values(HIDDEN));

export function withoutHidden(record: EngineRecord): EngineRecord {
  const rest: EngineRecord = {};
  for (const [k, v] of Object.entries(record)) if (!HIDDEN_KEYS.has(k)) rest[k] = v;
  return rest;
}

/** What one create, update or delete knows beside the arguments, from the hidden inputs. */
export interface Operation {
  /** The resource of the program, when the sdk named it. */
  resource?: ResourceRef;
  /** "<project>/<stack>", when the sdk named it. */
  stack?: string;
  /** How long this operation may wait (customTimeouts, default 30 minutes). */
  timeoutMs: number;
}

/** What a resource's own check gets once the schema has spoken. */
export interface CheckInput<Inputs> {
  /** The arguments as given (renamed ones under their new names), without hidden inputs; may hold unknowns. */
  args: EngineRecord;
  /** The parsed arguments, when the schema accepted them (they may still hold unknowns at preview). */
  parsed?: Inputs;
  /** Properties already failed: the resource's check need not say more about them. */
  failed: ReadonlySet<string>;
  /** The resource of the program, when the sdk named it (ownership records). */
  resource?: ResourceRef;
}

/** What a diff found: the arguments (or state fields) that changed, and those that force a replacement. */
export interface Difference {
  changed: string[];
  replaces: string[];
  /** Delete the old one before creating its replacement (default: create first, so nothing goes without). */
  deleteBeforeReplace?: boolean;
}

export interface ResourceHandlers<Inputs, State> {
  /** The failures beyond the schema's: certificate findings, ownership, what the API says. Never writes. */
  check(ctx: Context, input: CheckInput<Inputs>): Promise<CheckFailure[]>;
  /** Against the current state; `news` as given (renamed), which may hold values unknown at preview. */
  diff(ctx: Context, id: string, state: State, news: EngineRecord): Promise<Difference> | Difference;
  create(ctx: Context, inputs: Inputs, op: Operation): Promise<{ id: string; state: State }>;
  /**
   * The create of `{ import: id }`: takes over what exists under `id` as the program declares it.
   * Default: the lookup with the program's arguments, which must show no difference from them.
   */
  adopt?(ctx: Context, id: string, inputs: Inputs, op: Operation): Promise<{ id: string; state: State }>;
  /** Refresh: the state as the API shows it now; undefined when the object is gone. */
  read(ctx: Context, id: string, state: State): Promise<State | undefined>;
  /** A `get` of an object by id, with the program's checked arguments when it gave any; undefined when there is none. */
  lookup(ctx: Context, id: string, program: Inputs | undefined): Promise<State | undefined>;
  update(ctx: Context, id: string, state: State, inputs: Inputs, op: Operation): Promise<State>;
  delete(ctx: Context, id: string, state: State, op: Operation): Promise<void>;
}

export interface ResourceDefinition<Args, Inputs, State> {
  /** The type name: in the type token, in sentences, in ownership records. */
  readonly type: string;
  /** The arguments: z.input is what a program writes, z.output what the handlers get. */
  readonly schema: z.ZodType<Inputs, Args>;
  /** Rules across arguments, silent about values unknown at preview; run with the schema at check and create. */
  readonly argumentRules?: (args: EngineRecord) => CheckFailure[];
  /** Arguments renamed since: old name -> new name. The old names still work, with a warning, until 1.0. */
  readonly renamed?: Readonly<Record<string, string>>;
  /** Outputs named otherwise in version 0: old name -> new name (the sdk reads the old one until a state is rewritten). */
  readonly renamedOutputs?: Readonly<Record<string, string>>;
  /** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
  readonly computed: readonly string[];
  /** The layout version of the state this code writes. */
  readonly version: number;
  /**
   * A state of an older layout (`from`; 0 = written before states carried a version) in the current
   * one, its renamed outputs already under their new names. Pure.
   */
  upgrade(state: EngineRecord, from: number): State;
  /** The arguments a state stands for: what read returns as the resource's inputs. */
  inputsOf(state: State): Partial<Args>;
  /** The id of the object a state describes (a lookup or an adoption answers with it, normalised). */
  idOf(state: State): string;
  /** The handlers, loaded on first use (each deployment runs in a provider process of its own). */
  handlers(): ResourceHandlers<Inputs, State>;
}

/** The handlers the dynamic-provider host calls, without configure. */
export type EngineHandlers = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

export function defineResource<Args, Inputs, State>(definition: ResourceDefinition<Args, Inputs, State>): ResourceDefinition<Args, Inputs, State> {
  return definition;
}

/** `record` with the keys of `renames` (old -> new) under their new names. */
export function renameKeys(record: EngineRecord, renames: Readonly<Record<string, string>> | undefined): EngineRecord {
  const out = { ...record };
  for (const [old, current] of Object.entries(renames ?? {})) {
    if (!(old in out)) continue;
    if (out[current] === undefined) out[current] = out[old];
    delete out[old];
  }
  return out;
}

/** The version a record was written at: outputs carry it; older ones do not. */
function versionOf(record: EngineRecord): number {
  const v = record[HIDDEN.version];
  return typeof v === "number" ? v : 0;
}

/**
 * The arguments under their current names. An old name given alone moves to its new name (said
 * once per check); given beside the new one, it is a failure.
 */
function renamedArgs(def: ResourceDefinition<any, any, any>, args: EngineRecord): { args: EngineRecord; failures: CheckFailure[]; deprecated: string[] } {
  const out = { ...args };
  const failures: CheckFailure[] = [];
  const deprecated: string[] = [];
  for (const [old, current] of Object.entries(def.renamed ?? {})) {
    if (!(old in out)) continue;
    if (out[current] !== undefined && out[old] !== undefined) {
      failures.push({ property: old, reason: `${old} is the former name of ${current}: give ${current} only.` });
    } else if (out[old] !== undefined) {
      out[current] = out[old];
      deprecated.push(`${def.type}: the argument ${old} is now called ${current}; ${old} still works until version 1.0.`);
    }
    delete out[old];
  }
  return { args: out, failures, deprecated };
}

/** The failures of the schema and the argument rules; a property reported once. */
function argumentFailures(def: ResourceDefinition<any, any, any>, args: EngineRecord) {
  const validated = validateArgs(def.schema, args);
  const failures = [...validated.failures];
  const failed = new Set(failures.map((f) => f.property));
  for (const f of def.argumentRules?.(args) ?? []) {
    if (failed.has(f.property)) continue;
    failures.push(f);
    failed.add(f.property);
  }
  return { value: validated.value, hasUnknowns: validated.hasUnknowns, failures, failed };
}

function resourceOf(def: ResourceDefinition<any, any, any>, inputs: EngineRecord | undefined): ResourceRef | undefined {
  const name = inputs?.[HIDDEN.resourceName];
  return typeof name === "string" && name !== "" ? { type: def.type as ResourceRef["type"], name } : undefined;
}

function operationOf(def: ResourceDefinition<any, any, any>, kind: keyof CustomTimeouts, record: EngineRecord | undefined): Operation {
  const stack = record?.[HIDDEN.stack];
  return {
    resource: resourceOf(def, record),
    stack: typeof stack === "string" ? stack : undefined,
    timeoutMs: timeoutFor(kind, record?.[HIDDEN.timeouts] as CustomTimeouts | undefined),
  };
}

/**
 * The checked inputs of create and update. The engine calls them only after check passed, so a
 * failure here is a bug or a skipped check: one sentence, no ZodError.
 */
function parsedInputs<Inputs>(def: ResourceDefinition<any, Inputs, any>, news: EngineRecord): Inputs {
  const { args } = renamedArgs(def, withoutHidden(news));
  const { value, failures } = argumentFailures(def, args);
  if (value === undefined || failures.length > 0 || containsUnknown(value)) {
    const why = failures.map((f) => `${f.property}: ${f.reason}`).join(" ") || "some values are not known yet.";
    throw new Error(`Invalid ${def.type} arguments: ${why}`);
  }
  return value;
}

/** Outputs as the engine stores them: no undefined, the layout version, the timeouts delete will need. */
function outputs(def: ResourceDefinition<any, any, any>, state: object, timeoutsFrom: EngineRecord | undefined): EngineRecord {
  const timeouts = timeoutsFrom?.[HIDDEN.timeouts];
  return withoutUndefined({ ...state, [HIDDEN.version]: def.version, ...(timeouts ? { [HIDDEN.timeouts]: timeouts } : {}) });
}

/** A failure that left something at the API: its state, completed the same way, with the provider so the host can load it again. */
function asPartialState(def: ResourceDefinition<any, any, any>, e: unknown, inputs: EngineRecord): unknown {
  if (!(e instanceof PartialStateError)) return e;
  const properties = { ...outputs(def, e.properties, inputs), [HIDDEN.provider]: inputs[HIDDEN.provider] };
  return new PartialStateError(e.message, e.id, properties, e.reasons);
}

/** Whether props are outputs this provider recorded (a refresh) rather than a program's props (a `get`). */
function isRecordedState(def: ResourceDefinition<any, any, any>, props: EngineRecord | undefined): props is EngineRecord {
  if (!props) return false;
  // States written before the version existed carry their computed outputs, which no program gives.
  const computedThen = [...def.computed, ...Object.keys(def.renamedOutputs ?? {}).filter((k) => !(k in (def.renamed ?? {})))];
  return HIDDEN.version in props || computedThen.some((k) => props[k] !== undefined && props[k] !== null);
}

/** The engine handlers of a definition, working in `ctx` (one per provider process). */
export function engineHandlers<Args, Inputs, State>(def: ResourceDefinition<Args, Inputs, State>, ctx: Context): EngineHandlers {
  let loaded: ResourceHandlers<Inputs, State> | undefined;
  const h = () => (loaded ??= def.handlers());
  const stateOf = (record: EngineRecord | undefined): State => {
    const r = record ?? {};
    const version = versionOf(r);
    if (version === def.version) return withoutHidden(r) as State;
    return def.upgrade(renameKeys(withoutHidden(r), version === 0 ? def.renamedOutputs : undefined), version);
  };

  /** The import's promise: what exists is taken over only when it is what the program declares. */
  const adoptAsFound = async (c: Context, id: string, inputs: Inputs): Promise<{ id: string; state: State }> => {
    const state = await h().lookup(c, id, inputs);
    if (state === undefined) throw new Error(`${def.type} ${id} cannot be imported: it does not exist.`);
    const d = await h().diff(c, def.idOf(state), state, inputs as EngineRecord);
    const differing = [...new Set([...d.replaces, ...d.changed])];
    if (differing.length > 0) {
      throw new Error(`${def.type} ${id} cannot be imported as the program declares it: ${differing.join(", ")} differ. ` +
        "Change the program to what exists, or remove the import option and let `pulumi up` make it so.");
    }
    return { id: def.idOf(state), state };
  };

  return {
    async check(_olds, news) {
      const record = news ?? {};
      const renamed = renamedArgs(def, withoutHidden(record));
      for (const line of renamed.deprecated) ctx.log.warn(line);
      const { value, hasUnknowns, failures, failed } = argumentFailures(def, renamed.args);
      failures.push(...renamed.failures);
      const resource = resourceOf(def, record);
      failures.push(...await h().check(ctx, { args: renamed.args, parsed: value, failed, resource }));
      const hidden = Object.fromEntries(Object.entries(record).filter(([k]) => HIDDEN_KEYS.has(k)));
      const args = value !== undefined && !hasUnknowns && failures.length === 0 ? value : renamed.args;
      return { inputs: { ...hidden, ...(args as EngineRecord) }, failures };
    },

    async diff(id, olds, news) {
      const d = await h().diff(ctx, id, stateOf(olds), renamedArgs(def, withoutHidden(news ?? {})).args);
      return { changes: d.changed.length > 0 || d.replaces.length > 0, replaces: d.replaces, deleteBeforeReplace: d.deleteBeforeReplace ?? false };
    },

    async create(inputs) {
      const parsed = parsedInputs(def, inputs);
      const op = operationOf(def, "create", inputs);
      const importId = inputs[HIDDEN.importId];
      try {
        const { id, state } = typeof importId === "string" && importId !== ""
          ? await (h().adopt ?? adoptAsFound)(ctx, importId, parsed, op)
          : await h().create(ctx, parsed, op);
        return { id, outs: outputs(def, state as object, inputs) };
      } catch (e) {
        throw asPartialState(def, e, inputs);
      }
    },

    async read(id, props) {
      if (isRecordedState(def, props)) {
        const state = await h().read(ctx, id, stateOf(props));
        return state === undefined ? {} : { id, props: outputs(def, state as object, props), inputs: def.inputsOf(state) as EngineRecord };
      }
      // A `get`: the host sends the program's props (with the serialized provider) as the state.
      const program = props ? withoutHidden(props) : {};
      const given = Object.values(program).some((v) => v !== undefined && v !== null);
      const state = await h().lookup(ctx, id, given ? parsedInputs(def, program) : undefined);
      return state === undefined ? {} : { id: def.idOf(state), props: outputs(def, state as object, undefined), inputs: def.inputsOf(state) as EngineRecord };
    },

    async update(id, olds, news) {
      const parsed = parsedInputs(def, news);
      try {
        const state = await h().update(ctx, id, stateOf(olds), parsed, operationOf(def, "update", news));
        return { outs: outputs(def, state as object, news) };
      } catch (e) {
        throw asPartialState(def, e, news);
      }
    },

    async delete(id, props) {
      await h().delete(ctx, id, stateOf(props), operationOf(def, "delete", props));
    },
  };
}
