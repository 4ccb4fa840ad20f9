// CSS / Live (live 2018-08-01): domains and their certificate bindings.
import type { LiveDomainInfo } from "../provider/tencentcloud/types";
import { ApiError, invalidValue, optionalInt, optionalString, requireString } from "./errors";
import { certificateNames, coversDomain } from "./certs";
import { chinaTime } from "./format";
import { certificateStatus, parseUpload, storeUpload } from "./ssl";
import type { ActionContext, Params, ServiceActions } from "./actions";
import type { EmulatorState, LiveDomainRecord, SslCertificateRecord } from "./state";

const PLAY = 1;

function domainNotExist(name: string): ApiError {
  return new ApiError("ResourceNotFound.DomainNotExist", `The domain ${name} does not exist or is not matched.`);
}

function describeLiveDomains(params: Params, { state }: ActionContext) {
  const status = optionalInt(params, "DomainStatus", 0, 1);
  const type = optionalInt(params, "DomainType", 0, 1);
  const delay = optionalInt(params, "IsDelayLive", 0, 1);
  const playType = optionalInt(params, "PlayType", 1, 3);
  const prefix = optionalString(params, "DomainPrefix")?.toLowerCase();
  const pageSize = optionalInt(params, "PageSize", 10, 100) ?? 10;
  const pageNum = optionalInt(params, "PageNum", 1, 100000) ?? 1;
  const all: LiveDomainInfo[] = [];
  for (const r of state.liveDomains.values()) {
    const i = r.info;
    if (status !== undefined && i.Status !== status) continue;
    if (type !== undefined && i.Type !== type) continue;
    if (delay !== undefined && i.IsDelayLive !== delay) continue;
    if (playType !== undefined && i.PlayType !== playType) continue;
    if (prefix !== undefined && !i.Name.startsWith(prefix)) continue;
    all.push(i);
  }
  const start = (pageNum - 1) * pageSize;
  return { AllCount: all.length, DomainList: structuredClone(all.slice(start, start + pageSize)), CreateLimitCount: 100, PlayTypeCount: [] };
}

function describeLiveDomain(params: Params, { state }: ActionContext) {
  const name = requireString(params, "DomainName");
  const r = state.liveDomain(name);
  if (!r) throw domainNotExist(name);
  return { DomainInfo: structuredClone(r.info) };
}

/** The bound certificate of a domain, or undefined when there is none (or it was deleted). */
function boundCertificate(state: EmulatorState, r: LiveDomainRecord): SslCertificateRecord | undefined {
  return r.binding ? state.sslCertificates.get(r.binding.cloudCertId) : undefined;
}

/** Live's CertType: 0 for a certificate uploaded by the user, 1 for one issued/hosted by SSL (e.g. TrustAsia). */
function certTypeOf(cert: SslCertificateRecord): number {
  return cert.from === "upload" ? 0 : 1;
}

function describeLiveDomainCert(params: Params, { state }: ActionContext) {
  const name = requireString(params, "DomainName");
  const r = state.liveDomain(name);
  const cert = r ? boundCertificate(state, r) : undefined;
  if (!r || !cert) throw new ApiError("ResourceNotFound.CrtDomainNotFound", `No certificate is bound to the domain ${name}.`);
  return {
    DomainCertInfo: {
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
    },
  };
}

function describeLiveDomainCertBindings(params: Params, { state }: ActionContext) {
  const exact = optionalString(params, "DomainName")?.toLowerCase();
  const search = optionalString(params, "DomainSearch")?.toLowerCase();
  const offset = optionalInt(params, "Offset") ?? 0;
  const length = optionalInt(params, "Length", 1, 1000) ?? 50;
  const orderBy = optionalString(params, "OrderBy");
  if (orderBy !== undefined && orderBy !== "ExpireTimeAsc" && orderBy !== "ExpireTimeDesc") throw invalidValue("OrderBy", "expected ExpireTimeAsc or ExpireTimeDesc");
  const candidates = exact !== undefined ? [state.liveDomain(exact)].filter((r): r is LiveDomainRecord => !!r) : [...state.liveDomains.values()];
  const rows: { r: LiveDomainRecord; cert: SslCertificateRecord }[] = [];
  for (const r of candidates) {
    const cert = boundCertificate(state, r);
    if (!cert) continue;
    if (search !== undefined && !r.info.Name.includes(search)) continue;
    rows.push({ r, cert });
  }
  if (orderBy) {
    const sign = orderBy === "ExpireTimeAsc" ? 1 : -1;
    rows.sort((a, b) => sign * (a.cert.cert.notAfter - b.cert.cert.notAfter));
  }
  const bindings = rows.slice(offset, offset + length).map(({ r, cert }) => ({
    DomainName: r.info.Name,
    CertificateAlias: cert.alias,
    CertType: certTypeOf(cert),
    Status: r.binding!.httpsOn ? 1 : 0,
    CertExpireTime: chinaTime(cert.cert.notAfter),
    CertId: cert.numericId,
    CloudCertId: cert.id,
    UpdateTime: chinaTime(r.binding!.updateTime),
  }));
  return { LiveDomainCertBindings: bindings, TotalNum: rows.length };
}

interface DomainInfo { name: string; status: 1 | 0 | -1 }

function parseDomainInfos(raw: unknown): DomainInfo[] {
  if (raw === undefined || raw === null) throw new ApiError("MissingParameter", "The request is missing a required parameter `DomainInfos`.");
  if (!Array.isArray(raw) || raw.length === 0) throw invalidValue("DomainInfos", "expected a non-empty array");
  return raw.map((d, i) => {
    if (typeof d?.DomainName !== "string" || d.DomainName === "") throw new ApiError("MissingParameter", `The request is missing a required parameter \`DomainInfos.${i}.DomainName\`.`);
    if (d.Status !== 1 && d.Status !== 0 && d.Status !== -1) throw invalidValue(`DomainInfos.${i}.Status`, "expected 1, 0 or -1");
    return { name: d.DomainName.toLowerCase(), status: d.Status };
  });
}

/** The certificate the request binds: by CloudCertId, or a PEM pair uploaded to SSL first; undefined = status-only update. */
function certificateOfRequest(params: Params, state: EmulatorState): SslCertificateRecord | undefined {
  const cloudCertId = optionalString(params, "CloudCertId");
  const pub = optionalString(params, "CertificatePublicKey");
  const key = optionalString(params, "CertificatePrivateKey");
  let cert: SslCertificateRecord | undefined;
  if (cloudCertId) {
    cert = state.sslCertificates.get(cloudCertId);
    if (!cert) throw new ApiError("InvalidParameter.CloudCrtIdError", `The SSL certificate ${cloudCertId} does not exist.`);
  } else if (pub || key) {
    if (!pub || !key) throw new ApiError("InvalidParameter.CrtOrKeyNotExist", "Both CertificatePublicKey and CertificatePrivateKey are required.");
    const input = { certificate: pub, privateKey: key, alias: optionalString(params, "CertificateAlias"), certificateUse: "LIVE", repeatable: false };
    const parsed = parseUpload(input);
    if (parsed.notAfter < state.now()) throw new ApiError("InvalidParameter.CrtDateOverdue", "The certificate has expired.");
    cert = storeUpload(state, input, parsed).record;
  }
  if (cert && certificateStatus(cert, state.now()) === 3) throw new ApiError("InvalidParameter.CrtDateOverdue", `The certificate ${cert.id} has expired.`);
  return cert;
}

function modifyLiveDomainCertBindings(params: Params, { state }: ActionContext) {
  const infos = parseDomainInfos(params.DomainInfos);
  const cert = certificateOfRequest(params, state);
  const names = cert ? certificateNames(cert.cert) : [];
  const errors: { DomainName: string; Code: string; Message: string }[] = [];
  const mismatched: string[] = [];
  const now = state.now();
  for (const info of infos) {
    const r = state.liveDomain(info.name);
    if (!r || r.info.Type !== PLAY) {
      errors.push({ DomainName: info.name, Code: "ResourceNotFound.DomainNotExist", Message: `The playback domain ${info.name} does not exist.` });
      continue;
    }
    const target = cert ?? boundCertificate(state, r);
    if (!target) {
      errors.push({ DomainName: info.name, Code: "ResourceNotFound.CrtDomainNotFound", Message: `No certificate is bound to ${info.name}; give CloudCertId or a certificate.` });
      continue;
    }
    if (cert && !coversDomain(names, info.name)) {
      mismatched.push(info.name);
      errors.push({ DomainName: info.name, Code: "ResourceNotFound.DomainNotExist", Message: `The certificate ${cert.id} does not match the domain ${info.name}.` });
      continue;
    }
    const httpsOn = info.status === -1 ? (r.binding?.httpsOn ?? false) : info.status === 1;
    r.binding = { cloudCertId: target.id, httpsOn, updateTime: now };
  }
  return { MismatchedDomainNames: mismatched, Errors: errors };
}

function unBindLiveDomainCert(params: Params, { state }: ActionContext) {
  const name = requireString(params, "DomainName");
  const type = optionalString(params, "Type") ?? "formal";
  if (type !== "formal" && type !== "gray") throw invalidValue("Type", "expected gray or formal");
  const r = state.liveDomain(name);
  if (!r) throw domainNotExist(name);
  if (type === "gray") return {}; // no canary rules are modelled
  if (!r.binding) throw new ApiError("ResourceNotFound.CrtDomainNotFound", `No certificate is bound to the domain ${name}.`);
  r.binding = undefined;
  return {};
}

export const liveActions: ServiceActions = {
  handlers: {
    DescribeLiveDomains: describeLiveDomains,
    DescribeLiveDomain: describeLiveDomain,
    DescribeLiveDomainCert: describeLiveDomainCert,
    DescribeLiveDomainCertBindings: describeLiveDomainCertBindings,
    ModifyLiveDomainCertBindings: modifyLiveDomainCertBindings,
    UnBindLiveDomainCert: unBindLiveDomainCert,
  },
  writes: new Set(["ModifyLiveDomainCertBindings", "UnBindLiveDomainCert"]),
};
