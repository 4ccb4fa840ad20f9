// SSL certificates and free-certificate applications from a seed (`sslCertificates`,
// `validationRecordsPresent`, `freeCertificates`). Out of band: no API rules.
import { assertKeyMatches, parseCertificate } from "../../core/certs";
import { SeedError } from "../../core/seed";
import type { AccountSeed } from "../../types";
import { applyFreeCertificate } from "./free";
import type { SslBackend } from "./model";

const METHODS: readonly string[] = ["DNS_AUTO", "DNS", "FILE"];

type SslCertificateSeed = NonNullable<AccountSeed["sslCertificates"]>[number];
type FreeCertificateSeed = NonNullable<AccountSeed["freeCertificates"]>[number];

function addSslCertificate(ssl: SslBackend, c: SslCertificateSeed): void {
  if (typeof c?.id !== "string" || c.id === "") throw new SeedError("every sslCertificates entry needs an id");
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
  if (typeof a?.id !== "string" || !a.id || typeof a.domain !== "string" || !a.domain) throw new SeedError("every freeCertificates entry needs an id and a domain");
  if (ssl.hasApplication(a.id) || ssl.certificate(a.id)) throw new SeedError(`certificate id ${a.id} is seeded twice`);
  const method = a.validationMethod ?? "DNS";
  if (!METHODS.includes(method)) throw new SeedError(`freeCertificates ${a.id}: validationMethod must be DNS_AUTO, DNS or FILE`);
  ssl.addApplication(applyFreeCertificate({
    id: a.id, domain: a.domain, method, keyAlgorithm: a.keyAlgorithm === "ECC" ? "ECC" : "RSA", alias: a.alias,
    recordPresent: a.recordPresent ?? ssl.recordsPresent.has(a.domain.toLowerCase()),
  }, ssl.now()));
}

export function seedSsl(ssl: SslBackend, seed: AccountSeed): void {
  for (const c of seed.sslCertificates ?? []) addSslCertificate(ssl, c);
  const domains = seed.validationRecordsPresent ?? [];
  if (!Array.isArray(domains) || domains.some((d) => typeof d !== "string")) throw new SeedError("validationRecordsPresent must be a list of domain names");
  for (const d of domains) ssl.recordsPresent.add(d.toLowerCase());
  for (const a of seed.freeCertificates ?? []) addFreeCertificate(ssl, a);
}
