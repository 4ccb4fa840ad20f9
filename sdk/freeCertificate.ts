import * as pulumi from "@pulumi/pulumi";
// Types only: the sdk loads no provider code at run time (test/engine/seam.test.ts).
import type { ARG_KEYS, COMPUTED_KEYS, FreeCertificateArgs as Args, FreeCertificateOutputs as State } from "../provider/freeCertificate/shape";
import { Exhaustive, Inputs, MODULE, Outputs, resourceProps } from "./internal";
import { seams } from "./seam";

export type { ValidationRecord } from "../provider/freeCertificate/shape";

/** The arguments of FreeCertificate; each is documented in provider/freeCertificate/shape.ts, its single source. */
export type FreeCertificateArgs = Inputs<Args>;
/** What a FreeCertificate holds in state. */
export type FreeCertificateOutputs = Outputs<State>;

// Literal copies of the provider's key lists (a runtime import would load provider code); the
// `satisfies` clauses and the Exhaustive check fail the build when they drift from shape.ts.
const ARGUMENTS = ["domain", "validationMethod", "keyAlgorithm", "alias", "renewBeforeDays", "waitForIssuance"] as const satisfies typeof ARG_KEYS;
const COMPUTED = ["certificateId", "status", "validationRecords", "issuedAt", "expiresAt", "daysToExpiry", "sans", "fingerprint", "renews", "adopted"] as const satisfies typeof COMPUTED_KEYS;
export type _FreeCertificateKeysComplete = Exhaustive<Exclude<keyof Args, (typeof ARGUMENTS)[number]>>;

export interface FreeCertificate extends FreeCertificateOutputs {}

/**
 * A free TrustAsia DV certificate for one domain, three months long, from SSL Certificate Management.
 * Create applies for it and (by default) waits until it is issued. Within `renewBeforeDays` of expiry a
 * preview or `up` shows a replacement that renews it, created before the old one is deleted, so a
 * CdnHttpsConfig `certId` or LiveDomainBinding `cloudCertId` taking `certificateId` moves with it.
 * The id is the certificate id; `pulumi import` takes it (then adopted: never deleted). Never outputs a key.
 */
export class FreeCertificate extends pulumi.dynamic.Resource {
  constructor(name: string, args: FreeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.freeCertificate, name, resourceProps(args, ARGUMENTS, COMPUTED, opts, name), opts, MODULE, "FreeCertificate");
  }
}
