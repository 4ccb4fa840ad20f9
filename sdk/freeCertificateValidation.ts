import * as pulumi from "@pulumi/pulumi";
// Types only: the sdk loads no provider code at run time (test/engine/seam.test.ts).
import type {
  ARG_KEYS, COMPUTED_KEYS, FreeCertificateValidationArgs as Args, FreeCertificateValidationOutputs as State,
} from "../provider/freeCertificateValidation/shape";
import { Exhaustive, Inputs, MODULE, Outputs, resourceProps } from "./internal";
import { seams } from "./seam";

/** The arguments of FreeCertificateValidation; each is documented in provider/freeCertificateValidation/shape.ts, its single source. */
export type FreeCertificateValidationArgs = Inputs<Args>;
/** What a FreeCertificateValidation holds in state. */
export type FreeCertificateValidationOutputs = Outputs<State>;

// Literal copies of the provider's key lists (a runtime import would load provider code); the
// `satisfies` clauses and the Exhaustive check fail the build when they drift from shape.ts.
const ARGUMENTS = ["certificateId", "validationRecordIds"] as const satisfies typeof ARG_KEYS;
const COMPUTED = ["status", "issuedAt", "expiresAt"] as const satisfies typeof COMPUTED_KEYS;
export type _FreeCertificateValidationKeysComplete = Exhaustive<Exclude<keyof Args, (typeof ARGUMENTS)[number]>>;

export interface FreeCertificateValidation extends FreeCertificateValidationOutputs {}

/**
 * Waits until a FreeCertificate is issued, as aws_acm_certificate_validation does, so that DNS or FILE
 * validation fits in one program: the FreeCertificate (`waitForIssuance: false`) returns at once with
 * its `validationRecords`, your DNS record resource publishes them, and this resource, created after
 * it (`validationRecordIds`), waits. Give its `certificateId` to a CdnHttpsConfig `certId` or a
 * LiveDomainBinding `cloudCertId`, so they wait too. Deleting it changes nothing at the API.
 */
export class FreeCertificateValidation extends pulumi.dynamic.Resource {
  constructor(name: string, args: FreeCertificateValidationArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.freeCertificateValidation, name, resourceProps(args, ARGUMENTS, COMPUTED, opts, name), opts, MODULE, "FreeCertificateValidation");
  }
}
