// The one place a check or a diff says that a certificate the program deploys expires soon
// (rules/expiry.ts judges; this logs, with the process's tencentcloud-https:expiryWarningDays).
import type { Context } from "./context";
import { Expiring, expiryWarning } from "./rules/expiry";

export function warnIfExpiring(ctx: Pick<Context, "log" | "expiryWarningDays">, certificate: Expiring, now: Date = new Date()): void {
  const warning = expiryWarning(certificate, now, ctx.expiryWarningDays);
  if (warning) ctx.log.warn(warning);
}
