// CSS / Live (live 2018-08-01) actions: domains and their certificate bindings. Parameters in, the
// model's view out (shaped by the spec).
import { invalidValue, optionalInt, optionalString, requireString } from "../errors";
import type { ActionContext, Params, ServiceActions } from "../actions";
import { bindingRows, DomainStatus, domainCertInfo, liveDomainByName, modifyBindings, playTypeCounts, selectLiveDomains, unbind } from "./model";

function describeLiveDomains(params: Params, { state }: ActionContext) {
  const all = selectLiveDomains(state, {
    status: optionalInt(params, "DomainStatus", 0, 1),
    type: optionalInt(params, "DomainType", 0, 1),
    delay: optionalInt(params, "IsDelayLive", 0, 1),
    playType: optionalInt(params, "PlayType", 1, 3),
    prefix: optionalString(params, "DomainPrefix")?.toLowerCase(),
  });
  const pageSize = optionalInt(params, "PageSize", 10, 100) ?? 10;
  const pageNum = optionalInt(params, "PageNum", 1, 100000) ?? 1;
  const start = (pageNum - 1) * pageSize;
  // guess: an account may hold 100 domains (CreateLimitCount is what is left of that).
  const CreateLimitCount = Math.max(0, 100 - state.liveDomains.size);
  return { AllCount: all.length, DomainList: structuredClone(all.slice(start, start + pageSize)), CreateLimitCount, PlayTypeCount: playTypeCounts(state) };
}

function describeLiveDomain(params: Params, { state }: ActionContext) {
  return { DomainInfo: structuredClone(liveDomainByName(state, requireString(params, "DomainName")).info) };
}

function describeLiveDomainCert(params: Params, { state }: ActionContext) {
  return { DomainCertInfo: domainCertInfo(state, requireString(params, "DomainName")) };
}

function describeLiveDomainCertBindings(params: Params, { state }: ActionContext) {
  const offset = optionalInt(params, "Offset") ?? 0;
  const length = optionalInt(params, "Length", 1, 1000) ?? 50;
  const orderBy = optionalString(params, "OrderBy");
  if (orderBy !== undefined && orderBy !== "ExpireTimeAsc" && orderBy !== "ExpireTimeDesc") throw invalidValue("OrderBy", "expected ExpireTimeAsc or ExpireTimeDesc");
  const rows = bindingRows(state, {
    exact: optionalString(params, "DomainName")?.toLowerCase(),
    search: optionalString(params, "DomainSearch")?.toLowerCase(),
    orderBy,
  });
  return { LiveDomainCertBindings: rows.slice(offset, offset + length), TotalNum: rows.length };
}

function parseDomainInfos(raw: unknown): DomainStatus[] {
  const infos = raw as { DomainName: string; Status: number }[]; // the spec check proved the shape
  if (infos.length === 0) throw invalidValue("DomainInfos", "expected a non-empty array");
  return infos.map((d, i) => {
    if (d.Status !== 1 && d.Status !== 0 && d.Status !== -1) throw invalidValue(`DomainInfos.${i}.Status`, "expected 1, 0 or -1");
    if (d.DomainName === "") throw invalidValue(`DomainInfos.${i}.DomainName`, "expected a domain name");
    return { name: d.DomainName.toLowerCase(), status: d.Status };
  });
}

function modifyLiveDomainCertBindings(params: Params, { state }: ActionContext) {
  return { ...modifyBindings(state, parseDomainInfos(params.DomainInfos), {
    cloudCertId: optionalString(params, "CloudCertId"),
    certificate: optionalString(params, "CertificatePublicKey"),
    privateKey: optionalString(params, "CertificatePrivateKey"),
    alias: optionalString(params, "CertificateAlias"),
  }) };
}

function unBindLiveDomainCert(params: Params, { state }: ActionContext) {
  const type = optionalString(params, "Type") ?? "formal";
  if (type !== "formal" && type !== "gray") throw invalidValue("Type", "expected gray or formal");
  unbind(state, requireString(params, "DomainName"), type);
  return {};
}

export const liveActions: ServiceActions<"live"> = {
  handlers: {
    DescribeLiveDomains: describeLiveDomains,
    DescribeLiveDomain: describeLiveDomain,
    DescribeLiveDomainCert: describeLiveDomainCert,
    DescribeLiveDomainCertBindings: describeLiveDomainCertBindings,
    ModifyLiveDomainCertBindings: modifyLiveDomainCertBindings,
    UnBindLiveDomainCert: unBindLiveDomainCert,
  },
};
