import * as pulumi from "@pulumi/pulumi";
import type {
  LiveDomainBindingArgs as Args, LiveDomainBindingDeprecatedArgs as Deprecated, LiveDomainBindingOutputs as State, LiveDomainBindingView,
} from "../provider/liveDomainBinding/definition";
import { Inputs, MODULE, Outputs, ResourceSdk } from "./internal";
import { seams } from "./seam";

export type { LiveDomainBindingView };
/** The arguments of LiveDomainBinding; each is documented in provider/liveDomainBinding/definition.ts, its single source. */
export type LiveDomainBindingArgs = Inputs<Args>;
/** The arguments under their former names (`cloudCertId`), which still work until 1.0. */
export type LiveDomainBindingDeprecatedArgs = Inputs<Deprecated>;
/** What a LiveDomainBinding holds in state. */
export type LiveDomainBindingOutputs = Outputs<State>;

const sdk = new ResourceSdk("liveDomainBinding");

export interface LiveDomainBinding extends LiveDomainBindingOutputs {}

/**
 * Binds CSS playback domains to a certificate (ModifyLiveDomainCertBindings) and turns their HTTPS
 * on; delete unbinds only the domains still bound to that certificate. The id lists the domains,
 * normalised, sorted and comma-separated.
 *
 * ## Example Usage
 *
 * ```ts
 * import { LiveDomainBinding } from "pulumi-tencentcloud-https";
 *
 * new LiveDomainBinding("play-https", {
 *   certificateId: "0VpOXiPz",   // usually liveCertificate.certificateId
 *   domains: ["play1.example.com", "play2.example.com"],
 * });
 * ```
 *
 * ## Import
 *
 * `new LiveDomainBinding(name, args, { import: "play1.example.com,play2.example.com" })` takes over
 * the bindings of those domains when they are bound to the program's certificate.
 */
export class LiveDomainBinding extends pulumi.dynamic.Resource {
  /** An existing binding's state, by its id (the domains, comma-separated), without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): LiveDomainBinding {
    return new LiveDomainBinding(name, undefined as unknown as LiveDomainBindingArgs, { ...opts, id });
  }

  /** Whether `obj` is a LiveDomainBinding, also one made by another copy of this package. */
  static isInstance(obj: unknown): obj is LiveDomainBinding {
    return sdk.isInstance(obj);
  }

  constructor(name: string, args: LiveDomainBindingArgs | LiveDomainBindingDeprecatedArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.liveDomainBinding, name, sdk.props(args, opts, name), sdk.options(opts), MODULE, sdk.type);
    sdk.followRenames(this);
  }
}
