// SSL certificates and free-certificate applications from a seed (`sslCertificates`,
// `validationRecordsPresent`, `freeCertificates`). Out of band: no API rules.
import { assertKeyMatches, parseCertificate } from "../../core/certs";
import { boolean, listOf, object, oneOf, SeedError, text } from "../../core/seed";
import type { AccountSeed } from "../../types";
import { applyFreeCertificate, FreeApplication, setFreeStatus } from "./free";
import type { SslBackend } from "./model";
import { EVENT_STATUS_NAMES, EVENT_STATUSES } from "./statuses";

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
    status: oneOf("issued", ...EVENT_STATUS_NAMES), statusMessage: text, renews: text, reissues: text,
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

/** The application a seed entry renews or reissues: one seeded before it. */
function seededApplication(ssl: SslBackend, a: FreeCertificateSeed, relation: "renews" | "reissues"): FreeApplication | undefined {
  const id = a[relation];
  if (id === undefined) return undefined;
  const app = ssl.application(id);
  if (!app) throw new SeedError(`freeCertificates ${a.id} ${relation} ${id}, which is not a free certificate seeded before it`);
  return app;
}

/** An application under the seed's id: pending validation, issued, or in an event's status; linked to what it renews or reissues. */
function addFreeCertificate(ssl: SslBackend, a: FreeCertificateSeed): void {
  if (ssl.hasApplication(a.id) || ssl.certificate(a.id)) throw new SeedError(`certificate id ${a.id} is seeded twice`);
  const renews = seededApplication(ssl, a, "renews");
  const reissueOf = seededApplication(ssl, a, "reissues");
  const issued = a.status === "issued" || (a.status !== undefined && EVENT_STATUSES[a.status].from === "issued");
  const app = applyFreeCertificate({
    id: a.id, domain: a.domain, method: a.validationMethod ?? "DNS", keyAlgorithm: a.keyAlgorithm ?? "RSA", alias: a.alias,
    renews: renews?.id, reissueOf: reissueOf?.id, recordPresent: issued || (a.recordPresent ?? ssl.recordsPresent.has(a.domain.toLowerCase())),
  }, ssl.now());
  app.verificationAsked = issued; // the CA checks at once: issued now
  ssl.addLinked(app, { renews, reissueOf });
  if (a.status === undefined || a.status === "issued") return;
  try {
    setFreeStatus(app, a.status, a.statusMessage);
  } catch (e) {
    throw new SeedError(`freeCertificates ${a.id}: ${(e as Error).message}`);
  }
}

export function seedSsl(ssl: SslBackend, seed: AccountSeed): void {
  for (const c of seed.sslCertificates ?? []) addSslCertificate(ssl, c);
  for (const d of seed.validationRecordsPresent ?? []) ssl.recordsPresent.add(d.toLowerCase());
  for (const a of seed.freeCertificates ?? []) addFreeCertificate(ssl, a);
}
