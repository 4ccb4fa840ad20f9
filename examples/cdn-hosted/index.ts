// HTTPS on one CDN domain with a certificate hosted in SSL Certificate Management (for example a free
// TrustAsia certificate), HSTS, and HTTP redirected to HTTPS:
//
//   pulumi config set domain cdn.example.com
//   pulumi config set certificateId 0VpOXiPz
//   pulumi up
//
// The redirect is turned on only once the certificate is deployed on every node, as the CDN
// documentation requires; on destroy it is turned off before HTTPS.
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();

const https = new CdnHttpsConfig("site-https", {
  domain: config.require("domain"),
  certificateId: config.require("certificateId"),
  hsts: { maxAge: 31536000, includeSubDomains: false },
  forceRedirect: { statusCode: 301 },
}, {
  // Deployment to every CDN node can take minutes; the provider waits, up to this long.
  customTimeouts: { create: "20m", update: "20m" },
});

export const domain = https.domain;
export const sslStatus = https.sslStatus;
export const source = https.source;
export const expiresAt = https.expiresAt;
