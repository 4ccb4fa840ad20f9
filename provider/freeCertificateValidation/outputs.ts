// FreeCertificateValidation outputs from what the API says (DescribeCertificate). Pure.
import { statusWord } from "../rules/freeCertificate";
import { chinaTimeToIso } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import type { FreeCertificateValidationOutputs, FreeCertificateValidationSettings } from "./definition";

export function validationOutputs(settings: FreeCertificateValidationSettings, described: DescribeCertificateResponse): FreeCertificateValidationOutputs {
  return withoutUndefined({
    ...settings,
    status: statusWord(described.Status),
    issuedAt: chinaTimeToIso(described.CertBeginTime ?? undefined),
    expiresAt: chinaTimeToIso(described.CertEndTime ?? undefined),
  });
}
