// CDN (cdn 2018-06-06): DescribeDomainsConfig, DescribeDomains, UpdateDomainConfig.
import type { BriefDomain, DetailDomain, ForceRedirect, Https } from "../provider/tencentcloud/types";
import { ApiError, invalidValue, optionalInt, requireString } from "./errors";
import { chinaTime } from "./format";
import { assertRedirectAllowsHttpsOff, resolveForceRedirect, resolveHttps } from "./cdnHttps";
import type { ActionContext, Params, ServiceActions } from "./actions";
import type { CdnDomainRecord, EmulatorState } from "./state";

interface Filter { name: string; values: string[]; fuzzy: boolean }

const FILTER_NAMES = new Set(["domain", "origin", "resourceId", "status", "serviceType", "https", "domainType", "projectId"]);
/** Request fields that name the domain or are output-only: never stored as blocks. */
const NOT_BLOCKS = new Set(["Domain", "ResourceId", "AppId", "Cname", "Status", "CreateTime", "UpdateTime", "Disable", "Readonly", "Product"]);

function parseFilters(raw: unknown): Filter[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw invalidValue("Filters", "expected an array");
  return raw.map((f, i) => {
    const name = f?.Name;
    const values = f?.Value;
    if (typeof name !== "string" || !FILTER_NAMES.has(name)) throw invalidValue(`Filters.${i}.Name`, `unsupported filter ${JSON.stringify(name)}`);
    if (!Array.isArray(values) || values.length === 0 || values.length > 5 || values.some((v) => typeof v !== "string")) {
      throw invalidValue(`Filters.${i}.Value`, "expected 1 to 5 strings");
    }
    const fuzzy = f.Fuzzy === true;
    if (fuzzy && (values.length !== 1 || (name !== "domain" && name !== "origin"))) throw invalidValue(`Filters.${i}.Fuzzy`, "allowed only for domain and origin with one value");
    return { name, values: values.map((v: string) => v.toLowerCase()), fuzzy };
  });
}

function httpsState(d: DetailDomain): string {
  const h = d.Https;
  if (!h || h.Switch !== "on") return "off";
  return h.SslStatus === "deploying" ? "processing" : "on";
}

function fieldFor(d: DetailDomain, name: string): string[] {
  switch (name) {
    case "domain": return [d.Domain];
    case "origin": return d.Origin?.Origins ?? [];
    case "resourceId": return [d.ResourceId.toLowerCase()];
    case "status": return [d.Status];
    case "serviceType": return [d.ServiceType];
    case "https": return [httpsState(d)];
    case "projectId": return [String(d.ProjectId)];
    default: return [d.Origin?.OriginType === "cos" ? "cos" : d.Origin?.OriginType === "third_party" ? "third_party" : "cname"];
  }
}

function matches(d: DetailDomain, f: Filter): boolean {
  const have = fieldFor(d, f.name).map((v) => v.toLowerCase());
  return f.fuzzy ? have.some((v) => v.includes(f.values[0])) : have.some((v) => f.values.includes(v));
}

/** Domains matching the filters; an exact domain filter is a map lookup, not a scan. */
function selectDomains(state: EmulatorState, filters: Filter[]): CdnDomainRecord[] {
  const exact = filters.find((f) => f.name === "domain" && !f.fuzzy);
  const candidates = exact
    ? exact.values.map((v) => state.cdnDomain(v)).filter((r): r is CdnDomainRecord => !!r)
    : state.allCdnDomains();
  return candidates.filter((r) => filters.every((f) => matches(r.detail, f)));
}

function page<T>(items: T[], params: Params, defaultLimit: number, maxLimit: number): T[] {
  const offset = optionalInt(params, "Offset") ?? 0;
  const limit = optionalInt(params, "Limit", 1, maxLimit) ?? defaultLimit;
  return items.slice(offset, offset + limit);
}

function briefOf(d: DetailDomain): BriefDomain {
  const { ResourceId, AppId, Domain, Cname, Status, ProjectId, ServiceType, CreateTime, UpdateTime, Origin, Disable, Area, Readonly, Product } = d;
  return structuredClone({ ResourceId, AppId, Domain, Cname, Status, ProjectId, ServiceType, CreateTime, UpdateTime, Origin, Disable, Area, Readonly, Product });
}

function describeDomainsConfig(params: Params, { state }: ActionContext) {
  const all = selectDomains(state, parseFilters(params.Filters));
  return { Domains: page(all, params, 100, 1000).map((r) => structuredClone(r.detail)), TotalNumber: all.length };
}

function describeDomains(params: Params, { state }: ActionContext) {
  const all = selectDomains(state, parseFilters(params.Filters));
  return { Domains: page(all, params, 100, 1000).map((r) => briefOf(r.detail)), TotalNumber: all.length };
}

function updateDomainConfig(params: Params, { state }: ActionContext) {
  const name = requireString(params, "Domain").toLowerCase();
  const record = state.cdnDomain(name);
  if (!record) throw new ApiError("ResourceNotFound.CdnHostNotExists", `The domain ${name} does not exist.`);
  if (record.deployment) throw new ApiError("ResourceInUse.CdnOpInProgress", `A configuration of ${name} is being deployed; try again later.`);
  const detail = record.detail;
  for (const k of Object.keys(params)) {
    if (NOT_BLOCKS.has(k) && k !== "Domain") throw new ApiError("UnknownParameter", `The parameter \`${k}\` is not recognized.`);
  }

  // Validate everything first, then apply: a refused request changes nothing.
  const https: Https | undefined = params.Https === undefined ? undefined : resolveHttps(params.Https, detail, (id) => state.sslCertificates.get(id));
  const redirect: ForceRedirect | undefined = params.ForceRedirect === undefined ? undefined : resolveForceRedirect(params.ForceRedirect, detail.Https);
  if (https) assertRedirectAllowsHttpsOff(https, redirect ?? detail.ForceRedirect);

  for (const [k, v] of Object.entries(params)) {
    if (k === "Domain" || k === "Https" || k === "ForceRedirect" || v === undefined) continue;
    detail[k] = structuredClone(v);
  }
  if (redirect) detail.ForceRedirect = redirect;
  if (https) {
    detail.Https = https;
    if (https.Switch === "on") {
      detail.Status = "processing";
      record.deployment = { until: state.now() + state.deployDelayMs, failMessage: record.failNextDeployment };
      record.failNextDeployment = undefined;
    }
  }
  detail.UpdateTime = chinaTime(state.now());
  return {};
}

export const cdnActions: ServiceActions = {
  handlers: {
    DescribeDomainsConfig: describeDomainsConfig,
    DescribeDomains: describeDomains,
    UpdateDomainConfig: updateDomainConfig,
  },
  writes: new Set(["UpdateDomainConfig"]),
};
