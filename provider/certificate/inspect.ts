// inspectCertificate: every problem that can be found offline, before anything is sent to Tencent Cloud.
import { describeKey, keyMatchFindings, keyStrengthFindings, parsePrivateKey } from "./key";
import { analyseChain } from "./chain";
import { certificateFacts } from "./facts";
import { findings as catalogue } from "./findings";
import { NameMatcher } from "./hostname";
import { certificateLabel, dnAttribute, dnsSans } from "./names";
import { parseCertificateBundle } from "./pem";
import type { Finding, InspectInput, InspectResult } from "./types";
import { validityFindings } from "./validity";

export function inspectCertificate(input: InspectInput): InspectResult {
  const now = input.now ?? new Date();
  const out: Finding[] = [];
  const key = input.privateKey === undefined ? undefined : parsePrivateKey(input.privateKey);
  if (key && !key.ok) out.push(key.finding);

  const bundle = parseCertificateBundle(input.certificate ?? "");
  if (!bundle.ok) {
    out.unshift(catalogue.pemInvalid(bundle.reason));
    if (key?.ok) out.push(...keyStrengthFindings(describeKey(key.key), "The private key"));
    return { findings: out };
  }

  const certs = bundle.certificates;
  const chain = analyseChain(certs);
  const leaf = certs[chain.leafIndex];
  const leafLabel = certificateLabel(leaf);
  const leafKey = describeKey(leaf.publicKey);
  out.push(...keyStrengthFindings(leafKey, `Certificate ${leafLabel}`));
  if (key?.ok) {
    const mismatch = keyMatchFindings(key.key, leaf, leafLabel);
    out.push(...mismatch);
    // A matching key is the leaf's own, already judged above; a stray key is judged on its own too.
    if (mismatch.length > 0) out.push(...keyStrengthFindings(describeKey(key.key), "The private key"));
  }

  out.push(...validityFindings(certs, chain.leafIndex, now));

  const sans = dnsSans(leaf);
  const commonName = dnAttribute(leaf.subject, "CN");
  if (sans.length === 0 && commonName) out.push(catalogue.cnFallback(leafLabel));
  const names = sans.length > 0 ? sans : commonName ? [commonName.toLowerCase()] : [];
  if (input.domains && input.domains.length > 0) {
    const matcher = new NameMatcher(names);
    for (const domain of input.domains) {
      if (!matcher.matches(domain)) out.push(catalogue.domainNotCovered(domain, leafLabel, names));
    }
  }

  out.push(...chain.findings);
  return { facts: certificateFacts(certs, chain.leafIndex, leafKey, sans), findings: out };
}
