// diff for LiveCertificate, against the current state. New material is a replacement: another leaf,
// or the same leaf under other intermediates (SSL Certificate Management keeps the chain it was
// given and dedupes uploads by the leaf, so only a new certificate there serves a new chain).
// Text alone (CRLF, whitespace) is no change: both fingerprints are over DER.
import { rememberedFacts } from "../certificate";
import type { Context } from "../context";
import { sameMaterial } from "../rules/sslCertificate";
import type { Difference, EngineRecord } from "../runtime/resource";
import { isUnknown } from "../unknown";
import { LiveCertificateOutputs, sourceOfInputs } from "./definition";

export function diff(_ctx: Context, _id: string, olds: LiveCertificateOutputs, news: EngineRecord): Difference {
  const replaces: string[] = [];
  const changed = (news.alias ?? "") !== (olds.alias ?? "") ? ["alias"] : [];
  const source = sourceOfInputs(news);
  if (source !== olds.source) {
    replaces.push(source === "hosted" ? "certificateId" : "certificate");
  } else if (source === "hosted") {
    if (isUnknown(news.certificateId) || news.certificateId !== olds.certificateId) replaces.push("certificateId");
  } else if (isUnknown(news.certificate) || typeof olds.certificate !== "string") {
    replaces.push("certificate");
  } else {
    const facts = rememberedFacts(news.certificate);
    if (!sameMaterial({ leaf: olds.fingerprint, chain: olds.chainFingerprint }, { leaf: facts?.fingerprintSha256, chain: facts?.chainFingerprintSha256 })) {
      replaces.push("certificate");
    }
  }
  // Create the replacement first: bindings then move to it with no gap, and the old one is deleted last.
  return { changed, replaces };
}
