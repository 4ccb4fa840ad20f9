import * as pulumi from "@pulumi/pulumi";
import type {
  FreeCertificateValidationArgs as Args, FreeCertificateValidationOutputs as State,
} from "../provider/freeCertificateValidation/definition";
import { Inputs, MODULE, Outputs, ResourceSdk } from "./internal";
import { seams } from "./seam";

/** The arguments of FreeCertificateValidation; each is documented in provider/freeCertificateValidation/definition.ts, its single source. */
export type FreeCertificateValidationArgs = Inputs<Args>;
/** What a FreeCertificateValidation holds in state. */
export type FreeCertificateValidationOutputs = Outputs<State>;

const sdk = new ResourceSdk("freeCertificateValidation");

export interface FreeCertificateValidation extends FreeCertificateValidationOutputs {}

/**
 * Waits until a FreeCertificate is issued, as aws_acm_certificate_validation does, so that DNS or FILE
 * validation fits in one program: the FreeCertificate (`waitForIssuance: false`) returns at once with
 * its `validationRecords`, your DNS record resource publishes them, and this resource, created after
 * it (`validationRecordIds`), waits. Give its `certificateId` to a CdnHttpsConfig or a
 * LiveDomainBinding `certificateId`, so they wait too. Deleting it changes nothing at the API.
 *
 * ## Example Usage
 *
 * ```ts
 * import { FreeCertificate, FreeCertificateValidation } from "pulumi-tencentcloud-https";
 *
 * const cert = new FreeCertificate("cdn-cert", { domain: "cdn.example.com", validationMethod: "DNS", waitForIssuance: false });
 * // const record = new cloudflare.Record(...) from cert.validationRecords
 * const validation = new FreeCertificateValidation("cdn-cert-validation", {
 *   certificateId: cert.certificateId,
 *   validationRecordIds: [],   // [record.id]
 * }, { customTimeouts: { create: "30m" } });
 * ```
 */
export class FreeCertificateValidation extends pulumi.dynamic.Resource {
  /** An existing validation's state, by its id (the certificate id), without managing it. */
  static get(name: string, id: pulumi.Input<pulumi.ID>, opts?: pulumi.CustomResourceOptions): FreeCertificateValidation {
    return new FreeCertificateValidation(name, undefined as unknown as FreeCertificateValidationArgs, { ...opts, id });
  }

  /** Whether `obj` is a FreeCertificateValidation, also one made by another copy of this package. */
  static isInstance(obj: unknown): obj is FreeCertificateValidation {
    return sdk.isInstance(obj);
  }

  constructor(name: string, args: FreeCertificateValidationArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.freeCertificateValidation, name, sdk.props(args, opts, name), sdk.options(opts), MODULE, sdk.type);
    sdk.followRenames(this);
  }
}
