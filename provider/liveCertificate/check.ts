// check for LiveCertificate: exactly one form; a self-owned pair inspected offline (errors fail,
// warnings are logged); a hosted id asked about once (exists, issued, not expired).
import { hasErrors, inspectRemembering, InspectResult } from "../certificate";
import { cloudCertificateProblem } from "../rules/sslCertificate";
import { log } from "../runtime/log";
import { CheckFailure, validateArgs } from "../runtime/validate";
import { messages } from "../messages";
import { findCertificate } from "../services/ssl";
import { isUnknown } from "../unknown";
import { certificateId, certificateMaterial, Claim, declareInCheck, refFrom } from "../ownership";
import { chainFingerprintOf } from "./outputs";
import { liveCertificateArgsSchema } from "./shape";

function formFailures(news: Record<string, unknown>): CheckFailure[] {
  const has = (k: string) => news[k] !== undefined;
  if (has("cloudCertId") && (has("certificate") || has("privateKey"))) return [{ property: "cloudCertId", reason: messages.liveCertFormBoth }];
  if (has("cloudCertId")) return [];
  if (!has("certificate") && !has("privateKey")) return [{ property: "certificate", reason: messages.liveCertFormNeither }];
  if (!has("certificate")) return [{ property: "certificate", reason: messages.liveCertificateMissing }];
  if (!has("privateKey")) return [{ property: "privateKey", reason: messages.liveKeyMissing }];
  return [];
}

function selfOwnedFailures({ findings }: InspectResult): CheckFailure[] {
  for (const w of findings.filter((f) => f.severity === "warning")) log.warn(w.message);
  if (!hasErrors(findings)) return [];
  return findings
    .filter((f) => f.severity === "error")
    .map((f) => ({ property: /key/i.test(f.code) ? "privateKey" : "certificate", reason: f.message }));
}

async function hostedFailures(cloudCertId: string): Promise<CheckFailure[]> {
  const detail = await findCertificate(cloudCertId);
  if (!detail) return [{ property: "cloudCertId", reason: messages.certificateNotFound(cloudCertId) }];
  const problem = cloudCertificateProblem(detail, new Date());
  return problem ? [{ property: "cloudCertId", reason: problem }] : [];
}

/**
 * Records the certificate (by id, or by material before its upload has an id) as declared by this
 * resource for the deployment's deletes (provider/ownership.ts): a rename or a switch to its id must
 * not delete what the new resource uses. Sharing a certificate never fails.
 */
function declareCertificate(news: Record<string, unknown>, cloudCertId: string | undefined, certificate: string | undefined): void {
  const chain = certificate ? chainFingerprintOf(certificate) : undefined;
  const claims: Claim[] = cloudCertId ? [{ thing: certificateId(cloudCertId) }] : chain ? [{ thing: certificateMaterial(chain) }] : [];
  declareInCheck(refFrom("LiveCertificate", news), claims);
}

export async function checkLiveCertificate(news: Record<string, unknown>): Promise<CheckFailure[]> {
  const validated = validateArgs(liveCertificateArgsSchema, news);
  if (validated.failures.length > 0) return validated.failures;
  const form = formFailures(news);
  if (form.length > 0) return form;
  const known = (k: string): string | undefined => (typeof news[k] === "string" && !isUnknown(news[k]) ? news[k] as string : undefined);
  const certificate = known("certificate");
  const privateKey = known("privateKey");
  // First, so that the chain fingerprint below comes from this one parse.
  const inspected = news.cloudCertId === undefined && certificate && privateKey ? inspectRemembering({ certificate, privateKey }) : undefined;
  declareCertificate(news, known("cloudCertId"), certificate);
  if (news.cloudCertId !== undefined) {
    const id = known("cloudCertId");
    return id ? hostedFailures(id) : []; // unknown at preview: checked at `up`
  }
  return inspected ? selfOwnedFailures(inspected) : [];
}
