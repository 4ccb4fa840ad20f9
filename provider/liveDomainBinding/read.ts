// read for refresh (props = old outputs) and import or Get (props empty) of LiveDomainBinding: the
// bindings the API has now for the tracked domains.
import { getClient } from "../config";
import { messages } from "../messages";
import { bindingStateFromTruth, domainsFromId, normalizeDomains, sharedCertificate, toView } from "../rules/live";
import { fetchBindings } from "../services/live";
import { isUnknown } from "../unknown";
import { boundToOf } from "../ownership";
import { bindingOutputs } from "./outputs";
import type { LiveDomainBindingInputs, LiveDomainBindingOutputs } from "./shape";

/** A refresh has the old outputs; an import (or a Get) has nothing of ours. */
function isRefresh(state: Partial<LiveDomainBindingOutputs> | undefined): state is LiveDomainBindingOutputs {
  return !!state && Array.isArray(state.domains) && typeof state.cloudCertId === "string" && !isUnknown(state.cloudCertId);
}

export async function readBinding(id: string, state: Partial<LiveDomainBindingOutputs> | undefined): Promise<{ id?: string; props?: LiveDomainBindingOutputs; inputs?: LiveDomainBindingInputs }> {
  const refresh = isRefresh(state);
  const tracked = refresh ? normalizeDomains(state.domains) : domainsFromId(id);
  const current = await fetchBindings(getClient(), tracked);
  let cloudCertId: string | undefined;
  if (refresh) {
    cloudCertId = state.cloudCertId;
  } else {
    const shared = sharedCertificate([...current.values()].map(toView));
    if (shared.conflict) throw new Error(messages.liveBindingNotImportable(id, shared.conflict));
    cloudCertId = shared.cloudCertId;
  }
  if (!cloudCertId) return {}; // none of the domains is bound: gone
  const truth = bindingStateFromTruth({
    cloudCertId, tracked, current, declaredEnableHttps: refresh ? state.enableHttps : undefined,
  });
  if (truth.domains.length === 0) return {}; // every domain unbound or bound elsewhere since: gone
  // What the binding bound stays as it set it; an import adopts what it finds.
  const boundTo = refresh ? boundToOf(state) : Object.fromEntries(truth.domains.map((d) => [d, cloudCertId!]));
  return { id, props: bindingOutputs(cloudCertId, truth, boundTo), inputs: { cloudCertId, domains: truth.domains, enableHttps: truth.enableHttps } };
}
