// The one shape of FreeCertificate: its arguments (zod, with defaults, one sentence per bad value)
// and its outputs. The sdk derives its types from here with `import type`.
import { z } from "zod";
import { argumentsError } from "../runtime/argShapes";
import { domainProblem, DNS_AUTO_NEEDS, RENEWAL_WINDOW_DAYS } from "./rules";

export const VALIDATION_METHODS = ["DNS_AUTO", "DNS", "FILE"] as const;
export type ValidationMethod = (typeof VALIDATION_METHODS)[number];
export const KEY_ALGORITHMS = ["RSA", "ECC"] as const;
export type KeyAlgorithm = (typeof KEY_ALGORITHMS)[number];

const ARGUMENTS = "domain, and optionally validationMethod, keyAlgorithm, alias, renewBeforeDays, waitForIssuance";

export const freeCertificateArgsSchema = z.strictObject({
  domain: z.string({ error: "domain is required: the one domain name the free certificate is for, such as www.example.com." })
    .superRefine((d, ctx) => { const p = domainProblem(d); if (p) ctx.addIssue({ code: "custom", message: p }); }),
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

/** What the user writes (defaults optional). */
export type FreeCertificateArgs = z.input<typeof freeCertificateArgsSchema>;
/** What the handlers work with (defaults filled in). */
export type FreeCertificateSettings = z.output<typeof freeCertificateArgsSchema>;

/** One record the domain's owner must publish (DNS or FILE validation), as the API gives it. */
export interface ValidationRecord {
  domain: string;
  /** TXT or CNAME (a DNS record), or FILE (a file on the site). */
  recordType: "TXT" | "CNAME" | "FILE";
  /** The record's fully qualified name (DNS), or the domain that must serve the file (FILE). */
  name: string;
  /** The record's value, or the file's content. */
  value: string;
  /** FILE only: the path the file must be served at, over http or https. */
  filePath?: string;
}

export interface FreeCertificateOutputs {
  certificateId: string;
  domain: string;
  validationMethod: ValidationMethod;
  keyAlgorithm: KeyAlgorithm;
  alias?: string;
  renewBeforeDays: number;
  waitForIssuance: boolean;
  /** The API's status as a word (statusWord). */
  status: string;
  /** DNS and FILE: what to publish. Kept once known, since the API stops showing them after issuance. */
  validationRecords: ValidationRecord[];
  issuedAt?: string;
  expiresAt?: string;
  daysToExpiry?: number;
  sans: string[];
  /** SHA-256 of the issued leaf, lowercase hex. */
  fingerprint?: string;
  /** The certificate this one renews (ApplyCertificate's OldCertificateId). */
  renews?: string;
}
