import type { z } from "zod";
import { argumentContentFailures } from "../rules/argumentContent";
import { containsUnknown, isUnknown } from "../unknown";

export interface CheckFailure { property: string; reason: string }

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
export function validateArgs<T>(schema: z.ZodType<T>, args: Record<string, unknown>): Validated<T> {
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
