// diff for FreeCertificate, against the current state. Another domain, validation method or key is a
// new certificate (a replacement). So is a certificate within renewBeforeDays of expiry, judged on
// the expiry the API shows now: the replacement renews it (OldCertificateId) and is created before
// the old one is deleted, so the resources using it move to the new one without a gap. Without
// waitForIssuance the state's status is the one at create: the API's decides instead.
import { normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { chinaTimeToIso } from "../rules/sslCertificate";
import type { Difference, EngineRecord } from "../runtime/resource";
import { validateArgs } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { nextStep, RENEWAL_WINDOW_DAYS, renewalDue, statusWord } from "../rules/freeCertificate";
import { freeCertificateArgsSchema, FreeCertificateOutputs } from "./definition";
import { noteRenewal } from "./write";

const REPLACING = ["domain", "validationMethod", "keyAlgorithm"] as const;
const IN_PLACE = ["alias", "renewBeforeDays", "waitForIssuance"] as const;

export async function diff(ctx: Context, id: string, olds: FreeCertificateOutputs, news: EngineRecord): Promise<Difference> {
  const { value: wanted } = validateArgs(freeCertificateArgsSchema, news);
  const want = (k: string): unknown => (wanted as EngineRecord | undefined)?.[k] ?? news[k];
  const old = olds as unknown as EngineRecord;
  const same = (k: string) => (k === "domain" && typeof want(k) === "string" && typeof old[k] === "string"
    ? normalizeDomain(want(k) as string) === normalizeDomain(old[k])
    : want(k) === old[k]);
  const replaces: string[] = REPLACING.filter((k) => isUnknown(news[k]) || !same(k));
  const changed: string[] = IN_PLACE.filter((k) => !same(k));
  let step = nextStep(olds.status);
  // An earlier run left it pending: resume waiting. Not waiting, a FreeCertificateValidation (or
  // anyone) may have seen it issued since, so the API's status decides (state keeps the old word
  // until a refresh, so a second `up` shows no change). One that can no longer be issued: apply again.
  const notWaiting = want("waitForIssuance") === false;
  if (step === "wait" && !notWaiting) changed.push("status");
  const askApi = replaces.length === 0 && (step === "judge-renewal" || (step === "wait" && notWaiting));
  const described = askApi ? await ctx.ssl.findFreeCertificate(id) : undefined;
  if (step === "wait" && described) step = nextStep(statusWord(described.Status));
  if (step === "apply-again" && replaces.length === 0) replaces.push("status");
  if (replaces.length === 0 && step === "judge-renewal") {
    const expiresAt = chinaTimeToIso(described?.CertEndTime ?? undefined) ?? olds.expiresAt;
    const renewBeforeDays = typeof want("renewBeforeDays") === "number" ? want("renewBeforeDays") as number : RENEWAL_WINDOW_DAYS;
    if (described && expiresAt && renewalDue(expiresAt, new Date(), renewBeforeDays)) {
      replaces.push("expiresAt");
      noteRenewal(ctx, { domain: olds.domain, keyAlgorithm: olds.keyAlgorithm }, id, expiresAt);
    }
  }
  return { changed, replaces };
}
