// The resource's outputs: the arguments with defaults applied (never the private key), plus what the
// API reports (HTTPS state, deployed certificate identity) and the certificate facts.
import { deployedCertOf, canonicalTlsVersions, DEFAULT_REDIRECT_STATUS, TlsVersion } from "../rules/cdn";
import { withoutUndefined } from "../runtime/outputs";
import { certificateSummary, sameMaterial } from "../rules/sslCertificate";
import type { DescribeCertificateDetailResponse, DetailDomain } from "../tencentcloud/types";
import { clientCaOutputs } from "./mtlsQuic";
import type { CdnHttpsConfigComputed, CdnHttpsConfigState, ResolvedArgs } from "./definition";

export type CdnHttpsConfigOutputs = CdnHttpsConfigState;

/** The certificate part of the computed outputs: where it comes from, and what is known of it. */
export type CertFacts = Pick<CdnHttpsConfigComputed, "source" | "expiresAt" | "fingerprint" | "chainFingerprint" | "dnsNames">;

/** A certificate of your own: from our own parse of its PEM. */
export function selfOwnedFacts(certificate: string): CertFacts {
  return { source: "self-owned", ...certificateSummary(certificate) };
}

/** A certificate hosted in SSL Certificate Management: from its detail there. */
export function hostedFacts(detail: DescribeCertificateDetailResponse): CertFacts {
  return { source: "hosted", ...certificateSummary(detail.CertificatePublicKey ?? undefined, detail) };
}

/** Whether recorded outputs hold the same self-owned certificate (see sameMaterial); PEM text never matters. */
export function sameSelfOwnedCertificate(recorded: { source?: string; fingerprint?: string; chainFingerprint?: string }, facts: CertFacts): boolean {
  return recorded.source === "self-owned" && sameMaterial(
    { leaf: recorded.fingerprint, chain: recorded.chainFingerprint },
    { leaf: facts.fingerprint, chain: facts.chainFingerprint },
  );
}

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
    certificateId: cert.source === "hosted" ? cert.certificateId : undefined,
    alias: args.https.alias,
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
