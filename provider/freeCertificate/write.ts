// Create, update and delete of FreeCertificate. Create applies (naming the certificate it renews, when
// there is one), then, when waiting, waits for issuance (issuance.ts): polls until issued, logging which
// record is still missing, bounded by customTimeouts. A failure after ApplyCertificate keeps the
// certificate id as partial state, so the next `up` resumes waiting instead of applying twice.
// Delete removes only a certificate this resource applied for, only when no resource of the program
// still declares it (provider/ownership.ts) and nothing is bound to it.
import { normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { deleteOwnCertificate } from "../deleteOwnCertificate";
import { messages } from "../messages";
import { sslCertificate } from "../ownership";
import { PartialStateError } from "../runtime/partialState";
import type { Operation } from "../runtime/resource";
import { isStillUsedRefusal } from "../services/ssl";
import { TencentCloudError } from "../tencentcloud";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { waitForIssuance } from "./issuance";
import { freeCertificateOutputs } from "./outputs";
import { deleteRefusal, EXPIRED, ISSUED, mayRenew, stillBoundSentence } from "../rules/freeCertificate";
import type { FreeCertificateOutputs, FreeCertificateSettings, ValidationRecord } from "./definition";

// Diff knows the certificate a replacement renews; create is not told. Both run in the one provider
// process of a deployment, so diff leaves a note under what the replacement applies for (domain and
// key: a renewal changes neither) and the replacement's create takes it.
interface RenewalNote { certificateId: string; expiresAt: string }
// Keyed by the normalised name: the diff may hold either form of an internationalised name.
const renewalKey = (s: Pick<FreeCertificateSettings, "domain" | "keyAlgorithm">) => `free-certificate-renewal:${normalizeDomain(s.domain)}|${s.keyAlgorithm}`;

export function noteRenewal(ctx: Context, renewed: Pick<FreeCertificateSettings, "domain" | "keyAlgorithm">, certificateId: string, expiresAt: string): void {
  ctx.handOvers.leave<RenewalNote>(renewalKey(renewed), { certificateId, expiresAt }, (a, b) => a.certificateId === b.certificateId);
}

function takeRenewal(ctx: Context, settings: FreeCertificateSettings, now: Date): string | undefined {
  const note = ctx.handOvers.take<RenewalNote>(renewalKey(settings));
  // Outside the API's window (expired meanwhile) the replacement is a new application.
  return note && mayRenew(note.expiresAt, now) ? note.certificateId : undefined;
}

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
    if (settings.waitForIssuance && outs.status !== "issued") {
      await waitForIssuance(ctx, id, settings, timeoutMs);
      outs = await currentOutputs(ctx, id, settings, { ...kept, recorded: outs.validationRecords, renews: outs.renews });
    }
    return outs;
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    const partial: FreeCertificateOutputs = outs ?? {
      certificateId: id, ...settings, status: "unknown", validationRecords: kept.recorded ?? [], dnsNames: [settings.domain], adopted: kept.adopted,
      ...(kept.renews ? { renews: kept.renews } : {}),
    };
    throw new PartialStateError(e.message, id, partial, [e.message]);
  }
}

export async function create(ctx: Context, settings: FreeCertificateSettings, op: Operation): Promise<{ id: string; state: FreeCertificateOutputs }> {
  const renews = takeRenewal(ctx, settings, new Date());
  const id = await ctx.ssl.applyCertificate({
    DvAuthMethod: settings.validationMethod,
    DomainName: settings.domain,
    CsrEncryptAlgo: settings.keyAlgorithm,
    CsrKeyParameter: settings.keyAlgorithm === "ECC" ? "prime256v1" : "2048",
    ValidityPeriod: "3",
    ...(settings.alias !== undefined ? { Alias: settings.alias } : {}),
    ...(renews ? { OldCertificateId: renews } : {}),
  });
  ctx.log.info(`free certificate ${id} applied for ${settings.domain} (${settings.validationMethod}, ${settings.keyAlgorithm})${renews ? `, renewing ${renews}` : ""}`);
  const state = await finish(ctx, id, settings, op.timeoutMs, { renews, adopted: false });
  logRecords(ctx, id, state);
  return { id, state };
}

/** Resumes waiting for a certificate an earlier run left pending; settings that change nothing at the API are state only. */
export async function update(ctx: Context, id: string, olds: FreeCertificateOutputs, settings: FreeCertificateSettings, op: Operation): Promise<FreeCertificateOutputs> {
  const adopted = olds.adopted;
  if ((settings.alias ?? "") !== (olds.alias ?? "")) {
    // Renaming a certificate we did not apply for would change someone else's resource.
    if (adopted) ctx.log.info(`free certificate ${id}: alias updated in Pulumi state only (this resource did not apply for it)`);
    else await ctx.ssl.renameCertificate(id, settings.alias ?? "");
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
    const refusal = deleteRefusal(e.code, id);
    if (refusal) throw new Error(refusal);
    if (!isStillUsedRefusal(e)) throw e;
    // Not a live binding (looked for above): CDN or another product; the API's message names it.
    ctx.log.warn(`${stillBoundSentence(id, ["other cloud resources"])} (${e.code}: ${e.apiMessage})`);
  }
}
