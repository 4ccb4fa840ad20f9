// Default config blocks of a CDN domain: what a block falls back to when UpdateDomainConfig sends
// the block without a field (whole-block replace), and the unmanaged blocks a new domain starts with.
import type { CdnDomainStatus, DetailDomain, ForceRedirect, Https } from "../provider/tencentcloud/types";
import { chinaTime } from "./format";

export function defaultHttps(): Https {
  return {
    Switch: "off",
    Http2: "off",
    OcspStapling: "off",
    VerifyClient: "off",
    Spdy: "off",
    SslStatus: "closed",
    Hsts: { Switch: "off", MaxAge: 0, IncludeSubDomains: "off" },
    TlsVersion: ["TLSv1", "TLSv1.1", "TLSv1.2"],
  };
}

export function defaultForceRedirect(): ForceRedirect {
  return { Switch: "off", RedirectType: "http", RedirectStatusCode: 302, CarryHeaders: "off" };
}

export function defaultHsts(): NonNullable<Https["Hsts"]> {
  return { Switch: "off", MaxAge: 0, IncludeSubDomains: "off" };
}

export interface NewCdnDomain {
  domain: string;
  status: CdnDomainStatus;
  originType: string;
  serviceType: string;
  now: number;
  resourceId: string;
}

function originFor(domain: string, originType: string): DetailDomain["Origin"] {
  if (originType === "cos") {
    return { Origins: ["examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com"], OriginType: "cos", ServerName: "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com", OriginPullProtocol: "http", CosPrivateAccess: "off" };
  }
  const origins = originType.startsWith("ip") ? ["203.0.113.10"] : [`origin.${domain}`];
  return { Origins: origins, OriginType: originType, ServerName: domain, OriginPullProtocol: "http" };
}

/** A domain as DescribeDomainsConfig shows it, with a few unmanaged blocks that must survive HTTPS writes. */
export function newCdnDomain(n: NewCdnDomain): DetailDomain {
  const time = chinaTime(n.now);
  return {
    ResourceId: n.resourceId,
    AppId: 1250000000,
    Domain: n.domain,
    Cname: `${n.domain}.cdn.dnsv1.com`,
    Status: n.status,
    ProjectId: 0,
    ServiceType: n.serviceType,
    CreateTime: time,
    UpdateTime: time,
    Origin: originFor(n.domain, n.originType),
    Disable: "normal",
    Area: "mainland",
    Readonly: "normal",
    Product: "cdn",
    Https: defaultHttps(),
    ForceRedirect: defaultForceRedirect(),
    HttpsBilling: { Switch: "on" },
    Cache: { SimpleCache: { CacheRules: [{ CacheType: "all", CacheContents: ["*"], CacheTime: 2592000 }], FollowOrigin: "off", IgnoreCacheControl: "off", IgnoreSetCookie: "off", CompareMaxAge: "off" } },
    Referer: { Switch: "on", RefererRules: [{ RuleType: "all", RulePaths: ["*"], RefererType: "blacklist", Referers: ["bad.example.com"], AllowEmpty: true }] },
    Compression: { Switch: "on", CompressionRules: [{ Compress: true, FileExtensions: ["js", "html", "css"], MinLength: 256, MaxLength: 2097152, Algorithms: ["gzip"] }] },
    AccessPort: [80, 443],
  };
}
