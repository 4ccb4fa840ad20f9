// Expiry as a signal at preview (issue 29): a certificate the program deploys (a certificate of
// your own, a hosted one, a free one) within tencentcloud-https:expiryWarningDays of its expiry is a
// warning naming the domains it serves. Pure: the clock and the number of days are passed in. An
// expired certificate is not a warning here: the checks fail it (or a FreeCertificate renews it).
import { messages } from "../messages";
import { commonNameOf } from "./deployedCertificate";

const DAY_MS = 86_400_000;

/** The whole days left when `expiresAt` (ISO 8601) is within `withinDays` of `now` and still ahead; undefined otherwise. */
export function daysLeftWithin(expiresAt: string | undefined, now: Date, withinDays: number): number | undefined {
  const left = expiresAt ? Date.parse(expiresAt) - now.getTime() : Number.NaN;
  if (!(left > 0) || left > withinDays * DAY_MS) return undefined;
  return Math.floor(left / DAY_MS);
}

/** What a deployed certificate is known by, for the warning: "Certificate "cdn.example.com" (serial 0A1B)" or "SSL certificate abc123". */
export interface Expiring { certificate: string; expiresAt: string | undefined; domains: string[] }

/** The warning for a certificate deployed to `domains`, or undefined when it is not within the days. */
export function expiryWarning(c: Expiring, now: Date, withinDays: number): string | undefined {
  const days = daysLeftWithin(c.expiresAt, now, withinDays);
  return days === undefined ? undefined : messages.certificateExpiresSoon(c.certificate, c.expiresAt!, days, [...c.domains].sort());
}

/** The label of a certificate of your own from its facts: its first name and serial, as the findings name it. */
export function ownCertificateLabel(facts: { sans: string[]; subject: string; serialNumber: string }): string {
  return `Certificate "${commonNameOf(facts.subject) ?? facts.sans[0] ?? facts.subject}" (serial ${facts.serialNumber})`;
}

/**
 * The warning for a free certificate within the days: when `pulumi up` renews it (renewBeforeDays
 * before expiry), or, with `renewBeforeDays` undefined, that this update renews it.
 */
export function freeCertificateExpiryWarning(certificateId: string, domain: string, expiresAt: string | undefined, renewBeforeDays: number | undefined, now: Date, withinDays: number): string | undefined {
  const days = daysLeftWithin(expiresAt, now, withinDays);
  if (days === undefined) return undefined;
  const renewsFrom = renewBeforeDays === undefined ? undefined : new Date(Date.parse(expiresAt!) - renewBeforeDays * DAY_MS).toISOString();
  return messages.freeCertificateExpiresSoon(certificateId, domain, expiresAt!, days, renewsFrom);
}
