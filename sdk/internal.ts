import * as pulumi from "@pulumi/pulumi";
import { RESOURCES, ResourceKind } from "../provider/registry";
import { HIDDEN } from "../provider/runtime/resource";

/**
 * Every argument wrapped in pulumi.Input, at every level (as SST's components do): a plain value or
 * an output anywhere. Mapped over the provider's types, so their doc comments reach the editor.
 */
export type Inputs<T> = { [K in keyof T]: InputOf<T[K]> };
type InputOf<T> = undefined extends T ? pulumi.Input<Deep<Exclude<T, undefined>>> | undefined : pulumi.Input<Deep<T>>;
// Bracketed so that unions (boolean, literal sets) stay whole instead of distributing.
type Deep<T> = [T] extends [readonly (infer E)[]] ? InputOf<E>[] : [T] extends [object] ? Inputs<T> : T;

/** The resource's outputs as `pulumi.Output`s. */
export type Outputs<T> = { readonly [K in keyof T]-?: pulumi.Output<T[K]> };

/** Module name in the type token: `pulumi-nodejs:dynamic/tencentcloud-https:<Type>`. Stable: part of URNs. */
export const MODULE = "tencentcloud-https";

/**
 * What every sdk class of the registry shares (provider/registry.ts): the props handed to
 * pulumi.dynamic.Resource, the options, and the type token `isInstance` compares.
 */
export class ResourceSdk {
  readonly type: string;
  /** `pulumi-nodejs:dynamic/tencentcloud-https:<Type>`, which dynamic.Resource sets as `__pulumiType`. */
  readonly typeToken: string;
  private readonly argumentKeys: string[];
  private readonly outputKeys: string[];
  private readonly renamedOutputs: [string, string][];

  constructor(readonly kind: ResourceKind, private readonly secretArguments: string[] = []) {
    const definition = RESOURCES[kind];
    this.type = definition.type;
    this.typeToken = `pulumi-nodejs:dynamic/${MODULE}:${definition.type}`;
    const shape = (definition.schema as unknown as { shape: Record<string, unknown> }).shape;
    // Former argument names are passed on too: the provider moves them to their new names.
    this.argumentKeys = [...Object.keys(shape), ...Object.keys(definition.renamed ?? {})];
    this.renamedOutputs = Object.entries(definition.renamedOutputs ?? {});
    this.outputKeys = [...definition.computed, ...this.renamedOutputs.map(([old]) => old).filter((k) => !this.argumentKeys.includes(k))];
  }

  /**
   * A state written before its outputs were renamed keeps the old names until the next refresh or
   * update rewrites it (an upgrade shows no diff, so nothing rewrites it sooner): each renamed
   * output reads the old one while the new one is absent.
   */
  followRenames(resource: pulumi.Resource): void {
    const outputs = resource as unknown as Record<string, pulumi.Output<unknown>>;
    for (const [old, current] of this.renamedOutputs) {
      outputs[current] = pulumi.all([outputs[current], outputs[old]]).apply(([now, before]) => now ?? before);
    }
  }

  /**
   * The props handed to pulumi.dynamic.Resource. Pulumi creates an output only for keys present in
   * props, so every argument key is listed even when the user left it out (its output then carries
   * the provider's default), and every computed output is listed as undefined. A private key is
   * wrapped in pulumi.secret even if the caller forgot. Beside them the hidden inputs (diff ignores
   * them, provider/runtime/resource.ts HIDDEN):
   * - `__timeouts`: customTimeouts, which Pulumi's dynamic-provider host drops from its requests;
   * - `__resourceName`: the dynamic provider's check gets no URN, so the resource's name travels here;
   *   within one deployment, check records what each resource declares by it (provider/ownership.ts);
   * - `__stack`: the stack, which a LiveCertificate's upload carries as an SSL tag;
   * - `__import`: the id of `{ import: id }`, which the engine cannot import for a dynamic resource
   *   (its import step calls Read with no inputs, so the host never finds the provider), so create
   *   adopts it instead.
   */
  props(args: object | undefined, opts: pulumi.CustomResourceOptions | undefined, name: string): Record<string, unknown> {
    const given = (args ?? {}) as Record<string, unknown>;
    const props: Record<string, unknown> = {};
    for (const key of this.argumentKeys) props[key] = given[key];
    for (const key of this.secretArguments) if (props[key] !== undefined) props[key] = pulumi.secret(props[key] as pulumi.Input<string>);
    for (const key of this.outputKeys) props[key] = undefined;
    props[HIDDEN.timeouts] = timeoutsInput(opts);
    props[HIDDEN.resourceName] = name;
    props[HIDDEN.stack] = `${pulumi.getProject()}/${pulumi.getStack()}`;
    props[HIDDEN.importId] = opts?.import;
    return props;
  }

  /** The options: the secret arguments added to the caller's additionalSecretOutputs, and `import` handed over as `__import` instead. */
  options(opts: pulumi.CustomResourceOptions | undefined): pulumi.CustomResourceOptions {
    const { import: _adoptedInstead, ...rest } = opts ?? {};
    const secret = [...new Set([...(rest.additionalSecretOutputs ?? []), ...this.secretArguments])];
    return secret.length > 0 ? { ...rest, additionalSecretOutputs: secret } : rest;
  }

  /** Whether `obj` is a resource of this type, also across copies of this package (as generated sdks check it). */
  isInstance(obj: unknown): boolean {
    return obj !== undefined && obj !== null && (obj as { __pulumiType?: unknown }).__pulumiType === this.typeToken;
  }
}

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
