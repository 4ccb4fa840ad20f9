// read for FreeCertificateValidation: the certificate's status and validity as the API shows them now;
// a certificate gone means the validation is gone (no id). Import takes the certificate id.
import { findFreeCertificate } from "../services/ssl";
import { withTimeouts } from "../runtime/timeouts";
import { validationOutputs } from "./outputs";
import type { FreeCertificateValidationOutputs } from "./shape";

type Props = Record<string, any>;

export async function readFreeCertificateValidation(id: string, state: (FreeCertificateValidationOutputs & Props) | undefined) {
  const described = await findFreeCertificate(id);
  if (!described) return {};
  const imported = !state || typeof state.certificateId !== "string";
  const settings = imported ? { certificateId: id } : { certificateId: state.certificateId, ...(state.validationRecordIds ? { validationRecordIds: state.validationRecordIds } : {}) };
  const props = withTimeouts(validationOutputs(settings, described), state);
  return imported ? { id, props, inputs: { certificateId: id } } : { id, props };
}
