// The quick start program (the root Pulumi.yaml runs its compiled form): HTTPS on a CDN domain with
// a hosted certificate, HSTS and a forced redirect, and the same certificate bound to two CSS
// playback domains. `npm run demo` runs it against the embedded emulator; against your account set
// the config keys below and the credentials (see README.md, "Configuration").
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, LiveCertificate, LiveDomainBinding } from "pulumi-tencentcloud-https";
import { QUICKSTART, siteHttpsArgs } from "./settings";

const config = new pulumi.Config();
const cdnDomain = config.get("cdnDomain") ?? QUICKSTART.cdnDomain;
const certificateId = config.get("certificateId") ?? QUICKSTART.certificateId;
const playDomains = config.getObject<string[]>("playDomains") ?? [...QUICKSTART.playDomains];

const site = new CdnHttpsConfig("site", siteHttpsArgs(cdnDomain, certificateId));

const liveCert = new LiveCertificate("live-cert", { certificateId, alias: "quick start" });
const live = new LiveDomainBinding("live-https", { certificateId: liveCert.certificateId, domains: playDomains });

export const siteDomain = site.domain;
export const siteSslStatus = site.sslStatus;
export const siteCertExpiresAt = site.expiresAt;
export const liveBindings = live.bindings;
