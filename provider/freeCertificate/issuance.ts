// Waiting for a free certificate's issuance, the one home of it: FreeCertificate's create and update
// (waitForIssuance) and FreeCertificateValidation's create and update (the ACM pattern: the DNS
// record is published between the certificate and its validation) both call waitForIssuance.
// It asks for verification (CompleteCertificate), then polls DescribeCertificate and
// CheckCertificateDomainVerification until issued, logging which record is still missing and asking
// less often when the check is rate limited (Frequently), bounded by the caller's timeout.
import type { Context } from "../context";
import { pollUntil } from "../runtime/poll";
import { TencentCloudError } from "../tencentcloud";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { DNS_AUTO_NEEDS, ISSUED, isDeadEnd, statusWord, verificationProgress, VerificationProgress } from "../rules/freeCertificate";

/** What the progress lines and the failure sentences name: the certificate's domain and validation method. */
export interface IssuanceSubject { domain: string; validationMethod: string }

interface WaitState { described: DescribeCertificateResponse; progress?: VerificationProgress }

function describeWait(domain: string, method: string, w: WaitState): string {
  const status = statusWord(w.described.Status);
  if (w.described.Status === ISSUED) return `free certificate for ${domain}: issued`;
  if (w.progress?.rateLimited) return `free certificate for ${domain}: ${status}; verification checks are rate limited (Frequently), asking less often`;
  const missing = w.progress?.missing.length ? `; still missing: ${w.progress.missing.join("; ")}` : "";
  const hint = method === "DNS_AUTO" ? ` (DNS_AUTO ${DNS_AUTO_NEEDS})` : "";
  return `free certificate for ${domain}: ${status}${missing}${hint}`;
}

/** Resolves once issued; throws the dead end (rejected, cancelled, ...) or a PollTimeoutError. */
export async function waitForIssuance(ctx: Context, id: string, subject: IssuanceSubject, timeoutMs: number): Promise<void> {
  try {
    await ctx.ssl.completeCertificate(id);
  } catch (e) {
    // Already issued (or audited): nothing to ask for.
    if (!(e instanceof TencentCloudError && e.code === "FailedOperation.CertificateNotFoundOrAudited")) throw e;
  }
  await pollUntil<WaitState>({
    read: async () => {
      const described = await ctx.ssl.findFreeCertificate(id);
      if (!described) throw new Error(`Free certificate ${id} disappeared from SSL Certificate Management while waiting for its issuance.`);
      if (described.Status === ISSUED || isDeadEnd(described.Status)) return { described };
      return { described, progress: verificationProgress(await ctx.ssl.checkDomainVerification(id)) };
    },
    judge: (w) => (w.described.Status === ISSUED || w.progress?.issued ? "done"
      : isDeadEnd(w.described.Status) ? { failed: `The free certificate ${id} for ${subject.domain} was not issued (${statusWord(w.described.Status)}${w.described.StatusMsg ? `: ${w.described.StatusMsg}` : ""}); apply again with a new resource name or fix the domain's validation.` }
        : "pending"),
    slowDown: (w) => w.progress?.rateLimited === true,
    describe: (w) => describeWait(subject.domain, subject.validationMethod, w),
    onProgress: (line) => ctx.log.info(line),
    what: `the issuance of free certificate ${id} for ${subject.domain}`,
    timeoutMs,
    intervalMs: 2000,
    maxIntervalMs: 30_000,
  });
}
