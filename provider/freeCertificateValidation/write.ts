// Create, update and delete of FreeCertificateValidation. Create (and the update that resumes it) waits
// until the certificate is issued (freeCertificate/issuance.ts: CompleteCertificate, then polling,
// logging the missing record, bounded by customTimeouts). A failure once the certificate was found
// keeps what the API shows as partial state, so the next `up` resumes waiting. The id is the
// certificate id.
import type { Context } from "../context";
import { messages } from "../messages";
import { waitForIssuance } from "../freeCertificate/issuance";
import { nextStep, statusWord } from "../rules/freeCertificate";
import { PartialStateError } from "../runtime/partialState";
import type { Operation } from "../runtime/resource";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { validationOutputs } from "./outputs";
import type { FreeCertificateValidationOutputs, FreeCertificateValidationSettings } from "./definition";

async function describe(ctx: Context, id: string): Promise<DescribeCertificateResponse> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) throw new Error(messages.certificateNotFound(id, "give the certificateId of a FreeCertificate"));
  return described;
}

async function validate(ctx: Context, settings: FreeCertificateValidationSettings, timeoutMs: number): Promise<FreeCertificateValidationOutputs> {
  const id = settings.certificateId;
  let described: DescribeCertificateResponse | undefined;
  try {
    described = await describe(ctx, id);
    if (nextStep(statusWord(described.Status)) !== "judge-renewal") {
      await waitForIssuance(ctx, id, { domain: described.Domain ?? id, validationMethod: described.VerifyType ?? "DNS" }, timeoutMs);
      described = await describe(ctx, id);
    }
    return validationOutputs(settings, described);
  } catch (e) {
    // Not found at all: nothing to resume, the plain error. Otherwise the state the next `up` resumes from.
    if (!described || !(e instanceof Error)) throw e;
    throw new PartialStateError(e.message, id, validationOutputs(settings, described), [e.message]);
  }
}

export async function create(ctx: Context, settings: FreeCertificateValidationSettings, op: Operation): Promise<{ id: string; state: FreeCertificateValidationOutputs }> {
  return { id: settings.certificateId, state: await validate(ctx, settings, op.timeoutMs) };
}

/** Resumes waiting where an earlier run stopped short of issued; a new validationRecordIds is state only. */
export function update(ctx: Context, _id: string, _olds: FreeCertificateValidationOutputs, settings: FreeCertificateValidationSettings, op: Operation): Promise<FreeCertificateValidationOutputs> {
  return validate(ctx, settings, op.timeoutMs);
}

export async function remove(ctx: Context, id: string): Promise<void> {
  // Nothing at the API: the certificate belongs to its FreeCertificate, whose delete decides its fate.
  ctx.log.info(`free certificate validation of ${id} removed from the stack; the certificate stays with its FreeCertificate`);
}
