// Limits on certificate material, judged at check before anything is parsed, sent or stored. The
// API documents no number for these (spec/ssl.api.json UploadCertificate, spec/cdn.api.json
// ServerCert and ClientCert say only "证书内容"): the numbers are ours, and say why.

/**
 * The largest PEM input (a certificate chain, a client CA bundle, a private key), and so the
 * largest any argument may be: 1 MiB. TLS caps a Certificate message at 2^24-1 bytes (RFC 8446
 * section 4.4.2) and OpenSSL-based clients refuse a peer's certificate list over 100 KiB unless told
 * otherwise (SSL_CTX_set_max_cert_list). badssl.com's 10,000-name chain
 * (271 KiB of PEM, among the repository's badssl test fixtures) is served by a real site and is
 * parsed by the tests, so the limit leaves it room; a runaway value (a 20 MB file) is refused.
 */
export const MAX_INPUT_CHARS = 1024 * 1024;

/**
 * Certificates in one chain or client CA bundle: 10. Public CAs serve a leaf and one to three
 * intermediates (cross-signs included); RFC 5280 and the TLS RFCs set no number, so this only stops
 * a concatenated directory of certificates, which no client would walk through anyway.
 */
export const MAX_BUNDLE_CERTIFICATES = 10;

/** "1 MiB", "271 KiB": a size for a sentence. */
export function describeSize(chars: number): string {
  return chars >= 1024 * 1024 ? `${(chars / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MiB` : `${Math.ceil(chars / 1024)} KiB`;
}
