// diff for LiveCertificate, against the old outputs. New material is a replacement: another leaf,
// or the same leaf under other intermediates (SSL Certificate Management keeps the chain it was
// given and dedupes uploads by the leaf, so only a new certificate there serves a new chain).
// Text alone (CRLF, whitespace) is no change: both fingerprints are over DER.
import type * as pulumi from "@pulumi/pulumi";
import { normalizePem, rememberedFacts } from "../certificate";
import { sameMaterial } from "../rules/sslCertificate";
import { isUnknown } from "../unknown";
import type { EngineRecord } from "../runtime/validate";
import { LiveCertificateOutputs, sourceOfInputs } from "./shape";


export function diffLiveCertificate(olds: Partial<LiveCertificateOutputs>, news: EngineRecord): pulumi.dynamic.DiffResult {
  const replaces: string[] = [];
  let inPlace = (news.remarks ?? "") !== (olds.remarks ?? "");
  const source = sourceOfInputs(news);
  if (source !== olds.source) {
    replaces.push(source === "hosted" ? "cloudCertId" : "certificate");
  } else if (source === "hosted") {
    if (isUnknown(news.cloudCertId) || news.cloudCertId !== olds.cloudCertId) replaces.push("cloudCertId");
  } else if (isUnknown(news.certificate) || typeof olds.certificate !== "string") {
    replaces.push("certificate");
  } else {
    const facts = rememberedFacts(news.certificate);
    if (!sameMaterial({ leaf: olds.fingerprint, chain: olds.chainFingerprint }, { leaf: facts?.fingerprintSha256, chain: facts?.chainFingerprintSha256 })) {
      replaces.push("certificate");
    } else if (olds.chainFingerprint === undefined && normalizePem(news.certificate) !== normalizePem(olds.certificate)) {
      // A state from before chain fingerprints: compared by the leaf only, as then, so an upgrade
      // replaces nothing; the update records the chain fingerprint.
      inPlace = true;
    }
  }
  // Create the replacement first: bindings then move to it with no gap, and the old one is deleted last.
  return { changes: inPlace || replaces.length > 0, replaces, deleteBeforeReplace: false };
}
