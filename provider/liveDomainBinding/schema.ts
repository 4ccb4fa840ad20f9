// The arguments of LiveDomainBinding as the handlers receive them.
import { z } from "zod";

/** Each domain is looked up once at check; beyond this, split the domains across several bindings. */
export const MAX_DOMAINS_PER_BINDING = 100;

export const liveDomainBindingArgsSchema = z.object({
  cloudCertId: z.string().min(1, "Give the SSL certificate id to bind (usually liveCertificate.cloudCertId)."),
  domains: z.array(z.string().min(1, "A domain cannot be empty."))
    .min(1, "Name at least one CSS playback domain.")
    .max(MAX_DOMAINS_PER_BINDING, `At most ${MAX_DOMAINS_PER_BINDING} domains per LiveDomainBinding; split them across several bindings.`),
  enableHttps: z.boolean().optional(),
});

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
