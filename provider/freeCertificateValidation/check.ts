// check for FreeCertificateValidation: the argument shape alone (the certificate id looks like an SSL
// id); nothing is asked of the API, so a preview sends nothing.
import { checkArgs, CheckFailure } from "../runtime/validate";
import { freeCertificateValidationArgsSchema } from "./shape";

export function checkFreeCertificateValidation(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  return checkArgs(freeCertificateValidationArgsSchema, news);
}
