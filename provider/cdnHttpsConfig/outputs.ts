// The resource's outputs: the arguments with defaults applied (never the private key), plus what the
// API reports (HTTPS state, deployed certificate identity) and the certificate facts.
import { DeployedCert, deployedCertOf, DesiredRedirect, canonicalTlsVersions, DEFAULT_REDIRECT_STATUS } from "../rules/cdn";
import { withoutUndefined } from "../runtime/outputs";
import type { CustomTimeouts } from "../runtime/timeouts";
import type { DetailDomain } from "../tencentcloud/types";
import type { CertFacts } from "./certFacts";
import type { ResolvedArgs } from "./schema";

export interface CdnHttpsConfigOutputs extends CertFacts {
  domain: string;
  certificate?: string;
  certId?: string;
  certRemark?: string;
  http2: boolean;
  ocspStapling: boolean;
  tlsVersions?: string[];
  hsts?: { maxAge: number; includeSubDomains: boolean };
  forceRedirect?: DesiredRedirect;
  waitForDeployment: boolean;
  /** HTTPS switched on at the API. */
  httpsEnabled: boolean;
  sslStatus: string;
  /** The certificate the API serves, as it identifies it; a different one later is drift. */
  deployedCert?: DeployedCert;
  /** The sdk's copy of customTimeouts; delete sees only outputs, so they travel here too. */
  __timeouts?: CustomTimeouts;
}

/** The argument fields of the outputs, which `read` also returns as the reconstructed inputs. */
export const ARG_KEYS = ["domain", "certificate", "certId", "certRemark", "http2", "ocspStapling", "tlsVersions", "hsts", "forceRedirect", "waitForDeployment"] as const;

/** The settings as the API reports them. */
export function apiSettings(detail: DetailDomain): Pick<CdnHttpsConfigOutputs, "http2" | "ocspStapling" | "tlsVersions" | "hsts" | "forceRedirect" | "httpsEnabled" | "sslStatus" | "deployedCert"> {
  const h = detail.Https;
  const r = detail.ForceRedirect;
  return {
    httpsEnabled: h?.Switch === "on",
    sslStatus: h?.SslStatus ?? "closed",
    http2: h?.Http2 === "on",
    ocspStapling: h?.OcspStapling === "on",
    tlsVersions: h?.TlsVersion && h.TlsVersion.length > 0 ? canonicalTlsVersions(h.TlsVersion) : undefined,
    hsts: h?.Hsts?.Switch === "on" ? { maxAge: h.Hsts.MaxAge ?? 0, includeSubDomains: h.Hsts.IncludeSubDomains === "on" } : undefined,
    forceRedirect: r?.Switch === "on" && r.RedirectType === "https"
      ? { statusCode: r.RedirectStatusCode ?? DEFAULT_REDIRECT_STATUS, carryHeaders: r.CarryHeaders === "on" }
      : undefined,
    deployedCert: deployedCertOf(h),
  };
}

/** Outputs after create/update: what we asked for, plus the API's state after our writes. */
export function outputsAfterApply(args: ResolvedArgs, facts: CertFacts, detail: DetailDomain): CdnHttpsConfigOutputs {
  const api = apiSettings(detail);
  const cert = args.https.cert;
  return withoutUndefined({
    domain: args.domain,
    certificate: cert.source === "self-owned" ? cert.certificate : undefined,
    certId: cert.source === "hosted" ? cert.certId : undefined,
    certRemark: args.https.certRemark,
    http2: args.https.http2,
    ocspStapling: args.https.ocspStapling,
    tlsVersions: args.https.tlsVersions ? canonicalTlsVersions(args.https.tlsVersions) : api.tlsVersions,
    hsts: args.https.hsts,
    forceRedirect: args.redirect,
    waitForDeployment: args.waitForDeployment,
    httpsEnabled: api.httpsEnabled,
    sslStatus: api.sslStatus,
    deployedCert: api.deployedCert,
    ...facts,
  });
}

/** The argument part of outputs: the inputs `read` reconstructs. */
export function inputsOf(outs: CdnHttpsConfigOutputs): Record<string, unknown> {
  const inputs: Record<string, unknown> = {};
  for (const k of ARG_KEYS) if (outs[k] !== undefined) inputs[k] = outs[k];
  return inputs;
}
