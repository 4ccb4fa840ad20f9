// Default config blocks of a CDN domain, taken from the documented DescribeDomainsConfig example
// (spec/cdn.examples.json): what a new domain starts with (every block the real API returns, e.g.
// Quic, Tag, Ipv6Access, Origin.Sni) and what a block falls back to when UpdateDomainConfig sends it
// without a field (whole-block replace).
import type { CdnDomainStatus, DetailDomain, ForceRedirect, Hsts, Https } from "../../../provider/tencentcloud/types";
import { chinaTime } from "../../core/format";
import { specOf } from "../../core/spec";

let example: DetailDomain | undefined;
/** The documented example's domain (its nulls kept: where the real API shows a member as null, so do we). */
function exampleDomain(): DetailDomain {
  if (!example) {
    const answer = JSON.parse(specOf("cdn").examplesOf("DescribeDomainsConfig")[0].output);
    example = answer.Response.Domains[0] as DetailDomain;
  }
  return structuredClone(example);
}

/** HTTPS off as the example shows it: TLSv1 to TLSv1.3, HSTS off, no certificates. */
export function defaultHttps(): Https {
  return { ...exampleDomain().Https!, Switch: "off", SslStatus: "closed" };
}

export function defaultForceRedirect(): ForceRedirect {
  return { Switch: "off", RedirectType: "http", RedirectStatusCode: 302, CarryHeaders: "off", ...exampleDomain().ForceRedirect };
}

export function defaultHsts(): Hsts {
  return { Switch: "off", MaxAge: 0, IncludeSubDomains: "off", ...defaultHttps().Hsts };
}

export interface NewCdnDomain {
  domain: string;
  status: CdnDomainStatus;
  originType: string;
  serviceType: string;
  now: number;
  resourceId: string;
}

function originFor(template: DetailDomain["Origin"], domain: string, originType: string): DetailDomain["Origin"] {
  if (originType === "cos") {
    const bucket = "examplebucket-1250000000.cos.ap-guangzhou.myqcloud.com";
    return { ...template, Origins: [bucket], OriginType: "cos", ServerName: bucket, OriginPullProtocol: "http", CosPrivateAccess: "off" };
  }
  const origins = originType.startsWith("ip") ? ["203.0.113.10"] : [`origin.${domain}`];
  return { ...template, Origins: origins, OriginType: originType, ServerName: domain, OriginPullProtocol: "http" };
}

/** A domain as DescribeDomainsConfig shows it: the documented example's blocks under this domain's identity. */
export function newCdnDomain(n: NewCdnDomain): DetailDomain {
  const time = chinaTime(n.now);
  const template = exampleDomain();
  return {
    ...template,
    ResourceId: n.resourceId,
    AppId: 1250000000,
    Domain: n.domain,
    Cname: `${n.domain}.cdn.dnsv1.com`,
    Status: n.status,
    ProjectId: 0,
    ServiceType: n.serviceType,
    CreateTime: time,
    UpdateTime: time,
    Origin: originFor(template.Origin, n.domain, n.originType),
    Https: defaultHttps(),
    ForceRedirect: defaultForceRedirect(),
  };
}
