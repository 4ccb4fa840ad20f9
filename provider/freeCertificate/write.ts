// Create, update and delete of FreeCertificate. Create applies (naming the certificate it renews, when
// there is one), then, when waiting, waits for issuance (issuance.ts): polls until issued, logging which
// record is still missing, bounded by customTimeouts. A failure after ApplyCertificate keeps the
// certificate id as partial state, so the next `up` resumes waiting instead of applying twice.
// Delete removes only a certificate this resource applied for, only when no resource of the program
// still declares it (provider/ownership.ts) and nothing is bound to it.
import { normalizeDomain } from "../certificate";
import { log } from "../runtime/log";
import { PartialStateError } from "../runtime/partialState";
import { timeoutFor, withTimeouts } from "../runtime/timeouts";
import { reservedOf, withoutReserved } from "../runtime/validate";
import { getClient } from "../config";
import { deleteOwnCertificate } from "../deleteOwnCertificate";
import { TencentCloudError } from "../tencentcloud";
import type { DescribeCertificateResponse } from "../tencentcloud/types";
import { messages } from "../messages";
import { certificateId } from "../ownership";
import { applyCertificate, findFreeCertificate, isStillUsedRefusal, issuedPem, renameCertificate } from "../services/ssl";
import { waitForIssuance } from "./issuance";
import { freeCertificateOutputs } from "./outputs";
import { deleteRefusal, EXPIRED, ISSUED, mayRenew, stillBoundSentence } from "./rules";
import { freeCertificateArgsSchema, FreeCertificateOutputs, FreeCertificateSettings, ValidationRecord } from "./shape";

type Props = Record<string, any>;

export function settingsOf(inputs: Props): FreeCertificateSettings {
  const settings: FreeCertificateSettings = freeCertificateArgsSchema.parse(withoutReserved(inputs));
  return { ...settings, domain: settings.domain.trim().replace(/\.$/, "").toLowerCase() };
}

// Diff knows the certificate a replacement renews; create is not told. Both run in the one provider
// process of a deployment, so diff leaves a note under what the replacement applies for (domain and
// key: a renewal changes neither) and the replacement's create takes it.
const renewalNotes = new Map<string, { certificateId: string; expiresAt: string }[]>();
// Keyed by the normalised name: the settings keep an internationalised name as written, the diff may hold either form.
const renewalKey = (s: Pick<FreeCertificateSettings, "domain" | "keyAlgorithm">) => `${normalizeDomain(s.domain)}|${s.keyAlgorithm}`;

export function noteRenewal(renewed: Pick<FreeCertificateSettings, "domain" | "keyAlgorithm">, certificateId: string, expiresAt: string): void {
  const key = renewalKey(renewed);
  const notes = renewalNotes.get(key) ?? [];
  if (!notes.some((n) => n.certificateId === certificateId)) notes.push({ certificateId, expiresAt });
  renewalNotes.set(key, notes);
}

function takeRenewal(settings: FreeCertificateSettings, now: Date): string | undefined {
  const key = renewalKey(settings);
  const notes = renewalNotes.get(key) ?? [];
  const note = notes.shift();
  if (notes.length === 0) renewalNotes.delete(key);
  // Outside the API's window (expired meanwhile) the replacement is a new application.
  return note && mayRenew(note.expiresAt, now) ? note.certificateId : undefined;
}

/** What state keeps beside the settings from one run to the next. */
export interface Kept { recorded?: ValidationRecord[]; renews?: string; adopted: boolean }

async function currentOutputs(id: string, settings: FreeCertificateSettings, kept: Kept): Promise<FreeCertificateOutputs> {
  const described = await findFreeCertificate(id);
  if (!described) throw new Error(messages.certificateGone(id));
  return outputsFrom(id, settings, described, kept);
}

/** The certificate's chain (DescribeCertificateDetail) once it has one: issued, or issued and expired since. */
export async function chainOf(id: string, described: DescribeCertificateResponse): Promise<string | undefined> {
  return described.Status === ISSUED || described.Status === EXPIRED ? issuedPem(id) : undefined;
}

export async function outputsFrom(id: string, settings: FreeCertificateSettings, described: DescribeCertificateResponse, kept: Kept): Promise<FreeCertificateOutputs> {
  return freeCertificateOutputs({ certificateId: id, settings, described, pem: await chainOf(id, described), ...kept, now: new Date() });
}

function logRecords(id: string, outs: FreeCertificateOutputs): void {
  for (const r of outs.validationRecords) {
    log.info(r.recordType === "FILE"
      ? `free certificate ${id}: serve ${r.filePath} on ${r.name} (http or https) with the content ${r.value}`
      : `free certificate ${id}: publish the ${r.recordType} record ${r.name} = ${r.value}`);
  }
}

/** Waits (when asked) and returns the outputs; a failure keeps what the API has as partial state. */
async function finish(id: string, settings: FreeCertificateSettings, inputs: Props, timeoutMs: number, kept: Kept): Promise<Props> {
  let outs: FreeCertificateOutputs | undefined;
  try {
    outs = await currentOutputs(id, settings, kept);
    if (settings.waitForIssuance && outs.status !== "issued") {
      await waitForIssuance(id, settings, timeoutMs);
      outs = await currentOutputs(id, settings, { ...kept, recorded: outs.validationRecords, renews: outs.renews });
    }
    return withTimeouts(outs, inputs);
  } catch (e) {
    if (!(e instanceof Error)) throw e;
    const partial: FreeCertificateOutputs = outs ?? {
      certificateId: id, ...settings, status: "unknown", validationRecords: kept.recorded ?? [], sans: [settings.domain], adopted: kept.adopted,
      ...(kept.renews ? { renews: kept.renews } : {}),
    };
    throw new PartialStateError(e.message, id, { ...withTimeouts(partial, inputs), __provider: inputs.__provider }, [e.message]);
  }
}

export async function createFreeCertificate(inputs: Props): Promise<{ id: string; outs: Props }> {
  const settings = settingsOf(inputs);
  const renews = takeRenewal(settings, new Date());
  const id = await applyCertificate({
    DvAuthMethod: settings.validationMethod,
    DomainName: settings.domain,
    CsrEncryptAlgo: settings.keyAlgorithm,
    CsrKeyParameter: settings.keyAlgorithm === "ECC" ? "prime256v1" : "2048",
    ValidityPeriod: "3",
    ...(settings.alias !== undefined ? { Alias: settings.alias } : {}),
    ...(renews ? { OldCertificateId: renews } : {}),
  });
  log.info(`free certificate ${id} applied for ${settings.domain} (${settings.validationMethod}, ${settings.keyAlgorithm})${renews ? `, renewing ${renews}` : ""}`);
  const timeoutMs = timeoutFor("create", reservedOf(inputs).__timeouts);
  const outs = await finish(id, settings, inputs, timeoutMs, { renews, adopted: false });
  logRecords(id, outs as FreeCertificateOutputs);
  return { id, outs };
}

/** Resumes waiting for a certificate an earlier run left pending; settings that change nothing at the API are state only. */
export async function updateFreeCertificate(id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  const settings = settingsOf(news);
  const adopted = olds.adopted !== false;
  if ((settings.alias ?? "") !== (olds.alias ?? "")) {
    // Renaming a certificate we did not apply for would change someone else's resource.
    if (adopted) log.info(`free certificate ${id}: alias updated in Pulumi state only (this resource did not apply for it)`);
    else await renameCertificate(id, settings.alias ?? "");
  }
  const timeoutMs = timeoutFor("update", reservedOf(news).__timeouts);
  return { outs: await finish(id, settings, news, timeoutMs, { recorded: olds.validationRecords, renews: olds.renews, adopted }) };
}

export async function deleteFreeCertificate(id: string, state: Props | undefined): Promise<void> {
  if (state?.adopted !== false) {
    log.info(`free certificate ${id} was not applied for by this resource; it is left in SSL Certificate Management`);
    return;
  }
  try {
    // A resource still in the program (a CdnHttpsConfig certId, a LiveDomainBinding cloudCertId) may use it.
    const outcome = await deleteOwnCertificate(id, [certificateId(id)], state.sans ?? [state.domain]);
    if (outcome === "deleted") log.info(`free certificate ${id} deleted from SSL Certificate Management`);
  } catch (e) {
    if (!(e instanceof TencentCloudError)) throw e;
    const refusal = deleteRefusal(e.code, id);
    if (refusal) throw new Error(refusal);
    if (!isStillUsedRefusal(e)) throw e;
    // Not a live binding (looked for above): CDN or another product; the API's message names it.
    log.warn(`${stillBoundSentence(id, ["other cloud resources"])} (${e.code}: ${e.apiMessage})`);
  }
}
