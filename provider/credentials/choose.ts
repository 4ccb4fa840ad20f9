// The order of precedence of credential sources (README "Credentials"), as one table: stack config
// first (this package's namespace, then tencentcloud:), then the environment, then tccli's default
// profile; within each, a web identity, keys (with an STS token), a profile, a CVM/TKE instance role.
// A role to assume (assumeRole) goes on top of whichever identity was chosen. The names are those of
// Terraform's tencentcloud provider. Reads nothing but a profile file; asks no API.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { z } from "zod";
import { configValue, ENV, nonEmpty, OWN, StoredConfig, UPSTREAM } from "../config";
import { assumeRoleArg, DEFAULT_SESSION_NAME, DEFAULT_SESSION_SECONDS, webIdentityArg } from "../runtime/argumentSchemas";
import type { Credentials } from "./types";
import { CredentialsError } from "./types";

export const CREDENTIAL_ENV = {
  roleArn: "TENCENTCLOUD_ASSUME_ROLE_ARN",
  sessionName: "TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME",
  sessionDuration: "TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION",
  externalId: "TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID",
  providerId: "TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID",
  webIdentityToken: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN",
  webIdentityTokenFile: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE",
  /** Ours: the audience asked of GitHub Actions' token endpoint (default sts.tencentcloudapi.com). */
  audience: "TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_AUDIENCE",
  profile: "TENCENTCLOUD_PROFILE",
  sharedCredentialsDir: "TENCENTCLOUD_SHARED_CREDENTIALS_DIR",
  camRoleName: "TENCENTCLOUD_CAM_ROLE_NAME",
  // TKE's pod identity webhook.
  tkeRoleArn: "TKE_ROLE_ARN",
  tkeProviderId: "TKE_PROVIDER_ID",
  tkeTokenFile: "TKE_WEB_IDENTITY_TOKEN_FILE",
  tkeRegion: "TKE_REGION",
  // GitHub Actions, with `permissions: id-token: write`.
  githubUrl: "ACTIONS_ID_TOKEN_REQUEST_URL",
  githubToken: "ACTIONS_ID_TOKEN_REQUEST_TOKEN",
} as const;

/** The audience a GitHub Actions token is asked for unless set otherwise: the client id Tencent Cloud's examples register. */
export const DEFAULT_AUDIENCE = "sts.tencentcloudapi.com";
/** Terraform's default identity provider name. */
const DEFAULT_PROVIDER_ID = "OIDC";

export type TokenSource =
  | { kind: "value"; value: string; name: string }
  | { kind: "file"; path: string; name: string }
  | { kind: "github"; url: string; requestToken: string; audience: string };

export interface RoleSession { roleArn: string; sessionName: string; sessionDuration: number }
export interface AssumeRoleChoice extends RoleSession { source: string; policy?: string; externalId?: string }

export type BaseChoice =
  | { kind: "keys"; source: string; credentials: Credentials }
  | { kind: "webIdentity"; source: string; session: RoleSession; providerId: string; token: TokenSource }
  | { kind: "instanceRole"; source: string; roleName: string };

export interface Choice { base: BaseChoice; assumeRole?: AssumeRoleChoice; /** A profile's region, or TKE's. */ region?: string }

const fail = (message: string): never => { throw new CredentialsError(message); };

/** A config value holding a JSON object, parsed with its schema; every problem in one sentence naming the key. */
function parseObject<T extends z.ZodType>(name: string, text: string, schema: T): z.output<T> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return fail(`The Pulumi config ${name} is not JSON: set it with \`pulumi config set --path\` or as a JSON object, e.g. {"roleArn": "qcs::cam::uin/100000000001:roleName/https-deployer"}.`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return fail(`The Pulumi config ${name} is not valid: ${parsed.error.issues.map((i) => i.message).join(" ")}`);
  return parsed.data;
}

function session(args: { roleArn: string; sessionName?: string; sessionDuration?: number }): RoleSession {
  return { roleArn: args.roleArn, sessionName: args.sessionName ?? DEFAULT_SESSION_NAME, sessionDuration: args.sessionDuration ?? DEFAULT_SESSION_SECONDS };
}

function envDuration(env: NodeJS.ProcessEnv): number | undefined {
  const text = nonEmpty(env[CREDENTIAL_ENV.sessionDuration]);
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1 || n > 43200) fail(`${CREDENTIAL_ENV.sessionDuration} must be 1 to 43200 seconds, not ${JSON.stringify(text)}.`);
  return n;
}

// ------------------------------------------------------------------ the rows of the table

function configKeys(stored: StoredConfig | undefined): BaseChoice | undefined {
  for (const ns of [OWN, UPSTREAM]) {
    const id = stored?.values[`${ns}:secretId`];
    const key = stored?.values[`${ns}:secretKey`];
    if (!id && !key) continue;
    return keysFrom(`${ns}:secretId`, `${ns}:secretKey`, id, key, stored?.values[`${ns}:securityToken`], `the Pulumi config ${ns}:secretId and ${ns}:secretKey`);
  }
  return undefined;
}

function keysFrom(idName: string, keyName: string, secretId: string | undefined, secretKey: string | undefined, token: string | undefined, source: string): BaseChoice {
  if (!secretId || !secretKey) {
    const [set, unset] = secretId ? [idName, keyName] : [keyName, idName];
    fail(`Tencent Cloud credentials are incomplete: ${set} is set but ${unset} is not; set both.`);
  }
  return { kind: "keys", source, credentials: { secretId: secretId!, secretKey: secretKey!, ...(token ? { token } : {}) } };
}

function configWebIdentity(stored: StoredConfig | undefined): BaseChoice | undefined {
  const found = configValue(stored, "assumeRoleWithWebIdentity");
  if (!found) return undefined;
  const args = parseObject(found.name, found.value, webIdentityArg(found.name));
  const source = `the Pulumi config ${found.name}`;
  const token: TokenSource | undefined = args.webIdentityToken
    ? { kind: "value", value: args.webIdentityToken, name: `${found.name}.webIdentityToken` }
    : args.webIdentityTokenFile ? { kind: "file", path: args.webIdentityTokenFile, name: `${found.name}.webIdentityTokenFile` } : undefined;
  if (!token) fail(`The Pulumi config ${found.name} names no token: set webIdentityToken, or webIdentityTokenFile (the file your CI or TKE writes the token to).`);
  return { kind: "webIdentity", source, session: session(args), providerId: args.providerId ?? DEFAULT_PROVIDER_ID, token: token! };
}

function configInstanceRole(stored: StoredConfig | undefined): BaseChoice | undefined {
  const found = configValue(stored, "camRoleName");
  return found && { kind: "instanceRole", source: `the Pulumi config ${found.name}`, roleName: found.value };
}

function envWebIdentity(env: NodeJS.ProcessEnv): BaseChoice | undefined {
  const e = CREDENTIAL_ENV;
  const roleArn = nonEmpty(env[e.roleArn]);
  const providerId = nonEmpty(env[e.providerId]);
  const value = nonEmpty(env[e.webIdentityToken]);
  const file = nonEmpty(env[e.webIdentityTokenFile]);
  const githubUrl = nonEmpty(env[e.githubUrl]);
  const githubToken = nonEmpty(env[e.githubToken]);
  if (roleArn && (value || file || (providerId && githubUrl && githubToken))) {
    const token: TokenSource = value ? { kind: "value", value, name: e.webIdentityToken }
      : file ? { kind: "file", path: file, name: e.webIdentityTokenFile }
      : { kind: "github", url: githubUrl!, requestToken: githubToken!, audience: nonEmpty(env[e.audience]) ?? DEFAULT_AUDIENCE };
    const tokenName = token.kind === "github" ? `GitHub Actions' token (${e.githubUrl})` : token.name;
    const args = { roleArn, sessionName: nonEmpty(env[e.sessionName]), sessionDuration: envDuration(env) };
    checkArn(roleArn, e.roleArn);
    return { kind: "webIdentity", source: `the environment variables ${e.roleArn} and ${tokenName}`, session: session(args), providerId: providerId ?? DEFAULT_PROVIDER_ID, token };
  }
  const tkeArn = nonEmpty(env[e.tkeRoleArn]);
  const tkeFile = nonEmpty(env[e.tkeTokenFile]);
  if (tkeArn && tkeFile) {
    checkArn(tkeArn, e.tkeRoleArn);
    return {
      kind: "webIdentity", source: `TKE's pod identity (${e.tkeRoleArn}, ${e.tkeProviderId}, ${e.tkeTokenFile})`, session: session({ roleArn: tkeArn }),
      providerId: nonEmpty(env[e.tkeProviderId]) ?? DEFAULT_PROVIDER_ID, token: { kind: "file", path: tkeFile, name: e.tkeTokenFile },
    };
  }
  return undefined;
}

function checkArn(arn: string, name: string): void {
  const parsed = assumeRoleArg(name).shape.roleArn.safeParse(arn);
  if (!parsed.success) fail(`${name} must be a role ARN such as qcs::cam::uin/100000000001:roleName/https-deployer, not ${JSON.stringify(arn)}.`);
}

function envKeys(env: NodeJS.ProcessEnv): BaseChoice | undefined {
  const id = nonEmpty(env[ENV.secretId]);
  const key = nonEmpty(env[ENV.secretKey]);
  if (!id && !key) return undefined;
  return keysFrom(ENV.secretId, ENV.secretKey, id, key, nonEmpty(env[ENV.token]), `the environment variables ${ENV.secretId} and ${ENV.secretKey}`);
}

function envInstanceRole(env: NodeJS.ProcessEnv): BaseChoice | undefined {
  const name = nonEmpty(env[CREDENTIAL_ENV.camRoleName]);
  return name ? { kind: "instanceRole", source: `the environment variable ${CREDENTIAL_ENV.camRoleName}`, roleName: name } : undefined;
}

/** tccli's profile files: <dir>/<profile>.credential (keys, and optionally role-arn, role-session-name) and .configure (region). */
interface ProfileFiles { keys: BaseChoice; assumeRole?: AssumeRoleChoice; region?: string }

function readProfile(dir: string, profile: string, source: string, readFile: (p: string) => string): ProfileFiles {
  const file = path.join(dir, `${profile}.credential`);
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(readFile(file));
  } catch (e) {
    const why = (e as NodeJS.ErrnoException).code ?? "not JSON";
    return fail(`The tccli profile ${profile} from ${source} cannot be read from ${file} (${why}): run \`tccli configure --profile ${profile}\`, or point ${CREDENTIAL_ENV.sharedCredentialsDir} at the folder holding it.`);
  }
  const text = (k: string) => (typeof json[k] === "string" ? nonEmpty(json[k] as string) : undefined);
  const keys = keysFrom(`${file} secretId`, `${file} secretKey`, text("secretId"), text("secretKey"), text("token"), `the tccli profile ${profile} (${file})`);
  let region: string | undefined;
  try {
    const configure = JSON.parse(readFile(path.join(dir, `${profile}.configure`))) as { _sys_param?: { region?: string } };
    region = nonEmpty(configure._sys_param?.region);
  } catch {
    region = undefined; // a profile need not have one
  }
  const roleArn = text("role-arn");
  const assumeRole = roleArn ? { source: `the tccli profile ${profile}'s role-arn (${file})`, ...session({ roleArn, sessionName: text("role-session-name") }) } : undefined;
  return { keys, assumeRole, region };
}

function profileFrom(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv, readFile: (p: string) => string, fromConfig: boolean): ProfileFiles | undefined {
  const profile = fromConfig ? configValue(stored, "profile") : envValue(env, CREDENTIAL_ENV.profile);
  const dir = fromConfig ? configValue(stored, "sharedCredentialsDir") : envValue(env, CREDENTIAL_ENV.sharedCredentialsDir);
  if (!profile && !dir) return undefined;
  const home = env.HOME ?? env.USERPROFILE ?? os.homedir();
  const folder = dir ? dir.value.replace(/^~(?=$|\/)/, home) : path.join(home, ".tccli");
  const source = [profile?.name, dir?.name].filter(Boolean).join(" and ");
  return readProfile(folder, profile?.value ?? "default", `${fromConfig ? "the Pulumi config" : "the environment variable(s)"} ${source}`, readFile);
}

const envValue = (env: NodeJS.ProcessEnv, name: string) => { const value = nonEmpty(env[name]); return value ? { name, value } : undefined; };

/** tccli's default profile, when the machine has one (~/.tccli/default.credential), as Terraform reads it last. */
function defaultProfile(env: NodeJS.ProcessEnv, readFile: (p: string) => string): ProfileFiles | undefined {
  const home = env.HOME ?? env.USERPROFILE;
  if (!home) return undefined;
  const dir = path.join(home, ".tccli");
  try {
    readFile(path.join(dir, "default.credential"));
  } catch {
    return undefined;
  }
  return readProfile(dir, "default", `tccli's default profile`, readFile);
}

export const MISSING_CREDENTIALS_MESSAGE =
  `Tencent Cloud credentials are missing: set the Pulumi config keys ${OWN}:secretId and ${OWN}:secretKey (store keys with \`pulumi config set --secret\`; ` +
  `or ${UPSTREAM}:secretId and ${UPSTREAM}:secretKey), or ${OWN}:assumeRoleWithWebIdentity, ${OWN}:profile or ${OWN}:camRoleName, ` +
  `or the environment variables ${ENV.secretId} and ${ENV.secretKey}, ${CREDENTIAL_ENV.roleArn} with ${CREDENTIAL_ENV.webIdentityToken} or ${CREDENTIAL_ENV.webIdentityTokenFile}, ` +
  `${CREDENTIAL_ENV.profile} or ${CREDENTIAL_ENV.camRoleName} (README "Credentials" lists every source).`;

// ------------------------------------------------------------------ the table

function configAssumeRole(stored: StoredConfig | undefined): AssumeRoleChoice | undefined {
  const found = configValue(stored, "assumeRole");
  if (!found) return undefined;
  const args = parseObject(found.name, found.value, assumeRoleArg(found.name));
  return { source: `the Pulumi config ${found.name}`, ...session(args), ...(args.policy ? { policy: args.policy } : {}), ...(args.externalId ? { externalId: args.externalId } : {}) };
}

function envAssumeRole(env: NodeJS.ProcessEnv): AssumeRoleChoice | undefined {
  const e = CREDENTIAL_ENV;
  const roleArn = nonEmpty(env[e.roleArn]);
  if (!roleArn) return undefined;
  checkArn(roleArn, e.roleArn);
  const externalId = nonEmpty(env[e.externalId]);
  return { source: `the environment variable ${e.roleArn}`, ...session({ roleArn, sessionName: nonEmpty(env[e.sessionName]), sessionDuration: envDuration(env) }), ...(externalId ? { externalId } : {}) };
}

/** The credentials the configuration selects (first row found wins), with the role to assume on top, and a profile's region. */
export function chooseCredentials(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv, readFile: (p: string) => string = (p) => fs.readFileSync(p, "utf8")): Choice {
  const configProfile = () => profileFrom(stored, env, readFile, true);
  const envProfile = () => profileFrom(stored, env, readFile, false);
  const rows: (() => BaseChoice | ProfileFiles | undefined)[] = [
    () => configWebIdentity(stored), () => configKeys(stored), configProfile, () => configInstanceRole(stored),
    () => envWebIdentity(env), () => envKeys(env), envProfile, () => envInstanceRole(env),
    () => defaultProfile(env, readFile),
  ];
  for (const row of rows) {
    const found = row();
    if (!found) continue;
    const base = "kind" in found ? found : found.keys;
    const profile = "kind" in found ? undefined : found;
    // The environment's TENCENTCLOUD_ASSUME_ROLE_ARN is the web identity's own role when that is the source.
    const assumeRole = configAssumeRole(stored) ?? (base.kind === "webIdentity" && base.source.includes(CREDENTIAL_ENV.roleArn) ? undefined : envAssumeRole(env)) ?? profile?.assumeRole;
    const region = profile?.region ?? (base.kind === "webIdentity" && base.source.startsWith("TKE") ? nonEmpty(env[CREDENTIAL_ENV.tkeRegion]) : undefined);
    return { base, ...(assumeRole ? { assumeRole } : {}), ...(region ? { region } : {}) };
  }
  return fail(MISSING_CREDENTIALS_MESSAGE);
}

