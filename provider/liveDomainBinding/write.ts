// create / update / delete for LiveDomainBinding. Create and update bind the desired domains with
// ModifyLiveDomainCertBindings, unbind the domains that left the list, then read the truth back.
// Per-domain failures in the 200 answer fail the operation, with the state that is really there
// recorded (ErrorResourceInitFailed), so the next `up` diffs against it and completes the binding.
import type { Context } from "../context";
import { bindingFailures, bindingIdFor, bindingStateFromTruth, describeFailures, DomainFailure, normalizeDomains, planBinding } from "../rules/live";
import { messages } from "../messages";
import { PartialStateError } from "../runtime/partialState";
import type { LiveDomainCertBinding } from "../tencentcloud";
import { boundAfterBind, leftForSentence, liveDomain, planOwnedUnbind, ResourceRef } from "../ownership";
import { bindingOutputs, servedCertificates } from "./outputs";
import { liveDomainLockKey, LiveDomainBindingInputs, LiveDomainBindingOutputs } from "./definition";

interface ApplyRequest extends LiveDomainBindingInputs {
  id: string;
  /** What the resource managed before (update): its domains, certificate and what it bound each domain to. */
  previous?: LiveDomainBindingOutputs;
}

async function unbindDomains(ctx: Context, domains: string[]): Promise<void> {
  for (const domain of domains) {
    // Already unbound: the goal is reached.
    if (await ctx.live.unbindDomain(domain)) ctx.log.info(`live domain ${domain}: certificate unbound; it can no longer serve HTTPS`);
  }
}

async function applyBinding(ctx: Context, req: ApplyRequest): Promise<LiveDomainBindingOutputs> {
  const domains = req.domains;
  const previousDomains = req.previous?.domains ?? [];
  const tracked = normalizeDomains([...domains, ...previousDomains]);
  return ctx.locks.runAll(tracked.map(liveDomainLockKey), async () => {
    const current = await ctx.live.fetchBindings(tracked);
    const plan = planBinding({ certificateId: req.certificateId, domains, enableHttps: req.enableHttps, current });
    for (const t of plan.takeovers) {
      const from = t.fromAlias ? `${t.fromCertificateId} ("${t.fromAlias}")` : t.fromCertificateId;
      ctx.log.info(`live domain ${t.domain} moves from certificate ${from} to ${req.certificateId}`);
    }
    const answer = await ctx.live.modifyBindings({ CloudCertId: req.certificateId, DomainInfos: plan.domainInfos });
    const failures = bindingFailures(answer, req.certificateId);

    const previousBound = req.previous?.boundTo ?? {};
    const removed = previousDomains.filter((d) => !domains.includes(d));
    const unplan = planOwnedUnbind(
      Object.fromEntries(removed.filter((d) => previousBound[d]).map((d) => [d, previousBound[d]])), servedCertificates(current), otherDeclarers(ctx));
    for (const other of unplan.elsewhere) {
      ctx.log.info(`live domain ${other.domain} left the list but is bound to another certificate (${other.certificateId}) now; left alone`);
    }
    logDeclared(ctx, unplan.declared);
    await unbindDomains(ctx, unplan.unbind);

    let after: Map<string, LiveDomainCertBinding>;
    let unread: Error | undefined;
    try {
      after = await ctx.live.fetchBindings(tracked);
    } catch (e) {
      // The writes reached the API: the state is built from what they did, so the engine records it.
      unread = e instanceof Error ? e : new Error(String(e));
      after = asWritten(current, req, failures, unplan.unbind);
    }
    const state = bindingStateFromTruth({ certificateId: req.certificateId, tracked, current: after, declaredEnableHttps: req.enableHttps });
    const outs = bindingOutputs(req.certificateId, state, boundAfterBind(previousBound, req.certificateId, tracked, servedCertificates(after)));
    if (unread) throw new PartialStateError(unread.message, req.id, outs, [unread.message]);
    const all = [...failures, ...silentlyUnbound(domains, state.domains, failures)];
    if (all.length === 0) {
      ctx.log.info(`live certificate ${req.certificateId} bound to ${domains.join(", ")} (HTTPS ${req.enableHttps ? "on" : "state unchanged"})`);
      return outs;
    }
    const message = describeFailures(all, domains.length, req.certificateId);
    // A create that bound nothing created nothing: a plain error keeps it out of state.
    if (!req.previous && state.domains.length === 0) throw new Error(message);
    throw new PartialStateError(message, req.id, outs, all.map((f) => `${f.domain}: ${f.reason}`));
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
  for (const domain of req.domains) {
    if (refused.has(domain)) continue;
    const was = before.get(domain);
    const status = req.enableHttps ? 1 : (was?.Status ?? 0);
    // Only the id and HTTPS state are known; the view's other columns come with the next read.
    out.set(domain, { DomainName: domain, CertificateAlias: "", CertType: 1, CertExpireTime: "", CertId: 0, CloudCertId: req.certificateId, Status: status });
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
const otherDeclarers = (ctx: Context) => (domain: string) => ctx.declarations.declarers([liveDomain(domain)]);

function logDeclared(ctx: Context, declared: { domain: string; by: ResourceRef[] }[]): void {
  for (const d of declared) ctx.log.info(leftForSentence(liveDomain(d.domain), d.by, "it stays bound"));
}

export async function create(ctx: Context, inputs: LiveDomainBindingInputs): Promise<{ id: string; state: LiveDomainBindingOutputs }> {
  const id = bindingIdFor(inputs.domains);
  return { id, state: await applyBinding(ctx, { id, ...inputs }) };
}

export function update(ctx: Context, id: string, state: LiveDomainBindingOutputs, inputs: LiveDomainBindingInputs): Promise<LiveDomainBindingOutputs> {
  return applyBinding(ctx, { id, ...inputs, previous: state });
}

/**
 * Unbinds every domain this binding bound, from the certificate it bound it to (boundTo). A domain
 * bound elsewhere since, or declared by another resource of the deployment, is left alone and logged.
 */
export async function remove(ctx: Context, _id: string, state: LiveDomainBindingOutputs): Promise<void> {
  const bound = state.boundTo;
  const domains = normalizeDomains(Object.keys(bound));
  await ctx.locks.runAll(domains.map(liveDomainLockKey), async () => {
    const current = await ctx.live.fetchBindings(domains);
    const plan = planOwnedUnbind(bound, servedCertificates(current), otherDeclarers(ctx));
    for (const other of plan.elsewhere) {
      ctx.log.info(`live domain ${other.domain} is bound to another certificate (${other.certificateId}) since; left alone`);
    }
    logDeclared(ctx, plan.declared);
    await unbindDomains(ctx, plan.unbind);
  });
}
