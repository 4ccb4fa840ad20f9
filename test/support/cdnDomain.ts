// A CDN domain's DescribeDomainsConfig entry for pure-rule tests: online, self-owned origin, patched.
import type { DetailDomain } from "../../provider/tencentcloud/types";

export function cdnDomain(patch: Partial<DetailDomain> = {}): DetailDomain {
  return {
    ResourceId: "cdn-1", AppId: 1, Domain: "cdn.example.com", Cname: "cdn.example.com.cdn.dnsv1.com", Status: "online",
    ProjectId: 0, ServiceType: "web", CreateTime: "", UpdateTime: "", Origin: { OriginType: "domain", Origins: ["o.example.com"] },
    Disable: "normal", Area: "mainland", Readonly: "normal", ...patch,
  };
}
