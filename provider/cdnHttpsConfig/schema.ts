// The arguments of CdnHttpsConfig: their shapes (zod, one sentence per bad value) and the rules
// that span several fields, which must stay silent about values still unknown at preview.
import { z } from "zod";
import { isDomainName } from "../certificate";
import { isUnknown } from "../unknown";
import type { CheckFailure } from "../runtime/validate";
import { argumentsError, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argShapes";
import {
  DEFAULT_REDIRECT_STATUS, DesiredHttps, DesiredRedirect, HSTS_MAX_AGE_LIMIT, REDIRECT_STATUS_CODES,
  TLS_VERSIONS, tlsVersionsProblem,
} from "../rules/cdn";

const ARGUMENTS = "domain; certificate and privateKey (self-owned) or certId (hosted); and optionally certRemark, "
  + "http2, ocspStapling, tlsVersions, hsts, forceRedirect, waitForDeployment";

const boolArg = (name: string) => z.boolean({ error: `${name} must be true or false.` }).optional();

export const cdnHttpsConfigSchema = z.strictObject({
  domain: z.string({ error: "domain is required: the CDN domain name, such as cdn.example.com." })
    .refine((d) => isDomainName(d, { wildcard: true }), { error: "domain must be a domain name such as cdn.example.com, without scheme, port or path." }),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  certId: sslCertIdArg("certId").optional(),
  certRemark: z.string({ error: "certRemark must be a string." }).max(200, { error: "certRemark must be at most 200 characters." }).optional(),
  http2: boolArg("http2"),
  ocspStapling: boolArg("ocspStapling"),
  tlsVersions: z.array(z.string({ error: `tlsVersions entries must be one of ${TLS_VERSIONS.join(", ")}.` }),
    { error: `tlsVersions must be a list of ${TLS_VERSIONS.join(", ")}.` })
    .superRefine((v, ctx) => { const p = tlsVersionsProblem(v); if (p) ctx.addIssue({ code: "custom", message: p }); })
    .optional(),
  hsts: z.strictObject({
    maxAge: z.number({ error: "hsts.maxAge is required: the HSTS max-age in seconds." })
      .int({ error: "hsts.maxAge must be a whole number of seconds." })
      .min(0, { error: "hsts.maxAge must not be negative." })
      .max(HSTS_MAX_AGE_LIMIT, { error: `hsts.maxAge must be at most ${HSTS_MAX_AGE_LIMIT} seconds (one year).` }),
    includeSubDomains: boolArg("hsts.includeSubDomains"),
  }, { error: "hsts must be an object { maxAge, includeSubDomains? }; omit it to turn HSTS off." }).optional(),
  forceRedirect: z.strictObject({
    statusCode: z.number({ error: `forceRedirect.statusCode must be one of ${REDIRECT_STATUS_CODES.join(", ")}.` })
      .refine((n) => (REDIRECT_STATUS_CODES as readonly number[]).includes(n),
        { error: `forceRedirect.statusCode must be one of ${REDIRECT_STATUS_CODES.join(", ")}.` })
      .optional(),
    carryHeaders: boolArg("forceRedirect.carryHeaders"),
  }, { error: "forceRedirect must be an object { statusCode?, carryHeaders? }; omit it to leave HTTP unredirected." }).optional(),
  waitForDeployment: boolArg("waitForDeployment"),
}, { error: argumentsError("CdnHttpsConfig", ARGUMENTS) });

export type CdnHttpsConfigInputs = z.infer<typeof cdnHttpsConfigSchema>;

/** Set and not the preview sentinel. */
const known = (v: unknown) => v !== undefined && v !== null && !isUnknown(v);

/** Rules across fields: exactly one certificate form, key with certificate, redirect needs the wait. */
export function crossFieldFailures(args: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const has = (k: string) => args[k] !== undefined && args[k] !== null; // unknown counts as present
  const selfOwned = has("certificate") || has("privateKey");
  if (selfOwned && has("certId")) {
    failures.push({ property: "certId", reason: "Give either certificate and privateKey (a certificate of your own) or certId (a certificate hosted in SSL Certificate Management), not both." });
  } else if (!selfOwned && !has("certId")) {
    failures.push({ property: "certificate", reason: "A certificate is required: set certificate and privateKey (a certificate of your own) or certId (a certificate hosted in SSL Certificate Management)." });
  } else if (has("certificate") && !has("privateKey")) {
    failures.push({ property: "privateKey", reason: "privateKey is required with certificate: CDN needs the private key of a certificate of your own." });
  } else if (has("privateKey") && !has("certificate")) {
    failures.push({ property: "certificate", reason: "certificate is required with privateKey: give the PEM certificate chain, leaf first." });
  }
  if (known(args.forceRedirect) && args.waitForDeployment === false) {
    failures.push({ property: "waitForDeployment", reason: "forceRedirect needs waitForDeployment: the redirect to HTTPS may only be enabled once the certificate is deployed, so remove waitForDeployment: false or remove forceRedirect." });
  }
  return failures;
}

/** The arguments once known and valid, with the documented defaults applied. */
export interface ResolvedArgs {
  domain: string;
  https: DesiredHttps;
  redirect?: DesiredRedirect;
  waitForDeployment: boolean;
}

export function resolveArgs(a: CdnHttpsConfigInputs): ResolvedArgs {
  const cert = a.certId !== undefined
    ? { source: "hosted" as const, certId: a.certId }
    : { source: "self-owned" as const, certificate: a.certificate!, privateKey: a.privateKey! };
  return {
    domain: a.domain,
    https: {
      cert,
      certRemark: a.certRemark,
      http2: a.http2 ?? true,
      ocspStapling: a.ocspStapling ?? false,
      tlsVersions: a.tlsVersions,
      hsts: a.hsts ? { maxAge: a.hsts.maxAge, includeSubDomains: a.hsts.includeSubDomains ?? false } : undefined,
    },
    redirect: a.forceRedirect
      ? { statusCode: a.forceRedirect.statusCode ?? DEFAULT_REDIRECT_STATUS, carryHeaders: a.forceRedirect.carryHeaders ?? false }
      : undefined,
    waitForDeployment: a.waitForDeployment ?? true,
  };
}

