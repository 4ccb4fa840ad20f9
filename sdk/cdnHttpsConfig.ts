import * as pulumi from "@pulumi/pulumi";
import { MODULE, resourceProps } from "./internal";
import { seams } from "./seam";

export interface CdnHttpsConfigArgs {
  /** The CDN domain (status Deploying or Activated; self-owned, COS or FTP origin; not *.file.myqcloud.com). */
  domain: pulumi.Input<string>;
  /** A certificate of your own: the PEM chain, leaf first. Give with privateKey, or give certId instead. */
  certificate?: pulumi.Input<string>;
  /** The PEM private key of `certificate`; stored as a secret and never returned. */
  privateKey?: pulumi.Input<string>;
  /** A certificate hosted in SSL Certificate Management (e.g. a free TrustAsia certificate). */
  certId?: pulumi.Input<string>;
  /** A remark stored with the certificate. */
  certRemark?: pulumi.Input<string>;
  /** HTTP/2 (default true). */
  http2?: pulumi.Input<boolean>;
  /** OCSP stapling (default false). */
  ocspStapling?: pulumi.Input<boolean>;
  /** Enabled TLS versions, consecutive, from TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; unset keeps the domain's setting. */
  tlsVersions?: pulumi.Input<pulumi.Input<string>[]>;
  /** HSTS (absent = off); maxAge in seconds, 0..31536000. */
  hsts?: pulumi.Input<{ maxAge: pulumi.Input<number>; includeSubDomains?: pulumi.Input<boolean> }>;
  /** Redirect HTTP to HTTPS once the certificate is deployed (absent = no redirect). Default status 302. */
  forceRedirect?: pulumi.Input<{ statusCode?: pulumi.Input<301 | 302 | 307 | 308>; carryHeaders?: pulumi.Input<boolean> }>;
  /** Wait until the certificate is deployed on every node (default true; required with forceRedirect). */
  waitForDeployment?: pulumi.Input<boolean>;
}

const ARG_KEYS = ["domain", "certificate", "privateKey", "certId", "certRemark", "http2", "ocspStapling",
  "tlsVersions", "hsts", "forceRedirect", "waitForDeployment"] as const satisfies readonly (keyof CdnHttpsConfigArgs)[];
const OUTPUT_KEYS = ["httpsEnabled", "sslStatus", "certSource", "certExpiresAt", "certFingerprint", "certChainFingerprint", "certDomains", "deployedCert"];

/** HTTPS on one Tencent Cloud CDN domain. The id is the domain; `pulumi import` takes the domain. */
export class CdnHttpsConfig extends pulumi.dynamic.Resource {
  declare readonly domain: pulumi.Output<string>;
  declare readonly certificate: pulumi.Output<string | undefined>;
  declare readonly certId: pulumi.Output<string | undefined>;
  declare readonly certRemark: pulumi.Output<string | undefined>;
  declare readonly http2: pulumi.Output<boolean>;
  declare readonly ocspStapling: pulumi.Output<boolean>;
  declare readonly tlsVersions: pulumi.Output<string[] | undefined>;
  declare readonly hsts: pulumi.Output<{ maxAge: number; includeSubDomains: boolean } | undefined>;
  declare readonly forceRedirect: pulumi.Output<{ statusCode: number; carryHeaders: boolean } | undefined>;
  declare readonly waitForDeployment: pulumi.Output<boolean>;
  /** HTTPS switched on at the API. */
  declare readonly httpsEnabled: pulumi.Output<boolean>;
  /** closed | deploying | deployed | failed */
  declare readonly sslStatus: pulumi.Output<string>;
  declare readonly certSource: pulumi.Output<"self-owned" | "hosted">;
  /** ISO 8601 UTC. */
  declare readonly certExpiresAt: pulumi.Output<string | undefined>;
  /** SHA-256 of the leaf certificate, lowercase hex. */
  declare readonly certFingerprint: pulumi.Output<string | undefined>;
  /** Self-owned: SHA-256 over the whole chain, so a new intermediate under the same leaf is an update. */
  declare readonly certChainFingerprint: pulumi.Output<string | undefined>;
  declare readonly certDomains: pulumi.Output<string[] | undefined>;
  /** The certificate as the API identifies it (CertId for hosted, CertName and expiry); drift is judged on it. */
  declare readonly deployedCert: pulumi.Output<{ certId?: string; certName?: string; expireTime?: string } | undefined>;

  constructor(name: string, args: CdnHttpsConfigArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARG_KEYS, OUTPUT_KEYS, opts);
    super(seams.cdnHttpsConfig, name, props, { ...opts, additionalSecretOutputs: ["privateKey"] }, MODULE, "CdnHttpsConfig");
  }
}
