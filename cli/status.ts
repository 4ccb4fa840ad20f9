// `tencent-https status [--json | --prometheus] [--fail-within DAYS]`: an inventory of every CDN domain
// and every CSS playback domain with its HTTPS state, certificate source and expiry, and every free
// certificate, soonest expiry first; for a person (a table), a program (JSON), a node-exporter
// textfile collector (Prometheus text) or cron (an exit code when a certificate expires soon). Read-only.
// Credentials and endpoint come from the environment, from the same sources and in the same order as
// the provider's (provider/credentials/choose.ts: keys, an STS token, a web identity, assumeRole, a
// tccli profile, an instance role), so the same command works in CI, on a CVM and against the emulator.
import { ENV, resolveConnection } from "../provider/config";
import { ProviderContext } from "../provider/context";
import { chooseCredentials, CREDENTIAL_ENV } from "../provider/credentials/choose";
import type { TencentCloudClient } from "../provider/tencentcloud/client";
import { servedCertSource } from "../provider/rules/cdn";
import { sourceOfCertType } from "../provider/rules/live";
import { chinaTimeToIso } from "../provider/rules/sslCertificate";
import { CdnService } from "../provider/services/cdn";
import { LiveService } from "../provider/services/live";
import type { DescribeCertificateResponse, DetailDomain, LiveDomainCertBinding, LiveDomainInfo } from "../provider/tencentcloud/types";
import { SslService } from "../provider/services/ssl";
import { daysToExpiry, EXPIRED, ISSUED, renewalWindowOpens, statusWord } from "../provider/rules/freeCertificate";
import { CLIENT_ERROR, TencentCloudError } from "../provider/tencentcloud/errors";

// ------------------------------------------------------------------------------- the report (pure)

export type CertSourceView = "self-owned" | "hosted" | "none";

export interface StatusRow {
  kind: "cdn" | "live" | "free";
  domain: string;
  /** The domain's own status: CDN online/processing/offline/..., CSS enabled/disabled. */
  domainStatus: string;
  /** CDN: off, or the SslStatus (deploying, deployed, failed); CSS: on or off. */
  https: string;
  source: CertSourceView;
  certificateId?: string;
  /** ISO 8601 UTC. */
  expiresAt?: string;
  /** Free certificates: when the API's 30-day renewal window opens (a FreeCertificate renews within renewBeforeDays). */
  renewableFrom?: string;
}

export function cdnRow(d: DetailDomain): StatusRow {
  const https = d.Https;
  const cert = https?.CertInfo;
  const hasCert = !!(cert && (cert.CertId || cert.ExpireTime || cert.CertName));
  return withoutUndefinedFields({
    kind: "cdn",
    domain: d.Domain,
    domainStatus: d.Status,
    https: https?.Switch === "on" ? https.SslStatus ?? "on" : "off",
    source: hasCert ? servedCertSource(cert) : "none",
    certificateId: cert?.CertId || undefined,
    expiresAt: chinaTimeToIso(cert?.ExpireTime),
  });
}

export function liveRow(d: LiveDomainInfo, binding: LiveDomainCertBinding | undefined): StatusRow {
  return withoutUndefinedFields({
    kind: "live",
    domain: d.Name,
    domainStatus: d.Status === 1 ? "enabled" : "disabled",
    https: binding?.Status === 1 ? "on" : "off",
    source: binding ? sourceOfCertType(binding.CertType) : "none",
    certificateId: binding?.CloudCertId || undefined,
    expiresAt: binding ? chinaTimeToIso(binding.CertExpireTime) : undefined,
  });
}

/** A free TrustAsia certificate: its domain, status word, id, and once issued its expiry and renewal date. */
export function freeRow(c: DescribeCertificateResponse): StatusRow {
  // One not issued (yet) has no validity, whatever date the listing shows.
  const issued = c.Status === ISSUED || c.Status === EXPIRED;
  const expiresAt = issued ? chinaTimeToIso(c.CertEndTime ?? undefined) : undefined;
  return withoutUndefinedFields({
    kind: "free",
    domain: c.Domain ?? "",
    domainStatus: statusWord(c.Status),
    https: "-",
    source: "hosted",
    certificateId: c.CertificateId ?? undefined,
    expiresAt: expiresAt,
    renewableFrom: expiresAt ? renewalWindowOpens(expiresAt) : undefined,
  });
}

function withoutUndefinedFields<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).filter(([, v]) => v !== undefined)) as T;
}

/** Soonest expiry first; domains without a certificate last; then by kind and domain. */
export function sortRows(rows: StatusRow[]): StatusRow[] {
  const expiry = (r: StatusRow) => (r.expiresAt ? Date.parse(r.expiresAt) : Number.POSITIVE_INFINITY);
  return [...rows].sort((a, b) => expiry(a) - expiry(b) || a.kind.localeCompare(b.kind) || a.domain.localeCompare(b.domain));
}

const utcText = (iso: string) => iso.replace("T", " ").replace(/\.\d+Z$|Z$/, " UTC");

function expiryText(iso: string | undefined, now: Date, renewableFrom?: string): string {
  if (!iso) return "-";
  const days = daysToExpiry(iso, now);
  const renewal = renewableFrom ? `, renewable from ${renewableFrom.slice(0, 10)}` : "";
  return days < 0 ? `${utcText(iso)} (EXPIRED)` : `${utcText(iso)} (${days} d${renewal})`;
}

export function formatTable(rows: StatusRow[], now: Date): string {
  const header = ["KIND", "DOMAIN", "STATUS", "HTTPS", "CERT SOURCE", "CERT ID", "EXPIRES"];
  const cells = rows.map((r) => [r.kind, r.domain, r.domainStatus, r.https, r.source, r.certificateId ?? "-", expiryText(r.expiresAt, now, r.renewableFrom)]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) => c.map((v, i) => v.padEnd(widths[i])).join("  ").trimEnd();
  const count = (kind: StatusRow["kind"]) => rows.filter((r) => r.kind === kind).length;
  const free = count("free");
  const footer = `${count("cdn")} CDN domain(s), ${count("live")} CSS playback domain(s)${free > 0 ? `, ${free} free certificate(s)` : ""}`;
  return [line(header), ...cells.map(line), "", footer].join("\n") + "\n";
}

const METRIC = "tencentcloud_https_certificate_expiry_days";
const DAY_MS = 86_400_000;

/** A label value in the text exposition format: backslash, double quote and newline escaped. */
const labelValue = (v: string) => v.replace(/\\/g, "\\\\").replace(/"/g, "\\\"").replace(/\n/g, "\\n");

/**
 * The rows with a certificate as Prometheus text (exposition format 0.0.4), one gauge sample per
 * certificate and domain: days to expiry, fractional, negative once expired. No timestamps, as a
 * node-exporter textfile collector wants.
 */
export function formatPrometheus(rows: StatusRow[], now: Date): string {
  const samples = rows.filter((r) => r.expiresAt).map((r) => {
    const labels = `kind="${r.kind}",domain="${labelValue(r.domain)}",certificate_id="${labelValue(r.certificateId ?? "")}",source="${r.source}"`;
    return `${METRIC}{${labels}} ${((Date.parse(r.expiresAt!) - now.getTime()) / DAY_MS).toFixed(3)}`;
  });
  return [
    `# HELP ${METRIC} Days until the certificate a domain serves expires (negative once expired), from tencent-https status.`,
    `# TYPE ${METRIC} gauge`,
    ...samples,
  ].join("\n") + "\n";
}

/** The rows whose certificate expires within `days` of `now` (or expired already). */
export function expiringWithin(rows: StatusRow[], days: number, now: Date): StatusRow[] {
  return rows.filter((r) => r.expiresAt && Date.parse(r.expiresAt) - now.getTime() <= days * DAY_MS);
}

// ------------------------------------------------------------------------------- the API (I/O)

export async function collectStatus(client: TencentCloudClient): Promise<StatusRow[]> {
  const live = new LiveService(client);
  const [cdn, play, bindings, free] = await Promise.all([
    new CdnService(client, { info: () => undefined, warn: () => undefined }).listDomains(), live.listPlaybackDomains(), live.listAllBindings(), new SslService(client).listFreeCertificates(),
  ]);
  const byDomain = new Map(bindings.map((b) => [b.DomainName.toLowerCase(), b]));
  return sortRows([...cdn.map(cdnRow), ...play.map((d) => liveRow(d, byDomain.get(d.Name.toLowerCase()))), ...free.map(freeRow)]);
}

/** A call that got no answer at all (refused, unreachable, no such host): one sentence naming the endpoint. */
function unreachable(e: unknown, connection: { endpoint?: string; domain: string }): string | undefined {
  if (!(e instanceof TencentCloudError) || e.code !== CLIENT_ERROR.network) return undefined;
  const where = connection.endpoint ?? `https://${e.service}.${connection.domain}`;
  const code = /\bE[A-Z_]{3,}\b/.exec(e.apiMessage)?.[0];
  const why = code === "ECONNREFUSED" ? "ECONNREFUSED: nothing accepts connections there" : e.apiMessage;
  return `cannot reach the Tencent Cloud API at ${where} (${why}); start the emulator, or set ${ENV.endpoint} to an endpoint that answers.`;
}

// ------------------------------------------------------------------------------- the command

export interface StatusIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

const USAGE = "usage: tencent-https status [--json | --prometheus] [--fail-within DAYS]\n";

export const HELP = `${USAGE}
Lists every CDN domain and CSS playback domain with its status, HTTPS state, certificate source, id
and expiry, and every free TrustAsia certificate with its status, expiry and the day its renewal
window opens, soonest expiry first. Read-only: it only calls Describe actions.

options:
  --json              the same rows as JSON (progress and retry lines go to stderr)
  --prometheus        days to expiry per certificate and domain, as Prometheus text for a node-exporter
                      textfile collector (metric tencentcloud_https_certificate_expiry_days)
  --fail-within DAYS  exit 1 when a certificate expires within DAYS days (or has expired), naming them
                      on stderr; the listing is printed as usual (for cron or a scheduled pipeline)
  --help, -h          this text

environment (status reads no Pulumi config; the sources and their order are the provider's, README "Credentials"):
  ${ENV.secretId}, ${ENV.secretKey}   an API key pair
  ${ENV.token}                   with temporary keys (an STS token)
  ${CREDENTIAL_ENV.roleArn}, ${CREDENTIAL_ENV.webIdentityToken}[_FILE], ${CREDENTIAL_ENV.providerId}
                                                a CI identity token exchanged for a role's credentials
  ${CREDENTIAL_ENV.roleArn}, ${CREDENTIAL_ENV.sessionName}   a role assumed with the keys
  ${CREDENTIAL_ENV.profile}, ${CREDENTIAL_ENV.sharedCredentialsDir}   a tccli profile
  ${CREDENTIAL_ENV.camRoleName}                    a CVM/TKE instance role
  ${ENV.region}, ${ENV.domain}          the region (STS), the site (intl.tencentcloudapi.com)
  ${ENV.endpoint}                   another endpoint, e.g. http://127.0.0.1:8787 for the emulator
                                                (default https://<service>.tencentcloudapi.com)

exit codes:
  0  listed (with --fail-within: and no certificate expires within DAYS days)
  1  a certificate expires within --fail-within DAYS; or an API call failed, or nothing answered at the
     endpoint (one sentence naming it, at once)
  2  a usage error, missing credentials or an invalid endpoint

example:
  ${ENV.secretId}=AKID... ${ENV.secretKey}=... tencent-https status --json
  tencent-https status --prometheus > /var/lib/node_exporter/textfile/tencent_https.prom.$$ && mv /var/lib/node_exporter/textfile/tencent_https.prom.$$ /var/lib/node_exporter/textfile/tencent_https.prom
  tencent-https status --fail-within 14 || notify "a certificate expires within two weeks"
`;

export const MISSING_ENV_CREDENTIALS =
  `no credentials: set the environment variables ${ENV.secretId} and ${ENV.secretKey} ` +
  `(and ${ENV.token} for temporary credentials), or another source README "Credentials" lists; status reads no Pulumi config.`;

const processIo: StatusIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  now: () => new Date(),
};

interface StatusArgs { format: "table" | "json" | "prometheus"; failWithin?: number }

export function parseStatusArgs(args: string[]): StatusArgs | string {
  const out: StatusArgs = { format: "table" };
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (flag === "--json" || flag === "--prometheus") {
      const format = flag === "--json" ? "json" : "prometheus";
      if (out.format !== "table" && out.format !== format) return "give one of --json and --prometheus";
      out.format = format;
    } else if (flag === "--fail-within") {
      const value = inline ?? args[++i];
      if (value === undefined || !/^\d+$/.test(value)) return `--fail-within needs a whole number of days, such as --fail-within 14${value === undefined ? "" : `, not "${value}"`}`;
      out.failWithin = Number(value);
    } else {
      return `unknown option ${args[i]}; the options are --json, --prometheus and --fail-within DAYS`;
    }
  }
  return out;
}

export async function run(args: string[], io: StatusIo = processIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) { io.out(HELP); return 0; }
  const parsed = parseStatusArgs(args);
  if (typeof parsed === "string") { io.err(`tencent-https status: ${parsed}.\n\n${USAGE}`); return 2; }
  let client: TencentCloudClient;
  let connection: ReturnType<typeof resolveConnection>;
  try {
    chooseCredentials(undefined, io.env);
    connection = resolveConnection(undefined, io.env);
    // Progress and retry lines go to stderr, so `--json` output stays parseable. An endpoint where
    // nothing answers fails the first call at once: a person waits for a sentence, not for retries.
    client = new ProviderContext({ env: io.env, logSink: (_level, line) => io.err(`${line}\n`), retryUnreachable: false }).client;
  } catch (e) {
    const message = (e as Error).message;
    // No source, half a key pair, an unreadable profile, an invalid endpoint.
    io.err(`tencent-https status: ${/credentials are missing/.test(message) ? MISSING_ENV_CREDENTIALS : message}\n`);
    return 2;
  }
  let rows: StatusRow[];
  try {
    rows = await collectStatus(client);
  } catch (e) {
    const sentence = unreachable(e, connection);
    if (!sentence) throw e;
    io.err(`tencent-https status: ${sentence}\n`);
    return 1;
  }
  const now = io.now();
  io.out(parsed.format === "json" ? JSON.stringify(rows, null, 2) + "\n" : parsed.format === "prometheus" ? formatPrometheus(rows, now) : formatTable(rows, now));
  if (parsed.failWithin === undefined) return 0;
  const soon = expiringWithin(rows, parsed.failWithin, now);
  if (soon.length === 0) return 0;
  const named = soon.map((r) => `${r.domain} (${r.kind}, ${r.certificateId ?? "no id"}, ${daysToExpiry(r.expiresAt!, now)} d)`);
  io.err(`tencent-https status: ${soon.length} certificate${soon.length === 1 ? " expires" : "s expire"} within ${parsed.failWithin} days: ${named.join(", ")}.\n`);
  return 1;
}
