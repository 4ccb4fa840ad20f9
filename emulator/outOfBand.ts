// Changes made outside the API: loading a seed and the console edits of the admin routes. They bypass
// the API's rules on purpose: they describe the world as it is, not a request.
import type { CdnDomainStatus, ForceRedirect, Https, LiveDomainInfo, ServerCert } from "../provider/tencentcloud/types";
import { assertKeyMatches, parseCertificate } from "./certs";
import { defaultForceRedirect, defaultHttps, newCdnDomain } from "./cdn/defaults";
import { chinaTime, shortId } from "./format";
import type { CdnDomainRecord, EmulatorState } from "./state";
import type { CdnDomainPatch, EmulatorSeed, LiveBindingPatch, SslCertificatePatch } from "./types";

const CDN_STATUSES = new Set(["rejected", "processing", "closing", "online", "offline"]);

export class SeedError extends Error {}

function seedCertInfo(state: EmulatorState, info: ServerCert | undefined): ServerCert | undefined {
  if (!info) return undefined;
  if (info.CertId) {
    const ssl = state.sslCertificates.get(info.CertId);
    if (!ssl) throw new SeedError(`CertInfo.CertId ${info.CertId} is not in the SSL store`);
    return { CertId: ssl.id, CertName: ssl.alias || ssl.cert.commonName, ExpireTime: chinaTime(ssl.cert.notAfter), DeployTime: chinaTime(state.now()), From: "ssl", ...(info.Message ? { Message: info.Message } : {}) };
  }
  if (info.Certificate) {
    const cert = parseCertificate(info.Certificate);
    return { CertName: cert.commonName, ExpireTime: chinaTime(cert.notAfter), DeployTime: chinaTime(state.now()), From: "upload", ...(info.Message ? { Message: info.Message } : {}) };
  }
  const { PrivateKey: _k, Certificate: _c, ...rest } = info;
  return rest;
}

/** current + patch, for seeding and console edits: a switched-on block defaults to deployed. */
function mergeHttps(state: EmulatorState, current: Https | undefined, patch: Partial<Https>): Https {
  const merged: Https = { ...(current ?? defaultHttps()), ...patch } as Https;
  if (patch.CertInfo !== undefined) merged.CertInfo = seedCertInfo(state, patch.CertInfo);
  if (patch.SslStatus === undefined && patch.Switch !== undefined) merged.SslStatus = patch.Switch === "on" ? "deployed" : "closed";
  if (merged.Switch === "off") delete merged.CertInfo;
  return merged;
}

function addCdnDomain(state: EmulatorState, d: NonNullable<EmulatorSeed["cdnDomains"]>[number]): void {
  if (typeof d?.domain !== "string" || d.domain === "") throw new SeedError("every cdnDomains entry needs a domain");
  const status = d.status ?? "online";
  if (!CDN_STATUSES.has(status)) throw new SeedError(`cdn domain ${d.domain}: unknown status "${status}"`);
  const name = d.domain.toLowerCase();
  const detail = newCdnDomain({
    domain: name, status, originType: d.originType ?? "domain", serviceType: d.serviceType ?? "web", now: state.now(),
    resourceId: `cdn-${shortId().toLowerCase()}`,
  });
  if (d.https) detail.Https = mergeHttps(state, detail.Https, d.https);
  if (d.forceRedirect) detail.ForceRedirect = { ...defaultForceRedirect(), ...d.forceRedirect };
  state.cdnDomains.set(name, { detail });
}

function addLiveDomain(state: EmulatorState, d: NonNullable<EmulatorSeed["liveDomains"]>[number]): void {
  if (typeof d?.name !== "string" || d.name === "") throw new SeedError("every liveDomains entry needs a name");
  if (d.type !== 0 && d.type !== 1) throw new SeedError(`live domain ${d.name}: type must be 0 (push) or 1 (play)`);
  const name = d.name.toLowerCase();
  const target = d.type === 1 ? `${name}.livecdn.liveplay.myqcloud.com` : `${name}.livepush.myqcloud.com`;
  const info: LiveDomainInfo = {
    Name: name, Type: d.type, Status: d.status ?? 1, CreateTime: chinaTime(state.now()), BCName: 0, TargetDomain: target,
    PlayType: d.type === 1 ? 1 : 0, IsDelayLive: 0, CurrentCName: target, IsMiniProgramLive: 0,
    // Not rented, as in the documented DescribeLiveDomains example.
    RentTag: 0, RentExpireTime: "0000-00-00 00:00:00",
  };
  state.liveDomains.set(name, { info });
}

function addSslCertificate(state: EmulatorState, c: NonNullable<EmulatorSeed["sslCertificates"]>[number]): void {
  if (typeof c?.id !== "string" || c.id === "") throw new SeedError("every sslCertificates entry needs an id");
  let cert;
  try {
    cert = parseCertificate(c.certificate);
    if (c.privateKey) assertKeyMatches(cert, c.privateKey);
  } catch (e) {
    throw new SeedError(`ssl certificate ${c.id}: ${(e as Error).message}`);
  }
  state.addSslCertificate({
    id: c.id, numericId: state.allocateNumericCertId(), cert, from: c.from ?? "trustasia", alias: c.alias ?? "",
    certificateType: "SVR", projectId: 0, insertTime: state.now(), status: c.status, tags: c.tags ?? [],
  });
}

/** Adds the seed's resources (SSL first, so CDN CertInfo can refer to them). Credentials are handled by the server. */
export function applySeed(state: EmulatorState, seed: EmulatorSeed): void {
  if (typeof seed !== "object" || seed === null) throw new SeedError("the seed must be a JSON object");
  for (const c of seed.sslCertificates ?? []) addSslCertificate(state, c);
  for (const d of seed.cdnDomains ?? []) addCdnDomain(state, d);
  for (const d of seed.liveDomains ?? []) addLiveDomain(state, d);
}

export function validateCredentials(seed: EmulatorSeed): { secretId: string; secretKey: string }[] {
  return (seed.credentials ?? []).map((c) => {
    if (typeof c?.secretId !== "string" || typeof c?.secretKey !== "string" || !c.secretId || !c.secretKey) {
      throw new SeedError("every credentials entry needs secretId and secretKey");
    }
    return c;
  });
}

/** A change made in the console: applied as is, no rules, no deployment. */
export function editCdnDomain(state: EmulatorState, record: CdnDomainRecord, patch: CdnDomainPatch): void {
  const detail = record.detail;
  for (const [k, v] of Object.entries(patch)) {
    switch (k) {
      case "status":
        if (!CDN_STATUSES.has(v as string)) throw new SeedError(`unknown status "${String(v)}"`);
        detail.Status = v as CdnDomainStatus;
        break;
      case "https":
        detail.Https = v === null ? defaultHttps() : mergeHttps(state, detail.Https, v as Partial<Https>);
        break;
      case "forceRedirect":
        detail.ForceRedirect = v === null ? defaultForceRedirect() : { ...defaultForceRedirect(), ...(detail.ForceRedirect ?? {}), ...(v as ForceRedirect) };
        break;
      case "failNextDeployment":
        record.failNextDeployment = typeof v === "string" ? v : undefined;
        break;
      case "originType":
        detail.Origin = { ...detail.Origin, OriginType: String(v) };
        break;
      default:
        if (!/^[A-Z]/.test(k)) throw new SeedError(`unknown patch field "${k}"`);
        if (v === null) delete detail[k];
        else detail[k] = structuredClone(v);
    }
  }
  detail.UpdateTime = chinaTime(state.now());
}

export function editLiveBinding(state: EmulatorState, name: string, patch: LiveBindingPatch | null): void {
  const r = state.liveDomain(name);
  if (!r) throw new SeedError(`live domain ${name} does not exist`);
  if (patch === null) {
    r.binding = undefined;
    return;
  }
  const certId = patch.cloudCertId ?? r.binding?.cloudCertId;
  if (!certId) throw new SeedError(`live domain ${name} has no binding: give cloudCertId`);
  if (!state.sslCertificates.has(certId)) throw new SeedError(`ssl certificate ${certId} does not exist`);
  const httpsOn = patch.status === undefined ? (r.binding?.httpsOn ?? false) : patch.status === 1;
  r.binding = { cloudCertId: certId, httpsOn, updateTime: state.now() };
}

export function editSslCertificate(state: EmulatorState, id: string, patch: SslCertificatePatch): void {
  const record = state.sslCertificates.get(id);
  if (!record) throw new SeedError(`ssl certificate ${id} does not exist`);
  for (const [k, v] of Object.entries(patch)) {
    if (k !== "alias") throw new SeedError(`unknown patch field "${k}"`);
    if (typeof v !== "string") throw new SeedError("alias must be a string");
    record.alias = v;
  }
}
