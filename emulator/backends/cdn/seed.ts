// CDN domains from a seed (`cdnDomains`), and the HTTPS block merge that seeding and console edits
// share. Out of band: no API rules, no deployment; a switched-on block is deployed at once.
import type { Https, ServerCert } from "../../../provider/tencentcloud/types";
import { parseCertificate } from "../../core/certs";
import { chinaTime, shortId } from "../../core/format";
import { apiObject, listOf, object, oneOf, SeedError, text } from "../../core/seed";
import type { AccountSeed } from "../../types";
import { defaultForceRedirect, defaultHttps, newCdnDomain } from "./defaults";
import type { CdnBackend } from "./model";

export const CDN_STATUS = oneOf("rejected", "processing", "closing", "online", "offline");

export const CDN_SEED_SHAPE = {
  cdnDomains: listOf(object({
    domain: text, status: CDN_STATUS, originType: text, serviceType: text, https: apiObject("cdn", "Https"), forceRedirect: apiObject("cdn", "ForceRedirect"),
  }, ["domain"])),
};

function seedCertInfo(cdn: CdnBackend, info: ServerCert | undefined): ServerCert | undefined {
  if (!info) return undefined;
  const now = cdn.now();
  if (info.CertId) {
    const ssl = cdn.account.ssl.certificate(info.CertId);
    if (!ssl) throw new SeedError(`CertInfo.CertId ${info.CertId} is not in the SSL store`);
    return { CertId: ssl.id, CertName: ssl.alias || ssl.cert.commonName, ExpireTime: chinaTime(ssl.cert.notAfter), DeployTime: chinaTime(now), From: "ssl", ...(info.Message ? { Message: info.Message } : {}) };
  }
  if (info.Certificate) {
    const cert = parseCertificate(info.Certificate);
    return { CertName: cert.commonName, ExpireTime: chinaTime(cert.notAfter), DeployTime: chinaTime(now), From: "upload", ...(info.Message ? { Message: info.Message } : {}) };
  }
  const { PrivateKey: _k, Certificate: _c, ...rest } = info;
  return rest;
}

/** current + patch, for seeding and console edits: a switched-on block defaults to deployed. */
export function mergeHttps(cdn: CdnBackend, current: Https | undefined, patch: Partial<Https>): Https {
  const merged: Https = { ...(current ?? defaultHttps()), ...patch } as Https;
  if (patch.CertInfo !== undefined) merged.CertInfo = seedCertInfo(cdn, patch.CertInfo);
  if (patch.SslStatus === undefined && patch.Switch !== undefined) merged.SslStatus = patch.Switch === "on" ? "deployed" : "closed";
  if (merged.Switch === "off") delete merged.CertInfo;
  return merged;
}

type CdnDomainSeed = NonNullable<AccountSeed["cdnDomains"]>[number];

function addCdnDomain(cdn: CdnBackend, d: CdnDomainSeed): void {
  const status = d.status ?? "online";
  const name = d.domain.toLowerCase();
  const detail = newCdnDomain({
    domain: name, status, originType: d.originType ?? "domain", serviceType: d.serviceType ?? "web", now: cdn.now(),
    resourceId: `cdn-${shortId().toLowerCase()}`,
  });
  if (d.https) detail.Https = mergeHttps(cdn, detail.Https, d.https);
  if (d.forceRedirect) detail.ForceRedirect = { ...defaultForceRedirect(), ...d.forceRedirect };
  cdn.add({ detail });
}

export function seedCdn(cdn: CdnBackend, seed: AccountSeed): void {
  for (const d of seed.cdnDomains ?? []) addCdnDomain(cdn, d);
}
