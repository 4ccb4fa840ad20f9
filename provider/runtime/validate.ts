import type { z } from "zod";
import { argumentContentFailures } from "../rules/argumentContent";
import { containsUnknown, isUnknown } from "../unknown";
import type { CustomTimeouts } from "./timeouts";

export interface CheckFailure { property: string; reason: string }

/**
 * Keys the engine or our sdk adds beside the user's arguments (`__resourceName`, `__stack`: the
 * resource's name and stack, for provider/ownership.ts); never validated as arguments.
 */
export const RESERVED_KEYS = ["__provider", "__timeouts", "__resourceName", "__stack"] as const;

export function withoutReserved(inputs: Record<string, unknown>): Record<string, unknown> {
  const rest = { ...inputs };
  for (const key of RESERVED_KEYS) delete rest[key];
  return rest;
}

/**
 * Whether the value an issue is about is not fully known yet: it is unknown, lies under an unknown,
 * or (below the top level) holds one, like a list with one computed entry whose rule needs them all.
 */
function concernsUnknown(root: unknown, path: PropertyKey[]): boolean {
  let current = root;
  for (const key of path) {
    if (isUnknown(current)) return true;
    if (current === null || typeof current !== "object") return false;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return path.length > 0 ? containsUnknown(current) : isUnknown(current);
}

export interface Validated<T> {
  /** The parsed arguments when valid. With hasUnknowns, some fields may hold the unknown sentinel. */
  value?: T;
  failures: CheckFailure[];
  /** Some values are not known yet (preview): checks that need them must be skipped, not failed. */
  hasUnknowns: boolean;
}

/**
 * Validates user arguments with a zod schema, as a Pulumi `check` must: values still unknown at
 * preview (the engine's sentinel string) are not reported as invalid, every other problem becomes
 * a CheckFailure naming the property. The rules on every argument's content come first (too large,
 * a private key outside privateKey: rules/argumentContent.ts); the schema adds none for those properties.
 */
export function validateArgs<T>(schema: z.ZodType<T>, inputs: Record<string, unknown>): Validated<T> {
  const args = withoutReserved(inputs);
  const hasUnknowns = containsUnknown(args);
  const failures = argumentContentFailures(args);
  const result = schema.safeParse(args);
  if (result.success && failures.length === 0) return { value: result.data, failures, hasUnknowns };
  const judged = new Set(failures.map((f) => f.property));
  for (const issue of result.error?.issues ?? []) {
    const property = issue.path.map(String).join(".") || "(arguments)";
    if (concernsUnknown(args, issue.path) || judged.has(property)) continue;
    failures.push({ property, reason: issue.message });
  }
  return { failures, hasUnknowns };
}

/**
 * A check that only validates the arguments: the schema's defaults become inputs (so state and
 * diff see what was asked for), unless values are still unknown (preview), when the inputs stay as given.
 */
export function checkArgs<T extends object>(schema: z.ZodType<T>, news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  const { value, failures, hasUnknowns } = validateArgs(schema, news);
  return { inputs: value && !hasUnknowns ? { ...news, ...value } : news, failures };
}

/** The engine's and the sdk's hidden inputs, carried beside the arguments into outputs and partial state. */
export interface Reserved {
  /** The serialized provider; partial state must carry it so the host can load the provider again. */
  __provider?: unknown;
  /** The sdk's copy of customTimeouts (see runtime/timeouts.ts). */
  __timeouts?: CustomTimeouts;
  /** The stack the program runs in, "<project>/<stack>": what a LiveCertificate's upload is tagged with. */
  __stack?: string;
}

export function reservedOf(inputs: Record<string, unknown> | undefined): Reserved {
  return {
    __provider: inputs?.__provider,
    __timeouts: inputs?.__timeouts as CustomTimeouts | undefined,
    __stack: typeof inputs?.__stack === "string" ? inputs.__stack : undefined,
  };
}

/**
 * The inputs of create/update as the resolved arguments (defaults applied). The engine calls them
 * only after check passed, so a failure here is a bug or a skipped check: one sentence, no ZodError.
 */
export function resolveInputs<T>(resource: string, schema: z.ZodType<T>, inputs: Record<string, unknown>, extra: CheckFailure[] = []): T {
  const v = validateArgs(schema, inputs);
  const failures = [...v.failures, ...extra];
  if (v.value === undefined || failures.length > 0 || containsUnknown(v.value)) {
    const why = failures.map((f) => `${f.property}: ${f.reason}`).join(" ") || "some values are not known yet.";
    const subject = typeof inputs.domain === "string" ? ` for ${inputs.domain}` : "";
    throw new Error(`Invalid ${resource} arguments${subject}: ${why}`);
  }
  return v.value;
}

/**
 * A record as the engine hands it over: new inputs (may hold values unknown at preview) or old
 * outputs. Only the adapters (<resource>/index.ts) and diff, which must see unknowns, take one.
 */
export type EngineRecord = Record<string, any>;
