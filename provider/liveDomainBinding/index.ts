// LiveDomainBinding: binds CSS playback domains to a certificate in SSL Certificate Management.
// Handler semantics: pulumi.dynamic.ResourceProvider (../shared/reference/pulumi-dynamic-providers.md §1).
import type * as pulumi from "@pulumi/pulumi";
import { getClient } from "../config";
import { bindingIdFor, bindingStateFromTruth, domainsFromId, normalizeDomains, planUnbind, sameDomainSet, sharedCertificate, toView } from "../rules/live";
import { withKeyLocks } from "../runtime/keyedLock";
import { log } from "../runtime/log";
import { containsUnknown, isUnknown } from "../unknown";
import { applyBinding, bindingOutputs, unbindDomains } from "./apply";
import { messages } from "../messages";
import { fetchBindings } from "../services/live";
import { checkLiveDomainBinding } from "./check";
import { liveDomainBindingArgsSchema, liveDomainLockKey } from "./shape";

type Props = Record<string, any>;

function desired(inputs: Props) {
  const args = liveDomainBindingArgsSchema.parse({ cloudCertId: inputs.cloudCertId, domains: inputs.domains, enableHttps: inputs.enableHttps });
  return { cloudCertId: args.cloudCertId, domains: normalizeDomains(args.domains), enableHttps: args.enableHttps ?? true };
}

/** A refresh has the old outputs; an import (or a Get) has nothing of ours. */
function isRefresh(props: Props | undefined): props is Props {
  return !!props && Array.isArray(props.domains) && typeof props.cloudCertId === "string" && !isUnknown(props.cloudCertId);
}

async function read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult> {
  const client = getClient();
  const refresh = isRefresh(props);
  const tracked = refresh ? normalizeDomains(props.domains) : domainsFromId(id);
  const current = await fetchBindings(client, tracked);
  let cloudCertId: string | undefined;
  if (refresh) {
    cloudCertId = props.cloudCertId;
  } else {
    const shared = sharedCertificate([...current.values()].map(toView));
    if (shared.conflict) throw new Error(messages.liveBindingNotImportable(id, shared.conflict));
    cloudCertId = shared.cloudCertId;
  }
  if (!cloudCertId) return {}; // none of the domains is bound: gone
  const state = bindingStateFromTruth({
    cloudCertId, tracked, current, declaredEnableHttps: refresh ? props.enableHttps : undefined,
  });
  if (state.domains.length === 0) return {}; // every domain unbound or bound elsewhere since: gone
  const outs = bindingOutputs(cloudCertId, state);
  const inputs: Props = { cloudCertId, domains: state.domains, enableHttps: state.enableHttps };
  if (refresh && props.__timeouts) inputs.__timeouts = props.__timeouts;
  return { id, props: outs, inputs };
}

export const liveDomainBindingHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  async check(_olds: Props, news: Props) {
    return { inputs: news, failures: await checkLiveDomainBinding(news) };
  },

  async diff(_id: string, olds: Props, news: Props) {
    const certChanged = isUnknown(news.cloudCertId) || news.cloudCertId !== olds.cloudCertId;
    const domainsChanged = containsUnknown(news.domains) || !Array.isArray(news.domains) || !Array.isArray(olds.domains)
      || !sameDomainSet(news.domains, olds.domains);
    const httpsChanged = isUnknown(news.enableHttps) || (news.enableHttps ?? true) !== (olds.enableHttps ?? true);
    // Everything is changed in place: a new certificate is a rebinding, never a replacement.
    return { changes: certChanged || domainsChanged || httpsChanged, replaces: [], deleteBeforeReplace: false };
  },

  async create(inputs: Props) {
    const want = desired(inputs);
    const id = bindingIdFor(want.domains);
    const outs = await applyBinding({ id, ...want, provider: inputs.__provider });
    return { id, outs };
  },

  read,

  async update(id: string, olds: Props, news: Props) {
    const want = desired(news);
    const previous = Array.isArray(olds.domains) && typeof olds.cloudCertId === "string"
      ? { domains: olds.domains as string[], cloudCertId: olds.cloudCertId }
      : undefined;
    const outs = await applyBinding({ id, ...want, previous, provider: news.__provider });
    return { outs };
  },

  async delete(id: string, props: Props) {
    const client = getClient();
    const domains = Array.isArray(props?.domains) ? normalizeDomains(props.domains) : domainsFromId(id);
    const cloudCertId: string | undefined = props?.cloudCertId;
    await withKeyLocks(domains.map(liveDomainLockKey), async () => {
      const current = await fetchBindings(client, domains);
      const plan = planUnbind(domains, current, cloudCertId ? [cloudCertId] : []);
      for (const other of plan.leftAlone) {
        log.info(`live domain ${other.domain} is bound to another certificate (${other.cloudCertId}) since; left alone`);
      }
      await unbindDomains(client, plan.unbind);
    });
  },
};
