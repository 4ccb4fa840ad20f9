// The SSL part of GET /_emulator/state: the stored certificates (their status, where each is used)
// and the free-certificate applications (the record to publish, the status, the renewal and reissue
// relations); never a key.
import { chinaTime } from "../../core/format";
import type { EmulatorSnapshot } from "../../types";
import { freeStatus, VALIDATION_WINDOW_MS } from "./free";
import type { SslBackend } from "./model";
import { statusName } from "./statuses";

export function sslSnapshot(ssl: SslBackend): Pick<EmulatorSnapshot, "sslCertificates" | "freeCertificates"> {
  const now = ssl.now();
  // Applications first: one that issued since the last look joins the stored certificates.
  const applications = ssl.allApplications();
  return {
    sslCertificates: ssl.allCertificates().map((c) => ({
      id: c.id, from: c.from, alias: c.alias, certificateType: c.certificateType, certificateUse: c.certificateUse ?? null,
      fingerprintSha256: c.cert.fingerprint, commonName: c.cert.commonName, sans: c.cert.sans, certificate: c.cert.pem,
      notBefore: new Date(c.cert.notBefore).toISOString(), notAfter: new Date(c.cert.notAfter).toISOString(),
      status: ssl.statusOf(c), boundTo: ssl.usersOf(c.id),
    })),
    freeCertificates: applications.map((app) => {
      const status = freeStatus(app, now);
      return {
        id: app.id, domain: app.domain, validationMethod: app.method, keyAlgorithm: app.keyAlgorithm, alias: app.alias,
        status: status.code, statusName: statusName(status.code), statusMessage: status.message,
        appliedAt: chinaTime(app.appliedAt), validationDeadline: chinaTime(app.appliedAt + VALIDATION_WINDOW_MS), recordPresent: app.recordPresent,
        record: app.record, renews: app.renews ?? null, renewedBy: app.renewedBy ?? null, reissueOf: app.reissueOf ?? null, reissuedAs: app.reissuedAs ?? null,
        notBefore: app.issued ? new Date(app.issued.notBefore).toISOString() : null,
        notAfter: app.issued ? new Date(app.issued.notAfter).toISOString() : null,
      };
    }),
  };
}
