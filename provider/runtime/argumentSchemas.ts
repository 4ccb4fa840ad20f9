// Zod schemas for arguments shared by the resources, so a certificate, key or unknown argument name gets
// the same sentence whichever resource it is given to.
import { z } from "zod";

export const certificateArg = () => z.string({ error: "certificate must be a PEM text (the certificate chain, leaf first)." })
  .min(1, { error: "certificate is empty; give the PEM chain, leaf first." }).optional();

export const privateKeyArg = () => z.string({ error: "privateKey must be a PEM text." })
  .min(1, { error: "privateKey is empty; give the certificate's PEM private key." }).optional();

/**
 * The id of a certificate in SSL Certificate Management, under the argument name a resource uses;
 * `whenMissing` is the resource's own sentence when a required id is left out.
 */
export const sslCertIdArg = (name: string, whenMissing?: string) => {
  const wrong = `${name} must be the id of a certificate in SSL Certificate Management, such as "0VpOXiPz".`;
  return z.string({ error: (issue) => (issue.input === undefined && whenMissing ? whenMissing : wrong) })
    .regex(/^[A-Za-z0-9_-]+$/, { error: wrong });
};

/** The object-level error of a strict arguments schema: unknown names, or not an object at all. */
export function argumentsError(resource: string, accepted: string) {
  return (issue: { code?: string; keys?: string[] }) => (issue.code === "unrecognized_keys"
    ? `Unknown argument(s) ${(issue.keys ?? []).join(", ")}: ${resource} takes ${accepted}.`
    : `The arguments of ${resource} must be an object: ${accepted}.`);
}
