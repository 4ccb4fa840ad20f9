// The sentence for credentials that cannot be had: the source, what STS (or the metadata service)
// answered, and what to fix. Never a secret: STS's messages name roles and claims, not keys.
import { TencentCloudError } from "../tencentcloud/errors";
import { CredentialsError } from "./types";

/** What to change, by the answer's code. */
function fixFor(code: string, what: { roleArn: string; webIdentity: boolean }): string {
  if (code === "ResourceNotFound.RoleNotFound" || (code === "InvalidParameter.ParamError" && what.webIdentity)) {
    return `Check roleArn (${what.roleArn}) and, for a web identity, providerId: the role and the identity provider must exist in the account the ARN names.`;
  }
  if (code === "UnauthorizedOperation") {
    return what.webIdentity
      ? "The role's trust policy must name the identity provider (principal federated) and the token's issuer, audience and subject (oidc:iss, oidc:aud, oidc:sub): see README \"Credentials\"."
      : "The role's trust policy must let this identity assume it (principal qcs::cam::uin/<your account>:root), and give externalId when the policy requires sts:external_id: see README \"Credentials\".";
  }
  if (code === "InvalidParameter.WebIdentityTokenError") {
    return "The token must be a current token of the identity provider the role trusts: check the token's source, that it is fresh, and its issuer and audience (the provider's client id).";
  }
  if (code === "InvalidParameter.OverTimeError") return "Set sessionDuration to at most 43200 seconds (or what the role allows).";
  if (code.startsWith("AuthFailure")) return "The identity that asks for the role was refused: check its keys (README \"Credentials\" lists where they come from).";
  return "Try again; if it persists, check the role and the identity in the CAM console.";
}

/** A failed STS call while getting credentials from `source`. */
export function stsFailure(source: string, e: unknown, what: { roleArn: string; webIdentity: boolean }): CredentialsError {
  if (!(e instanceof TencentCloudError)) return new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: ${(e as Error)?.message ?? e}.`);
  const rid = e.requestId ? `, RequestId ${e.requestId}` : "";
  return new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: ${e.action} of role ${what.roleArn} answered ${e.code} (${e.message}${rid}). ${fixFor(e.code, what)}`);
}
