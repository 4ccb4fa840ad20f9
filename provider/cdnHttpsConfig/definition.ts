// CdnHttpsConfig, defined once: the zod schema of its arguments with their defaults (one sentence
// per bad value) is the single source of the checked inputs (z.output) and the state; the
// documented Args interface is proven equal to its z.input (see runtime/shapeTypes.ts); the rules
// that span several arguments, silent about values still unknown at preview; the state's version;
// and the handlers (check.ts, diff.ts, read.ts, write.ts), loaded on first use. The doc comments
// here are what users see in their editor.
import { z } from "zod";
import { isDomainName, normalizeDomain, rememberedFacts, type DomainName } from "../certificate";
import type { CertSource } from "../rules/sslCertificate";
import type { SslStatus } from "../tencentcloud/types";
import { defineResource, type EngineRecord } from "../runtime/resource";
import { argumentsError, canonicalCertificatesOrAsGiven, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argumentSchemas";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";
import {
  cdnArgumentFailures, DeployedCert, DEFAULT_REDIRECT_STATUS, HSTS_MAX_AGE_LIMIT,
  REDIRECT_STATUS_CODES, TLS_VERSIONS, TlsVersion, tlsVersionsProblem,
} from "../rules/cdn";
import type { DesiredExtras, DesiredHttps, DesiredRedirect } from "../rules/cdnWrite";

type RedirectStatus = (typeof REDIRECT_STATUS_CODES)[number];

const ARGUMENTS = "domain; certificate and privateKey (self-owned) or certificateId (hosted); and optionally alias, "
  + "http2, ocspStapling, tlsVersions, hsts, forceRedirect, clientCertificate, quic, waitForDeployment";

const boolArg = (name: string) => z.boolean({ error: `${name} must be true or false.` });

/** Any string passes here, so that tlsVersionsProblem names the wrong entry; typed as the closed set. */
const tlsVersionArg = z.string({ error: `tlsVersions entries must be one of ${TLS_VERSIONS.join(", ")}.` }) as unknown as z.ZodType<TlsVersion, TlsVersion>;

export const cdnHttpsConfigSchema = z.strictObject({
  domain: z.string({ error: "domain is required: the CDN domain name, such as cdn.example.com." })
    .refine((d) => isDomainName(d, { wildcard: true }), { error: "domain must be a domain name such as cdn.example.com, without scheme, port or path." })
    .transform(normalizeDomain),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  certificateId: sslCertIdArg("certificateId").optional(),
  alias: z.string({ error: "alias must be a string." }).max(200, { error: "alias must be at most 200 characters." }).optional(),
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
      .min(1, { error: "clientCertificate.caCertificates is empty: give the PEM text of the CA certificate(s) your clients' certificates chain to." })
      .transform(canonicalCertificatesOrAsGiven),
  }, { error: "clientCertificate must be an object { caCertificates }; omit it to turn client-certificate verification off." }).optional(),
  quic: z.boolean({ error: "quic must be true or false; omit it to keep the domain's QUIC setting." }).optional(),
  waitForDeployment: boolArg("waitForDeployment").default(true),
}, { error: argumentsError("CdnHttpsConfig", ARGUMENTS) });

/** The arguments as a program gives them (optional where a default applies). */
export interface CdnHttpsConfigArgs {
  /** The CDN domain (status Deploying or Activated; self-owned, COS or FTP origin; not *.file.myqcloud.com). */
  domain: string;
  /** A certificate of your own: the PEM chain, leaf first. Give with privateKey, or give certificateId instead. */
  certificate?: string;
  /** The PEM private key of `certificate`; stored as a secret and never returned. */
  privateKey?: string;
  /** The id of a certificate hosted in SSL Certificate Management (e.g. a free TrustAsia certificate's `certificateId`). */
  certificateId?: string;
  /** The certificate's name: the remark CDN stores with it. */
  alias?: string;
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

/** The arguments' former names, which still work (with a warning) until 1.0. */
export interface CdnHttpsConfigDeprecatedArgs {
  /** @deprecated Renamed `certificateId`. */
  certId?: string;
  /** @deprecated Renamed `alias`. */
  certRemark?: string;
}

/** The arguments once checked, with every default applied. */
export type CdnHttpsConfigInputs = WithDefaults<CdnHttpsConfigArgs, z.output<typeof cdnHttpsConfigSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(cdnHttpsConfigSchema.shape) as (keyof CdnHttpsConfigArgs)[];
/** The argument names that are outputs too: all but the private key. */
export const OUTPUT_ARG_KEYS = ARG_KEYS.filter((k) => k !== "privateKey") as Exclude<(typeof ARG_KEYS)[number], "privateKey">[];

/** What the API reports and what we computed about the certificate, beside the arguments in state. */
export interface CdnHttpsConfigComputed {
  /** HTTPS switched on at the API. */
  httpsEnabled: boolean;
  /** The deployment state of the certificate as the API reports it. */
  sslStatus: SslStatus;
  /** Where the certificate comes from: your own (uploaded with the domain) or hosted in SSL Certificate Management. */
  source: CertSource;
  /** When the certificate expires, ISO 8601 UTC. */
  expiresAt?: string;
  /** SHA-256 of the leaf certificate, lowercase hex. */
  fingerprint?: string;
  /** Self-owned only: SHA-256 over the whole chain, so a new intermediate under the same leaf is an update. */
  chainFingerprint?: string;
  /** The DNS names the certificate covers. */
  dnsNames?: string[];
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
export const COMPUTED_KEYS = ["httpsEnabled", "sslStatus", "source", "expiresAt", "fingerprint",
  "chainFingerprint", "dnsNames", "deployedCert", "clientCaFingerprint", "clientCaName", "clientCaExpiresAt"] as const satisfies readonly (keyof CdnHttpsConfigComputed)[];

/**
 * The resource's state (its outputs): the arguments with defaults applied, never the private key
 * (tlsVersions: the API's when not declared), plus the computed fields.
 */
export type CdnHttpsConfigState = Omit<CdnHttpsConfigInputs, "privateKey" | "tlsVersions" | "forceRedirect"> & CdnHttpsConfigComputed & {
  /** The enabled TLS versions: as declared, or the domain's own when not declared. */
  tlsVersions?: TlsVersion[];
  /** The forced redirect to HTTPS with its defaults applied; absent when HTTP is not redirected. */
  forceRedirect?: DesiredRedirect;
};


/** The checked arguments grouped as the rules take them: the certificate form, Https, redirect, client CA and QUIC. */
export interface ResolvedArgs extends DesiredExtras {
  domain: DomainName;
  https: DesiredHttps;
  redirect?: DesiredRedirect;
  waitForDeployment: boolean;
}

/** Certificates and key are what was parsed (canonical PEM, made by the schema): that is what is sent and becomes outputs. */
export function resolveArgs(a: CdnHttpsConfigInputs): ResolvedArgs {
  const cert = a.certificateId !== undefined
    ? { source: "hosted" as const, certificateId: a.certificateId }
    : { source: "self-owned" as const, certificate: a.certificate!, privateKey: a.privateKey! };
  return {
    domain: a.domain,
    https: { cert, alias: a.alias, http2: a.http2, ocspStapling: a.ocspStapling, tlsVersions: a.tlsVersions, hsts: a.hsts },
    redirect: a.forceRedirect,
    clientCa: a.clientCertificate?.caCertificates,
    quic: a.quic,
    waitForDeployment: a.waitForDeployment,
  };
}

/**
 * A state written before versions: one from before chain fingerprints gets its chain's from the
 * PEM it recorded (what this resource deployed), so it compares like any other.
 */
function upgrade(state: EngineRecord): CdnHttpsConfigState {
  const s = { ...state } as CdnHttpsConfigState;
  if (s.source === "self-owned" && s.chainFingerprint === undefined) {
    const chain = rememberedFacts(s.certificate)?.chainFingerprintSha256;
    if (chain) s.chainFingerprint = chain;
  }
  return s;
}

/** The argument part of a state: the inputs read reconstructs. */
export function inputsOf(state: CdnHttpsConfigState): Partial<CdnHttpsConfigArgs> {
  const inputs: Record<string, unknown> = {};
  for (const k of OUTPUT_ARG_KEYS) if (state[k] !== undefined) inputs[k] = state[k];
  return inputs as Partial<CdnHttpsConfigArgs>;
}

export const cdnHttpsConfig = defineResource<CdnHttpsConfigArgs, CdnHttpsConfigInputs, CdnHttpsConfigState>({
  type: "CdnHttpsConfig",
  schema: cdnHttpsConfigSchema as unknown as z.ZodType<CdnHttpsConfigInputs, CdnHttpsConfigArgs>,
  argumentRules: cdnArgumentFailures,
  computed: COMPUTED_KEYS,
  renamed: { certId: "certificateId", certRemark: "alias" },
  renamedOutputs: {
    certId: "certificateId", certRemark: "alias", certSource: "source", certExpiresAt: "expiresAt", certFingerprint: "fingerprint",
    certChainFingerprint: "chainFingerprint", certDomains: "dnsNames",
  },
  version: 1,
  upgrade,
  inputsOf,
  idOf: (state) => state.domain,
  handlers() {
    const { check } = require("./check") as typeof import("./check");
    const { diff } = require("./diff") as typeof import("./diff");
    const { read, lookup, describeDifference } = require("./read") as typeof import("./read");
    const { create, update, remove } = require("./write") as typeof import("./write");
    return { check, diff, create, read, lookup, describeDifference, update, delete: remove };
  },
});
