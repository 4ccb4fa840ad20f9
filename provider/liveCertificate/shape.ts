// The shape of LiveCertificate, in one place: the zod schema of its arguments (one sentence per bad
// value, unknown argument names rejected) is the single source of the resolved inputs; the
// documented Args interface is proven equal to its z.input; the state type and its computed keys;
// the form the inputs choose.
import { z } from "zod";
import { canonicalCertificates, canonicalPrivateKey } from "../certificate";
import type { CertSource } from "../rules/sslCertificate";
import { argumentsError, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argumentSchemas";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";

const ARGUMENTS = "certificate and privateKey (self-owned), or cloudCertId (hosted), and optionally remarks";

export const liveCertificateArgsSchema = z.strictObject({
  remarks: z.string({ error: "remarks must be a string (shown in the SSL console as the certificate's alias)." }).optional(),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  cloudCertId: sslCertIdArg("cloudCertId").optional(),
}, { error: argumentsError("LiveCertificate", ARGUMENTS) });

/** The arguments as a program gives them (proven equal to the schema's z.input; see runtime/shapeTypes.ts). */
export interface LiveCertificateArgs {
  /**
   * Remarks shown in the console: the certificate's alias in SSL Certificate Management. Changing it
   * renames a certificate this resource uploaded; an adopted one keeps its name (state only).
   */
  remarks?: string;
  /** Self-owned: the certificate chain, PEM, leaf first. */
  certificate?: string;
  /** Self-owned: the private key, PEM. Stored as a secret; never an output. */
  privateKey?: string;
  /** Tencent Cloud-hosted: the certificate id in SSL Certificate Management. */
  cloudCertId?: string;
}
export type _LiveCertificateArgsAreTheSchema = Assert<Equal<LiveCertificateArgs, z.input<typeof liveCertificateArgsSchema>>>;

/** The arguments once checked. */
export type LiveCertificateInputs = WithDefaults<LiveCertificateArgs, z.output<typeof liveCertificateArgsSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(liveCertificateArgsSchema.shape) as (keyof LiveCertificateArgs)[];

/** The checked arguments as the form they choose. */
export type ResolvedArgs =
  | { source: "self-owned"; certificate: string; privateKey: string; remarks?: string }
  | { source: "hosted"; cloudCertId: string; remarks?: string };

/** Certificate and key are what was parsed (canonical PEM), never the pasted text: that is what is uploaded and becomes outputs. */
export function resolveArgs(a: LiveCertificateInputs): ResolvedArgs {
  return sourceOfInputs(a) === "hosted"
    ? { source: "hosted", cloudCertId: a.cloudCertId!, remarks: a.remarks }
    : { source: "self-owned", certificate: canonicalCertificates(a.certificate!), privateKey: canonicalPrivateKey(a.privateKey!), remarks: a.remarks };
}

/** The resource's state (its outputs). */
export interface LiveCertificateOutputs {
  /** The certificate id in SSL Certificate Management; bind domains with it. Also the resource id. */
  cloudCertId: string;
  /** self-owned (uploaded from your PEM) or hosted (issued in SSL Certificate Management). */
  source: CertSource;
  /**
   * True when this resource did not upload the certificate: hosted, found already in SSL
   * Certificate Management at upload (RepeatCertId), or imported. Delete leaves it there.
   */
  adopted: boolean;
  /** The remarks as declared (the certificate's alias for one this resource uploaded). */
  remarks?: string;
  /** Expiration time, ISO 8601 UTC. */
  expiresAt?: string;
  /** The DNS names (SANs) the certificate covers. */
  domains: string[];
  /** SHA-256 of the leaf certificate, hex. */
  fingerprint?: string;
  /** SHA-256 over every certificate of the chain (DER, in order), hex: new intermediates under the same leaf are new material. */
  chainFingerprint?: string;
  /** The PEM of a self-owned certificate (never its key). */
  certificate?: string;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["source", "adopted", "expiresAt", "domains", "fingerprint", "chainFingerprint"] as const satisfies readonly (keyof LiveCertificateOutputs)[];

/** Which form the inputs use; a value unknown at preview still counts as given. */
export function sourceOfInputs(inputs: Record<string, unknown>): CertSource {
  return inputs.cloudCertId !== undefined && inputs.certificate === undefined ? "hosted" : "self-owned";
}
