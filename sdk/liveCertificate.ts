import * as pulumi from "@pulumi/pulumi";
// Types only: the sdk loads no provider code at run time (test/engine/seam.test.ts).
import type { ARG_KEYS, COMPUTED_KEYS, LiveCertificateArgs as Args, LiveCertificateOutputs as State } from "../provider/liveCertificate/shape";
import { Exhaustive, Inputs, MODULE, Outputs, resourceProps } from "./internal";
import { seams } from "./seam";

/** The arguments of LiveCertificate; each is documented in provider/liveCertificate/shape.ts, its single source. */
export type LiveCertificateArgs = Inputs<Args>;
/** What a LiveCertificate holds in state. */
export type LiveCertificateOutputs = Outputs<State>;

// Literal copies of the provider's key lists (a runtime import would load provider code); the
// `satisfies` clauses and the Exhaustive check fail the build when they drift from shape.ts.
const ARGUMENTS = ["remarks", "certificate", "privateKey", "cloudCertId"] as const satisfies typeof ARG_KEYS;
const COMPUTED = ["source", "adopted", "expiresAt", "domains", "fingerprint", "chainFingerprint"] as const satisfies typeof COMPUTED_KEYS;
export type _LiveCertificateKeysComplete = Exhaustive<Exclude<keyof Args, (typeof ARGUMENTS)[number]>>;

export interface LiveCertificate extends LiveCertificateOutputs {}

/**
 * A certificate for CSS (live streaming) playback domains, kept in SSL Certificate Management.
 * Give either `certificate` + `privateKey` (self-owned: uploaded, deleted with the resource) or
 * `cloudCertId` (Tencent Cloud-hosted: referenced, never deleted). Self-owned material that was
 * already in SSL Certificate Management is reused and left there on delete (see `adopted`).
 * The id is the certificate id; `pulumi import` takes it.
 */
export class LiveCertificate extends pulumi.dynamic.Resource {
  constructor(name: string, args: LiveCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    const props = resourceProps(args, ARGUMENTS, COMPUTED, opts, name);
    super(seams.liveCertificate, name, props, { ...opts, additionalSecretOutputs: ["privateKey"] }, MODULE, "LiveCertificate");
  }
}
