import * as pulumi from "@pulumi/pulumi";
import type { CdnHttpsConfigArgs as Args, CdnHttpsConfigDeprecatedArgs as Deprecated, CdnHttpsConfigState as State } from "../provider/cdnHttpsConfig/definition";
import { Inputs, MODULE, Outputs, ResourceSdk } from "./internal";
import { seams } from "./seam";

/** The arguments of CdnHttpsConfig; each is documented in provider/cdnHttpsConfig/definition.ts, its single source. */
export type CdnHttpsConfigArgs = Inputs<Args & Deprecated>;
/** What a CdnHttpsConfig holds in state: its arguments with defaults applied (never the key) and the computed fields. */
export type CdnHttpsConfigOutputs = Outputs<State>;

const sdk = new ResourceSdk("cdnHttpsConfig", ["privateKey"]);

export interface CdnHttpsConfig extends CdnHttpsConfigOutputs {}

/**
 * HTTPS on one Tencent Cloud CDN domain: a certificate of your own or one hosted in SSL Certificate
 * Management, HTTP/2, OCSP stapling, TLS versions, HSTS, the forced redirect, client-certificate
 * verification (mTLS) and QUIC, waiting for the deployment. The id is the domain.
 *
 * ## Example Usage
 *
 * ```ts
 * import * as fs from "fs";
 * import * as pulumi from "@pulumi/pulumi";
 * import { CdnHttpsConfig } from "pulumi-tencentcloud-https";
 *
 * const site = new CdnHttpsConfig("site", {
 *   domain: "cdn.example.com",
 *   certificate: fs.readFileSync("fullchain.pem", "utf8"),
 *   privateKey: pulumi.secret(fs.readFileSync("privkey.pem", "utf8")),
 *   tlsVersions: ["TLSv1.2", "TLSv1.3"],
 *   forceRedirect: { statusCode: 301 },
 * });
 * export const sslStatus = site.sslStatus;
 * ```
 *
 * ## Import
 *
 * `new CdnHttpsConfig(name, args, { import: "cdn.example.com" })` takes over the domain's HTTPS
 * configuration as the program declares it: preview shows a create, and the create writes nothing
 * when the domain already serves what the program declares (`pulumi import` cannot import dynamic
 * resources; see the README's Import section).
 */
export class CdnHttpsConfig extends pulumi.dynamic.Resource {
  /** An existing resource's state, by its id (the domain), without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): CdnHttpsConfig {
    return new CdnHttpsConfig(name, undefined as unknown as CdnHttpsConfigArgs, { ...opts, id });
  }

  /** Whether `obj` is a CdnHttpsConfig, also one made by another copy of this package. */
  static isInstance(obj: unknown): obj is CdnHttpsConfig {
    return sdk.isInstance(obj);
  }

  constructor(name: string, args: CdnHttpsConfigArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.cdnHttpsConfig, name, sdk.props(args, opts, name), sdk.options(opts), MODULE, sdk.type);
    sdk.followRenames(this);
  }
}
