// diff for FreeCertificateValidation, against the old outputs. Pure. Another certificate (a renewal of
// the FreeCertificate is a new id) replaces the validation, which then waits for the new one. A
// validation an earlier run left short of issued (timed out, or a dead end it failed on) is updated,
// so the next `up` resumes waiting, or says again why it cannot, before the certificate's users go on.
// validationRecordIds only orders the program: a change to it alone changes nothing.
import type { Context } from "../context";
import { nextStep } from "../rules/freeCertificate";
import type { Difference, EngineRecord } from "../runtime/resource";
import { isUnknown } from "../unknown";
import type { FreeCertificateValidationOutputs } from "./definition";

export function diff(_ctx: Context, _id: string, olds: FreeCertificateValidationOutputs, news: EngineRecord): Difference {
  if (isUnknown(news.certificateId) || news.certificateId !== olds.certificateId) return { changed: [], replaces: ["certificateId"] };
  return { changed: nextStep(olds.status) !== "judge-renewal" ? ["status"] : [], replaces: [] };
}
