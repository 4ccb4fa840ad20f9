// A free TrustAsia certificate per domain (the free product covers exactly one name), applied for and
// waited for until issued, then deployed to a CDN domain and to a CSS playback domain. Each
// certificate is renewed by `pulumi up` once it is within renewBeforeDays (default 30) of expiry: the
// renewal is created first, the CDN domain and the playback domain move to it, then the old one is
// deleted, so HTTPS never stops.
//
//   pulumi config set cdnDomain cdn.example.com
//   pulumi config set playDomain play.example.com
//   pulumi up
//
// DNS_AUTO (the default) needs both domains' DNS in Tencent Cloud DNS under the same account: Tencent
// Cloud adds the validation records itself. With `validationMethod` DNS, the records to publish are
// outputs (`validationRecords`, as aws_acm_certificate.domain_validation_options): hand them to the DNS
// resource of your provider (see publishValidationRecord below). The certificate cannot be issued
// before that record exists, so the first `up` runs with `deploy` false (it applies and outputs the
// records without waiting), the second with `deploy` true waits for issuance and deploys.
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, FreeCertificate, LiveDomainBinding, ValidationRecord } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();
const validationMethod = config.get("validationMethod") ?? "DNS_AUTO";
const deploy = config.getBoolean("deploy") ?? true;

function freeCertificate(name: string, domain: string): FreeCertificate {
  return new FreeCertificate(name, {
    domain,
    validationMethod: validationMethod as "DNS_AUTO" | "DNS" | "FILE",
    keyAlgorithm: "ECC",
    alias: `${domain} (pulumi)`,
    renewBeforeDays: 30,
    waitForIssuance: deploy,
  }, { customTimeouts: { create: "30m", update: "30m" } });
}

/**
 * Where a DNS record resource of your choice goes, e.g. with @pulumi/cloudflare:
 *   new cloudflare.Record(`${name}-validation`, { zoneId, name: r.name, type: r.recordType, content: r.value, ttl: 600 });
 * Here the record is only returned, to be exported.
 */
function publishValidationRecord(_name: string, r: ValidationRecord): string {
  return `${r.recordType} ${r.name} ${r.value}`;
}

const cdnCert = freeCertificate("cdn-cert", config.require("cdnDomain"));
const playCert = freeCertificate("play-cert", config.require("playDomain"));

export const validationRecords = pulumi.all([cdnCert.validationRecords, playCert.validationRecords])
  .apply(([a, b]) => [...a, ...b].map((r) => publishValidationRecord(r.domain, r)));

if (deploy) {
  new CdnHttpsConfig("cdn-https", { domain: cdnCert.domain, certId: cdnCert.certificateId, http2: true });
  new LiveDomainBinding("play-https", { cloudCertId: playCert.certificateId, domains: [playCert.domain], enableHttps: true });
}

export const certificates = pulumi.all([cdnCert, playCert].map((c) =>
  pulumi.all([c.domain, c.certificateId, c.status, c.expiresAt, c.daysToExpiry, c.renewBeforeDays])
    .apply(([domain, id, status, expiresAt, daysToExpiry, renewBeforeDays]) => ({ domain, id, status, expiresAt, daysToExpiry, renewBeforeDays }))));
