// The shape of CdnHttpsConfig, in one place: the zod schema of its arguments with their defaults
// (one sentence per bad value) is the single source of the resolved inputs (z.output) and the
// state; the documented Args interface is proven equal to its z.input (see runtime/shapeTypes.ts);
// plus the rules that span several fields, which must stay silent about values still unknown at
// preview. The doc comments here are what users see in their editor.
import { z } from "zod";
import { canonicalCertificates, canonicalPrivateKey, isDomainName } from "../certificate";
import { messages } from "../messages";
import { isUnknown } from "../unknown";
import type { CertSource } from "../rules/sslCertificate";
import type { SslStatus } from "../tencentcloud/types";

type RedirectStatus = (typeof REDIRECT_STATUS_CODES)[number];
import type { CheckFailure } from "../runtime/validate";
import { argumentsError, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argumentSchemas";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";
import type { CustomTimeouts } from "../runtime/timeouts";
import {
  DeployedCert, DEFAULT_REDIRECT_STATUS, DesiredHttps, DesiredRedirect, HSTS_MAX_AGE_LIMIT, REDIRECT_STATUS_CODES,
  TLS_VERSIONS, TlsVersion, tlsVersionsProblem,
} from "../rules/cdn";
import type { DesiredExtras } from "../rules/cdnMtlsQuic";

const ARGUMENTS = "domain; certificate and privateKey (self-owned) or certId (hosted); and optionally certRemark, "
  + "http2, ocspStapling, tlsVersions, hsts, forceRedirect, clientCertificate, quic, waitForDeployment";

const boolArg = (name: string) => z.boolean({ error: `${name} must be true or false.` });

/** Any string passes here, so that tlsVersionsProblem names the wrong entry; typed as the closed set. */
const tlsVersionArg = z.string({ error: `tlsVersions entries must be one of ${TLS_VERSIONS.join(", ")}.` }) as unknown as z.ZodType<TlsVersion, TlsVersion>;

export const cdnHttpsConfigSchema = z.strictObject({
  domain: z.string({ error: "domain is required: the CDN domain name, such as cdn.example.com." })
    .refine((d) => isDomainName(d, { wildcard: true }), { error: "domain must be a domain name such as cdn.example.com, without scheme, port or path." }),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  certId: sslCertIdArg("certId").optional(),
  certRemark: z.string({ error: "certRemark must be a string." }).max(200, { error: "certRemark must be at most 200 characters." }).optional(),
  http2: boolArg("http2").default(true),
  ocspStapling: boolArg("ocspStapling").default(false),
  tlsVersions: z.array(tlsVersionArg,
    { error: `tlsVersions must be a list of ${TLS_VERSIONS.join(", ")}.` })
    .superRefine((v, ctx) => { const p = tlsVersionsProblem(v); if (p) ctx.addIssue({ code: "custom", message: p }); })
    .optional(),
  hsts: z.strictObject({
    maxAge: z.number({ error: "hsts.maxAge is required: the HSTS max-age in seconds." })
      .int({ error: "hsts.maxAge must be a whole number of seconds." })
      .min(0, { error: "hsts.maxAge must not be negative." })
      .max(HSTS_MAX_AGE_LIMIT, { error: `hsts.maxAge must be at most ${HSTS_MAX_AGE_LIMIT} seconds (one year).` }),
    includeSubDomains: boolArg("hsts.includeSubDomains").default(false),
  }, { error: "hsts must be an object { maxAge, includeSubDomains? }; omit it to turn HSTS off." }).optional(),
  forceRedirect: z.strictObject({
    statusCode: (z.number({ error: `forceRedirect.statusCode must be one of ${REDIRECT_STATUS_CODES.join(", ")}.` })
      .refine((n) => (REDIRECT_STATUS_CODES as readonly number[]).includes(n),
        { error: `forceRedirect.statusCode must be one of ${REDIRECT_STATUS_CODES.join(", ")}.` }) as unknown as z.ZodType<RedirectStatus, RedirectStatus>)
      .default(DEFAULT_REDIRECT_STATUS),
    carryHeaders: boolArg("forceRedirect.carryHeaders").default(false),
  }, { error: "forceRedirect must be an object { statusCode?, carryHeaders? }; omit it to leave HTTP unredirected." }).optional(),
  clientCertificate: z.strictObject({
    caCertificates: z.string({ error: "clientCertificate.caCertificates is required: the PEM text of the CA certificate(s) your clients' certificates chain to." })
      .min(1, { error: "clientCertificate.caCertificates is empty: give the PEM text of the CA certificate(s) your clients' certificates chain to." }),
  }, { error: "clientCertificate must be an object { caCertificates }; omit it to turn client-certificate verification off." }).optional(),
  quic: z.boolean({ error: "quic must be true or false; omit it to keep the domain's QUIC setting." }).optional(),
  waitForDeployment: boolArg("waitForDeployment").default(true),
}, { error: argumentsError("CdnHttpsConfig", ARGUMENTS) });

/** The arguments as a program gives them (optional where a default applies). */
export interface CdnHttpsConfigArgs {
  /** The CDN domain (status Deploying or Activated; self-owned, COS or FTP origin; not *.file.myqcloud.com). */
  domain: string;
  /** A certificate of your own: the PEM chain, leaf first. Give with privateKey, or give certId instead. */
  certificate?: string;
  /** The PEM private key of `certificate`; stored as a secret and never returned. */
  privateKey?: string;
  /** A certificate hosted in SSL Certificate Management (e.g. a free TrustAsia certificate). */
  certId?: string;
  /** A remark stored with the certificate. */
  certRemark?: string;
  /** HTTP/2 (default true). */
  http2?: boolean;
  /** OCSP stapling (default false). */
  ocspStapling?: boolean;
  /** Enabled TLS versions, consecutive, from TLSv1, TLSv1.1, TLSv1.2, TLSv1.3; unset keeps the domain's setting. */
  tlsVersions?: TlsVersion[];
  /** HSTS (absent = off); maxAge in seconds, 0..31536000. */
  hsts?: {
    /** The HSTS max-age in seconds, 0..31536000. */
    maxAge: number;
    /** Whether HSTS covers subdomains too (default false). */
    includeSubDomains?: boolean;
  };
  /** Redirect HTTP to HTTPS once the certificate is deployed (absent = no redirect). Default status 302. */
  forceRedirect?: {
    /** The redirect's HTTP status: 301, 302 (default), 307 or 308. */
    statusCode?: RedirectStatus;
    /** Whether the redirect carries the request's headers (default false). */
    carryHeaders?: boolean;
  };
  /** Client-certificate verification (mutual TLS): the CDN edge asks clients for a certificate issued by this CA. Absent = off. */
  clientCertificate?: {
    /** The PEM CA certificate(s) clients' certificates must chain to (CA certificates only, not the server certificate). */
    caCertificates: string;
  };
  /** QUIC access (a billed CDN feature; needs HTTPS); unset keeps the domain's setting. */
  quic?: boolean;
  /** Wait until the certificate is deployed on every node (default true; required with forceRedirect). */
  waitForDeployment?: boolean;
}
export type _CdnHttpsConfigArgsAreTheSchema = Assert<Equal<CdnHttpsConfigArgs, z.input<typeof cdnHttpsConfigSchema>>>;

/** The arguments once checked, with every default applied. */
export type CdnHttpsConfigInputs = WithDefaults<CdnHttpsConfigArgs, z.output<typeof cdnHttpsConfigSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(cdnHttpsConfigSchema.shape) as (keyof CdnHttpsConfigArgs)[];

/** What the API reports and what we computed about the certificate, beside the arguments in state. */
export interface CdnHttpsConfigComputed {
  /** HTTPS switched on at the API. */
  httpsEnabled: boolean;
  /** The deployment state of the certificate as the API reports it. */
  sslStatus: SslStatus;
  /** Where the certificate comes from: your own (uploaded with the domain) or hosted in SSL Certificate Management. */
  certSource: CertSource;
  /** When the certificate expires, ISO 8601 UTC. */
  certExpiresAt?: string;
  /** SHA-256 of the leaf certificate, lowercase hex. */
  certFingerprint?: string;
  /** Self-owned only: SHA-256 over the whole chain, so a new intermediate under the same leaf is an update. */
  certChainFingerprint?: string;
  /** The DNS names the certificate covers. */
  certDomains?: string[];
  /**
   * The certificate this resource deployed, as the API identified it right after the write (CertId
   * for hosted, CertName and expiry): what it *set*. Refresh never rewrites it, so a delete can tell
   * its own certificate from one someone else set since (docs/ownership.md).
   */
  deployedCert?: DeployedCert;
  /** The client CA's SHA-256 (over the bundle's certificates; for one CA its fingerprint), lowercase hex. */
  clientCaFingerprint?: string;
  /** The client CA's name as the API reports it (the first certificate's common name). */
  clientCaName?: string;
  /** When the client CA (its first certificate) expires, ISO 8601 UTC. */
  clientCaExpiresAt?: string;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["httpsEnabled", "sslStatus", "certSource", "certExpiresAt", "certFingerprint",
  "certChainFingerprint", "certDomains", "deployedCert", "clientCaFingerprint", "clientCaName", "clientCaExpiresAt"] as const satisfies readonly (keyof CdnHttpsConfigComputed)[];

/**
 * The resource's state (its outputs): the arguments with defaults applied, never the private key
 * (tlsVersions: the API's when not declared), plus the computed fields.
 */
export type CdnHttpsConfigState = Omit<CdnHttpsConfigInputs, "privateKey" | "tlsVersions" | "forceRedirect"> & CdnHttpsConfigComputed & {
  /** The enabled TLS versions: as declared, or the domain's own when not declared. */
  tlsVersions?: TlsVersion[];
  /** The forced redirect to HTTPS with its defaults applied; absent when HTTP is not redirected. */
  forceRedirect?: DesiredRedirect;
  /** The sdk's copy of customTimeouts; delete sees only outputs, so they travel here too. */
  __timeouts?: CustomTimeouts;
};

/** Set and not the preview sentinel. */
const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);

/** Rules across fields: exactly one certificate form, key with certificate, redirect needs the wait. */
export function crossFieldFailures(args: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const has = (k: string) => args[k] !== undefined && args[k] !== null; // unknown counts as present
  const selfOwned = has("certificate") || has("privateKey");
  if (selfOwned && has("certId")) {
    failures.push({ property: "certId", reason: messages.cdnCertFormBoth });
  } else if (!selfOwned && !has("certId")) {
    failures.push({ property: "certificate", reason: messages.cdnCertFormNeither });
  } else if (has("certificate") && !has("privateKey")) {
    failures.push({ property: "privateKey", reason: messages.cdnKeyMissing });
  } else if (has("privateKey") && !has("certificate")) {
    failures.push({ property: "certificate", reason: messages.cdnCertificateMissing });
  }
  if (known(args.forceRedirect) && args.waitForDeployment === false) {
    failures.push({ property: "waitForDeployment", reason: messages.cdnRedirectNeedsWait });
  }
  return failures;
}

/** The checked arguments grouped as the rules take them: the certificate form, Https, redirect, client CA and QUIC. */
export interface ResolvedArgs extends DesiredExtras {
  domain: string;
  https: DesiredHttps;
  redirect?: DesiredRedirect;
  waitForDeployment: boolean;
}

/** Certificates and key are what was parsed (canonical PEM), never the pasted text: that is what is sent and becomes outputs. */
export function resolveArgs(a: CdnHttpsConfigInputs): ResolvedArgs {
  const cert = a.certId !== undefined
    ? { source: "hosted" as const, certId: a.certId }
    : { source: "self-owned" as const, certificate: canonicalCertificates(a.certificate!), privateKey: canonicalPrivateKey(a.privateKey!) };
  return {
    domain: a.domain,
    https: { cert, certRemark: a.certRemark, http2: a.http2, ocspStapling: a.ocspStapling, tlsVersions: a.tlsVersions, hsts: a.hsts },
    redirect: a.forceRedirect,
    clientCa: a.clientCertificate && canonicalCertificates(a.clientCertificate.caCertificates),
    quic: a.quic,
    waitForDeployment: a.waitForDeployment,
  };
}
