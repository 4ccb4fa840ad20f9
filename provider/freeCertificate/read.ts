// read for FreeCertificate: refresh keeps what only state knows (the records once shown, the renewal
// relation, whether we applied for it); a lookup (a `get`, an adoption) takes what the API says and
// counts it as adopted, since nothing proves this stack applied for it.
import { rememberedFacts } from "../certificate";
import type { Context } from "../context";
import { freeCertificateOutputs } from "./outputs";
import { RENEWAL_WINDOW_DAYS } from "../rules/freeCertificate";
import { FreeCertificateOutputs, FreeCertificateSettings, KEY_ALGORITHMS, VALIDATION_METHODS, ValidationMethod } from "./definition";
import { chainOf, outputsFrom } from "./write";

/** Settings of a certificate found by a lookup: the program's where given, else what the API says, defaults for what it does not. */
function foundSettings(domain: string, verifyType: string | null | undefined, alias: string | null | undefined, keyType: string | undefined): FreeCertificateSettings {
  const method = (VALIDATION_METHODS as readonly string[]).includes(verifyType ?? "") ? verifyType as ValidationMethod : "DNS";
  return {
    domain, validationMethod: method, keyAlgorithm: keyType === "EC" ? KEY_ALGORITHMS[1] : KEY_ALGORITHMS[0],
    ...(alias ? { alias } : {}), renewBeforeDays: RENEWAL_WINDOW_DAYS, waitForIssuance: true,
  };
}

export async function read(ctx: Context, id: string, state: FreeCertificateOutputs): Promise<FreeCertificateOutputs | undefined> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) return undefined;
  return outputsFrom(ctx, id, state, described, { recorded: state.validationRecords, renews: state.renews, adopted: state.adopted });
}

export async function lookup(ctx: Context, id: string, program: FreeCertificateSettings | undefined): Promise<FreeCertificateOutputs | undefined> {
  const described = await ctx.ssl.findFreeCertificate(id);
  if (!described) return undefined;
  // One fetch of the chain serves both the key type and the outputs.
  const pem = await chainOf(ctx, id, described);
  const keyType = rememberedFacts(pem)?.keyType;
  const found = foundSettings((described.Domain ?? "").toLowerCase(), described.VerifyType, described.Alias, keyType);
  // What the API cannot tell (the renewal window, whether to wait) is the program's.
  const settings = program ? { ...found, renewBeforeDays: program.renewBeforeDays, waitForIssuance: program.waitForIssuance } : found;
  return freeCertificateOutputs({ certificateId: id, settings, described, pem, adopted: true, now: new Date() });
}
