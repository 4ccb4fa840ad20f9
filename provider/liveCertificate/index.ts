// LiveCertificate: the certificate CSS playback domains use, kept in SSL Certificate Management.
// Self-owned material is uploaded (see sslApi.ts); a hosted certificate is only referenced.
// Only a certificate this resource uploaded itself is deleted with it, or renamed when its remarks
// change: one that was already in SSL Certificate Management (hosted, returned as RepeatCertId, or
// imported) is `adopted`, someone else's resource, and left as it is there.
import type * as pulumi from "@pulumi/pulumi";
import { getClient } from "../config";
import { messages } from "../messages";
import { listAllBindings } from "../services/live";
import { deleteCertificate, findCertificate, renameCertificate, requireCertificate } from "../services/ssl";
import { toView } from "../rules/live";
import { sourceOfFrom } from "../rules/sslCertificate";
import { log } from "../runtime/log";
import { TencentCloudError } from "../tencentcloud";
import { checkLiveCertificate } from "./check";
import { diffLiveCertificate } from "./diff";
import { certificateOutputs } from "./outputs";
import { sourceOfInputs } from "./shape";
import { uploadCertificate } from "./sslApi";

type Props = Record<string, any>;

const BOUND_CODES = ["FailedOperation.BoundResources", "FailedOperation.DeleteResourceFailed"];

async function boundDomains(cloudCertId: string): Promise<string[]> {
  const rows = (await listAllBindings(getClient())).map(toView);
  return rows.filter((r) => r.cloudCertId === cloudCertId).map((r) => r.domain).sort();
}

/** Whether state says we did not upload it; a missing flag counts as adopted (we cannot prove we did). */
function adoptedIn(props: Props | undefined): boolean {
  return props?.adopted !== false;
}

export const liveCertificateHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  async check(_olds: Props, news: Props) {
    return { inputs: news, failures: await checkLiveCertificate(news) };
  },

  async diff(_id: string, olds: Props, news: Props) {
    return diffLiveCertificate(olds, news);
  },

  async create(inputs: Props) {
    const source = sourceOfInputs(inputs);
    if (source === "self-owned") {
      const { cloudCertId, adopted } = await uploadCertificate(inputs);
      return { id: cloudCertId, outs: certificateOutputs({ cloudCertId, source, adopted, remarks: inputs.remarks, certificate: inputs.certificate }) };
    }
    const cloudCertId: string = inputs.cloudCertId;
    const detail = await findCertificate(cloudCertId);
    if (!detail) throw new Error(messages.certificateNotFound(cloudCertId));
    return { id: cloudCertId, outs: certificateOutputs({ cloudCertId, source, adopted: true, remarks: inputs.remarks, detail }) };
  },

  async read(id: string, props?: Props) {
    const detail = await findCertificate(id);
    if (!detail) return {};
    const refresh = !!props && typeof props.cloudCertId === "string" && typeof props.source === "string";
    if (refresh) {
      // The PEM and whether we uploaded it are ours; the rest comes from the API. The remarks of a
      // certificate we own are its name in the SSL console (a rename there is drift); an adopted
      // one's remarks live in state only.
      const adopted = adoptedIn(props);
      const remarks = adopted ? props.remarks : detail.Alias || undefined;
      const outs = certificateOutputs({ cloudCertId: id, source: props.source, adopted, remarks, certificate: props.certificate, detail });
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
    // Only remarks (or, in a state from before chain fingerprints, the chain text) reach here.
    const source = sourceOfInputs(news);
    const adopted = source === "hosted" || adoptedIn(olds);
    if ((news.remarks ?? "") !== (olds.remarks ?? "")) {
      // Renaming a certificate we did not upload would change someone else's resource.
      if (adopted) log.info(`certificate ${id}: remarks updated in Pulumi state only; its name in the SSL console is left alone (this resource did not upload it)`);
      else {
        await renameCertificate(id, news.remarks ?? "");
        log.info(`certificate ${id} renamed to "${news.remarks ?? ""}" in SSL Certificate Management`);
      }
    }
    if (source === "self-owned") {
      return { outs: certificateOutputs({ cloudCertId: id, source, adopted, remarks: news.remarks, certificate: news.certificate }) };
    }
    const detail = await requireCertificate(id);
    return { outs: certificateOutputs({ cloudCertId: id, source, adopted, remarks: news.remarks, detail }) };
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
    if (bound.length > 0) throw new Error(messages.certificateStillBound(id, bound));
    let answer;
    try {
      answer = await deleteCertificate(id);
    } catch (e) {
      if (e instanceof TencentCloudError && BOUND_CODES.includes(e.code)) throw new Error(messages.certificateUsedElsewhere(id, e.code, e.apiMessage));
      throw e;
    }
    if (answer === "gone") return;
    if (answer.DeleteResult === false) throw new Error(messages.certificateNotDeleted(id));
    log.info(`certificate ${id} deleted from SSL Certificate Management`);
  },
};
