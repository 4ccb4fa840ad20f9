// Private-key material found by its content, wherever it hides: a PEM-like key block whatever its
// armor (a BEGIN line a dash short, labels that differ, lowercase, no dashes at all), or a base64 run
// whose bytes are a private key's ASN.1 (PKCS#1, SEC1, PKCS#8, encrypted PKCS#8; an OpenSSH key; a
// PEM key base64-encoded once more, as a ClientCert field carries PEM). The one detector behind the
// checks (no argument but privateKey may hold a key) and both redactions (the provider's client,
// the emulator's request log and state). Pure and cheap on text without keys: two quick tests first,
// then only runs that begin with "M" (0x30, a DER SEQUENCE) are decoded, and only their first 48 bytes.
import { readHeader } from "./der";

/**
 * A key's armor, however damaged: dashes, BEGIN or END and a label ending in KEY ("----BEGIN PRIVATE
 * KEY-----", "-----begin ec private key"), or BEGIN or END before PRIVATE KEY without the dashes
 * (dashes lost, or typographic ones). Prose that merely mentions a private key does not match.
 */
const KEY_ARMOR = /-{2,}[ \t]*(?:BEGIN|END)[ \t]*[A-Z0-9 _]{0,40}?KEY\b|\b(?:BEGIN|END)[ \t]+[A-Z0-9 _-]{0,30}?PRIVATE[ \t_-]*KEY\b/i;
/** An END armor (any label: a block whose labels differ is still closed by it). */
const END_ARMOR = /-*[ \t]*\bEND\b[^\r\n"\\-]*-*/i;
/**
 * Where a base64 run that may be a key starts: a DER SEQUENCE ("M" is 0x30; [A-I] a first length
 * byte under 0x90, as every DER length form a key can have), an OpenSSH key, or PEM text
 * base64-encoded. Tried at every position, not only after a boundary, so letters pasted in front of
 * a key do not hide it (a lookahead, so candidates may overlap).
 */
const RUN_HEAD = /(?=M[A-I][A-Za-z0-9+/]{14}|b3BlbnNzaC1rZXkt|LS0tLS1)/g;
const QUICK_ARMOR = /key/i;
const QUICK_RUN = /M[A-I][A-Za-z0-9+/]{14}|b3BlbnNzaC1rZXkt|LS0tLS1/;
/** Line breaks, real or JSON-escaped (text that quotes a request body holds `\n` as two characters). */
const LINE_BREAK = /\r\n|\n|\r|\\r\\n|\\n|\\r/g;
const BASE64_LINE = /^[A-Za-z0-9+/]+={0,2}$/;
const PEM_HEADER_LINE = /^[A-Za-z][A-Za-z-]*:\s/; // "Proc-Type: 4,ENCRYPTED", "DEK-Info: ..."
/** The bytes a key's first 64 base64 characters hold: enough to see what its DER starts with. */
const HEAD_CHARS = 64;

// OIDs of password-based encryption, the AlgorithmIdentifier of an EncryptedPrivateKeyInfo
// (RFC 5958 section 3): PKCS#5 (1.2.840.113549.1.5.*, PBES2 among them) and PKCS#12 (1.2.840.113549.1.12.1.*).
const PKCS5 = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x05]);
const PKCS12_PBE = Buffer.from([0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x0c, 0x01]);

const startsWith = (buf: Buffer, at: number, prefix: Buffer) => buf.length >= at + prefix.length && buf.subarray(at, at + prefix.length).equals(prefix);

/**
 * Whether DER bytes (or a prefix of them) are a private key: RSAPrivateKey / DSA (RFC 8017 A.1.2: a
 * SEQUENCE of INTEGERs, version 0 or 1 first), ECPrivateKey (RFC 5915: version 1, then an OCTET
 * STRING), PrivateKeyInfo / OneAsymmetricKey (RFC 5958: version, AlgorithmIdentifier, OCTET STRING),
 * or EncryptedPrivateKeyInfo (a PBE AlgorithmIdentifier, then the encrypted OCTET STRING). A
 * certificate, CSR, CRL or public key starts otherwise (a SEQUENCE, or an INTEGER that is not 0 or 1).
 */
export function isPrivateKeyDer(der: Buffer): boolean {
  const outer = readHeader(der, 0);
  if (!outer || outer.tag !== 0x30) return false;
  const first = readHeader(der, outer.contentStart);
  if (!first) return false;
  if (first.tag === 0x30) {
    const oid = readHeader(der, first.contentStart);
    return !!oid && oid.tag === 0x06 && (startsWith(der, oid.contentStart, PKCS5) || startsWith(der, oid.contentStart, PKCS12_PBE));
  }
  if (first.tag !== 0x02 || first.end - first.contentStart !== 1 || der[first.contentStart] > 1) return false;
  const version = der[first.contentStart];
  const next = readHeader(der, first.end);
  if (!next) return false;
  if (next.tag === 0x02) return true;
  if (next.tag === 0x04) return version === 1;
  if (next.tag !== 0x30) return false;
  const oid = readHeader(der, next.contentStart);
  if (!oid || oid.tag !== 0x06) return false;
  return next.end >= der.length || der[next.end] === 0x04;
}

interface Line { start: number; end: number }

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let start = 0;
  for (const m of text.matchAll(LINE_BREAK)) {
    lines.push({ start, end: m.index! });
    start = m.index! + m[0].length;
  }
  lines.push({ start, end: text.length });
  return lines;
}

export type Span = [start: number, end: number];

/** What the base64 run from `at` (to the end of its line, then whole base64 lines) holds, and where it ends. */
function runAt(text: string, lines: Line[], lineIndex: number, at: number, wanted: number): { chars: string; lastLine: number } {
  let chars = text.slice(at, lines[lineIndex].end).trim();
  let last = lineIndex;
  if (!BASE64_LINE.test(chars)) return { chars: chars.match(/^[A-Za-z0-9+/]*/)![0], lastLine: last };
  while (last + 1 < lines.length && chars.length < wanted) {
    const next = text.slice(lines[last + 1].start, lines[last + 1].end).trim();
    if (!BASE64_LINE.test(next)) break;
    chars += next;
    last++;
  }
  return { chars, lastLine: last };
}

const decode = (chars: string) => Buffer.from(chars.slice(0, chars.length - (chars.length % 4)), "base64");

/** Whether the base64 run starting with `head` is key material; `full` fetches the whole run when needed. */
function runIsKey(head: string, full: () => string): boolean {
  if (head.startsWith("b3BlbnNzaC1rZXkt")) return true; // "openssh-key-v1", an OpenSSH private key
  if (head.startsWith("LS0tLS1")) return holdsKeyMaterial(decode(full()).toString("latin1"));
  return isPrivateKeyDer(decode(head.slice(0, HEAD_CHARS)));
}

/**
 * Where `text` holds key material: each armored key block (from its armor through its END line, or
 * through its base64 body when the END line is missing or damaged) and each base64 run that decodes
 * to a key (through the last whole base64 line that follows it). Sorted, not overlapping.
 */
export function keyMaterialSpans(text: string, firstOnly = false): Span[] {
  const armor = QUICK_ARMOR.test(text);
  if (!armor && !QUICK_RUN.test(text)) return [];
  const lines = linesOf(text);
  const spans: Span[] = [];
  const lineText = (i: number) => text.slice(lines[i].start, lines[i].end);
  const isBody = (t: string) => { const s = t.trim(); return s === "" || BASE64_LINE.test(s) || PEM_HEADER_LINE.test(s); };
  for (let i = 0; i < lines.length && !(firstOnly && spans.length > 0); i++) {
    const line = lineText(i);
    const armored = armor ? KEY_ARMOR.exec(line) : null;
    if (armored) {
      let j = i + 1;
      while (j < lines.length && isBody(lineText(j))) j++;
      let end = lines[j - 1].end;
      const close = j < lines.length ? END_ARMOR.exec(lineText(j)) : null;
      if (close && /-{2,}|KEY/i.test(close[0])) { end = lines[j].start + close.index + close[0].length; j++; }
      spans.push([lines[i].start + armored.index, end]);
      i = j - 1;
      continue;
    }
    for (const m of line.matchAll(RUN_HEAD)) {
      const at = lines[i].start + m.index!;
      const head = runAt(text, lines, i, at, HEAD_CHARS);
      if (!runIsKey(head.chars, () => runAt(text, lines, i, at, Infinity).chars)) continue;
      const run = runAt(text, lines, i, at, Infinity);
      const runEnd = run.lastLine === i ? at + run.chars.length : lines[run.lastLine].end;
      spans.push([at, runEnd]);
      i = run.lastLine;
      break;
    }
  }
  return spans;
}

/** Whether `text` holds key material anywhere (see keyMaterialSpans). */
export function holdsKeyMaterial(text: string): boolean {
  return keyMaterialSpans(text, true).length > 0;
}

/** `text` with each stretch of key material replaced by `replacement`. */
export function redactKeyMaterial(text: string, replacement: string): string {
  const spans = keyMaterialSpans(text);
  if (spans.length === 0) return text;
  let out = "";
  let from = 0;
  for (const [start, end] of spans) {
    out += text.slice(from, start) + replacement;
    from = end;
  }
  return out + text.slice(from);
}
