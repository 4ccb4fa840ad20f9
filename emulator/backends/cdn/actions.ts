// CDN (cdn 2018-06-06) actions (moto's responses.py): DescribeDomainsConfig, DescribeDomains,
// UpdateDomainConfig. Parameters in, the backend's view out; the answer is shaped by the spec
// afterwards (core/api.ts).
import type { ActionName, DetailDomain } from "../../../provider/tencentcloud/types";
import { invalidValue, optionalInt, requireString } from "../../core/errors";
import type { ActionHandler, Params } from "../../core/backend";
import type { CdnBackend } from "./model";
import type { DomainFilter } from "./rules";

const FILTER_NAMES = new Set(["domain", "origin", "resourceId", "status", "serviceType", "https", "domainType", "projectId"]);
/** The members of DetailDomain that DescribeDomains (BriefDomain) shows too. */
const BRIEF_MEMBERS = ["ResourceId", "AppId", "Domain", "Cname", "Status", "ProjectId", "ServiceType", "CreateTime", "UpdateTime", "Origin", "Disable", "Area", "Readonly", "Product", "ParentHost"];

function parseFilters(raw: unknown): DomainFilter[] {
  if (raw === undefined || raw === null) return [];
  return (raw as { Name: string; Value: string[]; Fuzzy?: boolean }[]).map((f, i) => {
    if (!FILTER_NAMES.has(f.Name)) throw invalidValue(`Filters.${i}.Name`, `unsupported filter ${JSON.stringify(f.Name)}`);
    if (f.Value.length === 0 || f.Value.length > 5) throw invalidValue(`Filters.${i}.Value`, "expected 1 to 5 strings");
    const fuzzy = f.Fuzzy === true;
    if (fuzzy && (f.Value.length !== 1 || (f.Name !== "domain" && f.Name !== "origin"))) throw invalidValue(`Filters.${i}.Fuzzy`, "allowed only for domain and origin with one value");
    return { name: f.Name, values: f.Value.map((v) => v.toLowerCase()), fuzzy };
  });
}

function page<T>(items: T[], params: Params, defaultLimit: number, maxLimit: number): T[] {
  const offset = optionalInt(params, "Offset") ?? 0;
  const limit = optionalInt(params, "Limit", 1, maxLimit) ?? defaultLimit;
  return items.slice(offset, offset + limit);
}

function briefOf(d: DetailDomain): Record<string, unknown> {
  const brief: Record<string, unknown> = { Product: "cdn" };
  for (const k of BRIEF_MEMBERS) if (d[k] !== undefined) brief[k] = structuredClone(d[k]);
  return brief;
}

function describeDomainsConfig(params: Params, cdn: CdnBackend) {
  const all = cdn.select(parseFilters(params.Filters));
  return { Domains: page(all, params, 100, 1000).map((r) => structuredClone(r.detail)), TotalNumber: all.length };
}

function describeDomains(params: Params, cdn: CdnBackend) {
  const all = cdn.select(parseFilters(params.Filters));
  return { Domains: page(all, params, 100, 1000).map((r) => briefOf(r.detail)), TotalNumber: all.length };
}

function updateDomain(params: Params, cdn: CdnBackend) {
  const { Domain: _domain, ...blocks } = params;
  cdn.update(requireString(params, "Domain"), blocks);
  return {};
}

export const cdnActions: Record<ActionName<"cdn">, ActionHandler<CdnBackend>> = {
  DescribeDomainsConfig: describeDomainsConfig,
  DescribeDomains: describeDomains,
  UpdateDomainConfig: updateDomain,
};
