// The arguments of LiveCertificate as the handlers receive them (one sentence per bad value,
// unknown argument names rejected), and the form they choose.
import { z } from "zod";
import type { CertSource } from "../rules/sslCertificate";
import { argumentsError, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argumentSchemas";

const ARGUMENTS = "certificate and privateKey (self-owned), or cloudCertId (hosted), and optionally remarks";

export const liveCertificateArgsSchema = z.strictObject({
  remarks: z.string({ error: "remarks must be a string (shown in the SSL console as the certificate's alias)." }).optional(),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  cloudCertId: sslCertIdArg("cloudCertId").optional(),
}, { error: argumentsError("LiveCertificate", ARGUMENTS) });

export type LiveCertificateArgs = z.infer<typeof liveCertificateArgsSchema>;

export interface LiveCertificateOutputs {
  cloudCertId: string;
  source: CertSource;
  /**
   * True when this resource did not upload the certificate: hosted, found already in SSL
   * Certificate Management at upload (RepeatCertId), or imported. Delete leaves it there.
   */
  adopted: boolean;
  remarks?: string;
  expiresAt?: string;
  domains: string[];
  fingerprint?: string;
  /** SHA-256 over the whole chain: new intermediates under the same leaf are new material. */
  chainFingerprint?: string;
  /** The PEM of a self-owned certificate (never its key). */
  certificate?: string;
}

/** Which form the inputs use; a value unknown at preview still counts as given. */
export function sourceOfInputs(inputs: Record<string, unknown>): CertSource {
  return inputs.cloudCertId !== undefined && inputs.certificate === undefined ? "hosted" : "self-owned";
}
