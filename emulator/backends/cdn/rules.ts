// UpdateDomainConfig's rules as the service enforces them, and the listings' filters: pure functions
// from the stored domain, the request's blocks and the SSL store to the new blocks (or the API's
// error). The request's shape was already checked against the spec. The backend (model.ts) applies them.
import type { DetailDomain, ForceRedirect, Https, ServerCert } from "../../../provider/tencentcloud/types";
import { ApiError } from "../../core/errors";
import { assertFullChain, assertKeyMatches, CertError, parseCertificate } from "../../core/certs";
import { chinaTime } from "../../core/format";
import { resolveClientCertInfo } from "./clientCert";
import { assertObject, onOff, paramError, requiredSwitch } from "./params";
import { defaultForceRedirect, defaultHsts, defaultHttps } from "./defaults";
import type { SslCertificateRecord } from "../ssl/model";

const TLS_VERSIONS = ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"];
const SELF_OWNED_ORIGIN = /^(ip|ipv6|domain|domainv6)(_(ip|ipv6|domain|domainv6))*$/;

/** Whether the domain may use HTTPS at all (status, COS default domain, origin type). */
export function assertHttpsEligible(detail: DetailDomain): void {
  if (detail.Status !== "processing" && detail.Status !== "online") {
    throw new ApiError("InvalidParameter.CdnHostInvalidStatus", `The domain ${detail.Domain} is ${detail.Status}; HTTPS can be configured only while it is processing or online.`);
  }
  if (detail.Domain.endsWith(".file.myqcloud.com")) {
    // CdnHostIsCosDefaultAccess is not in UpdateDomainConfig's documented codes; CdnParamError is.
    throw paramError(`The domain ${detail.Domain} is a COS default access domain and cannot be configured with HTTPS here.`);
  }
  const originType = detail.Origin?.OriginType ?? "";
  if (!(SELF_OWNED_ORIGIN.test(originType) || originType === "cos" || originType === "ftp")) {
    throw paramError(`HTTPS can be configured only for domains with a self-owned, COS or FTP origin; ${detail.Domain} has origin type "${originType}".`);
  }
}

function cdnCertError(e: unknown): ApiError {
  if (!(e instanceof CertError)) throw e;
  switch (e.problem) {
    // CdnCertNotPem is not in UpdateDomainConfig's documented codes; SslCertParseError is.
    case "not-pem": return new ApiError("InvalidParameter.SslCertParseError", "Certificate parse error: the certificate is not in PEM format.");
    case "key-mismatch": return new ApiError("InvalidParameter.SslCertMatchError", "The certificate and the private key do not match.");
    case "chain": return new ApiError("InvalidParameter.SslCertChainError", `Certificate chain error: ${e.message}.`);
    default: return new ApiError("InvalidParameter.SslCertParseError", `Certificate parse error: ${e.message}.`);
  }
}

/** The CertInfo to store (no PEM, no key): from the SSL store (hosted) or parsed from the request (self-owned). */
function resolveServerCert(sent: unknown, findSsl: (id: string) => SslCertificateRecord | undefined): ServerCert {
  if (sent === undefined || sent === null) throw new ApiError("InvalidParameter.CdnCertInfoNotFound", "Https.CertInfo is required when HTTPS is on.");
  const info = assertObject(sent, "Https.CertInfo");
  const message = typeof info.Message === "string" ? info.Message : undefined;
  if (typeof info.CertId === "string" && info.CertId !== "") {
    const record = findSsl(info.CertId);
    if (!record) throw new ApiError("FailedOperation.SslCertNotFound", `The SSL certificate ${info.CertId} does not exist.`);
    return { CertId: record.id, CertName: record.alias || record.cert.commonName || record.id, ExpireTime: chinaTime(record.cert.notAfter), From: "ssl", ...(message ? { Message: message } : {}) };
  }
  if (typeof info.Certificate !== "string" || info.Certificate === "") {
    throw new ApiError("InvalidParameter.CdnCertInfoNotFound", "Https.CertInfo needs CertId (hosted) or Certificate and PrivateKey (self-owned).");
  }
  if (typeof info.PrivateKey !== "string" || info.PrivateKey === "") {
    // CdnCertNoCertInfo is documented for DescribeDomainsConfig only; UpdateDomainConfig answers CdnCertInfoNotFound.
    throw new ApiError("InvalidParameter.CdnCertInfoNotFound", "Https.CertInfo.PrivateKey is required with Https.CertInfo.Certificate.");
  }
  try {
    const cert = parseCertificate(info.Certificate);
    assertKeyMatches(cert, info.PrivateKey);
    assertFullChain(cert);
    return { CertName: cert.commonName || cert.sans[0] || "certificate", ExpireTime: chinaTime(cert.notAfter), From: "upload", ...(message ? { Message: message } : {}) };
  } catch (e) {
    throw cdnCertError(e);
  }
}

function resolveHsts(sent: unknown): NonNullable<Https["Hsts"]> {
  if (sent === undefined || sent === null) return defaultHsts();
  const h = assertObject(sent, "Https.Hsts");
  const maxAge = h.MaxAge ?? 0;
  if (typeof maxAge !== "number" || !Number.isInteger(maxAge) || maxAge < 0) throw paramError("Https.Hsts.MaxAge must be a non-negative integer.");
  return { Switch: requiredSwitch(h, "Https.Hsts"), MaxAge: maxAge, IncludeSubDomains: onOff(h, "IncludeSubDomains", "Https.Hsts", "off") };
}

function resolveTlsVersion(sent: unknown): string[] {
  if (sent === undefined || sent === null) return defaultHttps().TlsVersion!;
  if (!Array.isArray(sent) || sent.length === 0 || sent.some((v) => !TLS_VERSIONS.includes(v as string))) {
    throw paramError(`Https.TlsVersion must list some of ${TLS_VERSIONS.join(", ")}.`);
  }
  const idx = [...new Set(sent as string[])].map((v) => TLS_VERSIONS.indexOf(v)).sort();
  if (idx[idx.length - 1] - idx[0] !== idx.length - 1) throw paramError("Https.TlsVersion must list consecutive versions.");
  return idx.map((i) => TLS_VERSIONS[i]);
}

/** The new Https block, whole: fields not sent fall back to their defaults. */
export function resolveHttps(sent: unknown, detail: DetailDomain, findSsl: (id: string) => SslCertificateRecord | undefined, now: number): Https {
  const block = assertObject(sent, "Https");
  const sw = requiredSwitch(block, "Https");
  const defaults = defaultHttps();
  const verifyClient = onOff(block, "VerifyClient", "Https", "off");
  const https: Https = {
    Switch: sw,
    Http2: onOff(block, "Http2", "Https", defaults.Http2!),
    OcspStapling: onOff(block, "OcspStapling", "Https", defaults.OcspStapling!),
    VerifyClient: verifyClient,
    Spdy: onOff(block, "Spdy", "Https", defaults.Spdy!),
    SslStatus: "closed",
    Hsts: resolveHsts(block.Hsts),
    TlsVersion: resolveTlsVersion(block.TlsVersion),
  };
  const clientCert = resolveClientCertInfo(block.ClientCertInfo, verifyClient, now);
  if (clientCert) https.ClientCertInfo = clientCert;
  if (sw === "on") {
    assertHttpsEligible(detail);
    https.CertInfo = resolveServerCert(block.CertInfo, findSsl);
    https.SslStatus = "deploying";
  }
  return https;
}

/** The new ForceRedirect block, whole. HTTP->HTTPS only with a deployed certificate. */
export function resolveForceRedirect(sent: unknown, currentHttps: Https | undefined): ForceRedirect {
  const block = assertObject(sent, "ForceRedirect");
  const defaults = defaultForceRedirect();
  const type = block.RedirectType ?? defaults.RedirectType;
  if (type !== "http" && type !== "https") throw paramError('ForceRedirect.RedirectType must be "http" or "https".');
  const code = block.RedirectStatusCode ?? defaults.RedirectStatusCode;
  if (![301, 302, 307, 308].includes(code as number)) throw paramError("ForceRedirect.RedirectStatusCode must be 301, 302, 307 or 308.");
  const redirect: ForceRedirect = {
    Switch: requiredSwitch(block, "ForceRedirect"),
    RedirectType: type,
    RedirectStatusCode: code as number,
    CarryHeaders: onOff(block, "CarryHeaders", "ForceRedirect", "off"),
  };
  if (redirect.Switch === "on" && type === "https" && !(currentHttps?.Switch === "on" && currentHttps.SslStatus === "deployed")) {
    throw new ApiError("FailedOperation.CdnConfigError", "Forced HTTPS redirect requires a deployed HTTPS certificate: certificate not deployed.");
  }
  return redirect;
}

/** Turning HTTPS off while HTTP->HTTPS redirect stays on would break the site: the service refuses. */
export function assertRedirectAllowsHttpsOff(https: Https, redirect: ForceRedirect | undefined): void {
  if (https.Switch === "off" && redirect?.Switch === "on" && redirect.RedirectType === "https") {
    throw new ApiError("FailedOperation.CdnConfigError", "Turn off the forced HTTPS redirect before turning HTTPS off.");
  }
}

// ------------------------------------------------------------------ listings

export interface DomainFilter { name: string; values: string[]; fuzzy: boolean }

function httpsState(d: DetailDomain): string {
  const h = d.Https;
  if (!h || h.Switch !== "on") return "off";
  return h.SslStatus === "deploying" ? "processing" : "on";
}

function fieldFor(d: DetailDomain, name: string): string[] {
  switch (name) {
    case "domain": return [d.Domain];
    case "origin": return d.Origin?.Origins ?? [];
    case "resourceId": return [d.ResourceId.toLowerCase()];
    case "status": return [d.Status];
    case "serviceType": return [d.ServiceType];
    case "https": return [httpsState(d)];
    case "projectId": return [String(d.ProjectId)];
    default: return [d.Origin?.OriginType === "cos" ? "cos" : d.Origin?.OriginType === "third_party" ? "third_party" : "cname"];
  }
}

export function matches(d: DetailDomain, f: DomainFilter): boolean {
  const have = fieldFor(d, f.name).map((v) => v.toLowerCase());
  return f.fuzzy ? have.some((v) => v.includes(f.values[0])) : have.some((v) => f.values.includes(v));
}
