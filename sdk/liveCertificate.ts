import * as pulumi from "@pulumi/pulumi";
import { MODULE, resourceProps } from "./internal";
import { seams } from "./seam";

/**
 * A certificate for CSS (live streaming) playback domains, kept in SSL Certificate Management.
 * Give either `certificate` + `privateKey` (self-owned: uploaded, deleted with the resource) or
 * `cloudCertId` (Tencent Cloud-hosted: referenced, never deleted). Self-owned material that was
 * already in SSL Certificate Management is reused and left there on delete (see `adopted`).
 */
export interface LiveCertificateArgs {
  /**
   * Remarks shown in the console: the certificate's alias in SSL Certificate Management. Changing it
   * renames a certificate this resource uploaded; an adopted one keeps its name (state only).
   */
  remarks?: pulumi.Input<string>;
  /** Self-owned: the certificate chain, PEM, leaf first. */
  certificate?: pulumi.Input<string>;
  /** Self-owned: the private key, PEM. Stored as a secret; never an output. */
  privateKey?: pulumi.Input<string>;
  /** Tencent Cloud-hosted: the certificate id in SSL Certificate Management. */
  cloudCertId?: pulumi.Input<string>;
}

const ARG_KEYS = ["remarks", "certificate", "privateKey", "cloudCertId"] as const satisfies readonly (keyof LiveCertificateArgs)[];
const OUTPUT_KEYS = ["source", "adopted", "expiresAt", "domains", "fingerprint", "chainFingerprint"];

export class LiveCertificate extends pulumi.dynamic.Resource {
  /** The certificate id in SSL Certificate Management; bind domains with it. Also the resource id. */
  declare readonly cloudCertId: pulumi.Output<string>;
  declare readonly source: pulumi.Output<"self-owned" | "hosted">;
  /**
   * True when this resource did not upload the certificate: it is hosted, the same material was
   * already in SSL Certificate Management (uploaded in the console or by another stack), or it was
   * imported. An adopted certificate is left in SSL Certificate Management on delete.
   */
  declare readonly adopted: pulumi.Output<boolean>;
  declare readonly remarks: pulumi.Output<string | undefined>;
  /** Expiration time, ISO 8601 UTC. */
  declare readonly expiresAt: pulumi.Output<string>;
  /** The DNS names (SANs) the certificate covers. */
  declare readonly domains: pulumi.Output<string[]>;
  /** SHA-256 of the leaf certificate, hex. */
  declare readonly fingerprint: pulumi.Output<string>;
  /** SHA-256 over every certificate of the chain (DER, in order), hex: changes with the intermediates. */
  declare readonly chainFingerprint: pulumi.Output<string>;
  /** The PEM of a self-owned certificate. */
  declare readonly certificate: pulumi.Output<string | undefined>;

  constructor(name: string, args: LiveCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARG_KEYS, OUTPUT_KEYS, opts);
    super(seams.liveCertificate, name, props, { ...opts, additionalSecretOutputs: ["privateKey"] }, MODULE, "LiveCertificate");
  }
}
