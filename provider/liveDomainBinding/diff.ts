// diff for LiveDomainBinding, against the old outputs: everything is changed in place (a new
// certificate is a rebinding, never a replacement); order, case and trailing dots are no change.
import type * as pulumi from "@pulumi/pulumi";
import { sameDomainSet } from "../rules/live";
import { containsUnknown, isUnknown } from "../unknown";
import type { EngineRecord } from "../runtime/validate";
import { liveDomainBindingArgsSchema, LiveDomainBindingOutputs } from "./shape";

/** enableHttps with the schema's default applied. */
const enableHttpsOf = (v: unknown) => { const p = liveDomainBindingArgsSchema.shape.enableHttps.safeParse(v); return p.success ? p.data : v; };

export function diffBinding(olds: Partial<LiveDomainBindingOutputs>, news: EngineRecord): pulumi.dynamic.DiffResult {
  const certChanged = isUnknown(news.cloudCertId) || news.cloudCertId !== olds.cloudCertId;
  const domainsChanged = containsUnknown(news.domains) || !Array.isArray(news.domains) || !Array.isArray(olds.domains)
    || !sameDomainSet(news.domains, olds.domains);
  const httpsChanged = isUnknown(news.enableHttps) || enableHttpsOf(news.enableHttps) !== enableHttpsOf(olds.enableHttps);
  return { changes: certChanged || domainsChanged || httpsChanged, replaces: [], deleteBeforeReplace: false };
}
