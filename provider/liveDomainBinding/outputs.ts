// LiveDomainBinding outputs from the binding state read back from the API (pure).
import type { BindingState } from "../rules/live";
import { withoutUndefined } from "../runtime/outputs";
import type { LiveDomainBindingOutputs } from "./shape";

export function bindingOutputs(cloudCertId: string, state: BindingState): LiveDomainBindingOutputs {
  return withoutUndefined({ cloudCertId, domains: state.domains, enableHttps: state.enableHttps, bindings: state.bindings });
}
