// The arguments of LiveCertificate as the handlers receive them, and the form they choose.
import { z } from "zod";
import type { CertSource } from "../rules/sslCertificate";

export const liveCertificateArgsSchema = z.object({
  remarks: z.string().optional(),
  certificate: z.string().min(1, "The certificate PEM is empty.").optional(),
  privateKey: z.string().min(1, "The private key is empty.").optional(),
  cloudCertId: z.string().min(1, "The SSL certificate id is empty.").optional(),
});

export type LiveCertificateArgs = z.infer<typeof liveCertificateArgsSchema>;

export interface LiveCertificateOutputs {
  cloudCertId: string;
  source: CertSource;
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
