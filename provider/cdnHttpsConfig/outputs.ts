// The resource's outputs: the arguments with defaults applied (never the private key), plus what the
// API reports (HTTPS state, deployed certificate identity) and the certificate facts.
import { deployedCertOf, canonicalTlsVersions, DEFAULT_REDIRECT_STATUS, TlsVersion } from "../rules/cdn";
import { withoutUndefined } from "../runtime/outputs";
import type { DetailDomain } from "../tencentcloud/types";
import type { CertFacts } from "./certFacts";
import { clientCaOutputs } from "./mtlsQuic";
import { ARG_KEYS as ARGUMENT_KEYS, CdnHttpsConfigState, ResolvedArgs } from "./shape";

export type CdnHttpsConfigOutputs = CdnHttpsConfigState;

/** The argument fields of the outputs (all but the private key), which `read` also returns as the reconstructed inputs. */
export const ARG_KEYS = ARGUMENT_KEYS.filter((k) => k !== "privateKey") as Exclude<(typeof ARGUMENT_KEYS)[number], "privateKey">[];

/** The settings as the API reports them. */
export function apiSettings(detail: DetailDomain): Pick<CdnHttpsConfigOutputs, "http2" | "ocspStapling" | "tlsVersions" | "hsts" | "forceRedirect" | "httpsEnabled" | "sslStatus" | "deployedCert"> {
  const h = detail.Https;
  const r = detail.ForceRedirect;
  return {
    httpsEnabled: h?.Switch === "on",
    sslStatus: h?.SslStatus ?? "closed",
    http2: h?.Http2 === "on",
    ocspStapling: h?.OcspStapling === "on",
    // The API documents these four values (docs/reference/tencentcloud-api.md §2).
    tlsVersions: h?.TlsVersion && h.TlsVersion.length > 0 ? canonicalTlsVersions(h.TlsVersion as TlsVersion[]) : undefined,
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
    ...clientCaOutputs(args.clientCa),
    quic: args.quic,
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
