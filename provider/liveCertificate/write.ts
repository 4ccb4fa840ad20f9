// create / update / delete for LiveCertificate. Self-owned material is uploaded (idempotently, and
// with our own chain); a hosted certificate is only referenced. Only a certificate this resource
// uploaded itself is deleted with it, or renamed when its alias change: one that was already in
// SSL Certificate Management (hosted, returned as RepeatCertId, or imported) is `adopted`, someone
// else's resource, and left as it is there. The calls are in ../services/ssl.ts.
import type { Context } from "../context";
import { messages } from "../messages";
import { deleteOwnCertificate } from "../deleteOwnCertificate";
import { sslCertificate, certificateMaterial, uploadedByStack, uploaderTags } from "../ownership";
import type { Operation } from "../runtime/resource";
import { isStillUsedRefusal } from "../services/ssl";
import type { UploadCertificateRequest } from "../tencentcloud";
import { certificateOutputs, chainFingerprintOf } from "./outputs";
import { LiveCertificateInputs, LiveCertificateOutputs, ResolvedArgs, resolveArgs } from "./definition";

type SelfOwned = Extract<ResolvedArgs, { source: "self-owned" }>;

function uploadRequest(inputs: SelfOwned, repeatable: boolean, stack: string | undefined): UploadCertificateRequest {
  return {
    CertificatePublicKey: inputs.certificate,
    CertificatePrivateKey: inputs.privateKey,
    CertificateType: "SVR",
    CertificateUse: "LIVE",
    Alias: inputs.alias,
    Tags: uploaderTags(stack),
    Repeatable: repeatable,
  };
}

/**
 * What the certificate SSL Certificate Management matched to our leaf is: whether it also holds our
 * chain (it dedupes by the leaf alone, so it may serve other intermediates), and whether this stack
 * uploaded it (its uploader tag).
 */
async function matchedCertificate(ctx: Context, certificateId: string, certificate: string, stack: string | undefined): Promise<{ ourChain: boolean; ours: boolean }> {
  const detail = await ctx.ssl.findCertificate(certificateId);
  if (!detail) return { ourChain: false, ours: false };
  // Nothing to compare: the leaf matched.
  const ourChain = !detail.CertificatePublicKey || chainFingerprintOf(detail.CertificatePublicKey) === chainFingerprintOf(certificate);
  return { ourChain, ours: uploadedByStack(detail.Tags, stack) };
}

/** A new certificate holding our chain, beside the one with the same leaf and another chain. */
async function uploadOurChain(ctx: Context, inputs: SelfOwned, sameLeafId: string, stack: string | undefined): Promise<{ certificateId: string; adopted: boolean }> {
  const { response, earlierAttemptMayHaveApplied } = await ctx.ssl.uploadCertificate(uploadRequest(inputs, true, stack));
  ctx.log.info(`certificate ${sameLeafId} in SSL Certificate Management has the same leaf but another chain; uploaded ours as ${response.CertificateId}`);
  if (earlierAttemptMayHaveApplied) {
    // Repeatable uploads are not deduplicated, and the lost answer's id cannot be found again.
    ctx.log.warn(`an earlier upload attempt's answer was lost and may have left a second copy of certificate ${response.CertificateId} in SSL Certificate Management; delete the extra copy in the SSL console if one appears`);
  }
  return { certificateId: response.CertificateId, adopted: false };
}

/**
 * Uploads self-owned material with Repeatable false, so a retry or a second stack gets the existing
 * id back instead of a duplicate; `adopted` says whether that certificate was already there.
 */
async function uploadOwnMaterial(ctx: Context, inputs: SelfOwned, stack: string | undefined): Promise<{ certificateId: string; adopted: boolean }> {
  const { response: answer, earlierAttemptMayHaveApplied } = await ctx.ssl.uploadCertificate(uploadRequest(inputs, false, stack));
  const repeated = answer.RepeatCertId;
  if (!repeated) {
    ctx.log.info(`certificate uploaded to SSL Certificate Management as ${answer.CertificateId}`);
    return { certificateId: answer.CertificateId, adopted: false };
  }
  const matched = await matchedCertificate(ctx, repeated, inputs.certificate, stack);
  if (!matched.ourChain) return uploadOurChain(ctx, inputs, repeated, stack);
  if (matched.ours) {
    // Tagged by this stack: its own earlier upload (a run that failed after it, or a rename).
    ctx.log.info(`certificate ${repeated} in SSL Certificate Management was uploaded by this stack (${stack}); it stays this resource's own`);
    return { certificateId: repeated, adopted: false };
  }
  if (earlierAttemptMayHaveApplied) {
    // Our own first attempt most likely stored it and lost its answer: it is ours to delete.
    ctx.log.info(`certificate uploaded to SSL Certificate Management as ${repeated} (an earlier attempt's answer was lost; the retry found it)`);
    return { certificateId: repeated, adopted: false };
  }
  ctx.log.info(`certificate already in SSL Certificate Management as ${repeated} (same fingerprint); using it instead of a duplicate, and leaving it there on delete`);
  return { certificateId: repeated, adopted: true };
}

/** `op.stack` is the sdk's `__stack`, which the upload is tagged with (provider/ownership.ts). */
export async function create(ctx: Context, inputs: LiveCertificateInputs, op: Operation): Promise<{ id: string; state: LiveCertificateOutputs }> {
  const args = resolveArgs(inputs);
  if (args.source === "self-owned") {
    const { certificateId, adopted } = await uploadOwnMaterial(ctx, args, op.stack);
    return { id: certificateId, state: certificateOutputs({ certificateId, source: args.source, adopted, alias: args.alias, certificate: args.certificate }) };
  }
  const certificateId = args.certificateId;
  const detail = await ctx.ssl.findCertificate(certificateId);
  if (!detail) throw new Error(messages.certificateNotFound(certificateId));
  return { id: certificateId, state: certificateOutputs({ certificateId, source: args.source, adopted: true, alias: args.alias, detail }) };
}

export async function update(ctx: Context, id: string, olds: LiveCertificateOutputs, inputs: LiveCertificateInputs): Promise<LiveCertificateOutputs> {
  const args = resolveArgs(inputs);
  // Only alias reach here.
  const adopted = args.source === "hosted" || olds.adopted;
  if ((args.alias ?? "") !== (olds.alias ?? "")) {
    // Renaming a certificate we did not upload would change someone else's resource.
    if (adopted) ctx.log.info(`certificate ${id}: alias updated in Pulumi state only; its name in the SSL console is left alone (this resource did not upload it)`);
    else {
      await ctx.ssl.renameCertificate(id, args.alias ?? "");
      ctx.log.info(`certificate ${id} renamed to "${args.alias ?? ""}" in SSL Certificate Management`);
    }
  }
  if (args.source === "self-owned") {
    return certificateOutputs({ certificateId: id, source: args.source, adopted, alias: args.alias, certificate: args.certificate });
  }
  const detail = await ctx.ssl.requireCertificate(id);
  return certificateOutputs({ certificateId: id, source: args.source, adopted, alias: args.alias, detail });
}

export async function remove(ctx: Context, id: string, state: LiveCertificateOutputs): Promise<void> {
  if (state.source === "hosted") {
    ctx.log.info(`certificate ${id} is hosted by SSL Certificate Management; it stays there (only removed from this stack)`);
    return;
  }
  if (state.adopted) {
    ctx.log.info(`certificate ${id} was already in SSL Certificate Management before this resource; it is left there (only removed from this stack)`);
    return;
  }
  const declared = [sslCertificate(id), ...(state.chainFingerprint ? [certificateMaterial(state.chainFingerprint)] : [])];
  let outcome;
  try {
    outcome = await deleteOwnCertificate(ctx, id, declared, state.dnsNames);
  } catch (e) {
    if (!isStillUsedRefusal(e)) throw e;
    throw new Error(messages.certificateUsedElsewhere(id, e.code, e.apiMessage));
  }
  if (outcome === "deleted") ctx.log.info(`certificate ${id} deleted from SSL Certificate Management`);
}
