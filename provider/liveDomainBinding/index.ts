// The LiveDomainBinding handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds): the adapter. It turns the engine's records into typed values once (new
// inputs into resolved arguments with normalised domains, old outputs into state); diff alone
// takes the raw new inputs, which may still hold values unknown at preview.
import type * as pulumi from "@pulumi/pulumi";
import { bindingIdFor, normalizeDomains } from "../rules/live";
import { EngineRecord, reservedOf, resolveInputs } from "../runtime/validate";
import { boundToOf } from "../ownership";
import { checkLiveDomainBinding } from "./check";
import { diffBinding } from "./diff";
import { readBinding } from "./read";
import { liveDomainBindingArgsSchema, LiveDomainBindingInputs, LiveDomainBindingOutputs } from "./shape";
import { applyBinding, deleteBinding } from "./write";

type Props = EngineRecord;

function resolved(news: Props): LiveDomainBindingInputs {
  const args = resolveInputs("LiveDomainBinding", liveDomainBindingArgsSchema, news);
  return { ...args, domains: normalizeDomains(args.domains) };
}

/** Old outputs as state: written by this provider, so they have its shape. */
const stateOf = (olds: Props | undefined) => olds as Partial<LiveDomainBindingOutputs> | undefined;

export const liveDomainBindingHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: async (_olds, news) => ({ inputs: news, failures: await checkLiveDomainBinding(news ?? {}) }),
  diff: async (_id, olds, news) => diffBinding(stateOf(olds) ?? {}, news ?? {}),
  async create(inputs) {
    const want = resolved(inputs);
    const id = bindingIdFor(want.domains);
    return { id, outs: await applyBinding({ id, ...want, provider: reservedOf(inputs).__provider }) };
  },
  read: (id, props) => readBinding(id, stateOf(props)),
  async update(id, olds, news) {
    const state = stateOf(olds);
    const previous = Array.isArray(state?.domains) && typeof state?.cloudCertId === "string"
      ? { domains: state.domains, cloudCertId: state.cloudCertId, boundTo: boundToOf(state) }
      : undefined;
    return { outs: await applyBinding({ id, ...resolved(news), previous, provider: reservedOf(news).__provider }) };
  },
  delete: (id, props) => deleteBinding(id, stateOf(props)),
};
