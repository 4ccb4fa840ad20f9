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

/**
 * Every argument wrapped in pulumi.Input, at every level (as SST's components do): a plain value or
 * an output anywhere. Mapped over the provider's types, so their doc comments reach the editor.
 */
export type Inputs<T> = { [K in keyof T]: InputOf<T[K]> };
type InputOf<T> = undefined extends T ? pulumi.Input<Deep<Exclude<T, undefined>>> | undefined : pulumi.Input<Deep<T>>;
// Bracketed so that unions (boolean, literal sets) stay whole instead of distributing.
type Deep<T> = [T] extends [readonly (infer E)[]] ? InputOf<E>[] : [T] extends [object] ? Inputs<T> : T;

/** The resource's outputs as `pulumi.Output`s; the hidden `__timeouts` is not one. */
export type Outputs<T> = { readonly [K in keyof Omit<T, "__timeouts">]-?: pulumi.Output<Omit<T, "__timeouts">[K]> };

/** Compiles only when T is never: `Exhaustive<Exclude<keyof Args, listed>>` proves a key list complete. */
export type Exhaustive<T extends never> = T;

/** Module name in the type token: `pulumi-nodejs:dynamic/tencentcloud-https:<Type>`. Stable: part of URNs. */
export const MODULE = "tencentcloud-https";

/**
 * The props handed to pulumi.dynamic.Resource. Pulumi creates an output only for keys present in
 * props, so every argument key is listed even when the user left it out (its output then carries
 * the provider's default), and every computed output is listed as undefined. A private key is
 * wrapped in pulumi.secret even if the caller forgot. The dynamic provider's check gets no URN, so
 * the resource's name travels as the hidden input `__resourceName` (like `__timeouts`; diff ignores both):
 * within one deployment, check records what each resource declares by it (provider/ownership.ts).
 * `__stack` names the stack, which a LiveCertificate's upload carries as an SSL tag.
 */
export function resourceProps<A extends object>(
  args: A,
  argKeys: readonly (keyof A & string)[],
  outputKeys: readonly string[],
  opts: pulumi.CustomResourceOptions | undefined,
  name: string,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const key of argKeys) props[key] = args[key];
  if (props.privateKey !== undefined) props.privateKey = pulumi.secret(props.privateKey as pulumi.Input<string>);
  for (const key of outputKeys) props[key] = undefined;
  props.__timeouts = timeoutsInput(opts);
  props.__resourceName = name;
  props.__stack = `${pulumi.getProject()}/${pulumi.getStack()}`;
  return props;
}
