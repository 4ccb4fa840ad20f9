// check for FreeCertificate: the argument shape alone (domain, method, key, renewal window); nothing
// is asked of the API. The defaults become inputs, so state and diff see what was applied for.
import { checkArgs, CheckFailure } from "../runtime/validate";
import { freeCertificateArgsSchema } from "./shape";

export function checkFreeCertificate(news: Record<string, unknown>): { inputs: Record<string, unknown>; failures: CheckFailure[] } {
  return checkArgs(freeCertificateArgsSchema, news);
}
