// Compile-time checks of the sdk's public types (the build fails when one breaks; nothing runs).
// Each `@ts-expect-error` line must be an error: a value outside a closed set, or a missing argument.
import * as pulumi from "@pulumi/pulumi";
import type { CdnHttpsConfig, CdnHttpsConfigArgs, LiveDomainBindingArgs, LiveDomainBindingView } from "../../sdk";

type OutputOf<T> = T extends pulumi.Output<infer V> ? V : never;
type SslStatusOut = OutputOf<CdnHttpsConfig["sslStatus"]>;

export const sslStatuses: SslStatusOut[] = ["closed", "deploying", "deployed", "failed"];
// @ts-expect-error sslStatus is a closed set
export const badStatus: SslStatusOut = "on";

export const args: CdnHttpsConfigArgs = {
  domain: pulumi.output("cdn.example.com"),
  certificateId: "abc",
  tlsVersions: ["TLSv1.2", pulumi.output("TLSv1.3" as const)],
  hsts: { maxAge: pulumi.output(3600) },
  forceRedirect: pulumi.output({ statusCode: 301 as const }),
  http2: pulumi.output(true as boolean),
};
// @ts-expect-error tlsVersions is a closed set
export const badTls: CdnHttpsConfigArgs = { domain: "cdn.example.com", tlsVersions: ["SSLv3"] };
// @ts-expect-error domain is required
export const noDomain: CdnHttpsConfigArgs = { certificateId: "abc" };
// @ts-expect-error statusCode is one of 301, 302, 307, 308
export const badRedirect: CdnHttpsConfigArgs = { domain: "cdn.example.com", forceRedirect: { statusCode: 200 } };

export const binding: LiveDomainBindingArgs = { certificateId: pulumi.output("abc"), domains: [pulumi.output("play.example.com")] };
export const view: LiveDomainBindingView = { domain: "d", httpsEnabled: true, certificateId: "c", alias: "", source: "hosted" };
