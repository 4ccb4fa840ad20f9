// `tencent-https status [--json]`: an inventory of every CDN domain and every CSS playback domain
// with its HTTPS state, certificate source and expiry, soonest expiry first. Read-only.
// Credentials and endpoint come from the environment (provider/config.ts resolveClientOptions), so
// the same command works against the real API and against `tencent-https emulator`.
import { ENV, resolveClientOptions } from "../provider/config";
import { TencentCloudClient } from "../provider/tencentcloud/client";
import { servedCertSource } from "../provider/rules/cdn";
import { sourceOfCertType } from "../provider/rules/live";
import { chinaTimeToIso } from "../provider/rules/sslCertificate";
import { CdnService } from "../provider/services/cdn";
import { LiveService } from "../provider/services/live";
import type { DescribeCertificateResponse, DetailDomain, LiveDomainCertBinding, LiveDomainInfo } from "../provider/tencentcloud/types";
import { SslService } from "../provider/services/ssl";
import { daysToExpiry, renewalWindowOpens, statusWord } from "../provider/rules/freeCertificate";

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

/** A free TrustAsia certificate: its domain, status word, id, expiry and renewal date. */
export function freeRow(c: DescribeCertificateResponse): StatusRow {
  const expiresAt = chinaTimeToIso(c.CertEndTime ?? undefined);
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

// ------------------------------------------------------------------------------- the API (I/O)

export async function collectStatus(client: TencentCloudClient): Promise<StatusRow[]> {
  const live = new LiveService(client);
  const [cdn, play, bindings, free] = await Promise.all([
    new CdnService(client, { info: () => undefined, warn: () => undefined }).listDomains(), live.listPlaybackDomains(), live.listAllBindings(), new SslService(client).listFreeCertificates(),
  ]);
  const byDomain = new Map(bindings.map((b) => [b.DomainName.toLowerCase(), b]));
  return sortRows([...cdn.map(cdnRow), ...play.map((d) => liveRow(d, byDomain.get(d.Name.toLowerCase()))), ...free.map(freeRow)]);
}

// ------------------------------------------------------------------------------- the command

export interface StatusIo {
  out(text: string): void;
  err(text: string): void;
  env: NodeJS.ProcessEnv;
  now(): Date;
}

const USAGE = "usage: tencent-https status [--json]\n";

export const HELP = `${USAGE}
Lists every CDN domain and CSS playback domain with its status, HTTPS state, certificate source, id
and expiry, and every free TrustAsia certificate with its status, expiry and the day its renewal
window opens, soonest expiry first. Read-only: it only calls Describe actions.

options:
  --json      the same rows as JSON (progress and retry lines go to stderr)
  --help, -h  this text

environment (status reads no Pulumi config):
  ${ENV.secretId}, ${ENV.secretKey}   the API key pair (required)
  ${ENV.token}                   for temporary credentials only
  ${ENV.endpoint}                   another endpoint, e.g. http://127.0.0.1:8787 for the emulator
                                                (default https://<service>.tencentcloudapi.com)

exit codes:
  0  listed
  1  an API call failed (the message names the API error)
  2  a usage error, missing credentials or an invalid endpoint

example:
  ${ENV.secretId}=AKID... ${ENV.secretKey}=... tencent-https status --json
`;

export const MISSING_ENV_CREDENTIALS =
  `no credentials: set the environment variables ${ENV.secretId} and ${ENV.secretKey} ` +
  `(and ${ENV.token} for temporary credentials); status reads no Pulumi config.`;

const processIo: StatusIo = {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
  env: process.env,
  now: () => new Date(),
};

export async function run(args: string[], io: StatusIo = processIo): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) { io.out(HELP); return 0; }
  const unknown = args.filter((a) => a !== "--json");
  if (unknown.length > 0) { io.err(`tencent-https status: unknown option ${unknown.join(" ")}; the only option is --json.\n\n${USAGE}`); return 2; }
  if (!io.env[ENV.secretId]?.trim() && !io.env[ENV.secretKey]?.trim()) {
    io.err(`tencent-https status: ${MISSING_ENV_CREDENTIALS}\n`);
    return 2;
  }
  let options: ReturnType<typeof resolveClientOptions>;
  try {
    options = resolveClientOptions(undefined, io.env);
  } catch (e) {
    io.err(`tencent-https status: ${(e as Error).message}\n`); // half a key pair, or an invalid endpoint
    return 2;
  }
  // Progress and retry lines go to stderr, so `--json` output stays parseable.
  const client = new TencentCloudClient({ ...options, log: (line) => io.err(`${line}\n`) });
  const rows = await collectStatus(client);
  io.out(args.includes("--json") ? JSON.stringify(rows, null, 2) + "\n" : formatTable(rows, io.now()));
  return 0;
}
