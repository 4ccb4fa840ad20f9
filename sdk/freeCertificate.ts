import * as pulumi from "@pulumi/pulumi";
import type { FreeCertificateArgs as Args, FreeCertificateOutputs as State } from "../provider/freeCertificate/definition";
import { Inputs, MODULE, Outputs, ResourceSdk } from "./internal";
import { seams } from "./seam";

export type { ValidationRecord } from "../provider/freeCertificate/definition";

/** The arguments of FreeCertificate; each is documented in provider/freeCertificate/definition.ts, its single source. */
export type FreeCertificateArgs = Inputs<Args>;
/** What a FreeCertificate holds in state. */
export type FreeCertificateOutputs = Outputs<State>;

const sdk = new ResourceSdk("freeCertificate");

export interface FreeCertificate extends FreeCertificateOutputs {}

/**
 * A free TrustAsia DV certificate for one domain, three months long, from SSL Certificate Management.
 * Create applies for it and (by default) waits until it is issued. Within `renewBeforeDays` of expiry a
 * preview or `up` shows a replacement that renews it, created before the old one is deleted, so a
 * CdnHttpsConfig or LiveDomainBinding `certificateId` taking `certificateId` moves with it.
 * The id is the certificate id. Never outputs a key.
 *
 * ## Example Usage
 *
 * ```ts
 * import { CdnHttpsConfig, FreeCertificate } from "pulumi-tencentcloud-https";
 *
 * const cert = new FreeCertificate("cdn-cert", { domain: "cdn.example.com", keyAlgorithm: "ECC" },
 *   { customTimeouts: { create: "30m" } });
 * new CdnHttpsConfig("cdn-https", { domain: "cdn.example.com", certificateId: cert.certificateId });
 * ```
 *
 * ## Import
 *
 * `new FreeCertificate(name, args, { import: certificateId })` takes over a free certificate that
 * already exists; it counts as adopted and is never deleted.
 */
export class FreeCertificate extends pulumi.dynamic.Resource {
  /** An existing free certificate's state, by its id, without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): FreeCertificate {
    return new FreeCertificate(name, undefined as unknown as FreeCertificateArgs, { ...opts, id });
  }

  /** Whether `obj` is a FreeCertificate, also one made by another copy of this package. */
  static isInstance(obj: unknown): obj is FreeCertificate {
    return sdk.isInstance(obj);
  }

  constructor(name: string, args: FreeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.freeCertificate, name, sdk.props(args, opts, name), sdk.options(opts), MODULE, sdk.type);
    sdk.followRenames(this);
  }
}
