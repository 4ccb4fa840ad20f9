// diff for FreeCertificate, against the current state. Another domain, validation method or key is a
// new certificate (a replacement). So is a certificate within renewBeforeDays of expiry, judged on
// the expiry the API shows now: the replacement renews it (OldCertificateId) and is created before
// the old one is deleted, so the resources using it move to the new one without a gap; so is one
// renewed elsewhere (its RenewOrder), and one the API shows in a dead end (rejected, revoked, ...: a
// new application). The API's status decides throughout: without waitForIssuance the state's status
// is the one at create.
import { normalizeDomain } from "../certificate";
import type { Context } from "../context";
import type { ResourceRef } from "../ownership";
import { freeCertificateExpiryWarning } from "../rules/expiry";
import { chinaTimeToIso } from "../rules/sslCertificate";
import type { Difference, EngineRecord } from "../runtime/resource";
import { validateArgs } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { deadEndSentence, nextStep, RENEWAL_WINDOW_DAYS, renewalDue, renewalStands, stepOf } from "../rules/freeCertificate";
import { freeCertificateArgsSchema, FreeCertificateOutputs } from "./definition";
import { noteReplacement, ReplacementNote } from "./write";

const REPLACING = ["domain", "validationMethod", "keyAlgorithm"] as const;
const IN_PLACE = ["alias", "renewBeforeDays", "waitForIssuance"] as const;

export async function diff(ctx: Context, id: string, olds: FreeCertificateOutputs, news: EngineRecord, resource?: ResourceRef): Promise<Difference> {
  const { value: wanted } = validateArgs(freeCertificateArgsSchema, news);
  const want = (k: string): unknown => (wanted as EngineRecord | undefined)?.[k] ?? news[k];
  const old = olds as unknown as EngineRecord;
  const same = (k: string) => (k === "domain" && typeof want(k) === "string" && typeof old[k] === "string"
    ? normalizeDomain(want(k) as string) === normalizeDomain(old[k])
    : want(k) === old[k]);
  const replaces: string[] = REPLACING.filter((k) => isUnknown(news[k]) || !same(k));
  const changed: string[] = IN_PLACE.filter((k) => !same(k));
  // The API's status decides (the state's may be the one of its create, or of an earlier run); one
  // that can no longer serve is replaced by a new application.
  const recorded = nextStep(olds.status);
  let step = recorded;
  const described = replaces.length === 0 && step !== "apply-again" ? await ctx.ssl.findFreeCertificate(id) : undefined;
  if (described) step = stepOf(described.Status);
  // Not yet a certificate that serves, in state or at the API: the update resumes waiting, records
  // the issuance, or says what the owner must do. Without waiting, the state keeps its create's status.
  const waiting = want("waitForIssuance") !== false;
  if (waiting && step !== "apply-again" && (recorded !== "judge-renewal" || step !== "judge-renewal")) changed.push("status");
  if (step === "apply-again" && replaces.length === 0) {
    replaces.push("status");
    if (described) ctx.log.info(deadEndSentence(id, olds.domain, described.Status, described.StatusMsg));
  }
  let renewal: ReplacementNote["renewal"];
  if (replaces.length === 0 && step === "judge-renewal" && described) {
    const expiresAt = chinaTimeToIso(described.CertEndTime ?? undefined) ?? olds.expiresAt;
    const renewBeforeDays = typeof want("renewBeforeDays") === "number" ? want("renewBeforeDays") as number : RENEWAL_WINDOW_DAYS;
    // Renewed elsewhere (the console, another tool, a run of ours that was killed): take it now.
    const renewedElsewhere = described.CertificateExtra?.RenewOrder ? renewalStands(await ctx.ssl.findFreeCertificate(described.CertificateExtra.RenewOrder)) : false;
    const renewing = !!expiresAt && (renewedElsewhere || renewalDue(expiresAt, new Date(), renewBeforeDays));
    if (renewing) {
      replaces.push("expiresAt");
      renewal = { expiresAt: expiresAt! };
    }
    const warning = freeCertificateExpiryWarning(id, olds.domain, expiresAt, renewing ? undefined : renewBeforeDays, new Date(), ctx.expiryWarningDays);
    if (warning) ctx.log.warn(warning);
  }
  if (replaces.length > 0) noteReplacement(ctx, resource, { replaces: id, ...(renewal ? { renewal } : {}), adopted: olds.adopted });
  return { changed, replaces };
}
