// create / update / delete for LiveDomainBinding. Create and update bind the desired domains with
// ModifyLiveDomainCertBindings, unbind the domains that left the list, then read the truth back.
// Per-domain failures in the 200 answer fail the operation, with the state that is really there
// recorded (ErrorResourceInitFailed), so the next `up` diffs against it and completes the binding.
import { getClient } from "../config";
import { bindingFailures, bindingStateFromTruth, describeFailures, domainsFromId, DomainFailure, normalizeDomains, planBinding } from "../rules/live";
import { withKeyLocks } from "../runtime/keyedLock";
import { messages } from "../messages";
import { log } from "../runtime/log";
import { PartialStateError } from "../runtime/partialState";
import { fetchBindings, modifyBindings, unbindDomain } from "../services/live";
import type { LiveDomainCertBinding, TencentCloudClient } from "../tencentcloud";
import { boundAfterBind, BoundTo, boundToOf, declarations, leftForSentence, liveDomain, planOwnedUnbind, ResourceRef } from "../ownership";
import { bindingOutputs, servedCertificates } from "./outputs";
import { liveDomainLockKey, LiveDomainBindingOutputs } from "./shape";

export interface ApplyRequest {
  id: string;
  cloudCertId: string;
  domains: string[];
  enableHttps: boolean;
  /** What the resource managed before (update): its domains, certificate and what it bound each domain to. */
  previous?: { domains: string[]; cloudCertId: string; boundTo: BoundTo };
  /** Copied into partial state so that the host can still load the provider for it. */
  provider: unknown;
}

async function unbindDomains(client: TencentCloudClient, domains: string[]): Promise<void> {
  for (const domain of domains) {
    // Already unbound: the goal is reached.
    if (await unbindDomain(client, domain)) log.info(`live domain ${domain}: certificate unbound; it can no longer serve HTTPS`);
  }
}

export async function applyBinding(req: ApplyRequest): Promise<LiveDomainBindingOutputs> {
  const client = getClient();
  const domains = normalizeDomains(req.domains);
  const previousDomains = normalizeDomains(req.previous?.domains ?? []);
  const tracked = normalizeDomains([...domains, ...previousDomains]);
  return withKeyLocks(tracked.map(liveDomainLockKey), async () => {
    const current = await fetchBindings(client, tracked);
    const plan = planBinding({ cloudCertId: req.cloudCertId, domains, enableHttps: req.enableHttps, current });
    for (const t of plan.takeovers) {
      const from = t.fromRemarks ? `${t.fromCloudCertId} ("${t.fromRemarks}")` : t.fromCloudCertId;
      log.info(`live domain ${t.domain} moves from certificate ${from} to ${req.cloudCertId}`);
    }
    const answer = await modifyBindings(client, { CloudCertId: req.cloudCertId, DomainInfos: plan.domainInfos });
    const failures = bindingFailures(answer, req.cloudCertId);

    const previousBound = req.previous?.boundTo ?? {};
    const removed = previousDomains.filter((d) => !domains.includes(d));
    const unplan = planOwnedUnbind(
      Object.fromEntries(removed.filter((d) => previousBound[d]).map((d) => [d, previousBound[d]])), servedCertificates(current), otherDeclarers);
    for (const other of unplan.elsewhere) {
      log.info(`live domain ${other.domain} left the list but is bound to another certificate (${other.cloudCertId}) now; left alone`);
    }
    logDeclared(unplan.declared);
    await unbindDomains(client, unplan.unbind);

    let after: Map<string, LiveDomainCertBinding>;
    let unread: Error | undefined;
    try {
      after = await fetchBindings(client, tracked);
    } catch (e) {
      // The writes reached the API: the state is built from what they did, so the engine records it.
      unread = e instanceof Error ? e : new Error(String(e));
      after = asWritten(current, req, failures, unplan.unbind);
    }
    const state = bindingStateFromTruth({ cloudCertId: req.cloudCertId, tracked, current: after, declaredEnableHttps: req.enableHttps });
    const outs = bindingOutputs(req.cloudCertId, state, boundAfterBind(previousBound, req.cloudCertId, tracked, servedCertificates(after)));
    if (unread) throw new PartialStateError(unread.message, req.id, { ...outs, __provider: req.provider }, [unread.message]);
    const all = [...failures, ...silentlyUnbound(domains, state.domains, failures)];
    if (all.length === 0) {
      log.info(`live certificate ${req.cloudCertId} bound to ${domains.join(", ")} (HTTPS ${req.enableHttps ? "on" : "state unchanged"})`);
      return outs;
    }
    const message = describeFailures(all, domains.length, req.cloudCertId);
    // A create that bound nothing created nothing: a plain error keeps it out of state.
    if (!req.previous && state.domains.length === 0) throw new Error(message);
    throw new PartialStateError(message, req.id, { ...outs, __provider: req.provider }, all.map((f) => `${f.domain}: ${f.reason}`));
  });
}

/**
 * The bindings as the writes left them, when they cannot be read back: every domain the answer did
 * not refuse is on the certificate (HTTPS as asked), the unbound ones are gone, the rest as before.
 */
function asWritten(before: Map<string, LiveDomainCertBinding>, req: ApplyRequest, failures: DomainFailure[], unbound: string[]): Map<string, LiveDomainCertBinding> {
  const out = new Map(before);
  for (const d of unbound) out.delete(d);
  const refused = new Set(failures.map((f) => f.domain));
  for (const domain of normalizeDomains(req.domains)) {
    if (refused.has(domain)) continue;
    const was = before.get(domain);
    const status = req.enableHttps ? 1 : (was?.Status ?? 0);
    // Only the id and HTTPS state are known; the view's other columns come with the next read.
    out.set(domain, { DomainName: domain, CertificateAlias: "", CertType: 1, CertExpireTime: "", CertId: 0, CloudCertId: req.cloudCertId, Status: status });
  }
  return out;
}

/** Domains the API reported no error for, yet are not bound to the certificate afterwards. */
function silentlyUnbound(desired: string[], bound: string[], failures: DomainFailure[]): DomainFailure[] {
  const failed = new Set(failures.map((f) => f.domain));
  return desired
    .filter((d) => !bound.includes(d) && !failed.has(d))
    .map((domain) => ({ domain, code: "NotBound", reason: messages.liveDomainSilentlyUnbound }));
}

/** The resources of the deployment that still declare a playback domain (provider/ownership.ts). */
const otherDeclarers = (domain: string) => declarations.declarers([liveDomain(domain)]);

function logDeclared(declared: { domain: string; by: ResourceRef[] }[]): void {
  for (const d of declared) log.info(leftForSentence(liveDomain(d.domain), d.by, "it stays bound"));
}

/**
 * Unbinds every domain this binding bound, from the certificate it bound it to (boundTo; an older
 * state: its domains on its certificate). A domain bound elsewhere since, or declared by another
 * resource of the deployment, is left alone and logged.
 */
export async function deleteBinding(id: string, state: Partial<LiveDomainBindingOutputs> | undefined): Promise<void> {
  const client = getClient();
  const recorded = state?.boundTo !== undefined || Array.isArray(state?.domains);
  const bound = boundToOf(recorded ? state : { domains: domainsFromId(id), cloudCertId: state?.cloudCertId });
  const domains = normalizeDomains(Object.keys(bound));
  await withKeyLocks(domains.map(liveDomainLockKey), async () => {
    const current = await fetchBindings(client, domains);
    const plan = planOwnedUnbind(bound, servedCertificates(current), otherDeclarers);
    for (const other of plan.elsewhere) {
      log.info(`live domain ${other.domain} is bound to another certificate (${other.cloudCertId}) since; left alone`);
    }
    logDeclared(plan.declared);
    await unbindDomains(client, plan.unbind);
  });
}
