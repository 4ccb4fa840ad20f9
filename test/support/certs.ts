/**
 * Test-time certificate factory, shared by every test in the project.
 *
 * Builds real X.509 v3 chains (root -> intermediates -> leaf) signed with real keys. Keys come from
 * node:crypto `generateKeyPairSync` (fast, native) and are cached per type at module level, so a test
 * file pays for key generation once. node-forge cannot sign with EC keys, so the TBSCertificate is
 * assembled with forge's `asn1` and signed with node:crypto `sign()`: this works for RSA and EC alike and
 * lets us pick SHA-1 for the SHA-1 cases.
 *
 * API
 *   makeChain(options?) -> TestChain
 *     options: domains (SANs, default ["example.com", "*.example.com"]); cn (default: first domain; null = no CN);
 *       keyType "rsa" | "ec256" | "ec384" (leaf key, default "rsa"); rsaBits (leaf, default 2048; 1024 for the
 *       too-small case); caKeyType (CA keys, default "rsa"); notBefore / notAfter (leaf validity; default now-1d ..
 *       now+90d); intermediates (default 1); sha1Intermediate (the intermediate next to the leaf is signed with SHA-1);
 *       sha1Leaf; selfSigned (leaf signs itself, no CA); noSan; noSubject (empty subject DN); keySet (use a
 *       different cached set of keys, for "another CA" / "another key" cases; default 0).
 *     TestChain: certificate (leaf then intermediates, PEM; the root is NOT included, as CAs deliver chains),
 *       privateKey (PKCS#8 PEM), leafPem, intermediatePems, rootPem (undefined when selfSigned), keyObject,
 *       keyPkcs1Pem (RSA only) / keySec1Pem (EC only) getters, encryptedKeyPem(pass, format?),
 *       fingerprintSha256 (hex lowercase, no colons), serialNumber (hex uppercase, as node:crypto prints it),
 *       withRoot() (certificate + root), withReissuedIntermediate() (the same leaf under a re-issued
 *       intermediate: same name and key, new serial; other chain material, still a valid chain).
 *   otherKey(type?) -> PKCS#8 PEM of a key that matches none of the chains built with keySet 0.
 *   cachedKey(type, slot) -> KeyObject pair, for tests that need raw keys.
 *   makeCa(options?) -> PEM of a self-signed CA (cn, notBefore, notAfter, keyCertSign: false, slot for another key).
 *   makeCertificate(...) -> one certificate from explicit subject/issuer keys (for unusual shapes).
 *   badsslDir() -> the real-world chains in test/fixtures/badssl, found from here or from dist/.
 */
import * as crypto from "node:crypto";
import * as fs from "node:fs";
import * as path from "node:path";
import * as forge from "node-forge";

export type TestKeyType = "rsa" | "ec256" | "ec384";

export interface ChainOptions {
  domains?: string[];
  cn?: string | null;
  keyType?: TestKeyType;
  rsaBits?: number;
  caKeyType?: TestKeyType;
  notBefore?: Date;
  notAfter?: Date;
  intermediates?: number;
  sha1Intermediate?: boolean;
  sha1Leaf?: boolean;
  selfSigned?: boolean;
  noSan?: boolean;
  noSubject?: boolean;
  keySet?: number;
}

export interface TestChain {
  certificate: string;
  privateKey: string;
  leafPem: string;
  intermediatePems: string[];
  rootPem?: string;
  keyObject: crypto.KeyObject;
  readonly keyPkcs1Pem: string;
  readonly keySec1Pem: string;
  encryptedKeyPem(passphrase: string, format?: "pkcs8" | "pkcs1" | "sec1"): string;
  fingerprintSha256: string;
  serialNumber: string;
  withRoot(): string;
  withReissuedIntermediate(): string;
}

interface KeyPair { privateKey: crypto.KeyObject; publicKey: crypto.KeyObject }

const DAY_MS = 24 * 3600 * 1000;
const keyCache = new Map<string, KeyPair>();

/** A cached key pair; `slot` distinguishes keys of the same type (leaf, each CA level, "other" keys). */
export function cachedKey(type: TestKeyType, slot = 0, rsaBits = 2048): KeyPair {
  const id = `${type}:${type === "rsa" ? rsaBits : ""}:${slot}`;
  let pair = keyCache.get(id);
  if (!pair) {
    pair = type === "rsa"
      ? crypto.generateKeyPairSync("rsa", { modulusLength: rsaBits })
      : crypto.generateKeyPairSync("ec", { namedCurve: type === "ec256" ? "P-256" : "P-384" });
    keyCache.set(id, pair);
  }
  return pair;
}

/** A private key (PKCS#8 PEM) that belongs to no chain built with the default key set. */
export function otherKey(type: TestKeyType = "rsa", rsaBits = 2048): string {
  return toPkcs8Pem(cachedKey(type, 999, rsaBits).privateKey);
}

function toPkcs8Pem(key: crypto.KeyObject): string {
  return key.export({ type: "pkcs8", format: "pem" }) as string;
}

// --- DER building blocks (forge asn1) ---------------------------------------------------------

const A = forge.asn1;
const T = A.Type;
const U = A.Class.UNIVERSAL;

const oid = (o: string) => A.create(U, T.OID, false, A.oidToDer(o).getBytes());
const seq = (items: forge.asn1.Asn1[]) => A.create(U, T.SEQUENCE, true, items);
const octets = (bytes: string) => A.create(U, T.OCTETSTRING, false, bytes);
const bitString = (bytes: string, unusedBits = 0) => A.create(U, T.BITSTRING, false, String.fromCharCode(unusedBits) + bytes);
const der = (node: forge.asn1.Asn1) => A.toDer(node).getBytes();
const fromNodeBuffer = (b: Buffer) => b.toString("binary");
// Keep BIT STRINGs opaque: forge would otherwise decode an RSA key inside one into ASN.1 nodes.
// (@types/node-forge lacks the options-object overload.)
const fromDerWithOptions = A.fromDer as unknown as (bytes: string, options: { decodeBitStrings: boolean }) => forge.asn1.Asn1;
const parseDer = (b: Buffer) => fromDerWithOptions(fromNodeBuffer(b), { decodeBitStrings: false });

function time(d: Date): forge.asn1.Asn1 {
  // RFC 5280 4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050.
  return d.getUTCFullYear() < 2050
    ? A.create(U, T.UTCTIME, false, A.dateToUtcTime(d))
    : A.create(U, T.GENERALIZEDTIME, false, A.dateToGeneralizedTime(d));
}

function name(attrs: [string, string][]): forge.asn1.Asn1 {
  return seq(attrs.map(([type, value]) =>
    A.create(U, T.SET, true, [seq([oid(type), A.create(U, T.UTF8, false, forge.util.encodeUtf8(value))])])));
}

function extension(id: string, critical: boolean, value: forge.asn1.Asn1): forge.asn1.Asn1 {
  const parts = [oid(id)];
  if (critical) parts.push(A.create(U, T.BOOLEAN, false, "\xff"));
  parts.push(octets(der(value)));
  return seq(parts);
}

const OID = {
  cn: "2.5.4.3", o: "2.5.4.10",
  basicConstraints: "2.5.29.19", keyUsage: "2.5.29.15", san: "2.5.29.17", extKeyUsage: "2.5.29.37",
  ski: "2.5.29.14", aki: "2.5.29.35", serverAuth: "1.3.6.1.5.5.7.3.1",
};

function signatureAlgorithm(key: crypto.KeyObject, sha1: boolean): { node: forge.asn1.Asn1; hash: string } {
  const hash = sha1 ? "sha1" : key.asymmetricKeyDetails?.namedCurve === "secp384r1" ? "sha384" : "sha256";
  if (key.asymmetricKeyType === "ec") {
    const ids: Record<string, string> = { sha1: "1.2.840.10045.4.1", sha256: "1.2.840.10045.4.3.2", sha384: "1.2.840.10045.4.3.3" };
    return { node: seq([oid(ids[hash])]), hash };
  }
  const ids: Record<string, string> = { sha1: "1.2.840.113549.1.1.5", sha256: "1.2.840.113549.1.1.11", sha384: "1.2.840.113549.1.1.12" };
  return { node: seq([oid(ids[hash]), A.create(U, T.NULL, false, "")]), hash };
}

function keyId(publicKey: crypto.KeyObject): string {
  const spki = parseDer(publicKey.export({ type: "spki", format: "der" }) as Buffer);
  const keyBits = (spki.value as forge.asn1.Asn1[])[1].value as string; // includes the unused-bits byte
  return crypto.createHash("sha1").update(Buffer.from(keyBits.slice(1), "binary")).digest("binary");
}

function randomSerial(): string {
  const bytes = crypto.randomBytes(16);
  bytes[0] = (bytes[0] & 0x7f) | 0x01; // positive and no leading zero byte
  return bytes.toString("binary");
}

export interface CertificateSpec {
  subject: [string, string][];        // e.g. [["2.5.4.3", "example.com"]]; [] for an empty subject
  issuer: [string, string][];
  publicKey: crypto.KeyObject;
  issuerPublicKey: crypto.KeyObject;
  signingKey: crypto.KeyObject;
  notBefore: Date;
  notAfter: Date;
  isCa: boolean;
  sans?: string[];
  sha1?: boolean;
  /** CA only: false leaves keyCertSign out of keyUsage (a CA that cannot sign certificates). */
  keyCertSign?: boolean;
}

/** One DER certificate built to `spec`. */
export function makeCertificate(spec: CertificateSpec): Buffer {
  const alg = signatureAlgorithm(spec.signingKey, spec.sha1 ?? false);
  const extensions = [
    extension(OID.basicConstraints, true, seq(spec.isCa ? [A.create(U, T.BOOLEAN, false, "\xff")] : [])),
    // CA: keyCertSign + cRLSign (bits 5, 6), or cRLSign alone; leaf: digitalSignature + keyEncipherment (bits 0, 2).
    extension(OID.keyUsage, true, spec.isCa ? bitString(spec.keyCertSign === false ? "\x02" : "\x06", 1) : bitString("\xa0", 5)),
    extension(OID.ski, false, octets(keyId(spec.publicKey))),
    extension(OID.aki, false, seq([A.create(A.Class.CONTEXT_SPECIFIC, 0, false, keyId(spec.issuerPublicKey))])),
  ];
  if (!spec.isCa) extensions.push(extension(OID.extKeyUsage, false, seq([oid(OID.serverAuth)])));
  if (spec.sans && spec.sans.length > 0) {
    const names = spec.sans.map((n) => A.create(A.Class.CONTEXT_SPECIFIC, 2, false, n));
    // RFC 5280: the SAN extension is critical when the subject is empty.
    extensions.push(extension(OID.san, spec.subject.length === 0, seq(names)));
  }
  const tbs = seq([
    A.create(A.Class.CONTEXT_SPECIFIC, 0, true, [A.create(U, T.INTEGER, false, "\x02")]),
    A.create(U, T.INTEGER, false, randomSerial()),
    alg.node,
    name(spec.issuer),
    seq([time(spec.notBefore), time(spec.notAfter)]),
    name(spec.subject),
    parseDer(spec.publicKey.export({ type: "spki", format: "der" }) as Buffer),
    A.create(A.Class.CONTEXT_SPECIFIC, 3, true, [seq(extensions)]),
  ]);
  const tbsDer = Buffer.from(der(tbs), "binary");
  const signature = crypto.sign(alg.hash, tbsDer, spec.signingKey);
  return Buffer.from(der(seq([tbs, alg.node, bitString(signature.toString("binary"))])), "binary");
}

export function toPem(derBytes: Buffer, label = "CERTIFICATE"): string {
  const lines = derBytes.toString("base64").match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join("\n")}\n-----END ${label}-----\n`;
}

let chainCounter = 0;

/** A certificate chain with its leaf key; see the file header for the options. */
export function makeChain(options: ChainOptions = {}): TestChain {
  const domains = options.domains ?? ["example.com", "*.example.com"];
  const keyType = options.keyType ?? "rsa";
  const caKeyType = options.caKeyType ?? "rsa";
  const rsaBits = options.rsaBits ?? 2048;
  const levels = options.selfSigned ? 0 : options.intermediates ?? 1;
  const base = (options.keySet ?? 0) * 10;
  const now = Date.now();
  const tag = `${process.pid}.${++chainCounter}`; // distinct CA names per chain, so chains never mix by accident
  const caNotBefore = new Date(Math.min(now, options.notBefore?.getTime() ?? now) - 365 * DAY_MS);
  const caNotAfter = new Date(Math.max(now, options.notAfter?.getTime() ?? now) + 5 * 365 * DAY_MS);

  const leafKey = cachedKey(keyType, base, rsaBits);
  // CA keys: index 0 = root, 1..levels = intermediates (top-down).
  const caKeys = Array.from({ length: levels + 1 }, (_, i) => cachedKey(caKeyType, base + 1 + i));
  const caNames: [string, string][][] = caKeys.map((_, i) =>
    [[OID.o, "Test PKI"], [OID.cn, i === 0 ? `Test Root CA ${tag}` : `Test Intermediate CA ${i} ${tag}`]]);

  const rootDer = options.selfSigned ? undefined : makeCertificate({
    subject: caNames[0], issuer: caNames[0], publicKey: caKeys[0].publicKey, issuerPublicKey: caKeys[0].publicKey,
    signingKey: caKeys[0].privateKey, notBefore: caNotBefore, notAfter: caNotAfter, isCa: true,
  });
  const intermediate = (i: number) => makeCertificate({
    subject: caNames[i], issuer: caNames[i - 1], publicKey: caKeys[i].publicKey, issuerPublicKey: caKeys[i - 1].publicKey,
    signingKey: caKeys[i - 1].privateKey, notBefore: caNotBefore, notAfter: caNotAfter, isCa: true,
    sha1: options.sha1Intermediate && i === levels, // the intermediate next to the leaf
  });
  const intermediateDers: Buffer[] = [];
  for (let i = 1; i <= levels; i++) intermediateDers.unshift(intermediate(i));

  const cn = options.cn === undefined ? domains[0] : options.cn;
  const leafSubject: [string, string][] = options.noSubject ? [] : cn ? [[OID.cn, cn]] : [];
  const issuer = options.selfSigned ? leafSubject : caNames[levels];
  const issuerKey = options.selfSigned ? leafKey : caKeys[levels];
  const leafDer = makeCertificate({
    subject: leafSubject, issuer, publicKey: leafKey.publicKey, issuerPublicKey: issuerKey.publicKey,
    signingKey: issuerKey.privateKey, isCa: false, sha1: options.sha1Leaf,
    notBefore: options.notBefore ?? new Date(now - DAY_MS), notAfter: options.notAfter ?? new Date(now + 90 * DAY_MS),
    sans: options.noSan ? undefined : domains,
  });

  const leafPem = toPem(leafDer);
  const intermediatePems = intermediateDers.map((d) => toPem(d));
  const rootPem = rootDer ? toPem(rootDer) : undefined;
  const certificate = [leafPem, ...intermediatePems].join("");
  const key = leafKey.privateKey;
  return {
    certificate, leafPem, intermediatePems, rootPem,
    privateKey: toPkcs8Pem(key),
    keyObject: key,
    get keyPkcs1Pem() {
      if (key.asymmetricKeyType !== "rsa") throw new Error("keyPkcs1Pem: not an RSA key");
      return key.export({ type: "pkcs1", format: "pem" }) as string;
    },
    get keySec1Pem() {
      if (key.asymmetricKeyType !== "ec") throw new Error("keySec1Pem: not an EC key");
      return key.export({ type: "sec1", format: "pem" }) as string;
    },
    encryptedKeyPem(passphrase, format = "pkcs8") {
      return key.export({ type: format, format: "pem", cipher: "aes-256-cbc", passphrase } as crypto.KeyExportOptions<"pem">) as string;
    },
    fingerprintSha256: crypto.createHash("sha256").update(leafDer).digest("hex"),
    serialNumber: new crypto.X509Certificate(leafDer).serialNumber,
    withRoot: () => certificate + (rootPem ?? ""),
    withReissuedIntermediate() {
      if (levels === 0) throw new Error("withReissuedIntermediate: the chain has no intermediate");
      return [leafPem, toPem(intermediate(levels)), ...intermediatePems.slice(1)].join("");
    },
  };
}

export interface CaOptions { cn?: string; notBefore?: Date; notAfter?: Date; keyCertSign?: boolean; slot?: number }

/** A self-signed CA certificate (PEM), e.g. a client CA for mutual TLS; default valid now-1d .. now+5y. */
export function makeCa(options: CaOptions = {}): string {
  const key = cachedKey("rsa", 500 + (options.slot ?? 0));
  const subject: [string, string][] = [[OID.o, "Test PKI"], [OID.cn, options.cn ?? `Test Client CA ${process.pid}.${++chainCounter}`]];
  return toPem(makeCertificate({
    subject, issuer: subject, publicKey: key.publicKey, issuerPublicKey: key.publicKey, signingKey: key.privateKey,
    notBefore: options.notBefore ?? new Date(Date.now() - DAY_MS), notAfter: options.notAfter ?? new Date(Date.now() + 5 * 365 * DAY_MS),
    isCa: true, keyCertSign: options.keyCertSign,
  }));
}

/**
 * The badssl.com fixtures directory, test/fixtures/badssl in this repository. The fixtures are not
 * compiled, so from dist/test/support this walks up to the repository root and looks there.
 */
export function badsslDir(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "test", "fixtures", "badssl");
    if (fs.existsSync(path.join(candidate, "README.md"))) return candidate;
    if (path.dirname(dir) === dir) throw new Error("test/fixtures/badssl not found above " + __dirname);
  }
}
