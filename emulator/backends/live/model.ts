// The CSS (live) backend of one account (moto's models.py): its domains and their certificate
// bindings, and the rules of the actions over them. A binding names an SSL certificate of the same
// account (by CloudCertId, or a PEM pair uploaded to SSL first); the views are what
// DescribeLiveDomainCert and DescribeLiveDomainCertBindings show.
import type { LiveDomainInfo } from "../../../provider/tencentcloud/types";
import { ApiError } from "../../core/errors";
import { CertError, certificateNames, coversDomain } from "../../core/certs";
import { chinaTime } from "../../core/format";
import { BaseBackend } from "../../core/backend";
import { certificateStatus, parseUpload, storeUpload } from "../ssl/certificates";
import type { SslCertificateRecord } from "../ssl/model";

const PLAY = 1;

export interface LiveBinding {
  cloudCertId: string;
  httpsOn: boolean;
  updateTime: number;
}

export interface LiveDomainRecord {
  info: LiveDomainInfo;
  binding?: LiveBinding;
}

export class LiveBackend extends BaseBackend {
  private readonly domains = new Map<string, LiveDomainRecord>();

  /** A domain by name (any case). */
  domain(name: string): LiveDomainRecord | undefined {
    return this.domains.get(name.toLowerCase());
  }

  all(): LiveDomainRecord[] {
    return [...this.domains.values()];
  }

  get size(): number {
    return this.domains.size;
  }

  add(record: LiveDomainRecord): void {
    this.domains.set(record.info.Name.toLowerCase(), record);
  }

  /** The domains bound to this SSL certificate. */
  usersOf(certId: string): string[] {
    return this.all().filter((r) => r.binding?.cloudCertId === certId).map((r) => r.info.Name);
  }

  /** The bound certificate of a domain (CSS's copy when SSL deleted it since), or undefined when there is none. */
  boundCertificate(r: LiveDomainRecord): SslCertificateRecord | undefined {
    if (!r.binding) return undefined;
    return this.account.ssl.certificate(r.binding.cloudCertId) ?? this.account.ssl.keptByBindings(r.binding.cloudCertId);
  }
}

export function domainNotExist(name: string): ApiError {
  return new ApiError("ResourceNotFound.DomainNotExist", `The domain ${name} does not exist or is not matched.`);
}

export function liveDomainByName(live: LiveBackend, name: string): LiveDomainRecord {
  const r = live.domain(name);
  if (!r) throw domainNotExist(name);
  return r;
}

export interface DomainFilter { status?: number; type?: number; delay?: number; playType?: number; prefix?: string }

export function selectLiveDomains(live: LiveBackend, f: DomainFilter): LiveDomainInfo[] {
  const all: LiveDomainInfo[] = [];
  for (const { info: i } of live.all()) {
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
export function playTypeCounts(live: LiveBackend): number[] {
  const counts = [0, 0, 0];
  for (const { info } of live.all()) {
    if (info.Type === PLAY && info.Status === 1 && info.PlayType >= 1 && info.PlayType <= 3) counts[info.PlayType - 1]++;
  }
  return counts;
}

/** Live's CertType: 0 for a certificate uploaded by the user, 1 for one issued/hosted by SSL (e.g. TrustAsia). */
function certTypeOf(cert: SslCertificateRecord): number {
  return cert.from === "upload" ? 0 : 1;
}

export function domainCertInfo(live: LiveBackend, name: string): Record<string, unknown> {
  const r = live.domain(name);
  const cert = r ? live.boundCertificate(r) : undefined;
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

export function bindingRows(live: LiveBackend, q: BindingQuery): Record<string, unknown>[] {
  const candidates = q.exact !== undefined ? [live.domain(q.exact)].filter((r): r is LiveDomainRecord => !!r) : live.all();
  const rows: { r: LiveDomainRecord; cert: SslCertificateRecord }[] = [];
  for (const r of candidates) {
    const cert = live.boundCertificate(r);
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
function bindingCertificate(live: LiveBackend, c: BindingCertificate): SslCertificateRecord | undefined {
  const ssl = live.account.ssl;
  let cert: SslCertificateRecord | undefined;
  if (c.cloudCertId) {
    cert = ssl.certificate(c.cloudCertId);
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
    if (parsed.notAfter < live.now()) throw new ApiError("InvalidParameter.CrtDateOverdue", "The certificate has expired.");
    cert = storeUpload(ssl, input, parsed).record;
  }
  if (cert && certificateStatus(cert, live.now()) === 3) throw new ApiError("InvalidParameter.CrtDateOverdue", `The certificate ${cert.id} has expired.`);
  return cert;
}

/** 1 on, 0 off, -1 keep the domain's HTTPS state. */
export interface DomainStatus { name: string; status: 1 | 0 | -1 }
export interface BindingOutcome { MismatchedDomainNames: string[]; Errors: { DomainName: string; Code: string; Message: string }[] }

/** Binds each playback domain the certificate covers; the others are reported per domain, as the API does. */
export function modifyBindings(live: LiveBackend, domains: DomainStatus[], certificate: BindingCertificate): BindingOutcome {
  const cert = bindingCertificate(live, certificate);
  const names = cert ? certificateNames(cert.cert) : [];
  const outcome: BindingOutcome = { MismatchedDomainNames: [], Errors: [] };
  const now = live.now();
  for (const d of domains) {
    const r = live.domain(d.name);
    if (!r || r.info.Type !== PLAY) {
      outcome.Errors.push({ DomainName: d.name, Code: "ResourceNotFound.DomainNotExist", Message: `The playback domain ${d.name} does not exist.` });
      continue;
    }
    const target = cert ?? live.boundCertificate(r);
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
export function unbind(live: LiveBackend, name: string, type: "gray" | "formal"): void {
  const r = live.domain(name);
  if (!r) throw new ApiError("InvalidParameterValue", `The value of parameter \`DomainName\` is invalid: the domain ${name} does not exist.`);
  if (type === "gray") return; // no canary rules are modelled
  if (!r.binding) throw new ApiError("InvalidParameter", `No certificate is bound to the domain ${name}.`);
  r.binding = undefined;
}
