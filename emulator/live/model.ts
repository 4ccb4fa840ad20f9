// The CSS (live) model: playback domains and their certificate bindings. A binding names an SSL
// certificate (by CloudCertId, or a PEM pair uploaded to SSL first); the views are what
// DescribeLiveDomainCert and DescribeLiveDomainCertBindings show.
import type { LiveDomainInfo } from "../../provider/tencentcloud/types";
import { ApiError } from "../errors";
import { CertError, certificateNames, coversDomain } from "../certs";
import { chinaTime } from "../format";
import { certificateStatus, parseUpload, storeUpload } from "../ssl/model";
import type { EmulatorState, LiveDomainRecord, SslCertificateRecord } from "../state";

const PLAY = 1;

export function domainNotExist(name: string): ApiError {
  return new ApiError("ResourceNotFound.DomainNotExist", `The domain ${name} does not exist or is not matched.`);
}

export function liveDomainByName(state: EmulatorState, name: string): LiveDomainRecord {
  const r = state.liveDomain(name);
  if (!r) throw domainNotExist(name);
  return r;
}

export interface DomainFilter { status?: number; type?: number; delay?: number; playType?: number; prefix?: string }

export function selectLiveDomains(state: EmulatorState, f: DomainFilter): LiveDomainInfo[] {
  const all: LiveDomainInfo[] = [];
  for (const { info: i } of state.liveDomains.values()) {
    if (f.status !== undefined && i.Status !== f.status) continue;
    if (f.type !== undefined && i.Type !== f.type) continue;
    if (f.delay !== undefined && i.IsDelayLive !== f.delay) continue;
    if (f.playType !== undefined && i.PlayType !== f.playType) continue;
    if (f.prefix !== undefined && !i.Name.startsWith(f.prefix)) continue;
    all.push(i);
  }
  return all;
}

/** Enabled playback domains per acceleration region: [mainland, global, overseas] (PlayType 1, 2, 3). */
export function playTypeCounts(state: EmulatorState): number[] {
  const counts = [0, 0, 0];
  for (const { info } of state.liveDomains.values()) {
    if (info.Type === PLAY && info.Status === 1 && info.PlayType >= 1 && info.PlayType <= 3) counts[info.PlayType - 1]++;
  }
  return counts;
}

/** The bound certificate of a domain (CSS's copy when SSL deleted it since), or undefined when there is none. */
export function boundCertificate(state: EmulatorState, r: LiveDomainRecord): SslCertificateRecord | undefined {
  if (!r.binding) return undefined;
  return state.sslCertificates.get(r.binding.cloudCertId) ?? state.keptByBindings.get(r.binding.cloudCertId);
}

/** Live's CertType: 0 for a certificate uploaded by the user, 1 for one issued/hosted by SSL (e.g. TrustAsia). */
function certTypeOf(cert: SslCertificateRecord): number {
  return cert.from === "upload" ? 0 : 1;
}

export function domainCertInfo(state: EmulatorState, name: string): Record<string, unknown> {
  const r = state.liveDomain(name);
  const cert = r ? boundCertificate(state, r) : undefined;
  if (!r || !cert) throw new ApiError("ResourceNotFound.CrtDomainNotFound", `No certificate is bound to the domain ${name}.`);
  return {
    CertId: cert.numericId,
    CertName: cert.alias,
    Description: cert.alias,
    CreateTime: chinaTime(cert.insertTime),
    HttpsCrt: cert.cert.pem,
    CertType: certTypeOf(cert),
    CertExpireTime: chinaTime(cert.cert.notAfter),
    DomainName: r.info.Name,
    Status: r.binding!.httpsOn ? 1 : 0,
    CertDomains: certificateNames(cert.cert),
    CloudCertId: cert.id,
  };
}

export interface BindingQuery { exact?: string; search?: string; orderBy?: "ExpireTimeAsc" | "ExpireTimeDesc" }

export function bindingRows(state: EmulatorState, q: BindingQuery): Record<string, unknown>[] {
  const candidates = q.exact !== undefined ? [state.liveDomain(q.exact)].filter((r): r is LiveDomainRecord => !!r) : [...state.liveDomains.values()];
  const rows: { r: LiveDomainRecord; cert: SslCertificateRecord }[] = [];
  for (const r of candidates) {
    const cert = boundCertificate(state, r);
    if (!cert) continue;
    if (q.search !== undefined && !r.info.Name.includes(q.search)) continue;
    rows.push({ r, cert });
  }
  if (q.orderBy) {
    const sign = q.orderBy === "ExpireTimeAsc" ? 1 : -1;
    rows.sort((a, b) => sign * (a.cert.cert.notAfter - b.cert.cert.notAfter));
  }
  return rows.map(({ r, cert }) => ({
    DomainName: r.info.Name,
    CertificateAlias: cert.alias,
    CertType: certTypeOf(cert),
    Status: r.binding!.httpsOn ? 1 : 0,
    CertExpireTime: chinaTime(cert.cert.notAfter),
    CertId: cert.numericId,
    CloudCertId: cert.id,
    UpdateTime: chinaTime(r.binding!.updateTime),
  }));
}

export interface BindingCertificate { cloudCertId?: string; certificate?: string; privateKey?: string; alias?: string }

/**
 * The certificate a binding request names, or undefined for a status-only update. A PEM pair goes
 * to SSL first. CSS answers a certificate problem with its own codes, not SSL's: CrtDateNotLegal
 * ("certificate content is not legal") for an unparsable one, CrtKeyNotMatch for a key that does
 * not belong to it (both in ModifyLiveDomainCertBindings' list in errors.json).
 */
function bindingCertificate(state: EmulatorState, c: BindingCertificate): SslCertificateRecord | undefined {
  let cert: SslCertificateRecord | undefined;
  if (c.cloudCertId) {
    cert = state.sslCertificates.get(c.cloudCertId);
    if (!cert) throw new ApiError("InvalidParameter.CloudCrtIdError", `The SSL certificate ${c.cloudCertId} does not exist.`);
  } else if (c.certificate || c.privateKey) {
    if (!c.certificate || !c.privateKey) throw new ApiError("InvalidParameter.CrtOrKeyNotExist", "Both CertificatePublicKey and CertificatePrivateKey are required.");
    const input = { certificate: c.certificate, privateKey: c.privateKey, alias: c.alias, certificateUse: "LIVE", repeatable: false };
    let parsed;
    try {
      parsed = parseUpload(input);
    } catch (e) {
      if (e instanceof CertError && e.problem === "key-mismatch") throw new ApiError("InvalidParameter.CrtKeyNotMatch", "The certificate and the private key do not match.");
      if (e instanceof CertError) throw new ApiError("InvalidParameter.CrtDateNotLegal", `The certificate content is not legal: ${e.message}.`);
      throw e;
    }
    if (parsed.notAfter < state.now()) throw new ApiError("InvalidParameter.CrtDateOverdue", "The certificate has expired.");
    cert = storeUpload(state, input, parsed).record;
  }
  if (cert && certificateStatus(cert, state.now()) === 3) throw new ApiError("InvalidParameter.CrtDateOverdue", `The certificate ${cert.id} has expired.`);
  return cert;
}

/** 1 on, 0 off, -1 keep the domain's HTTPS state. */
export interface DomainStatus { name: string; status: 1 | 0 | -1 }
export interface BindingOutcome { MismatchedDomainNames: string[]; Errors: { DomainName: string; Code: string; Message: string }[] }

/** Binds each playback domain the certificate covers; the others are reported per domain, as the API does. */
export function modifyBindings(state: EmulatorState, domains: DomainStatus[], certificate: BindingCertificate): BindingOutcome {
  const cert = bindingCertificate(state, certificate);
  const names = cert ? certificateNames(cert.cert) : [];
  const outcome: BindingOutcome = { MismatchedDomainNames: [], Errors: [] };
  const now = state.now();
  for (const d of domains) {
    const r = state.liveDomain(d.name);
    if (!r || r.info.Type !== PLAY) {
      outcome.Errors.push({ DomainName: d.name, Code: "ResourceNotFound.DomainNotExist", Message: `The playback domain ${d.name} does not exist.` });
      continue;
    }
    const target = cert ?? boundCertificate(state, r);
    if (!target) {
      outcome.Errors.push({ DomainName: d.name, Code: "ResourceNotFound.CrtDomainNotFound", Message: `No certificate is bound to ${d.name}; give CloudCertId or a certificate.` });
      continue;
    }
    if (cert && !coversDomain(names, d.name)) {
      outcome.MismatchedDomainNames.push(d.name);
      outcome.Errors.push({ DomainName: d.name, Code: "ResourceNotFound.DomainNotExist", Message: `The certificate ${cert.id} does not match the domain ${d.name}.` });
      continue;
    }
    const httpsOn = d.status === -1 ? (r.binding?.httpsOn ?? false) : d.status === 1;
    r.binding = { cloudCertId: target.id, httpsOn, updateTime: now };
  }
  return outcome;
}

/**
 * Removes a domain's binding. UnBindLiveDomainCert's documented codes (errors.json) name no
 * missing domain or binding, only the generic ones: InvalidParameterValue for a DomainName that
 * names no domain of the account, InvalidParameter for a domain with nothing bound (guess: the
 * real API may instead succeed there).
 */
export function unbind(state: EmulatorState, name: string, type: "gray" | "formal"): void {
  const r = state.liveDomain(name);
  if (!r) throw new ApiError("InvalidParameterValue", `The value of parameter \`DomainName\` is invalid: the domain ${name} does not exist.`);
  if (type === "gray") return; // no canary rules are modelled
  if (!r.binding) throw new ApiError("InvalidParameter", `No certificate is bound to the domain ${name}.`);
  r.binding = undefined;
}
