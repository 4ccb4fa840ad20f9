import * as pulumi from "@pulumi/pulumi";
import { MODULE, resourceProps } from "./internal";
import { seams } from "./seam";

export interface LiveDomainBindingArgs {
  /** The certificate to bind, usually `liveCertificate.cloudCertId`. Changing it rebinds in place. */
  cloudCertId: pulumi.Input<string>;
  /** CSS playback domains covered by the certificate; order, case and trailing dots do not matter. */
  domains: pulumi.Input<pulumi.Input<string>[]>;
  /** Turn HTTPS on (default). When false, only the certificate is updated and each domain keeps its HTTPS state. */
  enableHttps?: pulumi.Input<boolean>;
}

/** One row of the console's certificate view. */
export interface LiveDomainBindingView {
  domain: string;
  httpsEnabled: boolean;
  cloudCertId: string;
  remarks: string;
  source: "self-owned" | "hosted";
  /** ISO 8601 UTC. */
  certExpiresAt?: string;
}

/** Binds CSS playback domains to a certificate (ModifyLiveDomainCertBindings); delete unbinds them. */
const ARG_KEYS = ["cloudCertId", "domains", "enableHttps"] as const satisfies readonly (keyof LiveDomainBindingArgs)[];
const OUTPUT_KEYS = ["bindings"];

export class LiveDomainBinding extends pulumi.dynamic.Resource {
  declare readonly cloudCertId: pulumi.Output<string>;
  /** The bound domains, normalised and sorted. */
  declare readonly domains: pulumi.Output<string[]>;
  declare readonly enableHttps: pulumi.Output<boolean>;
  /** Domain, HTTPS state, certificate, remarks, source and expiration, as the API reports them. */
  declare readonly bindings: pulumi.Output<LiveDomainBindingView[]>;

  constructor(name: string, args: LiveDomainBindingArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARG_KEYS, OUTPUT_KEYS, opts);
    super(seams.liveDomainBinding, name, props, { ...opts }, MODULE, "LiveDomainBinding");
  }
}
