// The quick start's names, shared by the program (its defaults), the demo's emulator seed and the
// demo's no-CLI fallback, so the three always describe the same domains and certificate.
export const QUICKSTART = {
  /** Matches the root Pulumi.yaml `name`: the program's config keys are `${project}:key`. */
  project: "tencentcloud-https-quickstart",
  stack: "quickstart-demo",
  cdnDomain: "www.example.com",
  /** A certificate hosted in SSL Certificate Management (seeded into the emulator by the demo). */
  certificateId: "qs-wildcard",
  playDomains: ["live1.example.com", "live2.example.com"],
} as const;

/** The HTTPS settings the quick start declares for its CDN domain. */
export function siteHttpsArgs(domain: string, certificateId: string) {
  return {
    domain,
    certificateId,
    hsts: { maxAge: 86400, includeSubDomains: false },
    forceRedirect: { statusCode: 301 as const },
  };
}
