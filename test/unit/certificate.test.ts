// Every finding of inspectCertificate, with its message, on chains built at test time.
import { expect } from "chai";
import * as crypto from "node:crypto";
import { hasErrors, inspectCertificate, inspectRemembering, rememberedFacts, type Finding, type InspectInput } from "../../provider/certificate";
import { cachedKey, makeCertificate, makeChain, otherKey, toPem } from "../support/certs";

const DAY = 24 * 3600 * 1000;
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const only = (input: InspectInput, code: string): Finding => {
  const { findings } = inspectCertificate(input);
  const hits = findings.filter((f) => f.code === code);
  expect(hits, `${code} in ${JSON.stringify(findings, null, 1)}`).to.have.length(1);
  return hits[0];
};

describe("certificate inspection: findings", () => {
  describe("clean chains", () => {
    for (const keyType of ["rsa", "ec256", "ec384"] as const) {
      it(`a good ${keyType} chain with its key and covered domains has no findings, and its facts`, () => {
        const chain = makeChain({ keyType, domains: ["example.com", "*.example.com"] });
        const result = inspectCertificate({ certificate: chain.certificate, privateKey: chain.privateKey, domains: ["example.com", "www.example.com"] });
        expect(result.findings).to.deep.equal([]);
        expect(hasErrors(result.findings)).to.equal(false);
        const facts = result.facts!;
        expect(facts.fingerprintSha256).to.equal(chain.fingerprintSha256).and.match(/^[0-9a-f]{64}$/);
        expect(facts.serialNumber).to.equal(chain.serialNumber);
        expect(facts.sans).to.deep.equal(["example.com", "*.example.com"]);
        expect(facts.keyType).to.equal(keyType === "rsa" ? "RSA" : "EC");
        expect(facts.keySize).to.equal({ rsa: 2048, ec256: 256, ec384: 384 }[keyType]);
        expect(facts.subject).to.equal("CN=example.com");
        expect(facts.issuer).to.match(/^O=Test PKI, CN=Test Intermediate CA 1 /);
        expect(facts.notAfter).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
        expect(facts.chainLength).to.equal(2);
      });
    }

    it("accepts PKCS#1 and SEC1 keys, a root at the end, CRLF and text around the blocks", () => {
      const rsa = makeChain();
      const crlf = `Here is my chain:\r\n\r\n  ${rsa.withRoot().replace(/\n/g, "\r\n")}  \r\nthanks\r\n`;
      expect(inspectCertificate({ certificate: crlf, privateKey: `key:\n${rsa.keyPkcs1Pem}\n` }).findings).to.deep.equal([]);
      const ec = makeChain({ keyType: "ec256" });
      expect(inspectCertificate({ certificate: ec.certificate, privateKey: ec.keySec1Pem }).findings).to.deep.equal([]);
    });
  });

  describe("input that is not a certificate", () => {
    const cases: [string, string, RegExp][] = [
      ["empty input", "  \n", /is empty/],
      ["garbage", "hello, this is not a certificate", /is not PEM text/],
      ["DER bytes", Buffer.from([0x30, 0x82, 0x01, 0x0a, 0x02, 0x01, 0x00, 0x05]).toString("latin1"), /binary DER.*openssl x509 -inform der/],
      ["a truncated block", "-----BEGIN CERTIFICATE-----\nMIIB", /without its matching "-----END"/],
      ["a damaged body", "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOC\n-----END CERTIFICATE-----\n", /not a valid X\.509 certificate/],
      ["bad base64", "-----BEGIN CERTIFICATE-----\nMII$$$\n-----END CERTIFICATE-----\n", /not valid base64/],
    ];
    for (const [name, certificate, message] of cases) {
      it(`rejects ${name} with PEM_INVALID and a sentence`, () => {
        const result = inspectCertificate({ certificate });
        expect(result.facts).to.equal(undefined);
        expect(codes(result.findings)).to.deep.equal(["PEM_INVALID"]);
        expect(result.findings[0].message).to.match(message);
      });
    }

    it("says so when a private key is pasted as the certificate, without echoing it", () => {
      const key = makeChain().privateKey;
      const f = only({ certificate: key }, "PEM_INVALID");
      expect(f.message).to.match(/is a private key, not a certificate/);
      expect(f.message).not.to.contain(key.split("\n")[1]);
    });
  });

  describe("private key", () => {
    const chain = makeChain();
    it("KEY_MISMATCH names the certificate and the fix", () => {
      const f = only({ certificate: chain.certificate, privateKey: otherKey() }, "KEY_MISMATCH");
      expect(f.severity).to.equal("error");
      expect(f.message).to.contain(`"example.com" (serial ${chain.serialNumber})`).and.match(/does not match.*signing request/);
    });

    it("KEY_MISMATCH for an EC key against an RSA certificate", () => {
      expect(codes(inspectCertificate({ certificate: chain.certificate, privateKey: otherKey("ec256") }).findings)).to.deep.equal(["KEY_MISMATCH"]);
    });

    for (const format of ["pkcs8", "pkcs1"] as const) {
      it(`KEY_ENCRYPTED for an encrypted ${format} key, and the passphrase-protected text is never echoed`, () => {
        const encrypted = chain.encryptedKeyPem("correct horse", format);
        const f = only({ certificate: chain.certificate, privateKey: encrypted }, "KEY_ENCRYPTED");
        expect(f.message).to.match(/encrypted \(passphrase-protected\).*without a passphrase/);
        expect(f.message).not.to.contain("correct horse");
      });
    }

    it("KEY_UNSUPPORTED for an Ed25519 key, a P-521 key and a certificate with an Ed25519 key", () => {
      const ed = crypto.generateKeyPairSync("ed25519");
      const edPem = ed.privateKey.export({ type: "pkcs8", format: "pem" }) as string;
      expect(only({ certificate: chain.certificate, privateKey: edPem }, "KEY_UNSUPPORTED").message)
        .to.match(/^The private key uses an ED25519 key, which Tencent Cloud CDN and CSS do not accept/);
      const p521 = crypto.generateKeyPairSync("ec", { namedCurve: "P-521" }).privateKey.export({ type: "pkcs8", format: "pem" }) as string;
      expect(only({ certificate: chain.certificate, privateKey: p521 }, "KEY_UNSUPPORTED").message).to.match(/ECDSA key on curve secp521r1/);

      const ca = cachedKey("rsa", 1);
      const edLeaf = makeCertificate({ subject: [["2.5.4.3", "ed.example.com"]], issuer: [["2.5.4.3", "Ed CA"]], publicKey: ed.publicKey,
        issuerPublicKey: ca.publicKey, signingKey: ca.privateKey, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY),
        isCa: false, sans: ["ed.example.com"] });
      const result = inspectCertificate({ certificate: toPem(edLeaf) });
      expect(result.findings.find((f) => f.code === "KEY_UNSUPPORTED")!.message).to.match(/^Certificate "ed\.example\.com" \(serial [0-9A-F]+\) uses an ED25519 key/);
      expect(result.facts!.keyType).to.equal("other");
    });

    it("RSA_TOO_SMALL for a 1024-bit leaf", () => {
      const small = makeChain({ rsaBits: 1024 });
      const f = only({ certificate: small.certificate, privateKey: small.privateKey }, "RSA_TOO_SMALL");
      expect(f.message).to.contain(`Certificate "example.com" (serial ${small.serialNumber}) uses an RSA key of 1024 bits, under the 2048-bit minimum`);
    });

    it("KEY_INVALID for garbage, a certificate in the key field, and a damaged key", () => {
      expect(only({ certificate: chain.certificate, privateKey: "not a key" }, "KEY_INVALID").message).to.match(/private key is not PEM text/);
      expect(only({ certificate: chain.certificate, privateKey: "" }, "KEY_INVALID").message).to.match(/private key is empty/);
      expect(only({ certificate: chain.certificate, privateKey: chain.leafPem }, "KEY_INVALID").message).to.match(/holds a certificate, not a private key/);
      const damaged = chain.privateKey.replace(/\n[A-Za-z0-9+/]{64}\n/, "\nAAAA\n");
      const f = only({ certificate: chain.certificate, privateKey: damaged }, "KEY_INVALID");
      expect(f.message).to.match(/could not be read: it is corrupted or truncated/);
    });
  });

  describe("validity", () => {
    it("EXPIRED with the date", () => {
      const chain = makeChain({ notBefore: new Date("2020-01-01T00:00:00Z"), notAfter: new Date("2021-01-01T00:00:00Z") });
      const f = only({ certificate: chain.certificate }, "EXPIRED");
      expect(f.message).to.equal(`Certificate "example.com" (serial ${chain.serialNumber}) expired on 2021-01-01T00:00:00Z: renew it with your CA and use the new certificate.`);
    });

    it("NOT_YET_VALID with the date", () => {
      const chain = makeChain({ notBefore: new Date("2040-01-01T00:00:00Z"), notAfter: new Date("2041-01-01T00:00:00Z") });
      expect(only({ certificate: chain.certificate }, "NOT_YET_VALID").message).to.match(/is not valid until 2040-01-01T00:00:00Z/);
    });

    it("EXPIRES_SOON is a warning with the date, judged against an injected now", () => {
      const chain = makeChain({ notBefore: new Date("2030-01-01T00:00:00Z"), notAfter: new Date("2030-06-30T12:00:00Z") });
      const f = only({ certificate: chain.certificate, now: new Date("2030-06-20T12:00:00Z") }, "EXPIRES_SOON");
      expect(f.severity).to.equal("warning");
      expect(f.message).to.match(/expires on 2030-06-30 \(in 10 days\): renew it soon/);
      expect(inspectCertificate({ certificate: chain.certificate, now: new Date("2030-05-01T00:00:00Z") }).findings).to.deep.equal([]);
    });
  });

  describe("domains", () => {
    const chain = makeChain({ domains: ["example.com", "*.example.com"] });
    it("DOMAIN_NOT_COVERED for each uncovered domain, naming the names it has", () => {
      const { findings } = inspectCertificate({ certificate: chain.certificate, domains: ["a.b.example.com", "example.org", "www.example.com"] });
      expect(codes(findings)).to.deep.equal(["DOMAIN_NOT_COVERED", "DOMAIN_NOT_COVERED"]);
      expect(findings[0].message).to.equal(`Domain "a.b.example.com" is not covered by certificate "example.com" (serial ${chain.serialNumber}), whose names are "example.com", "*.example.com": use a certificate whose subjectAltNames include it or a matching wildcard (a wildcard covers exactly one label).`);
      expect(findings[1].message).to.contain('Domain "example.org"');
    });

    it("CN_FALLBACK warning when there is no SAN; the CN still covers its domain", () => {
      const noSan = makeChain({ noSan: true, cn: "legacy.example.com" });
      const result = inspectCertificate({ certificate: noSan.certificate, domains: ["LEGACY.example.com."] });
      expect(codes(result.findings)).to.deep.equal(["CN_FALLBACK"]);
      expect(result.findings[0].severity).to.equal("warning");
      expect(result.findings[0].message).to.match(/^Certificate "legacy\.example\.com" \(serial [0-9A-F]+\) has no DNS subjectAltName/);
      expect(result.facts!.sans).to.deep.equal([]);
      expect(codes(inspectCertificate({ certificate: noSan.certificate, domains: ["other.example.com"] }).findings)).to.deep.equal(["CN_FALLBACK", "DOMAIN_NOT_COVERED"]);
    });

    it("a certificate with an empty subject is named by its SAN", () => {
      const chain2 = makeChain({ noSubject: true, domains: ["nosubject.example.com"] });
      const result = inspectCertificate({ certificate: chain2.certificate, domains: ["x.example.com"] });
      expect(result.findings[0].message).to.contain(`"nosubject.example.com" (serial ${chain2.serialNumber})`);
      expect(result.facts!.subject).to.equal("");
    });
  });

  describe("chain", () => {
    it("CHAIN_INCOMPLETE when the leaf's issuer is not in the bundle", () => {
      const chain = makeChain();
      const f = only({ certificate: chain.leafPem }, "CHAIN_INCOMPLETE");
      expect(f.message).to.match(/^The chain is incomplete: the issuer of certificate "example\.com" \(serial [0-9A-F]+\) \(O=Test PKI, CN=Test Intermediate CA 1 [^)]+\) is not in the bundle, and CDN requires the full chain/);
    });

    it("CHAIN_ORDER names the intermediate that is out of place", () => {
      const chain = makeChain({ intermediates: 2 });
      const [upper, lower] = [chain.intermediatePems[1], chain.intermediatePems[0]];
      const f = only({ certificate: chain.leafPem + upper + lower }, "CHAIN_ORDER");
      expect(f.message).to.match(/^Certificate #3 "Test Intermediate CA 2 [^"]+" \(serial [0-9A-F]+\) is out of place: it issued certificate #1 "example\.com".* at position 2 \(expected order: #1, #3, #2\)/);
      expect(codes(inspectCertificate({ certificate: chain.leafPem + upper + lower }).findings)).to.deep.equal(["CHAIN_ORDER"]);
    });

    it("CHAIN_ORDER when the leaf is not first", () => {
      const chain = makeChain();
      const f = only({ certificate: chain.intermediatePems[0] + chain.leafPem, privateKey: chain.privateKey }, "CHAIN_ORDER");
      expect(f.message).to.match(/^Certificate #2 "example\.com" .* is the leaf but is at position 2: put the leaf first.*expected order: #2, #1/);
    });

    it("CHAIN_SIGNATURE for an intermediate of another chain, plus CHAIN_INCOMPLETE", () => {
      const a = makeChain();
      const b = makeChain({ keySet: 1 });
      const { findings } = inspectCertificate({ certificate: a.leafPem + b.intermediatePems[0] });
      expect(codes(findings)).to.have.members(["CHAIN_SIGNATURE", "CHAIN_INCOMPLETE"]);
      expect(findings.find((f) => f.code === "CHAIN_SIGNATURE")!.message)
        .to.match(/^Certificate #2 "Test Intermediate CA 1 [^"]+" \(serial [0-9A-F]+\) does not sign the certificate before it \(#1 "example\.com"/);
    });

    it("CHAIN_SIGNATURE for an intermediate with the right name but the wrong key", () => {
      const name: [string, string][] = [["2.5.4.3", "Same Name CA"]];
      const real = cachedKey("rsa", 1);
      const impostor = cachedKey("rsa", 2);
      const leafKey = cachedKey("rsa", 0);
      const dates = { notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY) };
      const leaf = makeCertificate({ subject: [["2.5.4.3", "example.com"]], issuer: name, publicKey: leafKey.publicKey, issuerPublicKey: real.publicKey,
        signingKey: real.privateKey, isCa: false, sans: ["example.com"], ...dates });
      const fake = makeCertificate({ subject: name, issuer: [["2.5.4.3", "Root"]], publicKey: impostor.publicKey, issuerPublicKey: leafKey.publicKey,
        signingKey: leafKey.privateKey, isCa: true, ...dates });
      const { findings } = inspectCertificate({ certificate: toPem(leaf) + toPem(fake) });
      expect(codes(findings)).to.have.members(["CHAIN_SIGNATURE", "CHAIN_INCOMPLETE"]);
      expect(findings.find((f) => f.code === "CHAIN_SIGNATURE")!.message)
        .to.match(/^Certificate #2 "Same Name CA" .* has the name of the issuer of certificate #1 "example\.com" .* but did not sign it/);
    });

    it("SELF_SIGNED is a warning, not an incomplete chain", () => {
      const chain = makeChain({ selfSigned: true });
      const result = inspectCertificate({ certificate: chain.certificate, privateKey: chain.privateKey });
      expect(codes(result.findings)).to.deep.equal(["SELF_SIGNED"]);
      expect(result.findings[0].severity).to.equal("warning");
      expect(result.findings[0].message).to.contain(`Certificate "example.com" (serial ${chain.serialNumber}) is self-signed`);
    });

    it("SHA1 warning for an intermediate and for the leaf, never for the root", () => {
      const inter = makeChain({ sha1Intermediate: true });
      const r1 = inspectCertificate({ certificate: inter.withRoot() });
      expect(codes(r1.findings)).to.deep.equal(["SHA1"]);
      expect(r1.findings[0].severity).to.equal("warning");
      expect(r1.findings[0].message).to.match(/^Certificate "Test Intermediate CA 1 [^"]+" \(serial [0-9A-F]+\) \(intermediate #2\) is signed with SHA-1/);
      const leaf = makeChain({ sha1Leaf: true, keyType: "ec256", caKeyType: "ec256" });
      expect(only({ certificate: leaf.certificate }, "SHA1").message).to.match(/\(the leaf\) is signed with SHA-1/);
    });
  });

  it("never puts private key material in a finding", () => {
    const chain = makeChain();
    const body = chain.privateKey.split("\n").slice(1, -2).join("");
    const inputs: InspectInput[] = [
      { certificate: chain.privateKey, privateKey: chain.privateKey },
      { certificate: chain.certificate, privateKey: chain.privateKey.replace(/\n[A-Za-z0-9+/]{64}\n/, "\n!!\n") },
      { certificate: makeChain().certificate, privateKey: chain.privateKey, domains: ["x.org"] },
    ];
    for (const input of inputs) {
      for (const f of inspectCertificate(input).findings) {
        for (let i = 0; i + 16 <= body.length; i += 16) expect(f.message).not.to.contain(body.slice(i, i + 16));
      }
    }
  });
});

describe("remembered certificate facts (one parse per PEM and process)", () => {
  it("gives the facts inspectCertificate finds, the same object on every ask, and the facts an inspection with the key found", () => {
    const chain = makeChain({ domains: ["remembered.example.com"] });
    const inspected = inspectRemembering({ certificate: chain.certificate, privateKey: chain.privateKey, domains: ["remembered.example.com"] });
    expect(inspected).to.deep.equal(inspectCertificate({ certificate: chain.certificate, privateKey: chain.privateKey, domains: ["remembered.example.com"] }));
    expect(rememberedFacts(chain.certificate)).to.equal(inspected.facts); // not parsed again
    const other = makeChain({ domains: ["other.example.com"] }).certificate;
    expect(rememberedFacts(other)).to.deep.equal(inspectCertificate({ certificate: other }).facts);
    expect(rememberedFacts(other)).to.equal(rememberedFacts(other));
    expect(rememberedFacts("not a certificate")).to.equal(undefined);
    expect(rememberedFacts(undefined)).to.equal(undefined);
  });
});
