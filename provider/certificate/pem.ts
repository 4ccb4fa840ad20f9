// PEM text handling: find the blocks in pasted text (CRLF, indentation and text around the blocks
// are tolerated) and turn bundles into node:crypto X509Certificate objects. node:crypto parses every
// certificate here, RSA and EC alike (node-forge cannot read EC certificates).
import { X509Certificate } from "node:crypto";

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

/** Parse a bundle (leaf first, then intermediates). Any block that is not a certificate is a mistake. */
export function parseCertificateBundle(text: string): BundleParse {
  const blocks = pemBlocks(text);
  if (blocks.length === 0) return { ok: false, reason: describeNonPem(text, "certificate") };
  const certificates: X509Certificate[] = [];
  for (const [i, block] of blocks.entries()) {
    const position = `PEM block #${i + 1} of the certificate bundle`;
    if (block.label.includes("PRIVATE KEY")) {
      return { ok: false, reason: `${position} is a private key, not a certificate: put the key in the private key input and remove it from the certificate.` };
    }
    if (block.label !== "CERTIFICATE") {
      return { ok: false, reason: `${position} is a "${block.label}", not a "CERTIFICATE": the bundle must hold only certificates (leaf first, then intermediates).` };
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
