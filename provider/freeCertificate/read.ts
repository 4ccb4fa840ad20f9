// read for FreeCertificate: refresh keeps what only state knows (the records once shown, the renewal
// relation, whether we applied for it); import takes what the API says and counts it as adopted,
// since nothing proves this stack applied for it.
import { rememberedFacts } from "../certificate";
import { findFreeCertificate } from "../services/ssl";
import { withTimeouts } from "../runtime/timeouts";
import { freeCertificateOutputs } from "./outputs";
import { RENEWAL_WINDOW_DAYS } from "./rules";
import { FreeCertificateOutputs, FreeCertificateSettings, KEY_ALGORITHMS, VALIDATION_METHODS, ValidationMethod } from "./shape";
import { chainOf, outputsFrom } from "./write";

type Props = Record<string, any>;

/** Settings of a certificate found by import: what the API says, defaults for what it does not. */
function importedSettings(domain: string, verifyType: string | null | undefined, alias: string | null | undefined, keyType: string | undefined): FreeCertificateSettings {
  const method = (VALIDATION_METHODS as readonly string[]).includes(verifyType ?? "") ? verifyType as ValidationMethod : "DNS";
  return {
    domain, validationMethod: method, keyAlgorithm: keyType === "EC" ? KEY_ALGORITHMS[1] : KEY_ALGORITHMS[0],
    ...(alias ? { alias } : {}), renewBeforeDays: RENEWAL_WINDOW_DAYS, waitForIssuance: true,
  };
}

export async function readFreeCertificate(id: string, state: FreeCertificateOutputs & Props | undefined) {
  const described = await findFreeCertificate(id);
  if (!described) return {};
  if (state && typeof state.domain === "string") {
    const outs = await outputsFrom(id, state, described, { recorded: state.validationRecords, renews: state.renews, adopted: state.adopted !== false });
    return { id, props: withTimeouts(outs, state) };
  }
  // One fetch of the chain serves both the key type and the outputs.
  const pem = await chainOf(id, described);
  const keyType = rememberedFacts(pem)?.keyType;
  const settings = importedSettings((described.Domain ?? "").toLowerCase(), described.VerifyType, described.Alias, keyType);
  const outs = freeCertificateOutputs({ certificateId: id, settings, described, pem, adopted: true, now: new Date() });
  const { domain, validationMethod, keyAlgorithm, alias } = outs;
  return { id, props: outs, inputs: { domain, validationMethod, keyAlgorithm, ...(alias ? { alias } : {}) } };
}
