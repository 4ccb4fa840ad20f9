// Private keys and key strength. node:crypto (createPrivateKey) reads every format we accept:
// RSA as PKCS#1 or PKCS#8, ECDSA P-256/P-384 as SEC1 or PKCS#8. Nothing here ever echoes key text.
import { createPrivateKey, type KeyObject, type X509Certificate } from "node:crypto";
import { findings } from "./findings";
import { describeSize, MAX_INPUT_CHARS } from "./limits";
import { blockToPem, describeNonPem, labelForSentence, pemBlocks } from "./pem";
import type { Finding } from "./types";

export interface KeyDescription {
  keyType: "RSA" | "EC" | "other";
  keySize: number;
  /** set when Tencent Cloud cannot use the key, e.g. "an Ed25519 key" */
  unsupported?: string;
}

const CURVE_SIZES: Record<string, number> = { prime256v1: 256, "P-256": 256, secp384r1: 384, "P-384": 384 };

export function describeKey(key: KeyObject): KeyDescription {
  const details = key.asymmetricKeyDetails ?? {};
  switch (key.asymmetricKeyType) {
    case "rsa":
      return { keyType: "RSA", keySize: details.modulusLength ?? 0 };
    case "ec": {
      const curve = details.namedCurve ?? "unknown";
      const size = CURVE_SIZES[curve];
      return size ? { keyType: "EC", keySize: size } : { keyType: "EC", keySize: 0, unsupported: `an ECDSA key on curve ${curve}` };
    }
    case "rsa-pss":
      return { keyType: "RSA", keySize: details.modulusLength ?? 0, unsupported: "an RSA-PSS key" };
    default:
      return { keyType: "other", keySize: 0, unsupported: `a${/^[aeiou]/i.test(key.asymmetricKeyType ?? "") ? "n" : ""} ${(key.asymmetricKeyType ?? "unknown").toUpperCase()} key` };
  }
}

/** KEY_UNSUPPORTED / RSA_TOO_SMALL for a key; `whose` starts the sentence ("Certificate … ", "The private key"). */
export function keyStrengthFindings(description: KeyDescription, whose: string): Finding[] {
  if (description.unsupported) return [findings.keyUnsupported(description.unsupported, whose)];
  if (description.keyType === "RSA" && description.keySize < 2048) return [findings.rsaTooSmall(description.keySize, whose)];
  return [];
}

export type KeyParse = { ok: true; key: KeyObject; label: string } | { ok: false; finding: Finding };

export function parsePrivateKey(text: string): KeyParse {
  const fail = (finding: Finding): KeyParse => ({ ok: false, finding });
  if (text.length > MAX_INPUT_CHARS) return fail(findings.keyInvalid(`The private key is too large (${describeSize(text.length)}): at most ${describeSize(MAX_INPUT_CHARS)} of PEM text is accepted; give only the key's PEM block.`));
  const blocks = pemBlocks(text);
  if (blocks.length === 0) return fail(findings.keyInvalid(describeNonPem(text, "private key")));
  const encrypted = blocks.some((b) => b.label === "ENCRYPTED PRIVATE KEY" || b.headers.some((h) => /^Proc-Type:\s*4,ENCRYPTED/i.test(h)));
  if (encrypted) return fail(findings.keyEncrypted());
  const block = blocks.find((b) => b.label.endsWith("PRIVATE KEY"));
  if (!block) {
    const what = blocks[0].label === "CERTIFICATE" ? "a certificate" : labelForSentence(blocks[0].label);
    return fail(findings.keyInvalid(`The private key input holds ${what}, not a private key: paste the "-----BEGIN PRIVATE KEY-----" (or RSA/EC PRIVATE KEY) block.`));
  }
  if (block.label === "OPENSSH PRIVATE KEY") {
    return fail(findings.keyInvalid("The private key is in OpenSSH format, which TLS does not use: supply the PEM key that belongs to the certificate."));
  }
  if (block.label === "DSA PRIVATE KEY") return fail(findings.keyUnsupported("a DSA key", "The private key"));
  try {
    return { ok: true, key: createPrivateKey(blockToPem(block)), label: block.label };
  } catch {
    // node:crypto's own message is not shown: it adds nothing the user can act on.
    return fail(findings.keyInvalid(`The private key (${labelForSentence(block.label)} block) could not be read: it is corrupted or truncated; copy it again from the original file.`));
  }
}

/** The encodings a key is re-encoded in, by the label it was given under (see canonicalPrivateKey). */
const KEY_ENCODINGS: Record<string, "pkcs1" | "sec1" | "pkcs8"> = { "RSA PRIVATE KEY": "pkcs1", "EC PRIVATE KEY": "sec1" };

/**
 * The private key as it is sent: re-encoded from the parsed key (so nothing around or inside its
 * block that was not the key goes along), in the encoding it was given in: PKCS#1 ("RSA PRIVATE
 * KEY") and SEC1 ("EC PRIVATE KEY") stay so, anything else becomes PKCS#8 ("PRIVATE KEY"). Tencent
 * Cloud's certificate pages show keys in both traditional and PKCS#8 PEM, and the API took the
 * user's own encoding before, so keeping it cannot turn an accepted key into a refused one. Throws
 * a sentence (never quoting the text) when it does not parse, which only a skipped check allows.
 */
export function canonicalPrivateKey(text: string): string {
  const parsed = parsePrivateKey(text);
  if (!parsed.ok) throw new Error(parsed.finding.message);
  return parsed.key.export({ type: KEY_ENCODINGS[parsed.label] ?? "pkcs8", format: "pem" }) as string;
}

/** KEY_MISMATCH when `key` is not the leaf's key. */
export function keyMatchFindings(key: KeyObject, leaf: X509Certificate, leafLabel: string): Finding[] {
  let matches = false;
  try {
    matches = leaf.checkPrivateKey(key);
  } catch {
    matches = false; // different key types can throw instead of answering false
  }
  return matches ? [] : [findings.keyMismatch(leafLabel)];
}
