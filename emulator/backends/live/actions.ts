// CSS / Live (live 2018-08-01) actions (moto's responses.py): domains and their certificate
// bindings. Parameters in, the backend's view out (shaped by the spec).
import { invalidValue, optionalInt, optionalString, requireString } from "../../core/errors";
import type { ActionName } from "../../../provider/tencentcloud/types";
import type { ActionHandler, Params } from "../../core/backend";
import { bindingRows, DomainStatus, domainCertInfo, LiveBackend, liveDomainByName, modifyBindings, playTypeCounts, selectLiveDomains, unbind } from "./model";

function describeLiveDomains(params: Params, live: LiveBackend) {
  const all = selectLiveDomains(live, {
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
  const CreateLimitCount = Math.max(0, 100 - live.size);
  return { AllCount: all.length, DomainList: structuredClone(all.slice(start, start + pageSize)), CreateLimitCount, PlayTypeCount: playTypeCounts(live) };
}

function describeLiveDomain(params: Params, live: LiveBackend) {
  return { DomainInfo: structuredClone(liveDomainByName(live, requireString(params, "DomainName")).info) };
}

function describeLiveDomainCert(params: Params, live: LiveBackend) {
  return { DomainCertInfo: domainCertInfo(live, requireString(params, "DomainName")) };
}

function describeLiveDomainCertBindings(params: Params, live: LiveBackend) {
  const offset = optionalInt(params, "Offset") ?? 0;
  const length = optionalInt(params, "Length", 1, 1000) ?? 50;
  const orderBy = optionalString(params, "OrderBy");
  if (orderBy !== undefined && orderBy !== "ExpireTimeAsc" && orderBy !== "ExpireTimeDesc") throw invalidValue("OrderBy", "expected ExpireTimeAsc or ExpireTimeDesc");
  const rows = bindingRows(live, {
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

function modifyLiveDomainCertBindings(params: Params, live: LiveBackend) {
  return { ...modifyBindings(live, parseDomainInfos(params.DomainInfos), {
    cloudCertId: optionalString(params, "CloudCertId"),
    certificate: optionalString(params, "CertificatePublicKey"),
    privateKey: optionalString(params, "CertificatePrivateKey"),
    alias: optionalString(params, "CertificateAlias"),
  }) };
}

function unBindLiveDomainCert(params: Params, live: LiveBackend) {
  const type = optionalString(params, "Type") ?? "formal";
  if (type !== "formal" && type !== "gray") throw invalidValue("Type", "expected gray or formal");
  unbind(live, requireString(params, "DomainName"), type);
  return {};
}

export const liveActions: Record<ActionName<"live">, ActionHandler<LiveBackend>> = {
  DescribeLiveDomains: describeLiveDomains,
  DescribeLiveDomain: describeLiveDomain,
  DescribeLiveDomainCert: describeLiveDomainCert,
  DescribeLiveDomainCertBindings: describeLiveDomainCertBindings,
  ModifyLiveDomainCertBindings: modifyLiveDomainCertBindings,
  UnBindLiveDomainCert: unBindLiveDomainCert,
};
