// The arguments of LiveCertificate as the handlers receive them (one sentence per bad value,
// unknown argument names rejected), and the form they choose.
import { z } from "zod";
import type { CertSource } from "../rules/sslCertificate";

const ARGUMENTS = "certificate and privateKey (self-owned), or cloudCertId (hosted), and optionally remarks";

export const liveCertificateArgsSchema = z.strictObject({
  remarks: z.string({ error: "remarks must be a string (shown in the SSL console as the certificate's alias)." }).optional(),
  certificate: z.string({ error: "certificate must be a PEM text (the certificate chain, leaf first)." })
    .min(1, { error: "certificate is empty; give the PEM chain, leaf first." }).optional(),
  privateKey: z.string({ error: "privateKey must be a PEM text." })
    .min(1, { error: "privateKey is empty; give the certificate's PEM private key." }).optional(),
  cloudCertId: z.string({ error: "cloudCertId must be the id of a certificate in SSL Certificate Management, such as \"0VpOXiPz\"." })
    .min(1, { error: "cloudCertId is empty; give the id of a certificate in SSL Certificate Management, such as \"0VpOXiPz\"." }).optional(),
}, {
  error: (iss) => (iss.code === "unrecognized_keys"
    ? `Unknown argument(s) ${iss.keys.join(", ")}: LiveCertificate takes ${ARGUMENTS}.`
    : `The arguments of LiveCertificate must be an object: ${ARGUMENTS}.`),
});

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
  /** The PEM of a self-owned certificate (never its key). */
  certificate?: string;
}

/** Which form the inputs use; a value unknown at preview still counts as given. */
export function sourceOfInputs(inputs: Record<string, unknown>): CertSource {
  return inputs.cloudCertId !== undefined && inputs.certificate === undefined ? "hosted" : "self-owned";
}
