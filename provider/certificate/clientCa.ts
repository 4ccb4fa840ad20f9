// Offline inspection of a client-CA bundle for CDN client-certificate verification (mutual TLS): the
// CA certificates the CDN edge checks clients' certificates against (Https.ClientCertInfo). Pure:
// the bundle must parse, hold CA certificates only (basicConstraints CA:TRUE and, when keyUsage is
// present, keyCertSign), none outside its validity, and not be the server certificate.
import type { X509Certificate } from "node:crypto";
import { basicConstraintsCa, keyUsageAllowsCertSign } from "./der";
import { chainFingerprint } from "./facts";
import { certificateLabel, dnAttribute, oneLineDn } from "./names";
import { parseCertificateBundle, pemBlocks } from "./pem";
import type { Finding, Severity } from "./types";
import { isoUtc, validityAt, validTo } from "./validity";

export const CLIENT_CA_CODES = {
  CLIENT_CA_INVALID: "CLIENT_CA_INVALID", CLIENT_CA_NOT_CA: "CLIENT_CA_NOT_CA", CLIENT_CA_NO_CERT_SIGN: "CLIENT_CA_NO_CERT_SIGN",
  CLIENT_CA_EXPIRED: "CLIENT_CA_EXPIRED", CLIENT_CA_NOT_YET_VALID: "CLIENT_CA_NOT_YET_VALID",
  CLIENT_CA_EXPIRES_SOON: "CLIENT_CA_EXPIRES_SOON", CLIENT_CA_IS_SERVER_CERT: "CLIENT_CA_IS_SERVER_CERT",
} as const;
export type ClientCaCode = keyof typeof CLIENT_CA_CODES;

const WHAT = "clientCertificate.caCertificates";
const make = (severity: Severity, code: ClientCaCode, message: string): Finding => ({ severity, code, message });

/** The catalogue, one constructor per code; `cert` is a label from names.certificateLabel. */
export const clientCaFindings = {
  invalid: (reason: string) => make("error", "CLIENT_CA_INVALID", `${WHAT}: ${reason}`),
  privateKey: (position: number) => make("error", "CLIENT_CA_INVALID",
    `${WHAT}: PEM block #${position} is a private key: clients are verified with the CA's certificate only; remove the key from the bundle and keep it secret.`),
  notCa: (cert: string) => make("error", "CLIENT_CA_NOT_CA",
    `${WHAT}: certificate ${cert} is a leaf (end-entity) certificate, not a CA (no basicConstraints CA:TRUE): give the certificate of the CA that issues your clients' certificates instead.`),
  noCertSign: (cert: string) => make("error", "CLIENT_CA_NO_CERT_SIGN",
    `${WHAT}: CA certificate ${cert} has a keyUsage without keyCertSign, so it cannot have issued client certificates: use the CA certificate that signs them.`),
  expired: (cert: string, notAfter: string) => make("error", "CLIENT_CA_EXPIRED",
    `${WHAT}: CA certificate ${cert} expired on ${notAfter}, so no client certificate it issued verifies: use the CA's renewed certificate.`),
  notYetValid: (cert: string, notBefore: string) => make("error", "CLIENT_CA_NOT_YET_VALID",
    `${WHAT}: CA certificate ${cert} is not valid until ${notBefore}: wait until then, or check the clock of the machine that issued it.`),
  expiresSoon: (cert: string, notAfter: string, days: number) => make("warning", "CLIENT_CA_EXPIRES_SOON",
    `${WHAT}: CA certificate ${cert} expires on ${notAfter.slice(0, 10)} (in ${days} day${days === 1 ? "" : "s"}): renew it and its client certificates soon.`),
  isServerCert: (cert: string) => make("error", "CLIENT_CA_IS_SERVER_CERT",
    `${WHAT}: certificate ${cert} is this domain's server certificate, not the CA of your clients: give the certificate of the CA that issues the client certificates.`),
};

/** What outputs and drift judgement use: the identity of the bundle and the name and expiry the API reports. */
export interface ClientCaFacts {
  /** hex SHA-256 over every certificate's DER in order (for one CA: its own fingerprint) */
  fingerprintSha256: string;
  /** subject CN of the first certificate (its one-line subject when it has no CN) */
  name: string;
  /** ISO 8601 UTC notAfter of the first certificate */
  notAfter: string;
  count: number;
}

export interface ClientCaInput {
  caCertificates: string;
  /** The domain's server chain (leaf first), when known: the client CA must not be its leaf. */
  serverCertificate?: string;
  now?: Date;
}

export interface ClientCaResult { facts?: ClientCaFacts; findings: Finding[] }

function serverLeafFingerprint(serverCertificate: string | undefined): string | undefined {
  if (serverCertificate === undefined) return undefined;
  const parsed = parseCertificateBundle(serverCertificate);
  if (!parsed.ok) return undefined; // judged by the server certificate's own inspection
  const leaf = parsed.certificates.find((c) => !basicConstraintsCa(c.raw)) ?? parsed.certificates[0];
  return leaf.fingerprint256;
}

function caFindings(cert: X509Certificate, serverLeaf: string | undefined, now: Date): Finding[] {
  const label = certificateLabel(cert);
  if (cert.fingerprint256 === serverLeaf) return [clientCaFindings.isServerCert(label)];
  if (!basicConstraintsCa(cert.raw)) return [clientCaFindings.notCa(label)];
  const out: Finding[] = [];
  if (keyUsageAllowsCertSign(cert.raw) === false) out.push(clientCaFindings.noCertSign(label));
  const v = validityAt(cert, now);
  if (v.state === "expired") out.push(clientCaFindings.expired(label, v.at));
  else if (v.state === "notYetValid") out.push(clientCaFindings.notYetValid(label, v.at));
  else if (v.state === "expiresSoon") out.push(clientCaFindings.expiresSoon(label, v.at, v.days));
  return out;
}

/** Every problem of a client-CA bundle that can be found offline, and its facts when it parses. */
export function inspectClientCa(input: ClientCaInput): ClientCaResult {
  const text = input.caCertificates ?? "";
  const keyAt = pemBlocks(text).findIndex((b) => b.label.includes("PRIVATE KEY"));
  if (keyAt >= 0) return { findings: [clientCaFindings.privateKey(keyAt + 1)] };
  const bundle = parseCertificateBundle(text, "client CA bundle");
  if (!bundle.ok) return { findings: [clientCaFindings.invalid(bundle.reason)] };

  const now = input.now ?? new Date();
  const serverLeaf = serverLeafFingerprint(input.serverCertificate);
  const certs = bundle.certificates;
  const first = certs[0];
  return {
    facts: {
      fingerprintSha256: chainFingerprint(certs),
      name: dnAttribute(first.subject, "CN") ?? oneLineDn(first.subject),
      notAfter: isoUtc(validTo(first)),
      count: certs.length,
    },
    findings: certs.flatMap((cert) => caFindings(cert, serverLeaf, now)),
  };
}

