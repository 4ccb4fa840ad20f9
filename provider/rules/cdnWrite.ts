// What one create, update or delete writes to a CDN domain, as pure rules: the read-modify-write
// merge of the `Https` block (UpdateDomainConfig replaces a block as a whole) with the client
// verification (clientCertificate.ts) and the top-level Quic block in the same call, the forced
// redirect, the invariants of one UpdateDomainConfig request, and HTTPS off on delete.
// Product rules: docs/product/cdn-https.md; API: docs/reference/tencentcloud-api.md §2.
import { messages } from "../messages";
import type { DetailDomain, ForceRedirect, Https, Quic, ServerCert, UpdateDomainConfigRequest } from "../tencentcloud/types";
import { canonicalTlsVersions, DEFAULT_REDIRECT_STATUS, type TlsVersion } from "./cdn";
import { withClientVerification } from "./clientCertificate";

// ---------------------------------------------------------------- desired state and merge


export type DesiredCert =
  | { source: "self-owned"; certificate: string; privateKey: string }
  | { source: "hosted"; certificateId: string };

export interface DesiredHttps {
  cert: DesiredCert;
  alias?: string;
  http2: boolean;
  ocspStapling: boolean;
  /** Absent: not managed, the domain's current setting is kept. */
  tlsVersions?: TlsVersion[];
  /** Absent: HSTS off. */
  hsts?: { maxAge: number; includeSubDomains: boolean };
}

export interface DesiredRedirect { statusCode: number; carryHeaders: boolean }

const onOff = (b: boolean) => (b ? "on" : "off") as "on" | "off";

function serverCertFor(desired: DesiredHttps): ServerCert {
  const message = desired.alias === undefined ? {} : { Message: desired.alias };
  return desired.cert.source === "hosted"
    ? { CertId: desired.cert.certificateId, ...message }
    : { Certificate: desired.cert.certificate, PrivateKey: desired.cert.privateKey, ...message };
}

/**
 * The full `Https` block to send: our fields over the current block, so that settings we do not
 * manage (Spdy, TLS versions when unset, ...) survive the whole-block replace. Output-only fields
 * are not sent back. Client verification is set over this by cdnMtlsQuic.withClientVerification.
 */
export function mergeHttps(current: Https | undefined, desired: DesiredHttps): Https {
  const { SslStatus: _status, ...kept } = current ?? ({ Switch: "off" } as Https);
  const merged: Https = {
    ...kept,
    Switch: "on",
    Http2: onOff(desired.http2),
    OcspStapling: onOff(desired.ocspStapling),
    CertInfo: serverCertFor(desired),
    Hsts: desired.hsts
      ? { Switch: "on", MaxAge: desired.hsts.maxAge, IncludeSubDomains: onOff(desired.hsts.includeSubDomains) }
      : { Switch: "off" },
  };
  if (desired.tlsVersions) merged.TlsVersion = canonicalTlsVersions(desired.tlsVersions);
  return merged;
}

/** HTTPS off, everything else as it was. The certificate is dropped: the API cannot echo its key back. */
export function httpsOff(current: Https | undefined): Https {
  const { SslStatus: _status, CertInfo: _cert, ...kept } = current ?? ({ Switch: "off" } as Https);
  return { ...kept, Switch: "off" };
}

export function redirectOn(desired: DesiredRedirect): ForceRedirect {
  return { Switch: "on", RedirectType: "https", RedirectStatusCode: desired.statusCode, CarryHeaders: onOff(desired.carryHeaders) };
}

export function redirectOff(current: ForceRedirect | undefined): ForceRedirect {
  return { ...(current ?? {}), Switch: "off" };
}

/** True when the domain already redirects HTTP to HTTPS exactly as desired (undefined desired: not redirecting). */
export function redirectMatches(current: ForceRedirect | undefined, desired: DesiredRedirect | undefined): boolean {
  const on = current?.Switch === "on" && current.RedirectType === "https";
  if (!desired) return !on;
  return on && (current!.RedirectStatusCode ?? DEFAULT_REDIRECT_STATUS) === desired.statusCode &&
    (current!.CarryHeaders ?? "off") === onOff(desired.carryHeaders);
}

/** True when the managed settings of the current block already equal the desired ones (certificate aside). */
export function httpsSettingsMatch(current: Https | undefined, desired: DesiredHttps): boolean {
  if (!current || current.Switch !== "on") return false;
  const hstsOn = current.Hsts?.Switch === "on";
  const hstsOk = desired.hsts
    ? hstsOn && current.Hsts!.MaxAge === desired.hsts.maxAge && (current.Hsts!.IncludeSubDomains ?? "off") === onOff(desired.hsts.includeSubDomains)
    : !hstsOn;
  const tlsOk = !desired.tlsVersions ||
    JSON.stringify(canonicalTlsVersions(current.TlsVersion ?? [])) === JSON.stringify(canonicalTlsVersions(desired.tlsVersions));
  return (current.Http2 ?? "off") === onOff(desired.http2) && (current.OcspStapling ?? "off") === onOff(desired.ocspStapling) && hstsOk && tlsOk;
}

// ---------------------------------------------------------------- QUIC

export function quicOn(detail: DetailDomain): boolean {
  return detail.Quic?.Switch === "on";
}

/** The Quic block to send, or undefined when QUIC is not managed (absent) or already as desired. */
export function quicChange(detail: DetailDomain, desired: boolean | undefined): Quic | undefined {
  if (desired === undefined || quicOn(detail) === desired) return undefined;
  return { Switch: desired ? "on" : "off" };
}

// ---------------------------------------------------------------- one request, and the delete order

/** The blocks of one UpdateDomainConfig call that this resource writes. */
export type DomainConfigChange = Pick<UpdateDomainConfigRequest, "Https" | "ForceRedirect" | "Quic">;

export interface DesiredExtras {
  /** The client CA bundle (PEM); undefined: client verification off. */
  clientCa?: string;
  /** undefined: the domain's QUIC setting is left as it is. */
  quic?: boolean;
}

/** The HTTPS write of create/update: the merged Https block with client verification, and Quic in the same call. */
export function httpsChange(detail: DetailDomain, desired: DesiredHttps, extras: DesiredExtras): DomainConfigChange {
  const https = withClientVerification(mergeHttps(detail.Https, desired), extras.clientCa);
  const quic = quicChange(detail, extras.quic);
  return quic ? { Https: https, Quic: quic } : { Https: https };
}

/**
 * Why a request would break a documented invariant, or undefined: VerifyClient on needs the client CA
 * in the same block (never a moment of mTLS without its CA), and QUIC needs HTTPS on.
 */
export function changeProblem(detail: DetailDomain, change: DomainConfigChange): string | undefined {
  const https = change.Https ?? detail.Https;
  if (change.Https && https?.VerifyClient === "on" && !https.ClientCertInfo?.Certificate) return messages.cdnVerifyClientWithoutCa(detail.Domain);
  const quic = change.Quic ?? detail.Quic;
  if (quic?.Switch === "on" && https?.Switch !== "on") return messages.cdnQuicNeedsHttps(detail.Domain);
  return undefined;
}

/**
 * The HTTPS-off write of delete (after the forced redirect went off, never redirect to a site without
 * HTTPS): client verification off with it, and QUIC off in the same call when it is on, because QUIC
 * cannot outlive HTTPS.
 */
export function httpsOffChange(detail: DetailDomain): DomainConfigChange {
  const https = withClientVerification(httpsOff(detail.Https), undefined);
  return quicOn(detail) ? { Https: https, Quic: { Switch: "off" } } : { Https: https };
}
