// The facts of the certificates this process has parsed: check, diff and create of one resource
// each ask for the same certificate's, and so do the many resources of a fleet that share one
// (a wildcard). A certificate is public and its facts depend on its text alone; nothing derived
// from a private key is kept.
import { inspectCertificate } from "./inspect";
import type { CertificateFacts, InspectInput, InspectResult } from "./types";

const factsByPem = new Map<string, CertificateFacts | undefined>();
const FACTS_KEPT = 1_000;

function remember(pem: string, facts: CertificateFacts | undefined): void {
  if (factsByPem.size >= FACTS_KEPT) factsByPem.delete(factsByPem.keys().next().value!);
  factsByPem.set(pem, facts);
}

/** The facts of a PEM chain, parsed once per process; undefined when it does not parse. */
export function rememberedFacts(pem: string | undefined): CertificateFacts | undefined {
  if (!pem) return undefined;
  if (!factsByPem.has(pem)) remember(pem, inspectCertificate({ certificate: pem }).facts);
  return factsByPem.get(pem);
}

/** inspectCertificate, remembering the facts it found (the key and the names asked about do not change them). */
export function inspectRemembering(input: InspectInput): InspectResult {
  const result = inspectCertificate(input);
  remember(input.certificate, result.facts);
  return result;
}
