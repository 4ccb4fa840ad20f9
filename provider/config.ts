// What configure reads from Pulumi config, kept as given (the host may drop the request object), and
// the settings that are not credentials: the endpoint, the region, the site's domain, the rate-limit
// store. Which credentials the values select is provider/credentials/choose.ts's: the precedence
// table lives there. Config read here never goes into state or outputs.
import { isLoopbackUrl } from "./tencentcloud/loopback";

export interface ConfigSource { get(key: string): string | undefined }
export interface ConfigureRequest { config: ConfigSource }

export const OWN = "tencentcloud-https";
export const UPSTREAM = "tencentcloud"; // the Tencent Cloud Pulumi provider's namespace (Terraform's names, camelCased)
export const ENV = {
  secretId: "TENCENTCLOUD_SECRET_ID",
  secretKey: "TENCENTCLOUD_SECRET_KEY",
  token: "TENCENTCLOUD_SECURITY_TOKEN",
  region: "TENCENTCLOUD_REGION",
  domain: "TENCENTCLOUD_DOMAIN",
  endpoint: "TENCENTCLOUD_HTTPS_ENDPOINT",
  metadataEndpoint: "TENCENTCLOUD_HTTPS_METADATA_ENDPOINT",
  rateLimitStore: "TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE",
} as const;

/** Keys read in both namespaces (this package's first): the names Terraform's tencentcloud provider uses, camelCased. */
export const SHARED_KEYS = [
  "secretId", "secretKey", "securityToken", "assumeRole", "assumeRoleWithWebIdentity", "profile", "sharedCredentialsDir", "camRoleName", "region", "domain",
] as const;
/** Keys only this package has. */
const OWN_KEYS = ["endpoint", "metadataEndpoint", "rateLimitStore", "expiryWarningDays"] as const;

export type SharedKey = (typeof SHARED_KEYS)[number];

/** Values read at configure time, by their full key ("tencentcloud-https:region"); blanks left out. */
export interface StoredConfig { values: Readonly<Record<string, string>> }

export function nonEmpty(v: string | undefined): string | undefined {
  const t = v?.trim();
  return t ? t : undefined;
}

/** What configure reads; synchronous on purpose: the host caches the provider before an async configure would resolve. */
export function readConfig(req: ConfigureRequest): StoredConfig {
  const values: Record<string, string> = {};
  const keys = [...SHARED_KEYS.flatMap((k) => [`${OWN}:${k}`, `${UPSTREAM}:${k}`]), ...OWN_KEYS.map((k) => `${OWN}:${k}`)];
  for (const key of keys) {
    const v = nonEmpty(req.config.get(key));
    if (v !== undefined) values[key] = v;
  }
  return { values };
}

/** A setting from config (this package's namespace, then the upstream provider's): its value and full key. */
export function configValue(stored: StoredConfig | undefined, key: SharedKey): { name: string; value: string } | undefined {
  for (const ns of [OWN, UPSTREAM]) {
    const value = stored?.values[`${ns}:${key}`];
    if (value !== undefined) return { name: `${ns}:${key}`, value };
  }
  return undefined;
}

const ownValue = (stored: StoredConfig | undefined, key: (typeof OWN_KEYS)[number]) => stored?.values[`${OWN}:${key}`];

function validEndpoint(endpoint: string, from: string, what = "Tencent Cloud endpoint"): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(endpoint)) {
    throw new Error(`The ${what} from ${from} has no scheme (${JSON.stringify(endpoint)}): write the whole URL, ` +
      "e.g. http://127.0.0.1:8787 for the local emulator or https://cdn.tencentcloudapi.com.");
  }
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new Error(`The ${what} from ${from} is not a URL: ${JSON.stringify(endpoint)}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`The ${what} from ${from} must be an http:// or https:// URL, not ${JSON.stringify(endpoint)}.`);
  }
  if (url.protocol === "http:" && !isLoopbackUrl(endpoint)) {
    // Requests carry private keys: in clear text they may only go to this machine (the local emulator).
    throw new Error(`The ${what} from ${from} uses plain http:// to another machine (${url.host}); ` +
      "requests carry private keys, so use https://, or http:// only to 127.0.0.1 or localhost.");
  }
  return endpoint;
}

/** Where requests go, and under which names: config first, then the environment. */
export interface Connection {
  /** One base URL for every service (the emulator); default https://<service>.<domain>. */
  endpoint?: string;
  /** The root domain of the hosts signed and sent: tencentcloudapi.com, or intl.tencentcloudapi.com for the international site. */
  domain: string;
  /** The region of regional actions (STS): Terraform's default, ap-guangzhou, unless set. */
  region?: string;
}

export const DEFAULT_DOMAIN = "tencentcloudapi.com";
export const DEFAULT_REGION = "ap-guangzhou";

export function resolveConnection(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv = process.env): Connection {
  const fromConfig = ownValue(stored, "endpoint");
  const fromEnv = nonEmpty(env[ENV.endpoint]);
  const endpoint = fromConfig ? validEndpoint(fromConfig, `${OWN}:endpoint`) : fromEnv ? validEndpoint(fromEnv, ENV.endpoint) : undefined;
  const domain = configValue(stored, "domain")?.value ?? nonEmpty(env[ENV.domain]) ?? DEFAULT_DOMAIN;
  if (!/^[a-z0-9.-]+$/i.test(domain)) throw new Error(`The Tencent Cloud domain ${JSON.stringify(domain)} is not a domain name: use tencentcloudapi.com, or intl.tencentcloudapi.com for the international site.`);
  const region = configValue(stored, "region")?.value ?? nonEmpty(env[ENV.region]);
  return { ...(endpoint ? { endpoint } : {}), domain, ...(region ? { region } : {}) };
}

/** The CVM metadata service (instance roles): http://metadata.tencentyun.com unless overridden (tests, the emulator). */
export function metadataEndpoint(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const fromConfig = ownValue(stored, "metadataEndpoint");
  const fromEnv = nonEmpty(env[ENV.metadataEndpoint]);
  // The metadata service is link-local plain HTTP by design; an override is taken as given, but must be a URL.
  if (fromConfig) return validEndpointShape(fromConfig, `${OWN}:metadataEndpoint`);
  if (fromEnv) return validEndpointShape(fromEnv, ENV.metadataEndpoint);
  return "http://metadata.tencentyun.com";
}

function validEndpointShape(url: string, from: string): string {
  if (!/^https?:\/\/[^/]+/i.test(url)) throw new Error(`The metadata endpoint from ${from} must be an http:// or https:// URL, not ${JSON.stringify(url)}.`);
  return url.replace(/\/+$/, "");
}

/**
 * The Redis URL all processes draw each (account, action) budget from (README "Many stacks, one
 * account"): config first, then the environment; undefined: each process paces alone.
 */
export function rateLimitStore(stored: StoredConfig | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  return ownValue(stored, "rateLimitStore") ?? nonEmpty(env[ENV.rateLimitStore]);
}

/** Warn at preview about a certificate the program deploys this many days before it expires (README "Configuration"). */
export const DEFAULT_EXPIRY_WARNING_DAYS = 30;
const MAX_EXPIRY_WARNING_DAYS = 3650;

/** `tencentcloud-https:expiryWarningDays`: whole days, 0 (no warnings) to ten years; default 30. */
export function expiryWarningDays(stored: StoredConfig | undefined): number {
  const text = ownValue(stored, "expiryWarningDays");
  if (text === undefined) return DEFAULT_EXPIRY_WARNING_DAYS;
  const days = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(days <= MAX_EXPIRY_WARNING_DAYS)) {
    throw new Error(`${OWN}:expiryWarningDays must be a whole number of days from 0 (no warnings) to ${MAX_EXPIRY_WARNING_DAYS}, not ${JSON.stringify(text)}: ` +
      `\`pulumi config set ${OWN}:expiryWarningDays ${DEFAULT_EXPIRY_WARNING_DAYS}\`.`);
  }
  return days;
}
