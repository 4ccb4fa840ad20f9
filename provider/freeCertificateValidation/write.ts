// Create, update and delete of FreeCertificateValidation. Create (and the update that resumes it) waits
// until the certificate is issued (freeCertificate/issuance.ts: CompleteCertificate, then polling,
// logging the missing record, bounded by customTimeouts). A failure once the certificate was found
// keeps what the API shows as partial state, so the next `up` resumes waiting. The id is the
// certificate id.
import { messages } from "../messages";
import { waitForIssuance } from "../freeCertificate/issuance";
import { nextStep, statusWord } from "../freeCertificate/rules";
import { log } from "../runtime/log";
import { PartialStateError } from "../runtime/partialState";
import { timeoutFor, withTimeouts } from "../runtime/timeouts";
import { reservedOf, withoutReserved } from "../runtime/validate";
import { findFreeCertificate } from "../services/ssl";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { validationOutputs } from "./outputs";
import { freeCertificateValidationArgsSchema, FreeCertificateValidationSettings } from "./shape";

type Props = Record<string, any>;

export function settingsOf(inputs: Props): FreeCertificateValidationSettings {
  return freeCertificateValidationArgsSchema.parse(withoutReserved(inputs));
}

async function describe(id: string): Promise<DescribeCertificateResponse> {
  const described = await findFreeCertificate(id);
  if (!described) throw new Error(messages.certificateNotFound(id, "give the certificateId of a FreeCertificate"));
  return described;
}

async function validate(settings: FreeCertificateValidationSettings, inputs: Props, timeoutMs: number): Promise<Props> {
  const id = settings.certificateId;
  let described: DescribeCertificateResponse | undefined;
  try {
    described = await describe(id);
    if (nextStep(statusWord(described.Status)) !== "judge-renewal") {
      await waitForIssuance(id, { domain: described.Domain ?? id, validationMethod: described.VerifyType ?? "DNS" }, timeoutMs);
      described = await describe(id);
    }
    return withTimeouts(validationOutputs(settings, described), inputs);
  } catch (e) {
    // Not found at all: nothing to resume, the plain error. Otherwise the state the next `up` resumes from.
    if (!described || !(e instanceof Error)) throw e;
    const partial = { ...withTimeouts(validationOutputs(settings, described), inputs), __provider: inputs.__provider };
    throw new PartialStateError(e.message, id, partial, [e.message]);
  }
}

export async function createFreeCertificateValidation(inputs: Props): Promise<{ id: string; outs: Props }> {
  const settings = settingsOf(inputs);
  const outs = await validate(settings, inputs, timeoutFor("create", reservedOf(inputs).__timeouts));
  return { id: settings.certificateId, outs };
}

/** Resumes waiting where an earlier run stopped short of issued; a new validationRecordIds is state only. */
export async function updateFreeCertificateValidation(_id: string, _olds: Props, news: Props): Promise<{ outs: Props }> {
  return { outs: await validate(settingsOf(news), news, timeoutFor("update", reservedOf(news).__timeouts)) };
}

export async function deleteFreeCertificateValidation(id: string): Promise<void> {
  // Nothing at the API: the certificate belongs to its FreeCertificate, whose delete decides its fate.
  log.info(`free certificate validation of ${id} removed from the stack; the certificate stays with its FreeCertificate`);
}
