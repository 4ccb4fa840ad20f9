import * as pulumi from "@pulumi/pulumi";
import type { LiveCertificateArgs as Args, LiveCertificateDeprecatedArgs as Deprecated, LiveCertificateOutputs as State } from "../provider/liveCertificate/definition";
import { Inputs, MODULE, Outputs, ResourceSdk } from "./internal";
import { seams } from "./seam";

/** The arguments of LiveCertificate; each is documented in provider/liveCertificate/definition.ts, its single source. */
export type LiveCertificateArgs = Inputs<Args & Deprecated>;
/** What a LiveCertificate holds in state. */
export type LiveCertificateOutputs = Outputs<State>;

const sdk = new ResourceSdk("liveCertificate", ["privateKey"]);

export interface LiveCertificate extends LiveCertificateOutputs {}

/**
 * A certificate for CSS (live streaming) playback domains, kept in SSL Certificate Management.
 * Give either `certificate` + `privateKey` (self-owned: uploaded, deleted with the resource) or
 * `certificateId` (Tencent Cloud-hosted: referenced, never deleted). Self-owned material that was
 * already in SSL Certificate Management is reused and left there on delete (see `adopted`).
 * The id is the certificate id.
 *
 * ## Example Usage
 *
 * ```ts
 * import * as fs from "fs";
 * import * as pulumi from "@pulumi/pulumi";
 * import { LiveCertificate, LiveDomainBinding } from "pulumi-tencentcloud-https";
 *
 * const cert = new LiveCertificate("play-cert", {
 *   alias: "playback certificate",
 *   certificate: fs.readFileSync("fullchain.pem", "utf8"),
 *   privateKey: pulumi.secret(fs.readFileSync("privkey.pem", "utf8")),
 * });
 * new LiveDomainBinding("play-https", { certificateId: cert.certificateId, domains: ["play.example.com"] });
 * ```
 *
 * ## Import
 *
 * `new LiveCertificate(name, args, { import: certificateId })` takes over a certificate that is
 * already in SSL Certificate Management; an imported certificate counts as adopted and is never deleted.
 */
export class LiveCertificate extends pulumi.dynamic.Resource {
  /** An existing certificate's state, by its id, without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): LiveCertificate {
    return new LiveCertificate(name, undefined as unknown as LiveCertificateArgs, { ...opts, id });
  }

  /** Whether `obj` is a LiveCertificate, also one made by another copy of this package. */
  static isInstance(obj: unknown): obj is LiveCertificate {
    return sdk.isInstance(obj);
  }

  constructor(name: string, args: LiveCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.liveCertificate, name, sdk.props(args, opts, name), sdk.options(opts), MODULE, sdk.type);
    sdk.followRenames(this);
  }
}
