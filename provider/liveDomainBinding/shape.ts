// The arguments of LiveDomainBinding as the handlers receive them: one sentence per bad value,
// unknown argument names rejected.
import { z } from "zod";
import { argumentsError, sslCertIdArg } from "../runtime/argumentSchemas";

/** Each domain is looked up once at check; beyond this, split the domains across several bindings. */
export const MAX_DOMAINS_PER_BINDING = 100;

const ARGUMENTS = "cloudCertId, domains and optionally enableHttps";
const CERT_ID = "the id of the SSL certificate to bind, usually liveCertificate.cloudCertId";

export const liveDomainBindingArgsSchema = z.strictObject({
  // Checked before check asks the API about it: a path or blank never reaches a request.
  cloudCertId: sslCertIdArg("cloudCertId", `cloudCertId is required: ${CERT_ID}.`),
  domains: z.array(
    z.string({ error: "domains entries must be domain names such as play.example.com." })
      .min(1, { error: "domains entries cannot be empty; give a CSS playback domain such as play.example.com." }),
    { error: (iss) => (iss.input === undefined
      ? "domains is required: the CSS playback domains to bind, such as [\"play.example.com\"]."
      : "domains must be a list of CSS playback domains, such as [\"play.example.com\"].") })
    .min(1, { error: "domains must name at least one CSS playback domain." })
    .max(MAX_DOMAINS_PER_BINDING, { error: `domains lists too many domains: at most ${MAX_DOMAINS_PER_BINDING} per LiveDomainBinding; split them across several bindings.` }),
  enableHttps: z.boolean({ error: "enableHttps must be true or false." }).optional(),
}, { error: argumentsError("LiveDomainBinding", ARGUMENTS) });

export type LiveDomainBindingArgs = z.infer<typeof liveDomainBindingArgsSchema>;

/** What the handlers keep in state (and return from read): the inputs diff needs, plus the view. */
export interface LiveDomainBindingOutputs {
  cloudCertId: string;
  domains: string[];
  enableHttps: boolean;
  bindings: import("../rules/live").BindingView[];
}

/** Lock key of one live domain, distinct from the CDN resource's keys. */
export function liveDomainLockKey(domain: string): string {
  return `live:${domain}`;
}
