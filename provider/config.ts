// Credentials and endpoint for the provider, from Pulumi config (through the dynamic provider's
// `configure`) or the environment. Pure: the provider context (context.ts) keeps what configure
// read. Config read here never goes into state or outputs.
import { createHash } from "node:crypto";
import type { ClientOptions } from "./tencentcloud/client";
import { isLoopbackUrl } from "./tencentcloud/loopback";

export interface ConfigSource { get(key: string): string | undefined }
export interface ConfigureRequest { config: ConfigSource }

const OWN = "tencentcloud-https";
const UPSTREAM = "tencentcloud"; // the Tencent Cloud Pulumi provider's namespace
export const ENV = {
  secretId: "TENCENTCLOUD_SECRET_ID",
  secretKey: "TENCENTCLOUD_SECRET_KEY",
  token: "TENCENTCLOUD_SECURITY_TOKEN",
  endpoint: "TENCENTCLOUD_HTTPS_ENDPOINT",
} as const;

/** One place credentials can come from, with the names a person would set there. */
interface CredentialSource { idName: string; keyName: string; secretId?: string; secretKey?: string; token?: string }

/** Values read at configure time: the host may drop the request object afterwards. */
export interface StoredConfig { own: CredentialSource; upstream: CredentialSource; endpoint?: string }

function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

function readNamespace(config: ConfigSource, ns: string): CredentialSource {
  const get = (k: string) => nonEmpty(config.get(`${ns}:${k}`));
  return {
    idName: `${ns}:secretId`, keyName: `${ns}:secretKey`,
    secretId: get("secretId"), secretKey: get("secretKey"), token: get("securityToken"),
  };
}

/** What configure reads; synchronous on purpose: the host caches the provider before an async configure would resolve. */
export function readConfig(req: ConfigureRequest): StoredConfig {
  return {
    own: readNamespace(req.config, OWN),
    upstream: readNamespace(req.config, UPSTREAM),
    endpoint: nonEmpty(req.config.get(`${OWN}:endpoint`)),
  };
}

function envSource(env: NodeJS.ProcessEnv): CredentialSource {
  return {
    idName: ENV.secretId,
    keyName: ENV.secretKey,
    secretId: nonEmpty(env[ENV.secretId]),
    secretKey: nonEmpty(env[ENV.secretKey]),
    token: nonEmpty(env[ENV.token]),
  };
}

export const MISSING_CREDENTIALS_MESSAGE =
  `Tencent Cloud credentials are missing: set the Pulumi config keys ${OWN}:secretId and ${OWN}:secretKey ` +
  `(or ${UPSTREAM}:secretId and ${UPSTREAM}:secretKey; store keys with \`pulumi config set --secret\`), ` +
  `or the environment variables ${ENV.secretId} and ${ENV.secretKey}.`;

/** The first source that sets either half wins as a whole, so an id and a key from different places never mix. */
function pickCredentials(sources: CredentialSource[]): { secretId: string; secretKey: string; token?: string } {
  const source = sources.find((s) => s.secretId || s.secretKey);
  if (!source) throw new Error(MISSING_CREDENTIALS_MESSAGE);
  if (!source.secretId || !source.secretKey) {
    const [set, unset] = source.secretId ? [source.idName, source.keyName] : [source.keyName, source.idName];
    throw new Error(`Tencent Cloud credentials are incomplete: ${set} is set but ${unset} is not; set both.`);
  }
  return { secretId: source.secretId, secretKey: source.secretKey, ...(source.token ? { token: source.token } : {}) };
}

function validEndpoint(endpoint: string, from: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) {
    throw new Error(`The Tencent Cloud endpoint from ${from} has no scheme (${JSON.stringify(endpoint)}): write the whole URL, ` +
      "e.g. http://127.0.0.1:8787 for the local emulator or https://cdn.tencentcloudapi.com.");
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`The Tencent Cloud endpoint from ${from} is not a URL: ${JSON.stringify(endpoint)}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`The Tencent Cloud endpoint from ${from} must be an http:// or https:// URL, not ${JSON.stringify(endpoint)}.`);
  }
  if (url.protocol === "http:" && !isLoopbackUrl(endpoint)) {
    // Requests carry private keys: in clear text they may only go to this machine (the local emulator).
    throw new Error(`The Tencent Cloud endpoint from ${from} uses plain http:// to another machine (${url.host}); ` +
      "requests carry private keys, so use https://, or http:// only to 127.0.0.1 or localhost.");
  }
  return endpoint;
}

/** Config first (own namespace, then the upstream provider's), then the environment. */
export function resolveClientOptions(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv = process.env): ClientOptions {
  const sources = [...(stored ? [stored.own, stored.upstream] : []), envSource(env)];
  const credentials = pickCredentials(sources);
  const endpointConfig = stored?.endpoint;
  const endpointEnv = nonEmpty(env[ENV.endpoint]);
  const endpoint = endpointConfig
    ? validEndpoint(endpointConfig, `${OWN}:endpoint`)
    : endpointEnv ? validEndpoint(endpointEnv, ENV.endpoint) : undefined;
  return { credentials, ...(endpoint ? { endpoint } : {}) };
}

/** What tells two clients apart: a hash, never the secret itself. */
export function clientKey(opts: ClientOptions): string {
  const c = opts.credentials;
  return createHash("sha256").update(JSON.stringify([c.secretId, c.secretKey, c.token ?? "", opts.endpoint ?? ""])).digest("hex");
}
