// check for LiveCertificate beyond the schema and the form rule (definition.ts): a self-owned pair
// inspected offline (errors fail, warnings are logged); a hosted id asked about once (exists,
// issued, not expired). A value that failed already is not judged again, nor sent; the others are.
import { CODES, hasErrors, inspectRemembering, InspectResult } from "../certificate";
import type { Context } from "../context";
import { warnIfExpiring } from "../expiryWarning";
import { ownCertificateLabel } from "../rules/expiry";
import { chinaTimeToIso, hostedCertificateNames, hostedCertificateProblem } from "../rules/sslCertificate";
import type { CheckInput } from "../runtime/resource";
import type { CheckFailure } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { sslCertificate, certificateMaterial, Claim, declareInCheck } from "../ownership";
import { chainFingerprintOf } from "./outputs";
import type { LiveCertificateInputs } from "./definition";

function selfOwnedFailures(ctx: Context, { facts, findings }: InspectResult): CheckFailure[] {
  // Expiring soon is said once, with the configured days (expiryWarning.ts), not as the inspection's 30-day finding.
  for (const w of findings.filter((f) => f.severity === "warning" && f.code !== CODES.EXPIRES_SOON)) ctx.log.warn(w.message);
  if (facts) warnIfExpiring(ctx, { certificate: ownCertificateLabel(facts), expiresAt: facts.notAfter, domains: facts.sans });
  if (!hasErrors(findings)) return [];
  return findings
    .filter((f) => f.severity === "error")
    .map((f) => ({ property: /key/i.test(f.code) ? "privateKey" : "certificate", reason: f.message }));
}

async function hostedFailures(ctx: Context, certificateId: string): Promise<CheckFailure[]> {
  const detail = await ctx.ssl.findCertificate(certificateId);
  const problem = hostedCertificateProblem(certificateId, detail, undefined, new Date());
  if (problem) return [{ property: "certificateId", reason: problem }];
  warnIfExpiring(ctx, { certificate: `SSL certificate ${certificateId}`, expiresAt: chinaTimeToIso(detail!.CertEndTime), domains: hostedCertificateNames(detail!) });
  return [];
}

/**
 * Records the certificate (by id, or by material before its upload has an id) as declared by this
 * resource for the deployment's deletes (provider/ownership.ts): a rename or a switch to its id must
 * not delete what the new resource uses. Sharing a certificate never fails.
 */
function declareCertificate(ctx: Context, input: CheckInput<LiveCertificateInputs>, certificateId: string | undefined, certificate: string | undefined): void {
  const chain = certificate ? chainFingerprintOf(certificate) : undefined;
  const claims: Claim[] = certificateId ? [{ thing: sslCertificate(certificateId) }] : chain ? [{ thing: certificateMaterial(chain) }] : [];
  declareInCheck(ctx.declarations, input.resource, claims);
}

export async function check(ctx: Context, input: CheckInput<LiveCertificateInputs>): Promise<CheckFailure[]> {
  const { args, failed } = input;
  const known = (k: string): string | undefined =>
    (typeof args[k] === "string" && !isUnknown(args[k]) && !failed.has(k) ? args[k] as string : undefined);
  const certificate = known("certificate");
  const privateKey = known("privateKey");
  // First, so that the chain fingerprint below comes from this one parse.
  const inspected = args.certificateId === undefined && certificate ? inspectRemembering({ certificate, privateKey }) : undefined;
  declareCertificate(ctx, input, known("certificateId"), certificate);
  if (args.certificateId !== undefined) {
    const id = known("certificateId");
    return id ? hostedFailures(ctx, id) : []; // unknown at preview: checked at `up`
  }
  return inspected ? selfOwnedFailures(ctx, inspected) : [];
}
