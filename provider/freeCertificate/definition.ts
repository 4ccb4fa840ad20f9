// FreeCertificate, defined once: a free TrustAsia certificate (one domain, three months) from SSL
// Certificate Management, from application to issuance and renewal; its id is the certificate id.
// The zod schema of its arguments (defaults, one sentence per bad value) is the single source of the
// checked inputs; the documented Args interface is proven equal to its z.input; the state type and
// its computed keys; the state's version; the handlers (diff.ts, read.ts, write.ts). Its check is
// the schema alone: nothing is asked of the API.
import { z } from "zod";
import { normalizeDomain } from "../certificate";
import { argumentsError } from "../runtime/argumentSchemas";
import { defineResource, type EngineRecord } from "../runtime/resource";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";
import { domainProblem, DNS_AUTO_NEEDS, RENEWAL_WINDOW_DAYS, type ValidationRecord } from "../rules/freeCertificate";

export type { ValidationRecord };

export const VALIDATION_METHODS = ["DNS_AUTO", "DNS", "FILE"] as const;
export type ValidationMethod = (typeof VALIDATION_METHODS)[number];
export const KEY_ALGORITHMS = ["RSA", "ECC"] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

const ARGUMENTS = "domain, and optionally validationMethod, keyAlgorithm, alias, renewBeforeDays, waitForIssuance";

export const freeCertificateArgsSchema = z.strictObject({
  domain: z.string({ error: "domain is required: the one domain name the free certificate is for, such as www.example.com." })
    .superRefine((d, ctx) => { const p = domainProblem(d); if (p) ctx.addIssue({ code: "custom", message: p }); })
    .transform(normalizeDomain),
  validationMethod: z.enum(VALIDATION_METHODS, {
    error: `validationMethod must be DNS_AUTO (${DNS_AUTO_NEEDS}), DNS (you add a TXT record) or FILE (you publish a file on the site).`,
  }).default("DNS_AUTO"),
  keyAlgorithm: z.enum(KEY_ALGORITHMS, { error: "keyAlgorithm must be RSA (2048 bits) or ECC (prime256v1)." }).default("RSA"),
  alias: z.string({ error: "alias must be a string (the certificate's name in the SSL console)." })
    .max(200, { error: "alias must be at most 200 characters." }).optional(),
  renewBeforeDays: z.number({ error: `renewBeforeDays must be a whole number of days from 1 to ${RENEWAL_WINDOW_DAYS}.` })
    .int({ error: "renewBeforeDays must be a whole number of days." })
    .min(1, { error: "renewBeforeDays must be at least 1: an expired free certificate can no longer be renewed, only applied for again." })
    .max(RENEWAL_WINDOW_DAYS, { error: `renewBeforeDays must be at most ${RENEWAL_WINDOW_DAYS}: Tencent Cloud renews a free certificate only in the last ${RENEWAL_WINDOW_DAYS} days before it expires.` })
    .default(RENEWAL_WINDOW_DAYS),
  waitForIssuance: z.boolean({ error: "waitForIssuance must be true or false." }).default(true),
}, { error: argumentsError("FreeCertificate", ARGUMENTS) });

/** The arguments as a program gives them (proven equal to the schema's z.input; see runtime/shapeTypes.ts). */
export interface FreeCertificateArgs {
  /** The one domain name the certificate is for (no wildcard, no IP address, at most 64 characters). */
  domain: string;
  /**
   * How the CA checks the domain (default DNS_AUTO): DNS_AUTO needs the domain's DNS hosted in Tencent
   * Cloud DNS under the same account, which adds the record itself; DNS means you publish the TXT record
   * in `validationRecords`; FILE means you serve the file in `validationRecords` on the site.
   */
  validationMethod?: ValidationMethod;
  /** The certificate's key (default RSA): RSA 2048 or ECC prime256v1. The key stays in SSL Certificate Management. */
  keyAlgorithm?: KeyAlgorithm;
  /** The certificate's name in the SSL console. */
  alias?: string;
  /** Renew (a replacement naming this certificate) once it is within this many days of expiry: 1..30, default 30. */
  renewBeforeDays?: number;
  /** Wait until the certificate is issued (default true), bounded by customTimeouts (default 30 minutes). */
  waitForIssuance?: boolean;
}
export type _FreeCertificateArgsAreTheSchema = Assert<Equal<FreeCertificateArgs, z.input<typeof freeCertificateArgsSchema>>>;

/** The arguments once checked (defaults filled in). */
export type FreeCertificateSettings = WithDefaults<FreeCertificateArgs, z.output<typeof freeCertificateArgsSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(freeCertificateArgsSchema.shape) as (keyof FreeCertificateArgs)[];

/** The resource's state (its outputs). */
export interface FreeCertificateOutputs extends FreeCertificateSettings {
  /** The certificate id in SSL Certificate Management (also the resource id): give it to a CdnHttpsConfig or LiveDomainBinding `certificateId`. */
  certificateId: string;
  /** The API's status as a word: pendingValidation, addingDnsRecord, issued, expired, rejected, ... */
  status: string;
  /** DNS and FILE: what to publish, known at create; kept after issuance, when the API stops showing them. */
  validationRecords: ValidationRecord[];
  /** Start of validity, ISO 8601 UTC; absent until issued. */
  issuedAt?: string;
  /** End of validity, ISO 8601 UTC; absent until issued. */
  expiresAt?: string;
  /** Whole days left before expiry at the last read. */
  daysToExpiry?: number;
  /** The DNS names the certificate covers. */
  dnsNames: string[];
  /** SHA-256 of the issued leaf, lowercase hex. */
  fingerprint?: string;
  /** The certificate this one renewed (ApplyCertificate's OldCertificateId). */
  renews?: string;
  /** True when this resource did not apply for it (imported): delete then leaves it in place. */
  adopted: boolean;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["certificateId", "status", "validationRecords", "issuedAt", "expiresAt", "daysToExpiry", "dnsNames", "fingerprint", "renews", "adopted"] as const satisfies readonly (keyof FreeCertificateOutputs)[];

export const freeCertificate = defineResource<FreeCertificateArgs, FreeCertificateSettings, FreeCertificateOutputs>({
  type: "FreeCertificate",
  schema: freeCertificateArgsSchema,
  computed: COMPUTED_KEYS,
  renamedOutputs: { sans: "dnsNames" },
  version: 1,
  // Version 0 kept an internationalised domain as written; the API and the CA count its punycode form.
  upgrade: (state: EngineRecord) => ({
    ...state, ...(typeof state.domain === "string" ? { domain: normalizeDomain(state.domain) } : {}), adopted: state.adopted !== false,
  }) as FreeCertificateOutputs,
  inputsOf: (state) => {
    const inputs: Partial<FreeCertificateArgs> = {};
    for (const k of ARG_KEYS) if (state[k] !== undefined) (inputs as Record<string, unknown>)[k] = state[k];
    return inputs;
  },
  idOf: (state) => state.certificateId,
  handlers() {
    const { diff } = require("./diff") as typeof import("./diff");
    const { read, lookup } = require("./read") as typeof import("./read");
    const { create, update, remove } = require("./write") as typeof import("./write");
    return { check: async () => [], diff, create, read, lookup, update, delete: remove };
  },
});
