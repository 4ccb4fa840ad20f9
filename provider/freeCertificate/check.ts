// check for FreeCertificate: the argument shape alone (domain, method, key, renewal window); nothing
// is asked of the API. The defaults become inputs, so state and diff see what was applied for.
import { CheckFailure, validateArgs } from "../runtime/validate";
import { freeCertificateArgsSchema } from "./shape";

type Props = Record<string, unknown>;

export function checkFreeCertificate(news: Props): { inputs: Props; failures: CheckFailure[] } {
  const { value, failures, hasUnknowns } = validateArgs(freeCertificateArgsSchema, news);
  return { inputs: value && !hasUnknowns ? { ...news, ...value } : news, failures };
}
