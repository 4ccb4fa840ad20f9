// LiveDomainBinding outputs from the binding state read back from the API (pure).
import type { BoundTo } from "../ownership";
import type { BindingState } from "../rules/live";
import type { LiveDomainCertBinding } from "../tencentcloud";
import { withoutUndefined } from "../runtime/outputs";
import type { LiveDomainBindingOutputs } from "./definition";

export function bindingOutputs(certificateId: string, state: BindingState, boundTo: BoundTo): LiveDomainBindingOutputs {
  return withoutUndefined({ certificateId, domains: state.domains, enableHttps: state.enableHttps, bindings: state.bindings, boundTo });
}

/** Domain -> certificate id, as the API serves the bindings now. */
export function servedCertificates(current: Map<string, LiveDomainCertBinding>): Map<string, string> {
  return new Map([...current].map(([d, b]) => [d, b.CloudCertId]));
}
