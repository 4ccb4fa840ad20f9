// Just enough DER reading to get a certificate's signature algorithm, which node:crypto's
// X509Certificate does not expose (Node 20). Walking three headers is far cheaper than a full
// node-forge ASN.1 parse of a 10,000-SAN certificate, and forge cannot model EC certificates anyway.

interface Tlv { tag: number; contentStart: number; end: number }

/**
 * The tag and length of the DER element at `pos`, whether or not its content is all in `buf` (a
 * decoded prefix is enough to tell what a structure starts with); undefined when the header itself
 * is cut off or uses a length form DER does not (indefinite, or more than 4 length bytes).
 */
export function readHeader(buf: Buffer, pos: number): Tlv | undefined {
  if (pos + 2 > buf.length) return undefined;
  const tag = buf[pos];
  let len = buf[pos + 1];
  let contentStart = pos + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > buf.length) return undefined;
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[contentStart + i];
    contentStart += count;
  }
  return { tag, contentStart, end: contentStart + len };
}

function readTlv(buf: Buffer, pos: number): Tlv {
  const tlv = readHeader(buf, pos);
  if (!tlv || tlv.end > buf.length) throw new Error("truncated DER");
  return tlv;
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [Math.floor(bytes[0] / 40), bytes[0] % 40];
  let value = 0;
  for (let i = 1; i < bytes.length; i++) {
    value = value * 128 + (bytes[i] & 0x7f);
    if (!(bytes[i] & 0x80)) { parts.push(value); value = 0; }
  }
  return parts.join(".");
}

/** Dotted OID of Certificate.signatureAlgorithm (RFC 5280 4.1.1.2). */
export function signatureAlgorithmOid(certDer: Buffer): string {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.contentStart);
  const algorithm = readTlv(certDer, tbs.end);
  const oid = readTlv(certDer, algorithm.contentStart);
  if (oid.tag !== 0x06) throw new Error("signature algorithm is not an OID");
  return decodeOid(certDer.subarray(oid.contentStart, oid.end));
}

// SHA-1 based signature algorithms: RSA, ECDSA, DSA, and the old OIW one.
const SHA1_SIGNATURES = new Set(["1.2.840.113549.1.1.5", "1.2.840.10045.4.1", "1.2.840.10040.4.3", "1.3.14.3.2.29"]);

export function isSha1Signature(oid: string): boolean {
  return SHA1_SIGNATURES.has(oid);
}

/**
 * Where the DER value (the OCTET STRING's content) of a certificate extension starts; undefined when absent.
 * TBSCertificate.extensions is [3] (RFC 5280 4.1); node:crypto exposes neither keyUsage nor basicConstraints
 * (its `ca` is OpenSSL's X509_check_ca, which also says false for a CA without keyCertSign).
 */
function extensionValueAt(certDer: Buffer, oid: string): number | undefined {
  const cert = readTlv(certDer, 0);
  const tbs = readTlv(certDer, cert.contentStart);
  for (let pos = tbs.contentStart; pos < tbs.end;) {
    const field = readTlv(certDer, pos);
    pos = field.end;
    if (field.tag !== 0xa3) continue;
    const list = readTlv(certDer, field.contentStart);
    for (let at = list.contentStart; at < list.end;) {
      const ext = readTlv(certDer, at);
      at = ext.end;
      const id = readTlv(certDer, ext.contentStart);
      if (decodeOid(certDer.subarray(id.contentStart, id.end)) !== oid) continue;
      let value = readTlv(certDer, id.end);
      if (value.tag === 0x01) value = readTlv(certDer, value.end); // the optional `critical` BOOLEAN
      return value.contentStart;
    }
  }
  return undefined;
}

/** keyCertSign is bit 5 of KeyUsage (RFC 5280 4.2.1.3): 0x04 in the first byte after the unused-bits byte. */
const KEY_CERT_SIGN = 0x04;

/** Whether keyUsage allows signing certificates; undefined when the certificate has no keyUsage. */
export function keyUsageAllowsCertSign(certDer: Buffer): boolean | undefined {
  const at = extensionValueAt(certDer, "2.5.29.15");
  if (at === undefined) return undefined;
  const bits = readTlv(certDer, at);
  return bits.end - bits.contentStart > 1 && (certDer[bits.contentStart + 1] & KEY_CERT_SIGN) !== 0;
}

/** basicConstraints cA (RFC 5280 4.2.1.9): false when the extension or the flag is absent. */
export function basicConstraintsCa(certDer: Buffer): boolean {
  const at = extensionValueAt(certDer, "2.5.29.19");
  if (at === undefined) return false;
  const constraints = readTlv(certDer, at);
  if (constraints.contentStart >= constraints.end) return false;
  const flag = readTlv(certDer, constraints.contentStart);
  return flag.tag === 0x01 && certDer[flag.contentStart] !== 0;
}
