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
import { DNS_AUTO_NEEDS, ISSUED, issuanceStop, stepOf, statusWord, verificationProgress, VerificationProgress } from "../rules/freeCertificate";

/** What the progress lines and the failure sentences name: the certificate's domain and validation method. */
export interface IssuanceSubject { domain: string; validationMethod: string }

interface WaitState { described: DescribeCertificateResponse; progress?: VerificationProgress }

/** Where the issuance stands: the status word, and what the verification still misses. */
function describeWait(method: string, w: WaitState): string {
  const status = statusWord(w.described.Status);
  if (w.described.Status === ISSUED) return "issued";
  if (w.progress?.rateLimited) return `${status}; verification checks are rate limited (Frequently), asking less often`;
  const missing = w.progress?.missing.length ? `; still missing: ${w.progress.missing.join("; ")}` : "";
  const hint = method === "DNS_AUTO" ? ` (DNS_AUTO ${DNS_AUTO_NEEDS})` : "";
  return `${status}${missing}${hint}`;
}

/**
 * Resolves once issued (or once it serves: reissuing, migrating, ...); throws the sentence for a dead
 * end (rejected, cancelled, ...) or for a status the owner must act on, or a PollTimeoutError. Only an
 * application pending validation is checked (any other answers CertificateStatusNotAllowVerify).
 */
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
      if (stepOf(described.Status) !== "wait") return { described };
      return { described, progress: verificationProgress(await ctx.ssl.checkDomainVerification(id)) };
    },
    judge: (w) => {
      const stop = issuanceStop(id, subject.domain, w.described.Status, w.described.StatusMsg);
      if (stop) return { failed: stop };
      return stepOf(w.described.Status) === "judge-renewal" || w.progress?.issued ? "done" : "pending";
    },
    slowDown: (w) => w.progress?.rateLimited === true,
    describe: (w) => describeWait(subject.validationMethod, w),
    progress: { subject: `free certificate for ${subject.domain}`, log: ctx.log },
    what: `the issuance of free certificate ${id} for ${subject.domain}`,
    timeoutMs,
    intervalMs: 2000,
    maxIntervalMs: 30_000,
  });
}
