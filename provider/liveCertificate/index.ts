// LiveCertificate: the certificate CSS playback domains use, kept in SSL Certificate Management.
// Self-owned material is uploaded (UploadCertificate, Repeatable false: a retry or a second stack
// gets the existing id back instead of a duplicate); a hosted certificate is only referenced.
// Only a certificate this resource uploaded itself is deleted with it: one that was already in SSL
// Certificate Management (hosted, returned as RepeatCertId, or imported) is `adopted` and left there.
import type * as pulumi from "@pulumi/pulumi";
import { normalizePem } from "../certificate";
import { getClient } from "../config";
import { listAllBindings } from "../liveDomainBinding/bindingsApi";
import { toView } from "../rules/live";
import { sourceOfFrom } from "../rules/sslCertificate";
import { log } from "../runtime/log";
import { isNotFound, TencentCloudError } from "../tencentcloud";
import { isUnknown } from "../unknown";
import { checkLiveCertificate } from "./check";
import { certificateOutputs, fingerprintOf } from "./outputs";
import { sourceOfInputs } from "./schema";

type Props = Record<string, any>;

const BOUND_CODES = ["FailedOperation.BoundResources", "FailedOperation.DeleteResourceFailed"];

async function describe(cloudCertId: string) {
  try {
    return await getClient().ssl.describeCertificateDetail({ CertificateId: cloudCertId });
  } catch (e) {
    if (isNotFound(e)) return undefined;
    throw e;
  }
}

async function upload(inputs: Props): Promise<{ cloudCertId: string; adopted: boolean }> {
  const { response: answer, earlierAttemptMayHaveApplied } = await getClient().ssl.uploadCertificateOutcome({
    CertificatePublicKey: inputs.certificate,
    CertificatePrivateKey: inputs.privateKey,
    CertificateType: "SVR",
    CertificateUse: "LIVE",
    Alias: inputs.remarks,
    Repeatable: false,
  });
  if (answer.RepeatCertId && earlierAttemptMayHaveApplied) {
    // Our own first attempt most likely stored it and lost its answer: it is ours to delete.
    log.info(`certificate uploaded to SSL Certificate Management as ${answer.RepeatCertId} (an earlier attempt's answer was lost; the retry found it)`);
    return { cloudCertId: answer.RepeatCertId, adopted: false };
  }
  if (answer.RepeatCertId) {
    log.info(`certificate already in SSL Certificate Management as ${answer.RepeatCertId} (same fingerprint); using it instead of a duplicate, and leaving it there on delete`);
    return { cloudCertId: answer.RepeatCertId, adopted: true };
  }
  log.info(`certificate uploaded to SSL Certificate Management as ${answer.CertificateId}`);
  return { cloudCertId: answer.CertificateId, adopted: false };
}

async function boundDomains(cloudCertId: string): Promise<string[]> {
  const rows = (await listAllBindings(getClient())).map(toView);
  return rows.filter((r) => r.cloudCertId === cloudCertId).map((r) => r.domain).sort();
}

/** Whether state says we did not upload it; a missing flag counts as adopted (we cannot prove we did). */
function adoptedIn(props: Props | undefined): boolean {
  return props?.adopted !== false;
}

function boundError(cloudCertId: string, domains: string[]): Error {
  return new Error(`Cannot delete certificate ${cloudCertId}: live domains ${domains.join(", ")} are still bound to it. ` +
    "Bind them to another certificate or remove their LiveDomainBinding first, then run the operation again.");
}

export const liveCertificateHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  async check(_olds: Props, news: Props) {
    return { inputs: news, failures: await checkLiveCertificate(news) };
  },

  async diff(_id: string, olds: Props, news: Props) {
    const replaces: string[] = [];
    let inPlace = (news.remarks ?? "") !== (olds.remarks ?? "");
    const source = sourceOfInputs(news);
    if (source !== olds.source) {
      replaces.push(source === "hosted" ? "cloudCertId" : "certificate");
    } else if (source === "hosted") {
      if (isUnknown(news.cloudCertId) || news.cloudCertId !== olds.cloudCertId) replaces.push("cloudCertId");
    } else if (isUnknown(news.certificate) || typeof olds.certificate !== "string") {
      replaces.push("certificate");
    } else if (fingerprintOf(news.certificate) !== olds.fingerprint || olds.fingerprint === undefined) {
      replaces.push("certificate"); // new material: a new certificate in SSL Certificate Management
    } else if (normalizePem(news.certificate) !== normalizePem(olds.certificate)) {
      inPlace = true; // same leaf, other chain text: SSL dedupes by fingerprint, so only state changes
    }
    // Create the replacement first: bindings then move to it with no gap, and the old one is deleted last.
    return { changes: inPlace || replaces.length > 0, replaces, deleteBeforeReplace: false };
  },

  async create(inputs: Props) {
    const source = sourceOfInputs(inputs);
    if (source === "self-owned") {
      const { cloudCertId, adopted } = await upload(inputs);
      return { id: cloudCertId, outs: certificateOutputs({ cloudCertId, source, adopted, remarks: inputs.remarks, certificate: inputs.certificate }) };
    }
    const cloudCertId: string = inputs.cloudCertId;
    const detail = await describe(cloudCertId);
    if (!detail) throw new Error(`SSL certificate ${cloudCertId} does not exist in SSL Certificate Management; check the id in the SSL console.`);
    return { id: cloudCertId, outs: certificateOutputs({ cloudCertId, source, adopted: true, remarks: inputs.remarks, detail }) };
  },

  async read(id: string, props?: Props) {
    const detail = await describe(id);
    if (!detail) return {};
    const refresh = !!props && typeof props.cloudCertId === "string" && typeof props.source === "string";
    if (refresh) {
      // remarks, the PEM and whether we uploaded it are ours; the rest comes from the API.
      const outs = certificateOutputs({ cloudCertId: id, source: props.source, adopted: adoptedIn(props), remarks: props.remarks, certificate: props.certificate, detail });
      return { id, props: outs };
    }
    const source = sourceOfFrom(detail.From);
    const remarks = detail.Alias || undefined;
    // Import: nothing tells whether this stack uploaded the certificate, so it counts as adopted
    // (never delete what we cannot prove we created); the user deletes it in the SSL console if wanted.
    const outs = certificateOutputs({ cloudCertId: id, source, adopted: true, remarks, detail });
    const inputs: Props = source === "self-owned" ? { certificate: outs.certificate, remarks } : { cloudCertId: id, remarks };
    for (const k of Object.keys(inputs)) if (inputs[k] === undefined) delete inputs[k];
    return { id, props: outs, inputs };
  },

  async update(id: string, olds: Props, news: Props) {
    // Only remarks (or the chain text of the same leaf) reach here; both live in state. SSL
    // Certificate Management keeps the alias given at upload (no alias API in this library).
    if ((news.remarks ?? "") !== (olds.remarks ?? "")) log.info(`certificate ${id}: remarks updated in Pulumi state`);
    const source = sourceOfInputs(news);
    if (source === "self-owned") {
      return { outs: certificateOutputs({ cloudCertId: id, source, adopted: adoptedIn(olds), remarks: news.remarks, certificate: news.certificate }) };
    }
    const detail = await describe(id);
    if (!detail) throw new Error(`SSL certificate ${id} no longer exists in SSL Certificate Management; run \`pulumi refresh\`, then \`pulumi up\`.`);
    return { outs: certificateOutputs({ cloudCertId: id, source, adopted: true, remarks: news.remarks, detail }) };
  },

  async delete(id: string, props: Props) {
    const source = props?.source ?? (props?.certificate ? "self-owned" : "hosted");
    if (source === "hosted") {
      log.info(`certificate ${id} is hosted by SSL Certificate Management; it stays there (only removed from this stack)`);
      return;
    }
    if (adoptedIn(props)) {
      log.info(`certificate ${id} was already in SSL Certificate Management before this resource; it is left there (only removed from this stack)`);
      return;
    }
    const bound = await boundDomains(id);
    if (bound.length > 0) throw boundError(id, bound);
    try {
      const answer = await getClient().ssl.deleteCertificate({ CertificateId: id });
      if (answer.DeleteResult === false) throw new Error(`SSL Certificate Management did not delete certificate ${id} (DeleteResult false); check it in the SSL console and run the operation again.`);
      log.info(`certificate ${id} deleted from SSL Certificate Management`);
    } catch (e) {
      if (isNotFound(e)) return; // already gone
      if (e instanceof TencentCloudError && BOUND_CODES.includes(e.code)) {
        throw new Error(`Cannot delete certificate ${id}: it is still used by other cloud resources (${e.code}: ${e.apiMessage}). ` +
          "Unbind it there, then run the operation again.");
      }
      throw e;
    }
  },
};
