import * as pulumi from "@pulumi/pulumi";
// Types only: the sdk loads no provider code at run time (test/engine/seam.test.ts).
import type { ARG_KEYS, CdnHttpsConfigArgs as Args, CdnHttpsConfigState, COMPUTED_KEYS } from "../provider/cdnHttpsConfig/shape";
import { Exhaustive, Inputs, MODULE, Outputs, resourceProps } from "./internal";
import { seams } from "./seam";

/** The arguments of CdnHttpsConfig; each is documented in provider/cdnHttpsConfig/shape.ts, its single source. */
export type CdnHttpsConfigArgs = Inputs<Args>;
/** What a CdnHttpsConfig holds in state: its arguments with defaults applied (never the key) and the computed fields. */
export type CdnHttpsConfigOutputs = Outputs<CdnHttpsConfigState>;

// Literal copies of the provider's key lists (a runtime import would load provider code); the
// `satisfies` clauses and the Exhaustive check fail the build when they drift from shape.ts.
const ARGUMENTS = ["domain", "certificate", "privateKey", "certId", "certRemark", "http2", "ocspStapling",
  "tlsVersions", "hsts", "forceRedirect", "clientCertificate", "quic", "waitForDeployment"] as const satisfies typeof ARG_KEYS;
const COMPUTED = ["httpsEnabled", "sslStatus", "certSource", "certExpiresAt", "certFingerprint", "certChainFingerprint",
  "certDomains", "deployedCert", "clientCaFingerprint", "clientCaName", "clientCaExpiresAt"] as const satisfies typeof COMPUTED_KEYS;
export type _CdnHttpsConfigKeysComplete = Exhaustive<Exclude<keyof Args, (typeof ARGUMENTS)[number]>>;

export interface CdnHttpsConfig extends CdnHttpsConfigOutputs {}

/**
 * HTTPS on one Tencent Cloud CDN domain: a certificate of your own or one hosted in SSL Certificate
 * Management, HTTP/2, OCSP stapling, TLS versions, HSTS, the forced redirect, client-certificate
 * verification (mTLS) and QUIC, waiting for the deployment. The id is the domain; `pulumi import` takes the domain.
 */
export class CdnHttpsConfig extends pulumi.dynamic.Resource {
  constructor(name: string, args: CdnHttpsConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARGUMENTS, COMPUTED, opts, name);
    super(seams.cdnHttpsConfig, name, props, { ...opts, additionalSecretOutputs: ["privateKey"] }, MODULE, "CdnHttpsConfig");
  }
}
