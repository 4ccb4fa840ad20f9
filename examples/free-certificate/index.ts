// A free TrustAsia certificate per domain (the free product covers exactly one name), validated and
// deployed to a CDN domain and a CSS playback domain in ONE `pulumi up`, as with
// aws_acm_certificate + aws_acm_certificate_validation:
//
//   FreeCertificate (waitForIssuance: false)   applies and returns at once, with validationRecords
//   → your DNS record resource                 publishes the record (DNS) or the file (FILE)
//   → FreeCertificateValidation                waits until the certificate is issued
//   → CdnHttpsConfig certificateId / LiveDomainBinding certificateId, taken from the validation's certificateId,
//     so they are created only once the certificate is issued.
//
//   pulumi config set cdnDomain cdn.example.com
//   pulumi config set playDomain play.example.com
//   pulumi config set validationMethod DNS      # default DNS_AUTO
//   pulumi up
//
// DNS_AUTO (the default) needs both domains' DNS in Tencent Cloud DNS under the same account: Tencent
// Cloud adds the validation records itself and there is nothing to publish. Each certificate is
// renewed by `pulumi up` once it is within renewBeforeDays (default 30) of expiry: a new certificate
// (a new id and a new record to publish) is created first, its validation waits for it, the CDN domain
// and the playback domain move to it, then the old one is deleted, so HTTPS never stops.
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, FreeCertificate, FreeCertificateValidation, LiveDomainBinding, ValidationRecord } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();
const validationMethod = (config.get("validationMethod") ?? "DNS_AUTO") as "DNS_AUTO" | "DNS" | "FILE";

/**
 * Publishes the one validation record of a certificate and returns the id of what publishes it. Put
 * the DNS record resource of your provider here, e.g. with @pulumi/cloudflare:
 *   return new cloudflare.Record(`${name}-validation`, { zoneId, name: record.name, type: record.recordType, content: record.value, ttl: 600 }).id;
 * This example has no DNS provider: it returns the record as text, exported below to publish by hand.
 */
function publishValidationRecord(name: string, record: pulumi.Output<ValidationRecord>): pulumi.Output<string> {
  return pulumi.interpolate`${name}: ${record.recordType} ${record.name} ${record.value}`;
}

function validatedCertificate(name: string, domain: string): { cert: FreeCertificate; validation: FreeCertificateValidation } {
  const cert = new FreeCertificate(name, {
    domain,
    validationMethod,
    keyAlgorithm: "ECC",
    alias: `${domain} (pulumi)`,
    renewBeforeDays: 30,
    waitForIssuance: false, // the validation below waits, after the record is published
  });
  const published = validationMethod === "DNS_AUTO" ? [] : [publishValidationRecord(name, cert.validationRecords.apply((records) => records[0]))];
  const validation = new FreeCertificateValidation(`${name}-validation`, { certificateId: cert.certificateId, validationRecordIds: published },
    { customTimeouts: { create: "30m", update: "30m" } });
  return { cert, validation };
}

const cdnCert = validatedCertificate("cdn-cert", config.require("cdnDomain"));
const playCert = validatedCertificate("play-cert", config.require("playDomain"));

// The validation's certificateId, not the certificate's: known only once issued.
new CdnHttpsConfig("cdn-https", { domain: cdnCert.cert.domain, certificateId: cdnCert.validation.certificateId, http2: true });
new LiveDomainBinding("play-https", { certificateId: playCert.validation.certificateId, domains: [playCert.cert.domain], enableHttps: true });

/** What the validations waited on (here the records to publish by hand); empty with DNS_AUTO. */
export const validationRecords = pulumi.all([cdnCert, playCert].map((c) => c.validation.validationRecordIds))
  .apply((lists) => lists.flatMap((ids) => ids ?? []));

export const certificates = pulumi.all([cdnCert, playCert].map(({ cert, validation }) =>
  pulumi.all([cert.domain, validation.certificateId, validation.status, validation.expiresAt, cert.renewBeforeDays])
    .apply(([domain, id, status, expiresAt, renewBeforeDays]) => ({ domain, id, status, expiresAt, renewBeforeDays }))));
