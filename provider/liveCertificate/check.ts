// check for LiveCertificate beyond the schema and the form rule (definition.ts): a self-owned pair
// inspected offline (errors fail, warnings are logged); a hosted id asked about once (exists,
// issued, not expired).
import { hasErrors, inspectRemembering, InspectResult } from "../certificate";
import type { Context } from "../context";
import { hostedCertificateProblem } from "../rules/sslCertificate";
import type { CheckInput } from "../runtime/resource";
import type { CheckFailure } from "../runtime/validate";
import { isUnknown } from "../unknown";
import { sslCertificate, certificateMaterial, Claim, declareInCheck } from "../ownership";
import { chainFingerprintOf } from "./outputs";
import type { LiveCertificateInputs } from "./definition";

function selfOwnedFailures(ctx: Context, { findings }: InspectResult): CheckFailure[] {
  for (const w of findings.filter((f) => f.severity === "warning")) ctx.log.warn(w.message);
  if (!hasErrors(findings)) return [];
  return findings
    .filter((f) => f.severity === "error")
    .map((f) => ({ property: /key/i.test(f.code) ? "privateKey" : "certificate", reason: f.message }));
}

async function hostedFailures(ctx: Context, certificateId: string): Promise<CheckFailure[]> {
  const problem = hostedCertificateProblem(certificateId, await ctx.ssl.findCertificate(certificateId), undefined, new Date());
  return problem ? [{ property: "certificateId", reason: problem }] : [];
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
  if (input.failed.size > 0) return [];
  const args = input.args;
  const known = (k: string): string | undefined => (typeof args[k] === "string" && !isUnknown(args[k]) ? args[k] as string : undefined);
  const certificate = known("certificate");
  const privateKey = known("privateKey");
  // First, so that the chain fingerprint below comes from this one parse.
  const inspected = args.certificateId === undefined && certificate && privateKey ? inspectRemembering({ certificate, privateKey }) : undefined;
  declareCertificate(ctx, input, known("certificateId"), certificate);
  if (args.certificateId !== undefined) {
    const id = known("certificateId");
    return id ? hostedFailures(ctx, id) : []; // unknown at preview: checked at `up`
  }
  return inspected ? selfOwnedFailures(ctx, inspected) : [];
}
