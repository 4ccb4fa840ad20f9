import * as pulumi from "@pulumi/pulumi";
// Types only: the sdk loads no provider code at run time (test/engine/seam.test.ts).
import type {
  ARG_KEYS, COMPUTED_KEYS, LiveDomainBindingArgs as Args, LiveDomainBindingOutputs as State, LiveDomainBindingView,
} from "../provider/liveDomainBinding/shape";
import { Exhaustive, Inputs, MODULE, Outputs, resourceProps } from "./internal";
import { seams } from "./seam";

export type { LiveDomainBindingView };
/** The arguments of LiveDomainBinding; each is documented in provider/liveDomainBinding/shape.ts, its single source. */
export type LiveDomainBindingArgs = Inputs<Args>;
/** What a LiveDomainBinding holds in state. */
export type LiveDomainBindingOutputs = Outputs<State>;

// Literal copies of the provider's key lists (a runtime import would load provider code); the
// `satisfies` clauses and the Exhaustive check fail the build when they drift from shape.ts.
const ARGUMENTS = ["cloudCertId", "domains", "enableHttps"] as const satisfies typeof ARG_KEYS;
const COMPUTED = ["bindings", "boundTo"] as const satisfies typeof COMPUTED_KEYS;
export type _LiveDomainBindingKeysComplete = Exhaustive<Exclude<keyof Args, (typeof ARGUMENTS)[number]>>;

export interface LiveDomainBinding extends LiveDomainBindingOutputs {}

/**
 * Binds CSS playback domains to a certificate (ModifyLiveDomainCertBindings) and turns their HTTPS
 * on; delete unbinds only the domains still bound to that certificate. The id lists the domains;
 * `pulumi import` takes them comma-separated.
 */
export class LiveDomainBinding extends pulumi.dynamic.Resource {
  constructor(name: string, args: LiveDomainBindingArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARGUMENTS, COMPUTED, opts, name);
    super(seams.liveDomainBinding, name, props, { ...opts }, MODULE, "LiveDomainBinding");
  }
}
