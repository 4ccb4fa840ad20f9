// Chain structure: find the leaf, walk issuer links through the bundle, and say which certificate is
// out of place, which one does not sign the certificate it claims to, and whether the leaf's issuer is
// missing. Links are checked with node:crypto (issuer name + signature verified with the issuer's key).
import type { X509Certificate } from "node:crypto";
import { isSha1Signature, signatureAlgorithmOid } from "./der";
import { findings } from "./findings";
import { certificateLabel, oneLineDn } from "./names";
import type { Finding } from "./types";

export interface ChainAnalysis {
  leafIndex: number;
  findings: Finding[];
}

function verifies(cert: X509Certificate, issuer: X509Certificate): boolean {
  try {
    return cert.verify(issuer.publicKey);
  } catch {
    return false;
  }
}

export function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && verifies(cert, cert);
}

export function analyseChain(certs: X509Certificate[]): ChainAnalysis {
  const out: Finding[] = [];
  const label = (i: number) => `#${i + 1} ${certificateLabel(certs[i])}`;
  const firstNonCa = certs.findIndex((c) => !c.ca);
  const leafIndex = firstNonCa < 0 ? 0 : firstNonCa;
  const leaf = certs[leafIndex];

  // Walk from the leaf to the top, each step to the certificate in the bundle that signed the current one.
  const path = [leafIndex];
  const wrongIssuers = new Set<number>();
  for (;;) {
    const current = path[path.length - 1];
    const cert = certs[current];
    if (isSelfSigned(cert)) break;
    const sameName = certs.map((_, j) => j).filter((j) => !path.includes(j) && certs[j].subject === cert.issuer);
    const issuer = sameName.find((j) => verifies(cert, certs[j]));
    if (issuer !== undefined) { path.push(issuer); continue; }
    for (const j of sameName) {
      wrongIssuers.add(j);
      out.push(findings.chainSignature(`Certificate ${label(j)} has the name of the issuer of certificate ${label(current)} but did not sign it (its key does not verify the signature): replace it with the intermediate that actually issued that certificate, as supplied by your CA.`));
    }
    if (current === leafIndex) out.push(findings.chainIncomplete(certificateLabel(leaf), oneLineDn(cert.issuer)));
    break;
  }

  const expectedOrder = `expected order: ${path.map((i) => `#${i + 1}`).join(", ")}`;
  if (leafIndex !== 0) {
    out.push(findings.chainOrder(`Certificate ${label(leafIndex)} is the leaf but is at position ${leafIndex + 1}: put the leaf first, then each issuer in turn (${expectedOrder}).`));
  } else {
    const misplaced = path.findIndex((certIndex, position) => certIndex !== position);
    if (misplaced > 0) {
      const certIndex = path[misplaced];
      out.push(findings.chainOrder(`Certificate ${label(certIndex)} is out of place: it issued certificate ${label(path[misplaced - 1])} and must come right after it, at position ${misplaced + 1} (${expectedOrder}).`));
    }
  }

  certs.forEach((_, j) => {
    if (path.includes(j) || wrongIssuers.has(j)) return;
    const before = j > 0 ? ` (${label(j - 1)})` : "";
    out.push(findings.chainSignature(`Certificate ${label(j)} does not sign the certificate before it${before} nor any other in the bundle: it is not part of this chain; remove it, or replace it with the intermediate your CA supplied.`));
  });

  if (isSelfSigned(leaf)) out.push(findings.selfSigned(certificateLabel(leaf)));
  out.push(...sha1Findings(certs, leafIndex));
  return { leafIndex, findings: out };
}

/** SHA-1 anywhere but a root (a self-signed CA, whose own signature no client checks). */
function sha1Findings(certs: X509Certificate[], leafIndex: number): Finding[] {
  const out: Finding[] = [];
  certs.forEach((cert, i) => {
    if (cert.ca && isSelfSigned(cert)) return;
    let oid: string;
    try {
      oid = signatureAlgorithmOid(cert.raw);
    } catch {
      return; // node:crypto parsed it, so this cannot happen in practice; nothing useful to report
    }
    if (isSha1Signature(oid)) out.push(findings.sha1(certificateLabel(cert), i === leafIndex ? "the leaf" : `intermediate #${i + 1}`));
  });
  return out;
}
