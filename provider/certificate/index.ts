// Offline certificate inspection (docs/contracts.md "provider/certificate").
// node:crypto does the parsing and signature checks (RSA and EC); a few DER headers are read by hand
// (der.ts) for the signature algorithm. node-forge is not needed here: it cannot read EC material, and
// node:crypto extracts even 10,000 SANs in a few milliseconds.
export type { Severity, Finding, CertificateFacts, InspectInput, InspectResult } from "./types";
export { inspectCertificate } from "./inspect";
export { inspectRemembering, rememberedFacts } from "./remembered";
export { domainMatches, isDomainName, normalizeDomain, NameMatcher, publicCaNameProblem, type DomainName } from "./hostname";
export { canonicalCertificates, normalizePem } from "./pem";
export { canonicalPrivateKey } from "./key";
export { holdsKeyMaterial, redactKeyMaterial } from "./keyMaterial";
export { describeSize, MAX_BUNDLE_CERTIFICATES, MAX_INPUT_CHARS } from "./limits";
export { hasErrors, CODES, type FindingCode } from "./findings";
export { inspectClientCa, CLIENT_CA_CODES, type ClientCaCode, type ClientCaFacts, type ClientCaInput, type ClientCaResult } from "./clientCa";
