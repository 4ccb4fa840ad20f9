// diff for FreeCertificateValidation, against the old outputs. Pure. Another certificate (a renewal of
// the FreeCertificate is a new id) replaces the validation, which then waits for the new one. A
// validation an earlier run left short of issued (timed out, or a dead end it failed on) is updated,
// so the next `up` resumes waiting, or says again why it cannot, before the certificate's users go on.
// validationRecordIds only orders the program: a change to it alone changes nothing.
import type * as pulumi from "@pulumi/pulumi";
import { nextStep } from "../freeCertificate/rules";
import { isUnknown } from "../unknown";

type Props = Record<string, any>;

export function diffFreeCertificateValidation(olds: Props, news: Props): pulumi.dynamic.DiffResult {
  if (isUnknown(news.certificateId) || news.certificateId !== olds.certificateId) {
    return { changes: true, replaces: ["certificateId"], deleteBeforeReplace: false };
  }
  return { changes: nextStep(olds.status) !== "judge-renewal", replaces: [], deleteBeforeReplace: false };
}
