// Client-certificate verification (mutual TLS) on a CDN domain, as pure rules: how the client CA is
// encoded in the Https block (VerifyClient + ClientCertInfo, always together), and how to tell
// whether the domain still verifies clients against the CA we set. The write that carries it is
// cdnWrite.ts's. API: spec/cdn.api.json objects Https, ClientCert; docs/reference/tencentcloud-api.md.
import { inspectClientCa, normalizePem, type ClientCaFacts } from "../certificate";
import type { Https } from "../tencentcloud/types";
import { chinaTimeToIso } from "./sslCertificate";

// ---------------------------------------------------------------- the client CA on the wire

/**
 * ClientCert.Certificate is documented as "客户端证书 PEM 格式，需要进行 Base 64 编码" (the client
 * certificate in PEM format, Base64-encoded). Assumption: the PEM text as a whole (UTF-8) is
 * base64-encoded, so the field carries no "-----BEGIN" line; it is not the DER. Normalised first,
 * so the same CA always encodes to the same value.
 */
export function encodeClientCertificate(pem: string): string {
  return Buffer.from(normalizePem(pem), "utf8").toString("base64");
}

/** The PEM text of ClientCert.Certificate as the API answers it (base64 PEM; plain PEM tolerated), or undefined. */
export function decodeClientCertificate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  if (value.includes("-----BEGIN")) return value;
  if (!/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(value)) return undefined;
  const text = Buffer.from(value, "base64").toString("utf8");
  return text.includes("-----BEGIN CERTIFICATE-----") ? text : undefined;
}

/** VerifyClient and ClientCertInfo for the Https block: on only together with the CA (absent CA = verification off). */
export function clientVerificationFields(caCertificates: string | undefined): Pick<Https, "VerifyClient" | "ClientCertInfo"> {
  return caCertificates === undefined
    ? { VerifyClient: "off" }
    : { VerifyClient: "on", ClientCertInfo: { Certificate: encodeClientCertificate(caCertificates) } };
}

/**
 * The block with our client verification: the read ClientCertInfo is never sent back, because its
 * CertName/ExpireTime/DeployTime are answer-only ("作为入参时无需填充") and off needs no CA.
 */
export function withClientVerification(block: Https, caCertificates: string | undefined): Https {
  const { VerifyClient: _verify, ClientCertInfo: _info, ...rest } = block;
  return { ...rest, ...clientVerificationFields(caCertificates) };
}

// ---------------------------------------------------------------- what the domain serves

/** The client CA as the API identifies it: fingerprint when it returns the certificate, else name and expiry. */
export interface ClientCaIdentity { fingerprintSha256?: string; name?: string; notAfter?: string }

/** The client CA the domain verifies clients against; undefined when verification is off (or HTTPS is). */
export function servedClientCaOf(https: Https | undefined): ClientCaIdentity | undefined {
  if (https?.Switch !== "on" || https.VerifyClient !== "on") return undefined;
  const info = https.ClientCertInfo;
  const pem = decodeClientCertificate(info?.Certificate);
  const facts = pem ? inspectClientCa({ caCertificates: pem }).facts : undefined;
  return {
    fingerprintSha256: facts?.fingerprintSha256,
    name: info?.CertName || facts?.name,
    notAfter: chinaTimeToIso(info?.ExpireTime) ?? facts?.notAfter,
  };
}

/** The identity recorded for a CA we set (from its offline facts). */
export function clientCaIdentity(facts: ClientCaFacts): ClientCaIdentity {
  return { fingerprintSha256: facts.fingerprintSha256, name: facts.name, notAfter: facts.notAfter };
}

/**
 * Same client CA (or both absent): by fingerprint when both sides have one; otherwise by name and
 * expiry, both of which must be known, so an answer without either is a change rather than a match.
 */
export function sameClientCa(a: ClientCaIdentity | undefined, b: ClientCaIdentity | undefined): boolean {
  if (!a || !b) return !a && !b;
  if (a.fingerprintSha256 && b.fingerprintSha256) return a.fingerprintSha256 === b.fingerprintSha256;
  return !!a.name && !!a.notAfter && !!b.notAfter && a.name === b.name && Date.parse(a.notAfter) === Date.parse(b.notAfter);
}
