// STS 2018-08-13: one handler per action. AssumeRole and AssumeRoleWithWebIdentity find the role in
// the account its ARN names, judge its trust policy (trust.ts) and issue temporary credentials into
// the key ring, expiring on the emulator's clock; GetCallerIdentity names the caller's account.
import type { ActionHandler, Params } from "../../core/backend";
import { ApiError, optionalInt, optionalString, requireString } from "../../core/errors";
import type { Principal } from "../../core/keyRing";
import type { Account } from "../../core/accounts";
import { IdentityProvider, parseRoleArn, ParsedArn, Role, StsBackend } from "./model";
import { trusts } from "./trust";
import { verifyWebIdentityToken } from "./webIdentity";

/** The spec: "默认 7200 秒，最长可设定有效期为 43200 秒". guess: no documented minimum; one second and up. */
export const DEFAULT_SESSION_SECONDS = 7200;
const MAX_SESSION_SECONDS = 43200;
/** The spec's pattern for RoleSessionName: 2 to 128 of [\w+=,.@-]. */
const SESSION_NAME = /^[\w+=,.@-]{2,128}$/;

function sessionSeconds(params: Params): number {
  const seconds = optionalInt(params, "DurationSeconds", 0) ?? DEFAULT_SESSION_SECONDS;
  if (seconds > MAX_SESSION_SECONDS) throw new ApiError("InvalidParameter.OverTimeError", `DurationSeconds ${seconds} exceeds ${MAX_SESSION_SECONDS} seconds.`);
  if (seconds < 1) throw new ApiError("InvalidParameter.ParamError", "DurationSeconds must be at least 1.");
  return seconds;
}

function sessionName(params: Params): string {
  const name = requireString(params, "RoleSessionName");
  if (!SESSION_NAME.test(name)) throw new ApiError("InvalidParameter.ParamError", `RoleSessionName ${JSON.stringify(name)} must be 2 to 128 characters of letters, digits and =,.@_-.`);
  return name;
}

function roleArn(params: Params): ParsedArn {
  const arn = requireString(params, "RoleArn");
  const parsed = parseRoleArn(arn);
  if (!parsed) throw new ApiError("InvalidParameter.ParamError", `RoleArn ${JSON.stringify(arn)} is not a role ARN such as qcs::cam::uin/12345678:roleName/testRoleName.`);
  return parsed;
}

/** The role and its account, or `missing` with the reason. */
function findRole(from: Account, arn: ParsedArn, missing: (why: string) => ApiError): { account: Account; role: Role } {
  const account = from.directory.find(arn.uin);
  const role = account?.sts.role(arn);
  if (!account || !role) throw missing(`The role ${arn.by}/${arn.key} does not exist in account ${arn.uin}.`);
  return { account, role };
}

/** Issues the session's credentials in the answer's form. */
function issue(account: Account, role: Role, session: string, by: string, seconds: number): Record<string, unknown> {
  const expiresAt = account.now() + seconds * 1000;
  const credentials = account.world.keys.issue({ kind: "role", uin: account.uin, roleId: role.id, roleName: role.name, session, by }, expiresAt);
  const expiredTime = Math.floor(expiresAt / 1000);
  return { Credentials: credentials, ExpiredTime: expiredTime, Expiration: new Date(expiredTime * 1000).toISOString().replace(".000Z", "Z") };
}

function callerUin(caller: Principal | undefined): string {
  if (!caller) throw new ApiError("AuthFailure.InvalidAuthorization", "This action must be signed.");
  return caller.uin;
}

const assumeRole: ActionHandler<StsBackend> = (params, backend, caller) => {
  const uin = callerUin(caller);
  const arn = roleArn(params);
  const session = sessionName(params);
  const seconds = sessionSeconds(params);
  const { account, role } = findRole(backend.account, arn, (why) => new ApiError("ResourceNotFound.RoleNotFound", why));
  const externalId = optionalString(params, "ExternalId");
  if (!trusts(role.trustPolicy, { action: "name/sts:AssumeRole", callerUin: uin, context: { "sts:external_id": externalId } })) {
    throw new ApiError("UnauthorizedOperation", `Account ${uin} may not assume role ${role.name} of account ${account.uin}: its trust policy does not allow it${externalId === undefined ? " (no ExternalId was given)" : " with this ExternalId"}.`);
  }
  return issue(account, role, session, uin, seconds);
};

/**
 * Unsigned (`Authorization: SKIP`): the token is the proof. guess: the spec lists no
 * ResourceNotFound code for this action, so an unknown role or identity provider answers
 * InvalidParameter.ParamError (a parameter names something that is not there).
 */
const assumeRoleWithWebIdentity: ActionHandler<StsBackend> = async (params, backend) => {
  const arn = roleArn(params);
  const session = sessionName(params);
  const seconds = sessionSeconds(params);
  const token = requireString(params, "WebIdentityToken");
  const providerId = requireString(params, "ProviderId");
  const paramError = (why: string) => new ApiError("InvalidParameter.ParamError", why);
  const { account, role } = findRole(backend.account, arn, paramError);
  const provider: IdentityProvider | undefined = account.sts.identityProvider(providerId);
  if (!provider) throw paramError(`The identity provider ${providerId} does not exist in account ${account.uin}.`);
  const claims = await verifyWebIdentityToken(token, provider, account.now());
  const federated = `qcs::cam::uin/${account.uin}:oidc-provider/${provider.name}`;
  const context = { "oidc:iss": claims.iss, "oidc:aud": claims.aud, "oidc:sub": claims.sub };
  if (!trusts(role.trustPolicy, { action: "name/sts:AssumeRoleWithWebIdentity", federated, context })) {
    throw new ApiError("UnauthorizedOperation", `The trust policy of role ${role.name} does not admit a token of ${provider.name} with subject ${JSON.stringify(claims.sub)}.`);
  }
  return issue(account, role, session, account.uin, seconds);
};

/** guess: long-term keys are the account's own (the seed models no sub-users), answered as the documented CAMUser example. */
const getCallerIdentity: ActionHandler<StsBackend> = (_params, _backend, caller) => {
  if (!caller) throw new ApiError("AuthFailure.InvalidAuthorization", "This action must be signed.");
  if (caller.kind === "account") {
    return { Arn: `qcs::cam::uin/${caller.uin}:uin/${caller.uin}`, AccountId: caller.uin, UserId: caller.uin, PrincipalId: caller.uin, Type: "CAMUser" };
  }
  return { Arn: `qcs::sts:${caller.uin}:assumed-role/${caller.roleId}`, AccountId: caller.uin, UserId: `${caller.roleId}:${caller.session}`, PrincipalId: caller.by, Type: "CAMRole" };
};

export const stsActions = { AssumeRole: assumeRole, AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity, GetCallerIdentity: getCallerIdentity };

/** Credentials of an instance role, as the CVM metadata service hands them out (core/metadata.ts). */
export function instanceRoleCredentials(account: Account, role: Role): Record<string, unknown> {
  return issue(account, role, "instance", account.uin, DEFAULT_SESSION_SECONDS);
}
