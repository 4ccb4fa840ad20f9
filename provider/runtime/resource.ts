// One definition per resource, and the one adapter between it and the engine. A definition gives
// the schema of the arguments (its z.input is what programs write, its z.output the checked inputs
// the handlers get), the state's version and how an older state is brought up to it, the names
// arguments had before, and the handlers, loaded on first use. The adapter turns the engine's
// records into those typed values, once, for every resource:
// - check: hidden inputs set aside, renamed arguments under their new names (with a deprecation
//   warning), the schema's sentences and the resource's own, values unknown at preview never
//   reported as invalid; the inputs it returns are the parsed ones, defaults applied;
// - diff, update, delete, refresh: the old outputs upgraded to the current state version;
// - create: a program's `{ import: id }` (the sdk hands it over as `__import`) adopts instead,
//   when every argument is as declared (check says what differs already at preview);
// - read: recorded state is a refresh; anything else (a `get`, which sends the program's props) a
//   lookup of the id at the API;
// - outputs: without undefined (the engine's Struct encoding rejects it), with the state version,
//   the custom timeouts (delete sees only outputs) and, in partial state, the serialized provider;
// - the account: every resource takes an optional `assumeRole` (a role in another account, assumed
//   with the configured identity), checked by one schema here, kept in its state so refresh and
//   delete act in the same account, and reports `accountId` (sts:GetCallerIdentity); the handlers
//   get that account's context and never see either. Another account is a replacement.
// docs/reference/pulumi-dynamic-providers.md says what the engine sends in each step.
import type * as pulumi from "@pulumi/pulumi";
import { z } from "zod";
import type { Accounts, Context } from "../context";
import { roleAccount } from "../credentials/build";
import { assumeRoleArg, type AssumeRoleArgs } from "./argumentSchemas";
import { messages } from "../messages";
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

/** What every resource has beside its own arguments and outputs: the account it acts in. */
export const ACCOUNT = {
  /** The argument: a role in another account, assumed with the configured identity (kept in state for refresh and delete). */
  assumeRole: "assumeRole",
  /** The output: the UIN of the account the resource is in. */
  accountId: "accountId",
} as const;
const ACCOUNT_KEYS: ReadonlySet<string> = new Set(Object.values(ACCOUNT));
const accountSchema = z.object({ [ACCOUNT.assumeRole]: assumeRoleArg().optional() });

export function withoutHidden(record: EngineRecord): EngineRecord {
  const rest: EngineRecord = {};
  for (const [k, v] of Object.entries(record)) if (!HIDDEN_KEYS.has(k) && !ACCOUNT_KEYS.has(k)) rest[k] = v;
  return rest;
}

/** A record's assumeRole, as given (may hold unknowns at preview), or undefined. */
function assumeRoleIn(record: EngineRecord | undefined): AssumeRoleArgs | undefined {
  const v = record?.[ACCOUNT.assumeRole];
  return v === undefined || v === null ? undefined : (v as AssumeRoleArgs);
}

/** The checked assumeRole of a record (create, update: check passed before). */
function parsedAssumeRole(record: EngineRecord | undefined): AssumeRoleArgs | undefined {
  const given = assumeRoleIn(record);
  return given === undefined ? undefined : assumeRoleArg().parse(given);
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
  /**
   * Properties already failed: the resource's check need not say more about them, and never sends
   * their values to the API; it still judges and asks about the others (every problem at once).
   */
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
  /**
   * The failures beyond the schema's: certificate findings, ownership, what the API says. Never
   * writes. For one argument, what a domain is (exists, eligible) before what a certificate says of it.
   */
  check(ctx: Context, input: CheckInput<Inputs>): Promise<CheckFailure[]>;
  /**
   * Against the current state; `news` as given (renamed), which may hold values unknown at preview.
   * `resource` is the resource of the program, when the sdk named it: a note for the create of a
   * replacement is left under it (context.ts HandOvers), never under what the resource is for.
   */
  diff(ctx: Context, id: string, state: State, news: EngineRecord, resource?: ResourceRef): Promise<Difference> | Difference;
  create(ctx: Context, inputs: Inputs, op: Operation): Promise<{ id: string; state: State }>;
  /**
   * The create of `{ import: id }`: takes over what exists under `id` as the program declares it.
   * Default (adoptAsFound below): the lookup with the program's arguments, which must show no
   * difference in any argument.
   */
  adopt?(ctx: Context, id: string, inputs: Inputs, op: Operation): Promise<{ id: string; state: State }>;
  /**
   * How an import says what differs in an argument where its two values would not do (certificate
   * material, which the API describes otherwise); undefined: both values, as JSON.
   */
  describeDifference?(argument: string, found: State, declared: Inputs): string | undefined;
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

/** The argument a failure's property belongs to: "domains" for "domains[2]", "hsts" for "hsts.maxAge". */
const argumentOf = (property: string): string => property.split(/[.[]/, 1)[0];

/**
 * The failures in the order of the arguments (the schema's), a failure about the arguments as a
 * whole first; for one argument in the order found: the schema's and the argument rules' first, then
 * the resource's check, which says what a domain is before what a certificate says about it.
 */
function inArgumentOrder(def: ResourceDefinition<any, any, any>, failures: CheckFailure[]): CheckFailure[] {
  const names = Object.keys((def.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {});
  const renamed = def.renamed ?? {};
  const rank = (f: CheckFailure): number => {
    const name = argumentOf(f.property);
    const at = names.indexOf(renamed[name] ?? name);
    return at >= 0 ? at : f.property.startsWith("(") ? -1 : names.length;
  };
  return failures.map((f, i) => ({ f, i, r: rank(f) })).sort((a, b) => a.r - b.r || a.i - b.i).map(({ f }) => f);
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

/** The account part of the outputs: the role assumed (refresh and delete act with it) and the account's UIN. */
interface AccountOutputs { assumeRole?: AssumeRoleArgs; accountId?: string }

/** Outputs as the engine stores them: no undefined, the layout version, the timeouts delete will need, the account. */
function outputs(def: ResourceDefinition<any, any, any>, state: object, timeoutsFrom: EngineRecord | undefined, account: AccountOutputs = {}): EngineRecord {
  const timeouts = timeoutsFrom?.[HIDDEN.timeouts];
  return withoutUndefined({ ...state, ...account, [HIDDEN.version]: def.version, ...(timeouts ? { [HIDDEN.timeouts]: timeouts } : {}) });
}

/** The account's outputs in `ctx`: asked before anything is written, so credentials that fail stop the step cleanly. */
async function accountOutputs(ctx: Context, assumeRole: AssumeRoleArgs | undefined): Promise<AccountOutputs> {
  return { ...(assumeRole ? { assumeRole } : {}), accountId: await ctx.accountId() };
}

/** A failure that left something at the API: its state, completed the same way, with the provider so the host can load it again. */
function asPartialState(def: ResourceDefinition<any, any, any>, e: unknown, inputs: EngineRecord, account: AccountOutputs): unknown {
  if (!(e instanceof PartialStateError)) return e;
  const properties = { ...outputs(def, e.properties, inputs, account), [HIDDEN.provider]: inputs[HIDDEN.provider] };
  return new PartialStateError(e.message, e.id, properties, e.reasons);
}

/** Whether props are outputs this provider recorded (a refresh) rather than a program's props (a `get`). */
function isRecordedState(def: ResourceDefinition<any, any, any>, props: EngineRecord | undefined): props is EngineRecord {
  if (!props) return false;
  // States written before the version existed carry their computed outputs, which no program gives.
  const computedThen = [...def.computed, ...Object.keys(def.renamedOutputs ?? {}).filter((k) => !(k in (def.renamed ?? {})))];
  return HIDDEN.version in props || computedThen.some((k) => props[k] !== undefined && props[k] !== null);
}

/**
 * Whether moving from `olds` to `news` changes the account: a role in another account, or a role
 * added or removed where the configured identity's account is another. Undefined: not known yet.
 */
async function accountChanges(accounts: Accounts, olds: EngineRecord, news: EngineRecord): Promise<boolean | undefined> {
  const before = assumeRoleIn(olds);
  const after = assumeRoleIn(news);
  if (containsUnknown(after)) return undefined;
  if (!before && !after) return false;
  const base = () => accounts.forAccount(undefined).accountId();
  const was = before ? roleAccount(before.roleArn) : (olds[ACCOUNT.accountId] as string | undefined) ?? await base();
  const will = after ? roleAccount(after.roleArn) : await base();
  return was !== will;
}

/** Why `{ import: id }` cannot take over anything: nothing there, or nothing of this kind to take over. */
export class NotImportableError extends Error {}

/** What `{ import: id }` found: the object's state and id, the diff against the program, the arguments that differ. */
interface Adoption<State> { id: string; state: State; difference: Difference; mismatched: { argument: string; phrase: string }[] }

/** The id of `{ import: id }`, when the sdk handed one over. */
function importIdOf(record: EngineRecord): string | undefined {
  const id = record[HIDDEN.importId];
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** A value as an import's sentence shows it: JSON, never PEM text. */
function shownValue(value: unknown): string {
  if (value === undefined || value === null) return "not set";
  if (typeof value === "string" && value.includes("-----BEGIN")) return "PEM text";
  return JSON.stringify(value);
}

/** The engine handlers of a definition, working in the contexts of `accounts` (one per provider process). */
export function engineHandlers<Args, Inputs, State>(def: ResourceDefinition<Args, Inputs, State>, accounts: Accounts): EngineHandlers {
  let loaded: ResourceHandlers<Inputs, State> | undefined;
  const argumentKeys: ReadonlySet<string> = new Set(Object.keys((def.schema as unknown as { shape: Record<string, unknown> }).shape));
  const h = () => (loaded ??= def.handlers());
  const stateOf = (record: EngineRecord | undefined): State => {
    const r = record ?? {};
    const version = versionOf(r);
    if (version === def.version) return withoutHidden(r) as State;
    return def.upgrade(renameKeys(withoutHidden(r), version === 0 ? def.renamedOutputs : undefined), version);
  };

  /** What `{ import: id }` finds under `importId`, and each argument that differs from the program's, as a phrase. */
  const findAdoption = async (c: Context, importId: string, inputs: Inputs): Promise<Adoption<State>> => {
    const state = await h().lookup(c, importId, inputs);
    if (state === undefined) throw new NotImportableError(messages.importNotFound(def.type, importId));
    const id = def.idOf(state);
    const difference = await h().diff(c, id, state, inputs as EngineRecord);
    const mismatched = [...new Set([...difference.replaces, ...difference.changed])].filter((k) => argumentKeys.has(k)).map((argument) => ({
      argument,
      phrase: h().describeDifference?.(argument, state, inputs)
        ?? messages.importDifference(shownValue((state as EngineRecord)[argument]), shownValue((inputs as EngineRecord)[argument])),
    }));
    return { id, state, difference, mismatched };
  };

  /**
   * The import's promise: what exists is taken over only when every argument is what the program
   * declares; otherwise one sentence names each differing argument, and nothing is written (check
   * says so at preview already; create says it again should anything have changed since). What
   * differs beyond the arguments is the object's condition (a certificate still awaiting
   * validation, a deployment in flight): it is brought to the declared one as the next `up` would
   * (update), unless only a replacement would (a renewal due), which the next `up` then makes.
   */
  const adoptAsFound = async (c: Context, importId: string, inputs: Inputs, op: Operation): Promise<{ id: string; state: State }> => {
    const { id, state, difference, mismatched } = await findAdoption(c, importId, inputs);
    if (mismatched.length > 0) throw new Error(messages.importMismatch(def.type, importId, mismatched.map((m) => `${m.argument}: ${m.phrase}`)));
    if (difference.changed.length > 0 && difference.replaces.length === 0) return { id, state: await h().update(c, id, state, inputs, op) };
    return { id, state };
  };

  /** At check of a new resource with `{ import: id }`: why it cannot be adopted, one failure per differing argument. */
  const adoptionFailures = async (c: Context, importId: string, inputs: Inputs): Promise<CheckFailure[]> => {
    if (h().adopt) return []; // a resource's own adoption judges at create
    try {
      const { mismatched } = await findAdoption(c, importId, inputs);
      return mismatched.map((m) => ({ property: m.argument, reason: messages.importMismatch(def.type, importId, [m.phrase]) }));
    } catch (e) {
      if (e instanceof NotImportableError) return [{ property: "(import)", reason: e.message }];
      throw e;
    }
  };

  return {
    async check(_olds, news) {
      const record = news ?? {};
      const renamed = renamedArgs(def, withoutHidden(record));
      for (const line of renamed.deprecated) accounts.log.warn(line);
      const { value, hasUnknowns, failures, failed } = argumentFailures(def, renamed.args);
      failures.push(...renamed.failures);
      const account = validateArgs(accountSchema, { [ACCOUNT.assumeRole]: assumeRoleIn(record) });
      failures.push(...account.failures);
      const resource = resourceOf(def, record);
      // Everything the resource's own check asks is asked of its account: not before that is known.
      if (account.failures.length === 0 && !account.hasUnknowns) {
        const ctx = accounts.forAccount(account.value?.assumeRole);
        failures.push(...await h().check(ctx, { args: renamed.args, parsed: value, failed, resource }));
        // The import option counts only for a resource not in state yet (olds are empty then).
        const importId = importIdOf(record);
        if (importId !== undefined && Object.keys(_olds ?? {}).length === 0 && value !== undefined && !hasUnknowns && failures.length === 0) {
          failures.push(...await adoptionFailures(ctx, importId, value));
        }
      }
      const hidden = Object.fromEntries(Object.entries(record).filter(([k]) => HIDDEN_KEYS.has(k)));
      const args = value !== undefined && !hasUnknowns && failures.length === 0 ? value : renamed.args;
      const assumeRole = account.value?.assumeRole ?? assumeRoleIn(record);
      return { inputs: { ...hidden, ...(args as EngineRecord), ...(assumeRole ? { [ACCOUNT.assumeRole]: assumeRole } : {}) }, failures: inArgumentOrder(def, failures) };
    },

    async diff(id, olds, news) {
      const moved = await accountChanges(accounts, olds ?? {}, news ?? {});
      if (moved !== false) return { changes: true, replaces: [ACCOUNT.assumeRole], deleteBeforeReplace: false };
      const ctx = accounts.forAccount(assumeRoleIn(olds));
      const d = await h().diff(ctx, id, stateOf(olds), renamedArgs(def, withoutHidden(news ?? {})).args, resourceOf(def, news));
      // The same account under other session settings: an update that only records them (delete needs them).
      const session = JSON.stringify(assumeRoleIn(olds) ?? null) !== JSON.stringify(assumeRoleIn(news) ?? null);
      return { changes: d.changed.length > 0 || d.replaces.length > 0 || session, replaces: d.replaces, deleteBeforeReplace: d.deleteBeforeReplace ?? false };
    },

    async create(inputs) {
      const parsed = parsedInputs(def, inputs);
      const op = operationOf(def, "create", inputs);
      const importId = importIdOf(inputs);
      const assumeRole = parsedAssumeRole(inputs);
      const ctx = accounts.forAccount(assumeRole);
      const account = await accountOutputs(ctx, assumeRole);
      try {
        const { id, state } = importId !== undefined
          ? await (h().adopt ?? adoptAsFound)(ctx, importId, parsed, op)
          : await h().create(ctx, parsed, op);
        return { id, outs: outputs(def, state as object, inputs, account) };
      } catch (e) {
        throw asPartialState(def, e, inputs, account);
      }
    },

    async read(id, props) {
      if (isRecordedState(def, props)) {
        const assumeRole = assumeRoleIn(props);
        const ctx = accounts.forAccount(assumeRole);
        const state = await h().read(ctx, id, stateOf(props));
        if (state === undefined) return {};
        return { id, props: outputs(def, state as object, props, await accountOutputs(ctx, assumeRole)), inputs: { ...def.inputsOf(state), ...(assumeRole ? { [ACCOUNT.assumeRole]: assumeRole } : {}) } as EngineRecord };
      }
      // A `get`: the host sends the program's props (with the serialized provider) as the state.
      const program = props ? withoutHidden(props) : {};
      const assumeRole = parsedAssumeRole(props);
      const ctx = accounts.forAccount(assumeRole);
      const given = Object.values(program).some((v) => v !== undefined && v !== null);
      const state = await h().lookup(ctx, id, given ? parsedInputs(def, program) : undefined);
      if (state === undefined) return {};
      return { id: def.idOf(state), props: outputs(def, state as object, undefined, await accountOutputs(ctx, assumeRole)), inputs: { ...def.inputsOf(state), ...(assumeRole ? { [ACCOUNT.assumeRole]: assumeRole } : {}) } as EngineRecord };
    },

    async update(id, olds, news) {
      const parsed = parsedInputs(def, news);
      const assumeRole = parsedAssumeRole(news);
      const ctx = accounts.forAccount(assumeRole);
      const account = await accountOutputs(ctx, assumeRole);
      const old = stateOf(olds);
      // Only the session settings of the same account changed: nothing to write, they are recorded.
      const d = await h().diff(ctx, id, old, renamedArgs(def, withoutHidden(news)).args);
      if (d.changed.length === 0 && d.replaces.length === 0) return { outs: outputs(def, old as object, news, account) };
      try {
        const state = await h().update(ctx, id, old, parsed, operationOf(def, "update", news));
        return { outs: outputs(def, state as object, news, account) };
      } catch (e) {
        throw asPartialState(def, e, news, account);
      }
    },

    async delete(id, props) {
      await h().delete(accounts.forAccount(assumeRoleIn(props)), id, stateOf(props), operationOf(def, "delete", props));
    },
  };
}
