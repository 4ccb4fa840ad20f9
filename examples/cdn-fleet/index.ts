// HTTPS on a fleet of CDN domains from one list, all with the same hosted certificate (typically a
// wildcard certificate in SSL Certificate Management), with a forced redirect:
//
//   pulumi config set certificateId 0VpOXiPz
//   pulumi config set --path 'domains[0]' a.example.com
//   pulumi config set --path 'domains[1]' b.example.com
//   pulumi up
//
// Each domain is its own resource (named after the domain, so reordering the list changes nothing).
// The provider serialises work per domain and shares the API rate limit across all of them, so a
// large fleet runs in parallel without RequestLimitExceeded failures.
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();
const certificateId = config.require("certificateId");
const domains = config.requireObject<string[]>("domains");

const fleet = domains.map((domain) => new CdnHttpsConfig(`https-${domain.toLowerCase()}`, {
  domain,
  certificateId,
  http2: true,
  forceRedirect: { statusCode: 301 },
}));

export const domainCount = fleet.length;
export const sslStatuses = pulumi.all(fleet.map((r) => pulumi.all([r.domain, r.sslStatus])))
  .apply((pairs) => Object.fromEntries(pairs));
