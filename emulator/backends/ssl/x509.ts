// Just enough DER to issue real X.509 v3 certificates with node:crypto alone (node:crypto parses and
// signs but cannot build certificates, and node-forge is only a devDependency): the emulator's CA signs
// the free certificates it "issues". Every certificate here parses with X509Certificate and verifies.
import { createHash, generateKeyPairSync, KeyObject, randomBytes, sign } from "node:crypto";

function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

const tlv = (tag: number, body: Buffer): Buffer => Buffer.concat([Buffer.from([tag]), length(body.length), body]);
const sequence = (...parts: Buffer[]): Buffer => tlv(0x30, Buffer.concat(parts));
const set = (...parts: Buffer[]): Buffer => tlv(0x31, Buffer.concat(parts));
const explicit = (n: number, body: Buffer): Buffer => tlv(0xa0 + n, body);
const octets = (body: Buffer): Buffer => tlv(0x04, body);
const bits = (body: Buffer, unused = 0): Buffer => tlv(0x03, Buffer.concat([Buffer.from([unused]), body]));
const utf8 = (text: string): Buffer => tlv(0x0c, Buffer.from(text, "utf8"));
const TRUE = Buffer.from([0x01, 0x01, 0xff]);

function integer(value: Buffer): Buffer {
  let v = value;
  while (v.length > 1 && v[0] === 0 && v[1] < 0x80) v = v.subarray(1);
  return tlv(0x02, v[0] >= 0x80 ? Buffer.concat([Buffer.from([0]), v]) : v);
}

function oid(dotted: string): Buffer {
  const [a, b, ...rest] = dotted.split(".").map(Number);
  const out = [40 * a + b];
  for (const n of rest) {
    const chunk = [n & 0x7f];
    for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) chunk.unshift(0x80 | (v & 0x7f));
    out.push(...chunk);
  }
  return tlv(0x06, Buffer.from(out));
}

// RFC 5280: UTCTime through 2049, GeneralizedTime after.
function time(ms: number): Buffer {
  const iso = new Date(ms).toISOString(); // 2026-12-01T08:00:00.000Z
  const digits = iso.slice(0, 19).replace(/[-:T]/g, "") + "Z"; // 20261201080000Z
  return new Date(ms).getUTCFullYear() < 2050 ? tlv(0x17, Buffer.from(digits.slice(2))) : tlv(0x18, Buffer.from(digits));
}

function name(parts: { country?: string; organization?: string; commonName: string }): Buffer {
  const attribute = (type: string, value: string) => set(sequence(oid(type), utf8(value)));
  return sequence(
    ...(parts.country ? [set(sequence(oid("2.5.4.6"), tlv(0x13, Buffer.from(parts.country))))] : []),
    ...(parts.organization ? [attribute("2.5.4.10", parts.organization)] : []),
    attribute("2.5.4.3", parts.commonName),
  );
}

const extension = (id: string, critical: boolean, value: Buffer): Buffer =>
  sequence(oid(id), ...(critical ? [TRUE] : []), octets(value));

const keyId = (publicKey: KeyObject): Buffer =>
  createHash("sha1").update(publicKey.export({ type: "spki", format: "der" })).digest();

export interface Signer {
  privateKey: KeyObject;
  publicKey: KeyObject;
  name: Buffer;
}

// The CA signs with ECDSA P-256 and SHA-256: its key is made in a millisecond.
const ECDSA_WITH_SHA256 = sequence(oid("1.2.840.10045.4.3.2"));

export interface CertificateRequest {
  subject: Buffer;
  publicKey: KeyObject;
  notBefore: number;
  notAfter: number;
  extensions: Buffer[];
}

function signCertificate(issuer: Signer, request: CertificateRequest): string {
  const serial = randomBytes(16);
  serial[0] &= 0x7f;
  const tbs = sequence(
    explicit(0, integer(Buffer.from([2]))), // v3
    integer(serial),
    ECDSA_WITH_SHA256,
    issuer.name,
    sequence(time(request.notBefore), time(request.notAfter)),
    request.subject,
    request.publicKey.export({ type: "spki", format: "der" }),
    explicit(3, sequence(...request.extensions)),
  );
  const signature = sign("sha256", tbs, issuer.privateKey);
  const der = sequence(tbs, ECDSA_WITH_SHA256, bits(signature));
  const body = der.toString("base64").replace(/(.{64})/g, "$1\n").replace(/\n$/, "");
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

export interface EmulatorCa extends Signer {
  certificatePem: string;
}

/** A self-signed CA (valid 2020..2050) with a fresh P-256 key. */
export function createCa(commonName: string, organization: string): EmulatorCa {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
  const subject = name({ country: "CN", organization, commonName });
  const certificatePem = signCertificate({ privateKey, publicKey, name: subject }, {
    subject,
    publicKey,
    notBefore: Date.UTC(2020, 0, 1),
    notAfter: Date.UTC(2050, 0, 1),
    extensions: [
      extension("2.5.29.19", true, sequence(TRUE)), // basicConstraints: CA
      extension("2.5.29.15", true, bits(Buffer.from([0x06]), 1)), // keyUsage: keyCertSign, cRLSign
      extension("2.5.29.14", false, octets(keyId(publicKey))), // subjectKeyIdentifier
    ],
  });
  return { privateKey, publicKey, name: subject, certificatePem };
}

/** A server certificate for one DNS name, signed by `ca`; the key stays with the caller. */
export function issueServerCertificate(ca: EmulatorCa, domain: string, publicKey: KeyObject, notBefore: number, notAfter: number): string {
  const rsa = publicKey.asymmetricKeyType === "rsa";
  return signCertificate(ca, {
    subject: name({ commonName: domain }),
    publicKey,
    notBefore,
    notAfter,
    extensions: [
      extension("2.5.29.19", true, sequence()), // basicConstraints: not a CA
      // keyUsage: digitalSignature, plus keyEncipherment for RSA
      extension("2.5.29.15", true, rsa ? bits(Buffer.from([0xa0]), 5) : bits(Buffer.from([0x80]), 7)),
      extension("2.5.29.37", false, sequence(oid("1.3.6.1.5.5.7.3.1"))), // extKeyUsage: serverAuth
      extension("2.5.29.17", false, sequence(tlv(0x82, Buffer.from(domain)))), // subjectAltName: dNSName
      extension("2.5.29.35", false, sequence(tlv(0x80, keyId(ca.publicKey)))), // authorityKeyIdentifier
    ],
  });
}
