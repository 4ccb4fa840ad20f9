// Create, update and delete of FreeCertificate. Create applies (naming the certificate it renews, when
// there is one), then, when waiting, waits for issuance (issuance.ts): polls until issued, logging which
// record is still missing, bounded by customTimeouts. A failure after ApplyCertificate keeps the
// certificate id as partial state, so the next `up` resumes waiting instead of applying twice. An
// application whose answer never came (lost, or the process killed) is found again instead of applied
// twice: a renewal by the old certificate's RenewOrder (certain; it also finds a renewal made in the SSL
// console), any other by the resource's marker in its alias (heuristic; docs/ownership.md).
// Delete removes only a certificate this resource applied for, only when no resource of the program
// still declares it (provider/ownership.ts) and nothing is bound to it.
import type { Context } from "../context";
import { deleteOwnCertificate } from "../deleteOwnCertificate";
import { messages } from "../messages";
import { ResourceRef, sslCertificate } from "../ownership";
import { PartialStateError } from "../runtime/partialState";
import type { Operation } from "../runtime/resource";
import { isStillUsedRefusal } from "../services/ssl";
import { TencentCloudError } from "../tencentcloud";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { waitForIssuance } from "./issuance";
import { freeCertificateOutputs } from "./outputs";
import {
  aliasWithMarker, applicationMarker, deleteRefusal, EXPIRED, isOwnApplication, ISSUED, mayRenew, nextStep, renewalStands, statusWord,
  stillBoundSentence,
} from "../rules/freeCertificate";
import type { FreeCertificateOutputs, FreeCertificateSettings, ValidationRecord } from "./definition";

// Diff knows what a replacement replaces, and whether it renews it; create is not told. Both run in
// the one provider process of a deployment, so diff leaves a note under the resource of the program
// (its type and name, the sdk's __resourceName) and the replacement's create takes it. Never under the
// domain: two resources for one domain would take each other's renewal.
export interface ReplacementNote {
  /** The certificate the replacement takes the place of. */
  replaces: string;
  /** Set when it is renewed: its expiry (ApplyCertificate names it as OldCertificateId while mayRenew). */
  renewal?: { expiresAt: string };
  /** Whether this resource did not apply for it: its renewal is adopted too. */
  adopted: boolean;
}
const replacementKey = (resource: ResourceRef) => `free-certificate-replacement:${resource.type}:${resource.name}`;

export function noteReplacement(ctx: Context, resource: ResourceRef | undefined, note: ReplacementNote): void {
  // Unnamed (a handler called directly, not through the sdk): no note, so the replacement applies anew.
  if (resource) ctx.handOvers.leave<ReplacementNote>(replacementKey(resource), note, (a, b) => a.replaces === b.replaces);
}

function takeReplacement(ctx: Context, resource: ResourceRef | undefined): ReplacementNote | undefined {
  return resource && ctx.handOvers.take<ReplacementNote>(replacementKey(resource));
}

/** The marker of this resource's applications (rules/freeCertificate.ts applicationMarker); none without a name and stack. */
function markerOf(op: Operation): string | undefined {
  return op.stack && op.resource ? applicationMarker(op.stack, op.resource.type, op.resource.name) : undefined;
}

/** A found certificate, its id always set. */
type Found = DescribeCertificateResponse & { CertificateId: string };

/**
 * The renewal of `old` that stands (CertificateExtra.RenewOrder: whoever made it, the SSL console,
 * another tool or an attempt of ours whose answer was lost), or undefined. Certain: the API's relation.
 */
async function renewalOf(ctx: Context, old: string): Promise<Found | undefined> {
  const renewalId = (await ctx.ssl.findFreeCertificate(old))?.CertificateExtra?.RenewOrder;
  const renewal = renewalId ? await ctx.ssl.findFreeCertificate(renewalId) : undefined;
  return renewalStands(renewal) ? { ...renewal, CertificateId: renewal.CertificateId ?? renewalId! } : undefined;
}

/**
 * An application this resource made whose answer was lost (or whose process was killed): its alias
 * carries the resource's marker (heuristic: DescribeCertificates' SearchKey finds it). Not `replaced`,
 * nor a certificate renewed since (the predecessor of a renewal carries the marker too).
 */
async function applicationOf(ctx: Context, marker: string, settings: FreeCertificateSettings, replaced: string | undefined): Promise<Found | undefined> {
  const rows = (await ctx.ssl.searchCertificates(marker, "buy"))
    .filter((r): r is Found => !!r.CertificateId && r.CertificateId !== replaced && !r.CertificateExtra?.RenewOrder && isOwnApplication(r, marker, settings));
  if (rows.length > 1) {
    ctx.log.warn(`free certificate for ${settings.domain}: ${rows.length} applications carry this resource's marker (${rows.map((r) => r.CertificateId).join(", ")}); `
      + `taking ${rows[0].CertificateId}, the newest; delete the others in the SSL console`);
  }
  return rows[0];
}

/** What an earlier attempt already made for this create: the renewal of the certificate replaced, or an application of this resource. */
async function madeBefore(ctx: Context, marker: string | undefined, settings: FreeCertificateSettings, note: ReplacementNote | undefined): Promise<Found | undefined> {
  const renewal = note?.renewal ? await renewalOf(ctx, note.replaces) : undefined;
  return renewal ?? (marker ? applicationOf(ctx, marker, settings, note?.replaces) : undefined);
}

/** ApplyCertificate's answers when OldCertificateId cannot be renewed now: renewed or reissued meanwhile, or in an event's status. */
const RENEWAL_REFUSED = new Set(["FailedOperation.OrderAlreadyReplaced", "FailedOperation.InvalidCertificateStatusCode"]);

/** What state keeps beside the settings from one run to the next. */
export interface Kept { recorded?: ValidationRecord[]; renews?: string; adopted: boolean }

async function currentOutputs(ctx: Context, id: string, settings: FreeCertificateSettings, kept: Kept): Promise<FreeCertificateOutputs> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) throw new Error(messages.certificateGone(id));
  return outputsFrom(ctx, id, settings, described, kept);
}

/** The certificate's chain (DescribeCertificateDetail) once it has one: issued, or issued and expired since. */
export async function chainOf(ctx: Context, id: string, described: DescribeCertificateResponse): Promise<string | undefined> {
  return described.Status === ISSUED || described.Status === EXPIRED ? ctx.ssl.issuedPem(id) : undefined;
}

export async function outputsFrom(ctx: Context, id: string, settings: FreeCertificateSettings, described: DescribeCertificateResponse, kept: Kept): Promise<FreeCertificateOutputs> {
  return freeCertificateOutputs({ certificateId: id, settings, described, pem: await chainOf(ctx, id, described), ...kept, now: new Date() });
}

function logRecords(ctx: Context, id: string, outs: FreeCertificateOutputs): void {
  for (const r of outs.validationRecords) {
    ctx.log.info(r.recordType === "FILE"
      ? `free certificate ${id}: serve ${r.filePath} on ${r.name} (http or https) with the content ${r.value}`
      : `free certificate ${id}: publish the ${r.recordType} record ${r.name} = ${r.value}`);
  }
}

/** Waits (when asked) and returns the outputs; a failure keeps what the API has as partial state. */
async function finish(ctx: Context, id: string, settings: FreeCertificateSettings, timeoutMs: number, kept: Kept): Promise<FreeCertificateOutputs> {
  let outs: FreeCertificateOutputs | undefined;
  try {
    outs = await currentOutputs(ctx, id, settings, kept);
    if (settings.waitForIssuance && nextStep(outs.status) !== "judge-renewal") {
      await waitForIssuance(ctx, id, settings, timeoutMs);
      outs = await currentOutputs(ctx, id, settings, { ...kept, recorded: outs.validationRecords, renews: outs.renews });
    }
    return outs;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    // The status the wait stopped at (a dead end, one waiting for its owner), when it can be read.
    const waited = outs;
    if (waited) outs = await currentOutputs(ctx, id, settings, { ...kept, recorded: waited.validationRecords, renews: waited.renews }).catch(() => waited);
    const partial: FreeCertificateOutputs = outs ?? {
      certificateId: id, ...settings, status: "unknown", validationRecords: kept.recorded ?? [], dnsNames: [settings.domain], adopted: kept.adopted,
      ...(kept.renews ? { renews: kept.renews } : {}),
    };
    throw new PartialStateError(e.message, id, partial, [e.message]);
  }
}

/**
 * Applies, unless an earlier attempt already did: a renewal of the certificate this one replaces
 * (whoever made it) or an application carrying this resource's marker is taken instead. An application
 * whose answer is lost is looked for the same way before it is sent again (services/ssl.ts).
 */
export async function create(ctx: Context, settings: FreeCertificateSettings, op: Operation): Promise<{ id: string; state: FreeCertificateOutputs }> {
  const note = takeReplacement(ctx, op.resource);
  const marker = markerOf(op);
  const alias = aliasWithMarker(settings.alias, marker);
  const taken = await madeBefore(ctx, marker, settings, note);
  if (taken) return takeOver(ctx, taken, settings, op, note, alias);
  let renews = note?.renewal && mayRenew(note.renewal.expiresAt, new Date()) ? note.replaces : undefined;
  const request = {
    DvAuthMethod: settings.validationMethod,
    DomainName: settings.domain,
    CsrEncryptAlgo: settings.keyAlgorithm,
    CsrKeyParameter: settings.keyAlgorithm === "ECC" ? "prime256v1" as const : "2048" as const,
    ValidityPeriod: "3" as const,
    ...(alias !== undefined ? { Alias: alias } : {}),
  };
  const lookAgain = async () => (await madeBefore(ctx, marker, settings, note))?.CertificateId;
  let applied: { id: string; found: boolean };
  try {
    applied = await ctx.ssl.applyCertificate(renews ? { ...request, OldCertificateId: renews } : request, lookAgain);
  } catch (e) {
    if (!(renews && e instanceof TencentCloudError && RENEWAL_REFUSED.has(e.code))) throw e;
    // Renewed meanwhile (take that renewal), or no longer renewable (reissued, revoked, ...: apply anew).
    const renewal = await renewalOf(ctx, renews);
    if (renewal) return takeOver(ctx, renewal, settings, op, note, alias);
    ctx.log.info(`free certificate ${renews} cannot be renewed (${e.code}: ${e.apiMessage}); applying for a new certificate instead`);
    renews = undefined;
    applied = await ctx.ssl.applyCertificate(request, lookAgain);
  }
  const id = applied.id;
  ctx.log.info(`free certificate ${id} applied for ${settings.domain} (${settings.validationMethod}, ${settings.keyAlgorithm})${renews ? `, renewing ${renews}` : ""}`
    + (applied.found ? " (the answer was lost; found by its alias)" : ""));
  return finished(ctx, id, settings, op, { renews, adopted: false });
}

/**
 * Takes a certificate an earlier attempt made as this resource's: a renewal of the one it replaces
 * (this resource's own unless that one was adopted) or an application of its own, named as the
 * program names it.
 */
async function takeOver(ctx: Context, taken: Found, settings: FreeCertificateSettings, op: Operation, note: ReplacementNote | undefined, alias: string | undefined) {
  const origin = taken.CertificateExtra?.OriginCertificateId ?? undefined;
  const renewsReplaced = note?.renewal !== undefined && origin === note.replaces;
  const adopted = renewsReplaced ? note!.adopted : false;
  ctx.log.info(`free certificate ${taken.CertificateId} for ${settings.domain} is taken as this resource's certificate: `
    + (renewsReplaced ? `the renewal of ${origin} made already (in the SSL console, by another tool, or by an earlier run whose answer was lost)` : "an application of this resource whose answer was lost"));
  if (!adopted && (taken.Alias ?? "") !== (alias ?? "")) await ctx.ssl.renameCertificate(taken.CertificateId, alias ?? "");
  return finished(ctx, taken.CertificateId, settings, op, { renews: origin, adopted });
}

/** Waits when asked, logs the records to publish, and returns the create's answer. */
async function finished(ctx: Context, id: string, settings: FreeCertificateSettings, op: Operation, kept: Kept): Promise<{ id: string; state: FreeCertificateOutputs }> {
  const state = await finish(ctx, id, settings, op.timeoutMs, kept);
  logRecords(ctx, id, state);
  return { id, state };
}

/** Resumes waiting for a certificate an earlier run left pending; settings that change nothing at the API are state only. */
export async function update(ctx: Context, id: string, olds: FreeCertificateOutputs, settings: FreeCertificateSettings, op: Operation): Promise<FreeCertificateOutputs> {
  const adopted = olds.adopted;
  if ((settings.alias ?? "") !== (olds.alias ?? "")) {
    // Renaming a certificate we did not apply for would change someone else's resource.
    if (adopted) ctx.log.info(`free certificate ${id}: alias updated in Pulumi state only (this resource did not apply for it)`);
    else await ctx.ssl.renameCertificate(id, aliasWithMarker(settings.alias, markerOf(op)) ?? "");
  }
  return finish(ctx, id, settings, op.timeoutMs, { recorded: olds.validationRecords, renews: olds.renews, adopted });
}

export async function remove(ctx: Context, id: string, state: FreeCertificateOutputs): Promise<void> {
  if (state.adopted) {
    ctx.log.info(`free certificate ${id} was not applied for by this resource; it is left in SSL Certificate Management`);
    return;
  }
  try {
    // A resource still in the program (a CdnHttpsConfig or LiveDomainBinding certificateId) may use it.
    const outcome = await deleteOwnCertificate(ctx, id, [sslCertificate(id)], state.dnsNames ?? [state.domain]);
    if (outcome === "deleted") ctx.log.info(`free certificate ${id} deleted from SSL Certificate Management`);
  } catch (e) {
    if (!(e instanceof TencentCloudError)) throw e;
    const status = e.code === "FailedOperation.InvalidCertificateStatusCode" ? statusWord((await ctx.ssl.findFreeCertificate(id))?.Status) : undefined;
    const refusal = deleteRefusal(e.code, id, status);
    if (refusal) throw new Error(refusal);
    if (!isStillUsedRefusal(e)) throw e;
    // Not a live binding (looked for above): CDN or another product; the API's message names it.
    ctx.log.warn(`${stillBoundSentence(id, ["other cloud resources"])} (${e.code}: ${e.apiMessage})`);
  }
}
