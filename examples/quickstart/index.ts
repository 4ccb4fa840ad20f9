// The quick start program (the root Pulumi.yaml runs its compiled form): HTTPS on a CDN domain with
// a hosted certificate, HSTS and a forced redirect, and the same certificate bound to two CSS
// playback domains. `npm run demo` runs it against the embedded emulator; against your account set
// the config keys below and the credentials (see README.md, "Configuration").
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, LiveCertificate, LiveDomainBinding } from "pulumi-tencentcloud-https";
import { QUICKSTART, siteHttpsArgs } from "./settings";

const config = new pulumi.Config();
const cdnDomain = config.get("cdnDomain") ?? QUICKSTART.cdnDomain;
const certId = config.get("certId") ?? QUICKSTART.certId;
const playDomains = config.getObject<string[]>("playDomains") ?? [...QUICKSTART.playDomains];

const site = new CdnHttpsConfig("site", siteHttpsArgs(cdnDomain, certId));

const liveCert = new LiveCertificate("live-cert", { cloudCertId: certId, remarks: "quick start" });
const live = new LiveDomainBinding("live-https", { cloudCertId: liveCert.cloudCertId, domains: playDomains });

export const siteDomain = site.domain;
export const siteSslStatus = site.sslStatus;
export const siteCertExpiresAt = site.certExpiresAt;
export const liveBindings = live.bindings;
