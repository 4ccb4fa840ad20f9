// diff for LiveDomainBinding, against the old outputs: everything is changed in place (a new
// certificate is a rebinding, never a replacement); order, case and trailing dots are no change.
import type { Context } from "../context";
import { sameDomainSet } from "../rules/live";
import type { Difference, EngineRecord } from "../runtime/resource";
import { containsUnknown, isUnknown } from "../unknown";
import { liveDomainBindingArgsSchema, LiveDomainBindingOutputs } from "./definition";

/** enableHttps with the schema's default applied. */
const enableHttpsOf = (v: unknown) => { const p = liveDomainBindingArgsSchema.shape.enableHttps.safeParse(v); return p.success ? p.data : v; };

export function diff(_ctx: Context, _id: string, olds: LiveDomainBindingOutputs, news: EngineRecord): Difference {
  const certChanged = isUnknown(news.certificateId) || news.certificateId !== olds.certificateId;
  const domainsChanged = containsUnknown(news.domains) || !Array.isArray(news.domains) || !Array.isArray(olds.domains)
    || !sameDomainSet(news.domains, olds.domains);
  const httpsChanged = isUnknown(news.enableHttps) || enableHttpsOf(news.enableHttps) !== enableHttpsOf(olds.enableHttps);
  const changed = [...(certChanged ? ["certificateId"] : []), ...(domainsChanged ? ["domains"] : []), ...(httpsChanged ? ["enableHttps"] : [])];
  return { changed, replaces: [] };
}
