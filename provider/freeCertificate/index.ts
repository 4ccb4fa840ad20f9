// FreeCertificate: a free TrustAsia certificate (one domain, three months) from SSL Certificate
// Management, from application to issuance and renewal. Its id is the certificate id. It deletes only
// the certificate it applied for itself, and only when nothing is bound to it; an imported one is
// `adopted` and left in place.
import type * as pulumi from "@pulumi/pulumi";
import { getClient } from "../config";
import { messages } from "../messages";
import { listAllBindings } from "../services/live";
import { toView } from "../rules/live";
import { log } from "../runtime/log";
import { validateArgs } from "../runtime/validate";
import { TencentCloudError } from "../tencentcloud";
import { inspectCertificate } from "../certificate";
import { deleteCertificate, findFreeCertificate, issuedPem } from "../services/ssl";
import { diffFreeCertificate } from "./diff";
import { deleteRefusal, stillBoundSentence } from "./rules";
import { freeCertificateArgsSchema, FreeCertificateSettings, KEY_ALGORITHMS, VALIDATION_METHODS, ValidationMethod } from "./shape";
import { createFreeCertificate, outputsFrom, updateFreeCertificate } from "./write";

type Props = Record<string, any>;

const BOUND_CODES = ["FailedOperation.BoundResources", "FailedOperation.DeleteResourceFailed"];

async function liveDomainsUsing(id: string): Promise<string[]> {
  return (await listAllBindings(getClient())).map(toView).filter((r) => r.cloudCertId === id).map((r) => r.domain).sort();
}

/** Settings of a certificate found by import: what the API says, defaults for what it does not. */
function importedSettings(domain: string, verifyType: string | null | undefined, alias: string | null | undefined, keyType: string | undefined): FreeCertificateSettings {
  const method = (VALIDATION_METHODS as readonly string[]).includes(verifyType ?? "") ? verifyType as ValidationMethod : "DNS";
  return {
    domain, validationMethod: method, keyAlgorithm: keyType === "EC" ? KEY_ALGORITHMS[1] : KEY_ALGORITHMS[0],
    ...(alias ? { alias } : {}), renewBeforeDays: 30, waitForIssuance: true,
  };
}

export const freeCertificateHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  async check(_olds: Props, news: Props) {
    const { value, failures, hasUnknowns } = validateArgs(freeCertificateArgsSchema, news);
    // The defaults become inputs, so state and diff see what was applied for.
    return { inputs: value && !hasUnknowns ? { ...news, ...value } : news, failures };
  },

  diff: (id: string, olds: Props, news: Props) => diffFreeCertificate(id, olds, news),

  create: (inputs: Props) => createFreeCertificate(inputs),

  async read(id: string, props?: Props) {
    const described = await findFreeCertificate(id);
    if (!described) return {};
    if (props && typeof props.domain === "string") {
      const outs = await outputsFrom(id, props as FreeCertificateSettings & Props, described, { recorded: props.validationRecords, renews: props.renews, adopted: props.adopted !== false });
      return { id, props: { ...outs, ...(props.__timeouts ? { __timeouts: props.__timeouts } : {}) } };
    }
    // Import: nothing proves this stack applied for it, so it is adopted (never deleted by us).
    const pem = await issuedPem(id).catch(() => undefined);
    const keyType = pem ? inspectCertificate({ certificate: pem }).facts?.keyType : undefined;
    const first = await outputsFrom(id, importedSettings((described.Domain ?? "").toLowerCase(), described.VerifyType, described.Alias, keyType), described, { adopted: true });
    const { domain, validationMethod, keyAlgorithm, alias } = first;
    return { id, props: first, inputs: { domain, validationMethod, keyAlgorithm, ...(alias ? { alias } : {}) } };
  },

  update: (id: string, olds: Props, news: Props) => updateFreeCertificate(id, olds, news),

  async delete(id: string, props: Props) {
    if (props?.adopted !== false) {
      log.info(`free certificate ${id} was not applied for by this resource; it is left in SSL Certificate Management`);
      return;
    }
    try {
      const answer = await deleteCertificate(id);
      if (answer === "gone") return;
      if (answer.DeleteResult === false) throw new Error(messages.certificateNotDeleted(id));
      log.info(`free certificate ${id} deleted from SSL Certificate Management`);
    } catch (e) {
      if (!(e instanceof TencentCloudError)) throw e;
      const refusal = deleteRefusal(e.code, id);
      if (refusal) throw new Error(refusal);
      if (!BOUND_CODES.includes(e.code)) throw e;
      const live = await liveDomainsUsing(id);
      // Live bindings are listed here; the API's message names the rest (CDN and other products).
      log.warn(`${stillBoundSentence(id, live.length > 0 ? live : ["other cloud resources"])} (${e.code}: ${e.apiMessage})`);
    }
  },
};
