// Zod schemas for arguments shared by the resources, so a certificate, key or unknown argument name gets
// the same sentence whichever resource it is given to.
import { z } from "zod";
import { canonicalCertificates, canonicalPrivateKey } from "../certificate";

/**
 * The canonical form of PEM text, when it parses: the engine stores check's returned inputs, so they
 * hold what was parsed, never the pasted text. Text that does not parse is kept as given for check's
 * own sentences; it never passes check.
 */
const parsedOrAsGiven = (canonical: (text: string) => string) => (text: string): string => {
  try {
    return canonical(text);
  } catch {
    return text;
  }
};
export const canonicalCertificatesOrAsGiven = parsedOrAsGiven(canonicalCertificates);

export const certificateArg = () => z.string({ error: "certificate must be a PEM text (the certificate chain, leaf first)." })
  .min(1, { error: "certificate is empty; give the PEM chain, leaf first." }).transform(canonicalCertificatesOrAsGiven).optional();

export const privateKeyArg = () => z.string({ error: "privateKey must be a PEM text." })
  .min(1, { error: "privateKey is empty; give the certificate's PEM private key." }).transform(parsedOrAsGiven(canonicalPrivateKey)).optional();

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

/** Terraform's bounds of session_duration, and STS's: at most 43200 seconds, 7200 by default. */
export const MAX_SESSION_SECONDS = 43200;
export const DEFAULT_SESSION_SECONDS = 7200;
/** The session name when none is given (STS requires one). */
export const DEFAULT_SESSION_NAME = "pulumi-tencentcloud-https";

const roleArnArg = (at: string) => z.string({ error: `${at}.roleArn is required: the ARN of the role, such as qcs::cam::uin/100000000001:roleName/https-deployer.` })
  .regex(/^qcs::cam::uin\/\d+:(roleName|role)\/[\w+=,.@-]+$/, { error: `${at}.roleArn must be a role ARN such as qcs::cam::uin/100000000001:roleName/https-deployer.` });
const sessionNameArg = (at: string) => z.string({ error: `${at}.sessionName must be a text.` })
  .regex(/^[\w+=,.@-]{2,128}$/, { error: `${at}.sessionName must be 2 to 128 letters, digits or =,.@_- characters.` });
const sessionDurationArg = (at: string) => z.number({ error: `${at}.sessionDuration must be a number of seconds.` })
  .int({ error: `${at}.sessionDuration must be whole seconds.` })
  .min(1, { error: `${at}.sessionDuration must be 1 to ${MAX_SESSION_SECONDS} seconds.` })
  .max(MAX_SESSION_SECONDS, { error: `${at}.sessionDuration must be 1 to ${MAX_SESSION_SECONDS} seconds.` });

/**
 * A role to assume with the configured identity, under Terraform's assume_role names (role_arn,
 * session_name, session_duration, policy, external_id), camelCased: a resource's `assumeRole` input
 * and the `assumeRole` config key alike. `at` names it in sentences.
 */
export const assumeRoleArg = (at = "assumeRole") => z.strictObject({
  roleArn: roleArnArg(at),
  sessionName: sessionNameArg(at).optional(),
  sessionDuration: sessionDurationArg(at).optional(),
  policy: z.string({ error: `${at}.policy must be a CAM policy document (JSON text).` }).min(1).optional(),
  externalId: z.string({ error: `${at}.externalId must be a text.` }).regex(/^[\w+=,.@:/-]{2,128}$/, { error: `${at}.externalId must be 2 to 128 letters, digits or =,.@:/- characters.` }).optional(),
}, { error: (issue) => (issue.code === "unrecognized_keys"
  ? `Unknown ${at} key(s) ${(issue.keys ?? []).join(", ")}: ${at} takes roleArn and optionally sessionName, sessionDuration, policy, externalId.`
  : `${at} must be an object: { roleArn, sessionName?, sessionDuration?, policy?, externalId? }.`) });

/** Terraform's assume_role_with_web_identity block, camelCased: the `assumeRoleWithWebIdentity` config key. */
export const webIdentityArg = (at: string) => z.strictObject({
  roleArn: roleArnArg(at),
  providerId: z.string({ error: `${at}.providerId must be the name of the identity provider in CAM.` }).min(1).optional(),
  sessionName: sessionNameArg(at).optional(),
  sessionDuration: sessionDurationArg(at).optional(),
  webIdentityToken: z.string({ error: `${at}.webIdentityToken must be a text.` }).min(1).optional(),
  webIdentityTokenFile: z.string({ error: `${at}.webIdentityTokenFile must be a file path.` }).min(1).optional(),
}, { error: (issue) => (issue.code === "unrecognized_keys"
  ? `Unknown ${at} key(s) ${(issue.keys ?? []).join(", ")}: ${at} takes roleArn, providerId, sessionName, sessionDuration and webIdentityToken or webIdentityTokenFile.`
  : `${at} must be an object: { roleArn, providerId?, sessionName?, sessionDuration?, webIdentityToken? or webIdentityTokenFile? }.`) });

export type AssumeRoleArgs = z.input<ReturnType<typeof assumeRoleArg>>;
export type WebIdentityArgs = z.input<ReturnType<typeof webIdentityArg>>;
