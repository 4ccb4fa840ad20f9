// The fuzz campaign (issue 24): generated arguments for each of the five resources go through the
// provider's own check against the emulator, and every accepted one (the preview sentinel aside)
// through create and delete. What must hold for every case:
//   - check never throws, and answers a refused input with sentences (a property and a reason);
//   - no failure names a property whose value is unknown at preview;
//   - an accepted input is created without error (FreeCertificateValidation aside: its check asks the
//     API nothing by design, so an id that does not exist fails at create);
//   - no check writes to the API; an input refused for what check judges offline causes no call at
//     all (judged by asking the same check again with credentials the emulator refuses: it still
//     answers without the API, or it throws because it needed it);
//   - no 16-character run of any private key's base64 appears in the failures, the logs, the
//     outputs, the errors, the emulator's request log or its state (bench/lib/secretScan.ts), nor in
//     the serialized provider.
// `npm run fuzz` (bench/fuzz.ts) counts over thousands of cases; test/proof/fuzz.test.ts runs a few
// hundred per resource with fast-check's shrinking.
import fc from "fast-check";
import { createProvider } from "../../../provider";
import { messages } from "../../../provider/messages";
import { PartialStateError } from "../../../provider/runtime/partialState";
import { containsUnknown, isUnknown } from "../../../provider/unknown";
import { seams, type ResourceKind } from "../../../sdk/seam";
import { serializeProvider } from "../../../test/support/engine";
import { startProviderEnv, type ProviderEnv } from "../../../test/support/providerEnv";
import { scanWindows } from "../secretScan";
import { buildMaterial, type Material } from "./material";
import { Args, argumentsOf, prepareCreate, prepareDelete } from "./resources";

export const RESOURCES: ResourceKind[] = ["cdnHttpsConfig", "liveCertificate", "liveDomainBinding", "freeCertificate", "freeCertificateValidation"];

export interface Figures {
  resource: ResourceKind;
  tried: number;
  refused: number;
  accepted: number;
  /** Accepted with a value unknown at preview: a preview, so no create follows. */
  acceptedAtPreview: number;
  /** Accepted inputs taken through create (and delete). */
  created: number;
  /** Of those, creates the API refused or that failed: their errors were searched too. */
  createErrors: number;
  leaks: number;
  throws: number;
  /** Writes during a check (any input), and calls during the check of an input refused offline. */
  apiCallsFromRefused: number;
  /** Failures without a property or a sentence, or on a property whose value is unknown; inputs accepted at check that create failed on. */
  badAnswers: number;
  violations: string[];
}

interface Context { env: ProviderEnv; material: Material; seq: number }

const SENTENCE = /\w+ \w+.*[.)"']$/s;
/** Rules about which arguments are given, not their values: they hold for a value unknown at preview too. */
const PRESENCE_RULES = new Set<string>([messages.certificateFormBoth]);

function valueAt(args: Args, path: string): unknown {
  let v: unknown = args;
  for (const part of path.split(/\.|\[(\d+)\]/).filter(Boolean)) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string, unknown>)[part];
  }
  return v;
}

/** The request log's last sequence number, read from where the last read left off (the log only grows). */
async function lastSeq(ctx: Context): Promise<number> {
  const fresh = await ctx.env.emulator.requests(ctx.seq);
  if (fresh.length > 0) ctx.seq = fresh[fresh.length - 1].seq;
  return ctx.seq;
}

const errorText = (e: unknown) => { const err = e as Error; return `${err?.message}\n${err?.stack}\n${JSON.stringify(e)}`; };

/** The client's own budgets would pace thousands of checks (the emulator's limits are off too): a clock running a million times fast. */
const UNPACED = { now: () => performance.now() * 1e6, random: Math.random };

/** A provider process of its own (nothing shared with the campaign's: no reads in flight, none remembered, nothing declared). */
function freshProvider(settings: Record<string, string>, logs?: ProviderEnv["logs"]) {
  const fresh = createProvider({ pacing: UNPACED, logSink: (level, line) => logs?.push({ level, line }) });
  fresh.configure({ config: { get: (k: string) => settings[k] } });
  return fresh;
}

/**
 * The calls an input refused offline really made: the same check is asked again by a provider whose
 * credentials the emulator refuses (it still answers if it judged without the API, it throws if it
 * needed it), and then, once reads still in flight from earlier cases have landed, alone by another.
 */
async function callsOfOfflineRefusal(ctx: Context, kind: ResourceKind, args: Args): Promise<string[]> {
  const { env } = ctx;
  const good: Record<string, string> = env.config;
  let offline: boolean;
  try {
    const refused = freshProvider({ ...good, "tencentcloud-https:secretKey": `${good["tencentcloud-https:secretKey"]}-wrong` });
    offline = ((await refused[kind].check({}, args)).failures ?? []).length > 0;
  } catch {
    offline = false;
  }
  if (!offline) return [];
  await new Promise((r) => setTimeout(r, 200));
  const since = await lastSeq(ctx);
  await freshProvider(good)[kind].check({}, args);
  return (await env.emulator.requests(since)).map((c) => c.action);
}

const withTimeout = <T>(p: Promise<T>, ms: number, what: string) => Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms).unref())]);

/**
 * Create, then delete, collecting every artefact a key could leak into. The delete runs in a provider
 * process of its own, as `pulumi destroy` does: in the campaign's, the check just declared what the
 * resource uses (provider/ownership.ts), and a delete leaves alone what the deployment still declares.
 */
async function lifecycle(ctx: Context, kind: ResourceKind, args: Args, since: number): Promise<{ sources: { name: string; text: string }[]; failure?: string }> {
  const { env } = ctx;
  const handlers = env.provider[kind];
  const sources: { name: string; text: string }[] = [];
  let failure: string | undefined;
  let created: { id: string; outs?: Record<string, unknown> } | undefined;
  await prepareCreate(kind, args, env.emulator);
  try {
    created = await withTimeout(handlers.create!(args), 30_000, "create");
    sources.push({ name: "outputs", text: JSON.stringify(created) });
  } catch (e) {
    failure = (e as Error)?.message ?? String(e);
    sources.push({ name: "create error", text: errorText(e) });
    if (e instanceof PartialStateError) created = { id: e.id, outs: e.properties as Record<string, unknown> };
  }
  sources.push({ name: "emulator state after create", text: JSON.stringify(await env.emulator.state()) });
  if (created) {
    await prepareDelete(kind, env.emulator);
    try {
      await withTimeout(freshProvider(env.config, env.logs)[kind].delete!(created.id, created.outs), 30_000, "delete");
    } catch (e) {
      sources.push({ name: "delete error", text: errorText(e) });
    }
    sources.push({ name: "emulator state after delete", text: JSON.stringify(await env.emulator.state()) });
  }
  sources.push({ name: "emulator request log", text: JSON.stringify(await env.emulator.requests(since)) });
  return { sources, failure };
}

export interface CaseOutcome { refused: boolean; atPreview: boolean; created: boolean; createFailed: boolean; violations: string[]; leaks: number; throws: number; apiCalls: number; badAnswers: number }

/** One generated input: check (and, when accepted and `create`, create and delete), judged as the file header says. */
export async function runCase(ctx: Context, kind: ResourceKind, args: Args, create: boolean): Promise<CaseOutcome> {
  const { env, material } = ctx;
  const out: CaseOutcome = { refused: false, atPreview: false, created: false, createFailed: false, violations: [], leaks: 0, throws: 0, apiCalls: 0, badAnswers: 0 };
  const since = await lastSeq(ctx);
  env.clearLogs();
  let failures;
  try {
    failures = (await env.provider[kind].check({}, args)).failures ?? [];
  } catch (e) {
    out.throws++;
    out.violations.push(`check threw: ${(e as Error)?.message}`);
    return out;
  }
  const calls = await env.emulator.requests(since);
  const writes = calls.filter((c) => c.write);
  if (writes.length > 0) { out.apiCalls += writes.length; out.violations.push(`check wrote: ${writes.map((w) => w.action).join(", ")}`); }
  const sources = [{ name: "check failures", text: JSON.stringify(failures) }, { name: "provider log (check)", text: env.logs.map((l) => l.line).join("\n") }];

  if (failures.length > 0) {
    out.refused = true;
    for (const f of failures) {
      if (typeof f.property !== "string" || f.property === "" || typeof f.reason !== "string" || !SENTENCE.test(f.reason.trim())) {
        out.badAnswers++; out.violations.push(`not a sentence: ${JSON.stringify(f).slice(0, 300)}`);
      } else if (isUnknown(valueAt(args, f.property)) && !PRESENCE_RULES.has(f.reason)) {
        out.badAnswers++; out.violations.push(`failure on a value unknown at preview: ${f.property}`);
      }
    }
    const reads = calls.length > writes.length ? await callsOfOfflineRefusal(ctx, kind, args) : [];
    if (reads.length > 0) {
      out.apiCalls += reads.length;
      out.violations.push(`refused offline after ${reads.join(", ")}`);
    }
  } else if (containsUnknown(args)) {
    out.atPreview = true;
  } else if (create) {
    out.created = true;
    const life = await lifecycle(ctx, kind, args, since);
    out.createFailed = life.failure !== undefined;
    // A check that asks the API (or, for FreeCertificate, judges all the API would) must not pass what create then fails on.
    if (life.failure !== undefined && kind !== "freeCertificateValidation") {
      out.badAnswers++;
      out.violations.push(`accepted at check, failed at create: ${life.failure.slice(0, 300)}`);
    }
    sources.push(...life.sources, { name: "provider log (create, delete)", text: env.logs.map((l) => l.line).join("\n") });
  }
  const leaks = scanWindows(sources, material.windows);
  if (leaks.length > 0) {
    out.leaks += leaks.length;
    out.violations.push(...leaks.map((l) => `leak: ${l.needle} in ${l.source}, around ${l.context}`));
  }
  return out;
}

/** A provider process and emulator for one resource's cases, seeded with the campaign's material. */
export async function startContext(material: Material): Promise<Context> {
  const env = await startProviderEnv({
    seed: material.seed, deployDelayMs: 0, rateLimits: false,
    // Every accepted FreeCertificate is applied for and deleted again: no quota to run into.
    freeCertificates: { dnsAutoDelayMs: 0, checkIntervalMs: 0, limit: 1_000_000, perMainDomain: 1_000_000 },
  }, { pacing: UNPACED });
  return { env, material, seq: 0 };
}

export async function stopContext(ctx: Context): Promise<void> {
  await ctx.env.stop();
}

export interface CampaignOptions {
  runs: number;
  seed: number;
  resources?: ResourceKind[];
  /** Take every n-th accepted input through create and delete (1: all of them). */
  createEvery?: number;
  onProgress?: (line: string) => void;
}

function tally(f: Figures, o: CaseOutcome, args: Args, index: number): void {
  f.tried++;
  if (o.refused) f.refused++; else f.accepted++;
  if (o.atPreview) f.acceptedAtPreview++;
  if (o.created) f.created++;
  if (o.createFailed) f.createErrors++;
  f.leaks += o.leaks; f.throws += o.throws; f.apiCallsFromRefused += o.apiCalls; f.badAnswers += o.badAnswers;
  if (o.violations.length > 0 && f.violations.length < 20) {
    f.violations.push(`case ${index}: ${o.violations.join("; ")}\n    args: ${JSON.stringify(args).slice(0, 600)}`);
  }
}

/** The campaign: `runs` generated inputs per resource, case i generated from seed `seed + i` (reproducible one by one). */
export async function runCampaign(options: CampaignOptions): Promise<{ figures: Figures[]; seamLeaks: string[] }> {
  const material = buildMaterial();
  const figures: Figures[] = [];
  for (const kind of options.resources ?? RESOURCES) {
    const f: Figures = { resource: kind, tried: 0, refused: 0, accepted: 0, acceptedAtPreview: 0, created: 0, createErrors: 0, leaks: 0, throws: 0, apiCallsFromRefused: 0, badAnswers: 0, violations: [] };
    const arb = argumentsOf(kind, material);
    const ctx = await startContext(material);
    const started = performance.now();
    let acceptedSeen = 0;
    try {
      for (let i = 0; i < options.runs; i++) {
        const [args] = fc.sample(arb, { seed: options.seed + i, numRuns: 1 });
        const willCreate = (acceptedSeen % (options.createEvery ?? 1)) === 0;
        const outcome = await runCase(ctx, kind, args, willCreate);
        if (!outcome.refused && !outcome.atPreview) acceptedSeen++;
        tally(f, outcome, args, i);
        if ((i + 1) % 1000 === 0) options.onProgress?.(`   ${kind}: ${i + 1}/${options.runs} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
      }
    } finally {
      await stopContext(ctx);
    }
    figures.push(f);
  }
  const seamLeaks: string[] = [];
  for (const [kind, seam] of Object.entries(seams)) {
    for (const l of scanWindows([{ name: `serialized provider (${kind})`, text: await serializeProvider(seam) }], material.windows)) seamLeaks.push(`${l.needle} in ${l.source}`);
  }
  return { figures, seamLeaks };
}

const COLUMNS: [string, (f: Figures) => number][] = [
  ["tried", (f) => f.tried], ["refused", (f) => f.refused], ["accepted", (f) => f.accepted], ["at preview", (f) => f.acceptedAtPreview],
  ["created", (f) => f.created], ["create errors", (f) => f.createErrors], ["leaks", (f) => f.leaks], ["throws", (f) => f.throws],
  ["API calls from refused", (f) => f.apiCallsFromRefused], ["bad answers", (f) => f.badAnswers],
];

/** The figures as a Markdown table, one row per resource and a total. */
export function formatFigures(figures: Figures[]): string {
  const rows = [...figures.map((f) => [f.resource, ...COLUMNS.map(([, get]) => String(get(f)))]),
    ["total", ...COLUMNS.map(([, get]) => String(figures.reduce((sum, f) => sum + get(f), 0)))]];
  const header = ["resource", ...COLUMNS.map(([name]) => name)];
  const line = (cells: string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}
