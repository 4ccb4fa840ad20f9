// PEM text handling: find the blocks in pasted text (CRLF, indentation and the text real tools write
// around blocks are tolerated: openssl's "Bag Attributes", "subject=" and "issuer=" lines) and turn
// bundles into node:crypto X509Certificate objects. node:crypto parses every certificate here, RSA and
// EC alike (node-forge cannot read EC certificates). What leaves the provider is never the pasted text
// but the canonical PEM re-encoded from the parsed DER (canonicalCertificates), so nothing around
// or inside the blocks that was not parsed as a certificate is ever sent, stored or fingerprinted.
import { X509Certificate } from "node:crypto";
import { holdsKeyMaterial } from "./keyMaterial";
import { describeSize, MAX_BUNDLE_CERTIFICATES, MAX_INPUT_CHARS } from "./limits";

export interface PemBlock {
  label: string;          // e.g. "CERTIFICATE", "PRIVATE KEY", "EC PRIVATE KEY"
  headers: string[];      // RFC 1421 headers such as "Proc-Type: 4,ENCRYPTED"
  base64: string;         // body without whitespace
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g;

export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const headers: string[] = [];
    const body: string[] = [];
    for (const raw of m[2].split(/\r?\n|\r/)) {
      const line = raw.trim();
      if (line.includes(":")) headers.push(line);
      else if (line) body.push(line);
    }
    blocks.push({ label: m[1], headers, base64: body.join("").replace(/\s+/g, "") });
  }
  return blocks;
}

export function blockToPem(block: PemBlock): string {
  const lines = block.base64.match(/.{1,64}/g) ?? [];
  const headers = block.headers.length ? `${block.headers.join("\n")}\n\n` : "";
  return `-----BEGIN ${block.label}-----\n${headers}${lines.join("\n")}\n-----END ${block.label}-----\n`;
}

/** Canonical text for equality: LF line ends, 64-column bodies, nothing around the blocks. */
export function normalizePem(pem: string): string {
  const blocks = pemBlocks(pem);
  if (blocks.length === 0) return pem.replace(/\r\n?/g, "\n").trim();
  return blocks.map(blockToPem).join("");
}

/** Why text that holds no usable PEM block was rejected, as a sentence (never echoing the input). */
export function describeNonPem(text: string, what: "certificate" | "private key"): string {
  if (text.trim() === "") return `The ${what} is empty: paste the PEM text, starting with "-----BEGIN ${what === "certificate" ? "CERTIFICATE" : "PRIVATE KEY"}-----".`;
  // DER read as text: starts with a SEQUENCE tag (0x30) and holds control or replacement characters.
  if (text.charCodeAt(0) === 0x30 && /[\u0000-\u0008\u000e-\u001f\ufffd]/.test(text)) {
    const convert = what === "certificate" ? "openssl x509 -inform der -in cert.der -out cert.pem" : "openssl pkey -inform der -in key.der -out key.pem";
    return `The ${what} is binary DER, not PEM: convert it first (${convert}).`;
  }
  if (text.includes("-----BEGIN")) return `The ${what} has a "-----BEGIN" line without its matching "-----END" line: the PEM text is truncated or its labels differ.`;
  return `The ${what} is not PEM text: expected a block starting with "-----BEGIN ${what === "certificate" ? "CERTIFICATE" : "PRIVATE KEY"}-----".`;
}

export type BundleParse =
  | { ok: true; certificates: X509Certificate[] }
  | { ok: false; reason: string };

/** Labels a sentence may name; any other label is described, not quoted (a label is user text). */
const KNOWN_LABELS = new Set(["CERTIFICATE", "TRUSTED CERTIFICATE", "X509 CRL", "CERTIFICATE REQUEST", "NEW CERTIFICATE REQUEST",
  "PUBLIC KEY", "RSA PUBLIC KEY", "PKCS7", "CMS", "DH PARAMETERS", "EC PARAMETERS", "PRIVATE KEY", "RSA PRIVATE KEY",
  "EC PRIVATE KEY", "DSA PRIVATE KEY", "ENCRYPTED PRIVATE KEY", "OPENSSH PRIVATE KEY"]);

/** `"X509 CRL"` for a known label, else `another kind of block`: for sentences that never echo the input. */
export function labelForSentence(label: string): string {
  return KNOWN_LABELS.has(label) ? `a "${label}"` : "another kind of block";
}

/** Words no certificate text has, but a private key's armor does, damaged or not ("----BEGIN PRIVATE KEY", "Private-Key"). */
const PRIVATE_KEY_WORDS = /PRIVATE[\s_-]*KEY/i;
/** A BEGIN or END line, well-formed or damaged: dashes then BEGIN/END, or BEGIN/END, a label, then dashes. */
const BOUNDARY = /-{2,}[ \t]*(?:BEGIN|END)\b[^\r\n-]*-*|\b(?:BEGIN|END)[ \t]+[A-Z0-9 ]+-{2,}/gi;
const WELL_FORMED_BOUNDARY = /^-----(BEGIN|END) ([A-Z0-9]+(?: [A-Z0-9]+)*)-----$/;

/**
 * Why the BEGIN and END lines of `text` do not pair up as "-----BEGIN X-----" ... "-----END X-----",
 * or undefined when they do. Sentences name no label: a damaged one is the user's text.
 */
function boundaryProblem(text: string, what: string): string | undefined {
  let open: string | undefined;
  for (const m of text.matchAll(BOUNDARY)) {
    const line = WELL_FORMED_BOUNDARY.exec(m[0].trim());
    if (!line) return `The ${what} has a damaged BEGIN or END line (each must be five dashes, BEGIN or END, the label in capitals and five dashes): copy it again from the original file.`;
    if (line[1] === "BEGIN") {
      if (open !== undefined) return `The ${what} has a BEGIN line without its END line before the next block: the PEM text is truncated; copy it again from the original file.`;
      open = line[2];
    } else {
      if (open !== line[2]) return `The ${what} has a block whose BEGIN and END labels differ, or an END line without its BEGIN line: copy it again from the original file.`;
      open = undefined;
    }
  }
  return open === undefined ? undefined : `The ${what} has a "-----BEGIN" line without its matching "-----END" line: the PEM text is truncated; copy it again from the original file.`;
}

/**
 * Why a certificate text is refused before its blocks are read: too large, holding key material
 * (a PRIVATE KEY label damaged or not, base64 that decodes to a key), or BEGIN/END lines that do not
 * pair up. The sentences never quote the text.
 */
export function certificateTextProblem(text: string, what = "certificate"): string | undefined {
  if (text.length > MAX_INPUT_CHARS) return `The ${what} is too large (${describeSize(text.length)}): at most ${describeSize(MAX_INPUT_CHARS)} of PEM text is accepted; give only the certificates (leaf first, then intermediates).`;
  if (PRIVATE_KEY_WORDS.test(text) || holdsKeyMaterial(text)) {
    return `The ${what} holds what is a private key, not a certificate (a PRIVATE KEY label, damaged or not, or base64 text that decodes to a key): remove it; a private key is given only as privateKey, which is kept secret. Nothing was sent or stored.`;
  }
  return boundaryProblem(text, what);
}

/**
 * Parse a bundle (leaf first, then intermediates). Any block that is not a certificate is a mistake;
 * `what` names the input in sentences ("certificate", "client CA bundle").
 */
export function parseCertificateBundle(text: string, what = "certificate"): BundleParse {
  const problem = certificateTextProblem(text, what);
  if (problem) return { ok: false, reason: problem };
  const blocks = pemBlocks(text);
  if (blocks.length === 0) return { ok: false, reason: describeNonPem(text, "certificate") };
  if (blocks.length > MAX_BUNDLE_CERTIFICATES) {
    return { ok: false, reason: `The ${what} holds ${blocks.length} PEM blocks, more than the ${MAX_BUNDLE_CERTIFICATES} accepted: give only the certificates needed (a public CA's chain is a leaf and one to three intermediates).` };
  }
  const certificates: X509Certificate[] = [];
  for (const [i, block] of blocks.entries()) {
    const position = `PEM block #${i + 1} of the ${what === "certificate" ? "certificate bundle" : what}`;
    if (block.label !== "CERTIFICATE") {
      return { ok: false, reason: `${position} is ${labelForSentence(block.label)}, not a "CERTIFICATE": the bundle must hold only certificates (leaf first, then intermediates).` };
    }
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(block.base64)) {
      return { ok: false, reason: `${position} is not valid base64: the text was damaged when copied; copy it again from the original file.` };
    }
    try {
      certificates.push(new X509Certificate(Buffer.from(block.base64, "base64")));
    } catch {
      return { ok: false, reason: `${position} is not a valid X.509 certificate (corrupted or truncated): copy it again from the original file.` };
    }
  }
  return { ok: true, certificates };
}

/**
 * The canonical PEM of parsed certificates: each re-encoded from its DER (node:crypto's `raw`, which
 * holds the certificate alone even if its block carried more), 64 columns, LF, nothing around the
 * blocks. What the API documents as the certificate format ("-----BEGIN CERTIFICATE-----", 64
 * characters a line, no blank line between certificates; docs/product/cdn-https.md).
 */
export function canonicalPem(certificates: X509Certificate[]): string {
  return certificates.map((c) => blockToPem({ label: "CERTIFICATE", headers: [], base64: c.raw.toString("base64") })).join("");
}

/**
 * The canonical PEM of a certificate text (see canonicalPem): what becomes an output, a request field
 * or a fingerprint. Throws a sentence (never quoting the text) when it does not parse, which only a
 * skipped check can let happen.
 */
export function canonicalCertificates(text: string): string {
  const parsed = parseCertificateBundle(text);
  if (!parsed.ok) throw new Error(parsed.reason);
  return canonicalPem(parsed.certificates);
}
