// A choice of the precedence table (choose.ts) made into a credentials provider: keys as they are,
// temporary credentials renewed before they expire (an assumed role on top of any identity, a web
// identity, an instance role). The STS calls go through StsService, with the process's clients.
import { accountOf } from "../tencentcloud/pacing";
import type { StsService } from "../services/sts";
import type { TemporaryCredentialsResponse } from "../tencentcloud/types";
import type { AssumeRoleChoice, BaseChoice, Choice } from "./choose";
import { stsFailure } from "./failures";
import { instanceRoleCredentials } from "./instanceRole";
import { RefreshingCredentials } from "./refreshing";
import { CredentialsError, type Credentials, type CredentialsProvider, type Expiring } from "./types";
import { readWebIdentityToken } from "./webIdentityToken";

export interface CredentialDeps {
  /** STS with these credentials (or unsigned, for a web identity). */
  sts(credentials: CredentialsProvider | "unsigned"): StsService;
  /** The CVM metadata service's base URL. */
  metadataEndpoint: string;
  /** Plain GETs (the metadata service, GitHub Actions' token endpoint): the body, or a rejection. */
  httpGet(url: string, headers?: Record<string, string>): Promise<string>;
  now(): number;
}

export function staticCredentials(source: string, credentials: Credentials): CredentialsProvider {
  return { source, identity: accountOf(credentials), current: async () => credentials };
}

/** STS's answer as credentials, expiring no later than it says nor than the session asked for, from when it was asked. */
function expiring(answer: TemporaryCredentialsResponse, askedAt: number, sessionSeconds: number): Expiring {
  const c = answer.Credentials;
  return { credentials: { secretId: c.TmpSecretId, secretKey: c.TmpSecretKey, token: c.Token }, expiresAt: Math.min(answer.ExpiredTime * 1000, askedAt + sessionSeconds * 1000) };
}

const roleIdentity = (arn: string) => accountOf({ secretId: `role:${arn}` });

/** A role assumed with `base`'s credentials (AssumeRole), renewed before it expires. */
export function assumedRole(base: CredentialsProvider, role: AssumeRoleChoice, deps: CredentialDeps): CredentialsProvider {
  const sts = deps.sts(base);
  return new RefreshingCredentials(role.source, roleIdentity(role.roleArn), async () => {
    const askedAt = deps.now();
    try {
      const answer = await sts.assumeRole({
        RoleArn: role.roleArn, RoleSessionName: role.sessionName, DurationSeconds: role.sessionDuration,
        // The spec: Policy "需要做urlencode" (Terraform sends url.QueryEscape of it).
        ...(role.policy ? { Policy: encodeURIComponent(role.policy) } : {}), ...(role.externalId ? { ExternalId: role.externalId } : {}),
      });
      return expiring(answer, askedAt, role.sessionDuration);
    } catch (e) {
      throw e instanceof CredentialsError ? e : stsFailure(role.source, e, { roleArn: role.roleArn, webIdentity: false });
    }
  }, deps.now);
}

function baseCredentials(base: BaseChoice, deps: CredentialDeps): CredentialsProvider {
  if (base.kind === "keys") return staticCredentials(base.source, base.credentials);
  if (base.kind === "instanceRole") {
    return new RefreshingCredentials(base.source, accountOf({ secretId: `cam-role:${base.roleName}` }),
      () => instanceRoleCredentials(deps.metadataEndpoint, base.roleName, base.source, (url) => deps.httpGet(url), deps.now), deps.now);
  }
  const sts = deps.sts("unsigned");
  const { session } = base;
  return new RefreshingCredentials(base.source, roleIdentity(session.roleArn), async () => {
    const token = await readWebIdentityToken(base.token, base.source, deps.httpGet);
    const askedAt = deps.now();
    try {
      const answer = await sts.assumeRoleWithWebIdentity({
        ProviderId: base.providerId, WebIdentityToken: token, RoleArn: session.roleArn, RoleSessionName: session.sessionName, DurationSeconds: session.sessionDuration,
      });
      return expiring(answer, askedAt, session.sessionDuration);
    } catch (e) {
      throw stsFailure(base.source, e, { roleArn: session.roleArn, webIdentity: true });
    }
  }, deps.now);
}

/** The credentials of a choice: its identity, with its role assumed on top when it names one. */
export function credentialsFor(choice: Choice, deps: CredentialDeps): CredentialsProvider {
  const base = baseCredentials(choice.base, deps);
  return choice.assumeRole ? assumedRole(base, choice.assumeRole, deps) : base;
}

/**
 * The account a choice acts in, as far as the configuration tells without asking: the uin in the
 * role ARN it ends with, else "base" (keys, a profile, an instance role: their account is known once
 * GetCallerIdentity answers). Ownership records and locks are kept per account by this key.
 */
export function accountKeyOf(choice: Choice): string {
  const arn = choice.assumeRole?.roleArn ?? (choice.base.kind === "webIdentity" ? choice.base.session.roleArn : undefined);
  return arn ? roleAccount(arn) : "base";
}

/** The uin of the account a role ARN names. */
export function roleAccount(arn: string): string {
  return /^qcs::cam::uin\/(\d+):/.exec(arn)?.[1] ?? arn;
}
