// The shared test-time certificate factory builds chains that OpenSSL (via node:crypto) accepts.
import { expect } from "chai";
import * as crypto from "node:crypto";
import { makeChain, otherKey } from "../support/certs";

const splitPem = (bundle: string) => bundle.split(/(?=-----BEGIN CERTIFICATE-----)/).map((p) => new crypto.X509Certificate(p));

describe("test/support/certs", () => {
  for (const keyType of ["rsa", "ec256", "ec384"] as const) {
    it(`builds a ${keyType} chain whose links verify and whose key matches the leaf`, () => {
      const chain = makeChain({ keyType, intermediates: 2 });
      const certs = splitPem(chain.withRoot());
      expect(certs).to.have.length(4);
      expect(splitPem(chain.certificate)).to.have.length(3); // root not included by default
      for (let i = 0; i < certs.length - 1; i++) {
        expect(certs[i].checkIssued(certs[i + 1]), `link ${i}`).to.equal(true);
        expect(certs[i].verify(certs[i + 1].publicKey), `signature ${i}`).to.equal(true);
      }
      expect(certs[0].checkPrivateKey(crypto.createPrivateKey(chain.privateKey))).to.equal(true);
      expect(certs[0].subjectAltName).to.equal("DNS:example.com, DNS:*.example.com");
      expect(chain.fingerprintSha256).to.equal(certs[0].fingerprint256.replace(/:/g, "").toLowerCase());
      expect(chain.serialNumber).to.equal(certs[0].serialNumber);
    });
  }

  it("offers the key in PKCS#1 / SEC1 and encrypted forms", () => {
    expect(makeChain().keyPkcs1Pem).to.contain("BEGIN RSA PRIVATE KEY");
    expect(makeChain({ keyType: "ec256" }).keySec1Pem).to.contain("BEGIN EC PRIVATE KEY");
    const enc = makeChain().encryptedKeyPem("secret");
    expect(enc).to.contain("BEGIN ENCRYPTED PRIVATE KEY");
    expect(() => crypto.createPrivateKey(enc)).to.throw();
    expect(crypto.createPrivateKey({ key: enc, passphrase: "secret" }).asymmetricKeyType).to.equal("rsa");
  });

  it("builds the special cases: self-signed, no SAN, SHA-1, dates, small RSA, other key", () => {
    const self = new crypto.X509Certificate(makeChain({ selfSigned: true }).certificate);
    expect(self.verify(self.publicKey)).to.equal(true);
    expect(new crypto.X509Certificate(makeChain({ noSan: true }).certificate).subjectAltName).to.equal(undefined);
    const sha1 = makeChain({ sha1Intermediate: true });
    expect(sha1.intermediatePems).to.have.length(1);
    const notAfter = new Date("2030-01-02T03:04:05Z");
    expect(new Date(new crypto.X509Certificate(makeChain({ notAfter }).leafPem).validTo).toISOString()).to.equal(notAfter.toISOString());
    const small = crypto.createPrivateKey(makeChain({ rsaBits: 1024 }).privateKey);
    expect(small.asymmetricKeyDetails?.modulusLength).to.equal(1024);
    const leaf = new crypto.X509Certificate(makeChain().leafPem);
    expect(leaf.checkPrivateKey(crypto.createPrivateKey(otherKey()))).to.equal(false);
  });
});
