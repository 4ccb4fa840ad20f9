// SSL certificates and free-certificate applications from a seed (`sslCertificates`,
// `validationRecordsPresent`, `freeCertificates`). Out of band: no API rules.
import { assertKeyMatches, parseCertificate } from "../../core/certs";
import { boolean, listOf, object, oneOf, SeedError, text } from "../../core/seed";
import type { AccountSeed } from "../../types";
import { applyFreeCertificate } from "./free";
import type { SslBackend } from "./model";

/** The statuses the spec documents (0 to 15, DescribeCertificateDetail's Status). */
const STATUSES = Array.from({ length: 16 }, (_, i) => i);

export const SSL_SEED_SHAPE = {
  sslCertificates: listOf(object({
    id: text, certificate: text, privateKey: text, from: text, alias: text, status: oneOf(...STATUSES),
    tags: listOf(object({ TagKey: text, TagValue: text }, ["TagKey", "TagValue"])),
  }, ["id", "certificate"])),
  validationRecordsPresent: listOf(text),
  freeCertificates: listOf(object({
    id: text, domain: text, validationMethod: oneOf("DNS_AUTO", "DNS", "FILE"), keyAlgorithm: oneOf("RSA", "ECC"), alias: text, recordPresent: boolean,
  }, ["id", "domain"])),
};

type SslCertificateSeed = NonNullable<AccountSeed["sslCertificates"]>[number];
type FreeCertificateSeed = NonNullable<AccountSeed["freeCertificates"]>[number];

function addSslCertificate(ssl: SslBackend, c: SslCertificateSeed): void {
  let cert;
  try {
    cert = parseCertificate(c.certificate);
    if (c.privateKey) assertKeyMatches(cert, c.privateKey);
  } catch (e) {
    throw new SeedError(`ssl certificate ${c.id}: ${(e as Error).message}`);
  }
  ssl.addCertificate({
    id: c.id, numericId: ssl.allocateNumericId(), cert, from: c.from ?? "trustasia", alias: c.alias ?? "",
    certificateType: "SVR", projectId: 0, insertTime: ssl.now(), status: c.status, tags: c.tags ?? [],
  });
}

/** An application under the seed's id, pending validation. */
function addFreeCertificate(ssl: SslBackend, a: FreeCertificateSeed): void {
  if (ssl.hasApplication(a.id) || ssl.certificate(a.id)) throw new SeedError(`certificate id ${a.id} is seeded twice`);
  ssl.addApplication(applyFreeCertificate({
    id: a.id, domain: a.domain, method: a.validationMethod ?? "DNS", keyAlgorithm: a.keyAlgorithm ?? "RSA", alias: a.alias,
    recordPresent: a.recordPresent ?? ssl.recordsPresent.has(a.domain.toLowerCase()),
  }, ssl.now()));
}

export function seedSsl(ssl: SslBackend, seed: AccountSeed): void {
  for (const c of seed.sslCertificates ?? []) addSslCertificate(ssl, c);
  for (const d of seed.validationRecordsPresent ?? []) ssl.recordsPresent.add(d.toLowerCase());
  for (const a of seed.freeCertificates ?? []) addFreeCertificate(ssl, a);
}
