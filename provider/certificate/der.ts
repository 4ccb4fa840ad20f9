// Just enough DER reading to get a certificate's signature algorithm, which node:crypto's
// X509Certificate does not expose (Node 20). Walking three headers is far cheaper than a full
// node-forge ASN.1 parse of a 10,000-SAN certificate, and forge cannot model EC certificates anyway.

interface Tlv { tag: number; contentStart: number; end: number }

function readTlv(buf: Buffer, pos: number): Tlv {
  if (pos + 2 > buf.length) throw new Error("truncated DER");
  const tag = buf[pos];
  let len = buf[pos + 1];
  let contentStart = pos + 2;
  if (len & 0x80) {
    const count = len & 0x7f;
    if (count === 0 || count > 4 || contentStart + count > buf.length) throw new Error("unsupported DER length");
    len = 0;
    for (let i = 0; i < count; i++) len = len * 256 + buf[contentStart + i];
    contentStart += count;
  }
  const end = contentStart + len;
  if (end > buf.length) throw new Error("truncated DER");
  return { tag, contentStart, end };
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
