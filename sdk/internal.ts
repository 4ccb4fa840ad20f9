import * as pulumi from "@pulumi/pulumi";

// Pulumi's dynamic-provider host ignores CreateRequest.timeout, so customTimeouts would never
// reach the handlers. The sdk copies them into the hidden input `__timeouts`, which the
// handlers read (provider/runtime/timeouts.ts) and diff ignores.
export function timeoutsInput(opts?: pulumi.CustomResourceOptions): pulumi.Input<Record<string, string>> | undefined {
  const t = opts?.customTimeouts;
  if (!t) return undefined;
  const out: Record<string, string> = {};
  for (const key of ["create", "update", "delete"] as const) if (t[key]) out[key] = t[key]!;
  return out;
}

/** Module name in the type token: `pulumi-nodejs:dynamic/tencentcloud-https:<Type>`. Stable: part of URNs. */
export const MODULE = "tencentcloud-https";
