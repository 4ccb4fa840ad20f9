// The bad-input catalogue: wrong inputs for each resource, each with the property and the sentence
// its check must answer with. Shared by the in-process test and the engine-harness run.
import type { EmulatorSeed } from "../../emulator";
import { makeCa, makeChain, otherKey, TestChain } from "../support/certs";

export type ResourceKind = "cdnHttpsConfig" | "liveCertificate" | "liveDomainBinding" | "freeCertificate" | "freeCertificateValidation";

export interface BadInput {
  name: string;
  resource: ResourceKind;
  args: Record<string, unknown>;
  property: string | RegExp;
  reason: RegExp;
}

export const CAT = {
  okCdn: "ok.catalogue.example.com",
  offlineCdn: "offline.catalogue.example.com",
  cosCdn: "bucket-1250000000.file.myqcloud.com",
  thirdPartyCdn: "thirdparty.catalogue.example.com",
  unknownCdn: "nowhere.catalogue.example.com",
  play: "play1.live.catalogue.example.com",
  play2: "play2.live.catalogue.example.com",
  push: "push.live.catalogue.example.com",
  hostedLiveCert: "CATLIVE1",
} as const;

export function catalogueSeed(hostedLive: TestChain): EmulatorSeed {
  return {
    cdnDomains: [
      { domain: CAT.okCdn, status: "online", originType: "domain" },
      { domain: CAT.offlineCdn, status: "offline", originType: "domain" },
      { domain: CAT.cosCdn, status: "online", originType: "cos" },
      { domain: CAT.thirdPartyCdn, status: "online", originType: "third_party" },
    ],
    liveDomains: [
      { name: CAT.play, type: 1, status: 1 },
      { name: CAT.play2, type: 1, status: 1 },
      { name: CAT.push, type: 0, status: 1 },
    ],
    sslCertificates: [{ id: CAT.hostedLiveCert, certificate: hostedLive.certificate, privateKey: hostedLive.privateKey, from: "trustasia", status: 1 }],
  };
}

const DAY = 24 * 3600 * 1000;

/** Chains used by the catalogue; built once (keys are cached by the factory). */
export function catalogueCerts() {
  const good = makeChain({ domains: ["*.catalogue.example.com", "catalogue.example.com"] });
  const twoLevels = makeChain({ domains: ["*.catalogue.example.com"], intermediates: 2 });
  return {
    good,
    hostedLive: makeChain({ domains: ["*.live.catalogue.example.com"], keySet: 2 }),
    expired: makeChain({ domains: ["*.catalogue.example.com"], notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - 10 * DAY) }),
    notYetValid: makeChain({ domains: ["*.catalogue.example.com"], notBefore: new Date(Date.now() + 10 * DAY), notAfter: new Date(Date.now() + 400 * DAY) }),
    otherDomain: makeChain({ domains: ["www.elsewhere.example.org"] }),
    partialWildcard: makeChain({ domains: ["o*.catalogue.example.com"] }),
    deepWildcard: makeChain({ domains: ["*.example.com"] }),
    rsa1024: makeChain({ domains: ["*.catalogue.example.com"], rsaBits: 1024 }),
    misordered: [...good.intermediatePems, good.leafPem].join(""),
    // Two intermediates, the one next to the leaf left out.
    incomplete: [twoLevels.leafPem, twoLevels.intermediatePems[1]].join(""),
    otherKey: otherKey(),
    clientLeaf: makeChain({ domains: ["alice.clients.catalogue.example.com"] }).leafPem,
    expiredCa: makeCa({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) }),
    notYetValidCa: makeCa({ notBefore: new Date(Date.now() + 10 * DAY), notAfter: new Date(Date.now() + 400 * DAY) }),
    caWithoutCertSign: makeCa({ keyCertSign: false }),
  };
}

export type CatalogueCerts = ReturnType<typeof catalogueCerts>;

const truncate = (pem: string) => pem.slice(0, Math.floor(pem.length / 2));
const TEN_MB = 10 * 1024 * 1024;

export function badInputs(c: CatalogueCerts): BadInput[] {
  const pair = { certificate: c.good.certificate, privateKey: c.good.privateKey };
  const cdn = (name: string, args: Record<string, unknown>, property: BadInput["property"], reason: RegExp): BadInput =>
    ({ name, resource: "cdnHttpsConfig", args: { domain: CAT.okCdn, ...args }, property, reason });
  const cert = (name: string, args: Record<string, unknown>, property: BadInput["property"], reason: RegExp): BadInput =>
    ({ name, resource: "liveCertificate", args, property, reason });
  const bind = (name: string, args: Record<string, unknown>, property: BadInput["property"], reason: RegExp): BadInput =>
    ({ name, resource: "liveDomainBinding", args: { certificateId: CAT.hostedLiveCert, ...args }, property, reason });
  const free = (name: string, args: Record<string, unknown>, property: BadInput["property"], reason: RegExp): BadInput =>
    ({ name, resource: "freeCertificate", args: { domain: "www.catalogue.example.com", ...args }, property, reason });
  const validation = (name: string, args: Record<string, unknown>, property: BadInput["property"], reason: RegExp): BadInput =>
    ({ name, resource: "freeCertificateValidation", args, property, reason });
  const garbagePem = "-----BEGIN CERTIFICATE-----\nthis is not base64 at all!\n-----END CERTIFICATE-----\n";

  return [
    // ---- CdnHttpsConfig: certificate content
    cdn("malformed PEM", { certificate: garbagePem, privateKey: c.good.privateKey }, "certificate", /certificate/i),
    cdn("truncated PEM", { certificate: truncate(c.good.certificate), privateKey: c.good.privateKey }, "certificate", /certificate/i),
    cdn("not PEM at all", { certificate: "hello", privateKey: c.good.privateKey }, "certificate", /PEM|certificate/i),
    cdn("truncated private key", { certificate: c.good.certificate, privateKey: truncate(c.good.privateKey) }, "privateKey", /key/i),
    cdn("key for another certificate", { certificate: c.good.certificate, privateKey: c.otherKey }, "privateKey", /match|belong|another|pair/i),
    cdn("encrypted private key", { certificate: c.good.certificate, privateKey: c.good.encryptedKeyPem("secret-pass") }, "privateKey", /encrypt|passphrase|password/i),
    cdn("expired certificate", { certificate: c.expired.certificate, privateKey: c.expired.privateKey }, "certificate", /expired/i),
    cdn("not yet valid certificate", { certificate: c.notYetValid.certificate, privateKey: c.notYetValid.privateKey }, "certificate", /not (yet )?valid|valid from|before/i),
    cdn("certificate for another domain", { certificate: c.otherDomain.certificate, privateKey: c.otherDomain.privateKey }, /certificate|domain/, /cover|match/i),
    cdn("partial wildcard", { certificate: c.partialWildcard.certificate, privateKey: c.partialWildcard.privateKey }, /certificate|domain/, /cover|match|wildcard/i),
    cdn("wildcard one level too shallow", { certificate: c.deepWildcard.certificate, privateKey: c.deepWildcard.privateKey }, /certificate|domain/, /cover|match/i),
    cdn("misordered chain", { certificate: c.misordered, privateKey: c.good.privateKey }, "certificate", /order|leaf first|first/i),
    cdn("incomplete chain", { certificate: c.incomplete, privateKey: c.good.privateKey }, "certificate", /chain|intermediate|issuer/i),
    cdn("RSA 1024 key", { certificate: c.rsa1024.certificate, privateKey: c.rsa1024.privateKey }, /certificate|privateKey/, /1024|2048|too (small|short|weak)/i),
    cdn("10 MB certificate string", { certificate: "A".repeat(TEN_MB), privateKey: c.good.privateKey }, "certificate", /large|size|long|PEM|certificate/i),
    // ---- CdnHttpsConfig: forms and settings
    cdn("both certificate forms", { ...pair, certificateId: "abc123" }, "certificateId", /not both/i),
    cdn("neither certificate form", {}, "certificate", /required/i),
    cdn("certificate without key", { certificate: c.good.certificate }, "privateKey", /privateKey is required/i),
    cdn("unknown TLS version", { ...pair, tlsVersions: ["TLSv1.2", "TLSv1.4"] }, "tlsVersions", /TLSv1\.4.*allowed values/i),
    cdn("non-consecutive TLS versions", { ...pair, tlsVersions: ["TLSv1", "TLSv1.2"] }, "tlsVersions", /consecutive/i),
    cdn("redirect status 303", { ...pair, forceRedirect: { statusCode: 303 } }, "forceRedirect.statusCode", /301, 302, 307, 308/),
    cdn("negative HSTS max-age", { ...pair, hsts: { maxAge: -1 } }, "hsts.maxAge", /negative/i),
    cdn("domain with a scheme", { ...pair, domain: "https://ok.catalogue.example.com" }, "domain", /without scheme/i),
    // ---- CdnHttpsConfig: the client CA of client-certificate verification (mTLS)
    cdn("client CA: a leaf given by mistake", { ...pair, clientCertificate: { caCertificates: c.clientLeaf } }, "clientCertificate.caCertificates", /is a leaf .*not a CA/),
    cdn("client CA: the server certificate", { ...pair, clientCertificate: { caCertificates: c.good.leafPem } }, "clientCertificate.caCertificates", /this domain's server certificate/),
    cdn("client CA: expired", { ...pair, clientCertificate: { caCertificates: c.expiredCa } }, "clientCertificate.caCertificates", /expired on/),
    cdn("client CA: not yet valid", { ...pair, clientCertificate: { caCertificates: c.notYetValidCa } }, "clientCertificate.caCertificates", /not valid until/),
    cdn("client CA: no keyCertSign", { ...pair, clientCertificate: { caCertificates: c.caWithoutCertSign } }, "clientCertificate.caCertificates", /without keyCertSign/),
    cdn("client CA: malformed PEM", { ...pair, clientCertificate: { caCertificates: garbagePem } }, "clientCertificate.caCertificates", /not valid base64/),
    cdn("client CA: a private key", { ...pair, clientCertificate: { caCertificates: c.good.privateKey } }, "clientCertificate.caCertificates", /is a private key/),
    cdn("client CA: empty", { ...pair, clientCertificate: { caCertificates: "" } }, "clientCertificate.caCertificates", /is empty/),
    cdn("client CA: not an object", { ...pair, clientCertificate: "ca.pem" }, "clientCertificate", /must be an object \{ caCertificates \}/),
    cdn("quic: not a boolean", { ...pair, quic: "on" }, "quic", /true or false/),
    // ---- CdnHttpsConfig: ineligible domains (asked of the backend once, never written)
    cdn("domain offline", { ...pair, domain: CAT.offlineCdn }, "domain", /status "offline"/),
    cdn("COS default domain", { ...pair, domain: CAT.cosCdn }, "domain", /COS default domain/),
    cdn("third-party origin", { ...pair, domain: CAT.thirdPartyCdn }, "domain", /origin type "third_party"/),
    cdn("unknown CDN domain", { ...pair, domain: CAT.unknownCdn }, "domain", /not|exist|found/i),
    // ---- LiveCertificate
    cert("live: both forms", { ...pair, certificateId: CAT.hostedLiveCert }, "certificateId", /not both/i),
    cert("live: neither form", { alias: "nothing" }, "certificate", /A certificate is required/),
    cert("live: expired certificate", { certificate: c.expired.certificate, privateKey: c.expired.privateKey }, "certificate", /expired/i),
    cert("live: key for another certificate", { certificate: c.good.certificate, privateKey: c.otherKey }, "privateKey", /match|belong|another|pair/i),
    cert("live: malformed PEM", { certificate: garbagePem, privateKey: c.good.privateKey }, "certificate", /certificate/i),
    cert("live: hosted id that does not exist", { certificateId: "NOSUCH01" }, "certificateId", /does not exist/),
    cert("live: 10 MB certificate string", { certificate: "A".repeat(TEN_MB), privateKey: c.good.privateKey }, "certificate", /large|size|long|PEM|certificate/i),
    // ---- LiveDomainBinding
    bind("binding: empty domain list", { domains: [] }, "domains", /at least one/i),
    bind("binding: push domain", { domains: [CAT.play, CAT.push] }, "domains[1]", /push domain/),
    bind("binding: unknown live domain", { domains: ["nowhere.live.catalogue.example.com"] }, "domains[0]", /does not exist/),
    bind("binding: domain not covered by the certificate", { domains: ["play.other.example.net"] }, "domains[0]", /does not exist|not covered/),
    bind("binding: not a domain name", { domains: ["play example"] }, "domains[0]", /not a domain name/),
    bind("binding: certificate that does not exist", { certificateId: "NOSUCH02", domains: [CAT.play] }, "certificateId", /does not exist/),
    bind("binding: certificate id that is a path", { certificateId: "bad id/../x", domains: [CAT.play] }, "certificateId", /^certificateId must be the id of a certificate in SSL Certificate Management/),
    // ---- FreeCertificate (all offline: nothing is asked of the API at check)
    free("free: wildcard domain", { domain: "*.catalogue.example.com" }, "domain", /wildcard.*one exact name/),
    free("free: IP address", { domain: "192.0.2.7" }, "domain", /IP address/),
    free("free: two domains in one", { domain: "a.example.com, b.example.com" }, "domain", /one FreeCertificate per domain/),
    free("free: domain over 64 characters", { domain: `${"x".repeat(60)}.example.com` }, "domain", /longer than 64/),
    free("free: 10 MB domain string", { domain: "a".repeat(TEN_MB) }, "domain", /too large \(10 MiB\): at most 1 MiB/),
    free("free: unknown validation method", { validationMethod: "EMAIL" }, "validationMethod", /DNS_AUTO \(needs the domain's DNS hosted in Tencent Cloud DNS/),
    free("free: unknown key algorithm", { keyAlgorithm: "DSA" }, "keyAlgorithm", /RSA \(2048 bits\) or ECC \(prime256v1\)/),
    free("free: renewal beyond the API's window", { renewBeforeDays: 45 }, "renewBeforeDays", /at most 30/),
    free("free: no renewal margin", { renewBeforeDays: 0 }, "renewBeforeDays", /at least 1/),
    free("free: unknown argument", { privateKey: "x" }, "(arguments)", /Unknown argument\(s\) privateKey: FreeCertificate takes/),
    // ---- FreeCertificateValidation
    validation("validation: no certificate id", {}, "certificateId", /certificateId is required: .*freeCertificate\.certificateId/),
    validation("validation: a path as certificate id", { certificateId: "../DeleteCertificate" }, "certificateId", /must be the id of a certificate in SSL Certificate Management/),
    validation("validation: record ids not a list", { certificateId: "a9TsmZkL", validationRecordIds: "rec-1" }, "validationRecordIds", /must be a list of strings/),
    validation("validation: unknown argument", { certificateId: "a9TsmZkL", domain: "www.example.com" }, "(arguments)", /Unknown argument\(s\) domain: FreeCertificateValidation takes certificateId/),
    bind("binding: 10,000 domains", { domains: Array.from({ length: 10_000 }, (_, i) => `p${i}.live.catalogue.example.com`) }, /domains/, /too many|at most|does not exist/i),
  ];
}
