// read for FreeCertificateValidation: the certificate's status and validity as the API shows them now;
// a certificate gone means the validation is gone. A lookup (a `get`, an adoption) takes the certificate id.
import type { Context } from "../context";
import { validationOutputs } from "./outputs";
import type { FreeCertificateValidationOutputs, FreeCertificateValidationSettings } from "./definition";

export async function read(ctx: Context, id: string, state: FreeCertificateValidationOutputs): Promise<FreeCertificateValidationOutputs | undefined> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) return undefined;
  return validationOutputs({ certificateId: state.certificateId, ...(state.validationRecordIds ? { validationRecordIds: state.validationRecordIds } : {}) }, described);
}

export async function lookup(ctx: Context, id: string, program: FreeCertificateValidationSettings | undefined): Promise<FreeCertificateValidationOutputs | undefined> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) return undefined;
  return validationOutputs({ ...program, certificateId: id }, described);
}
