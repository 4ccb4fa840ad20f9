// FreeCertificate outputs from what the API says (DescribeCertificate, and the issued PEM). Pure.
import { rememberedFacts } from "../certificate";
import { chinaTimeToIso } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { daysToExpiry, keptValidationRecords, statusWord, validationRecords } from "../rules/freeCertificate";
import type { FreeCertificateOutputs, FreeCertificateSettings, ValidationRecord } from "./definition";

export interface OutputSources {
  certificateId: string;
  settings: FreeCertificateSettings;
  described: DescribeCertificateResponse;
  /** The issued chain, when there is one. */
  pem?: string;
  /** Validation records from an earlier answer, kept once the API stops showing them. */
  recorded?: ValidationRecord[];
  renews?: string;
  /** Whether this resource did not apply for it (see FreeCertificateOutputs.adopted). */
  adopted: boolean;
  now: Date;
}

export function freeCertificateOutputs(s: OutputSources): FreeCertificateOutputs {
  const facts = rememberedFacts(s.pem);
  const expiresAt = facts?.notAfter ?? chinaTimeToIso(s.described.CertEndTime ?? undefined);
  const shown = validationRecords(s.described.DvAuthDetail, s.settings.domain, s.settings.validationMethod);
  return withoutUndefined({
    certificateId: s.certificateId,
    ...s.settings,
    status: statusWord(s.described.Status),
    validationRecords: keptValidationRecords(s.recorded, shown),
    issuedAt: facts?.notBefore ?? chinaTimeToIso(s.described.CertBeginTime ?? undefined),
    expiresAt,
    daysToExpiry: expiresAt ? daysToExpiry(expiresAt, s.now) : undefined,
    dnsNames: facts ? [...facts.sans] : [...new Set([s.settings.domain, ...(s.described.SubjectAltName ?? [])])],
    fingerprint: facts?.fingerprintSha256,
    renews: s.renews ?? s.described.CertificateExtra?.OriginCertificateId ?? undefined,
    adopted: s.adopted,
  });
}
