// read for refresh (the recorded state) and lookup for a `get` or an adoption of LiveDomainBinding:
// the bindings the API has now for the tracked domains.
import type { Context } from "../context";
import { messages } from "../messages";
import { bindingStateFromTruth, domainsFromId, sharedCertificate, toView } from "../rules/live";
import { bindingOutputs } from "./outputs";
import type { LiveDomainBindingInputs, LiveDomainBindingOutputs } from "./definition";

/** Refresh: what the binding set (boundTo) stays as it set it; gone once none of its domains is bound to its certificate. */
export async function read(ctx: Context, _id: string, state: LiveDomainBindingOutputs): Promise<LiveDomainBindingOutputs | undefined> {
  const tracked = state.domains;
  const current = await ctx.live.fetchBindings(tracked);
  const truth = bindingStateFromTruth({ certificateId: state.certificateId, tracked, current, declaredEnableHttps: state.enableHttps });
  if (truth.domains.length === 0) return undefined; // every domain unbound or bound elsewhere since: gone
  return bindingOutputs(state.certificateId, truth, state.boundTo);
}

/**
 * A `get` or an adoption: the domains the program names (or the id's), bound to one certificate;
 * what it finds becomes what the binding bound. Several certificates is ambiguous.
 */
export async function lookup(ctx: Context, id: string, program: LiveDomainBindingInputs | undefined): Promise<LiveDomainBindingOutputs | undefined> {
  const tracked = program?.domains ?? domainsFromId(id);
  const current = await ctx.live.fetchBindings(tracked);
  const shared = sharedCertificate([...current.values()].map(toView));
  if (shared.conflict) throw new Error(messages.liveBindingNotImportable(id, shared.conflict));
  const certificateId = shared.certificateId;
  if (!certificateId) return undefined; // none of the domains is bound
  const truth = bindingStateFromTruth({ certificateId, tracked, current });
  if (truth.domains.length === 0) return undefined;
  return bindingOutputs(certificateId, truth, Object.fromEntries(truth.domains.map((d) => [d, certificateId])));
}
