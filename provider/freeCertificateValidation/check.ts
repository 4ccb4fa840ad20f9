// check for FreeCertificateValidation: the argument shape alone (the certificate id looks like an SSL
// id); nothing is asked of the API, so a preview sends nothing.
import { CheckFailure, validateArgs } from "../runtime/validate";
import { freeCertificateValidationArgsSchema } from "./shape";

type Props = Record<string, unknown>;

export function checkFreeCertificateValidation(news: Props): { inputs: Props; failures: CheckFailure[] } {
  const { value, failures, hasUnknowns } = validateArgs(freeCertificateValidationArgsSchema, news);
  return { inputs: value && !hasUnknowns ? { ...news, ...value } : news, failures };
}
