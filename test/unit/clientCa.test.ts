// inspectClientCa: every finding about a client-CA bundle (mutual TLS), on certificates built at test time.
import { expect } from "chai";
import * as crypto from "node:crypto";
import { inspectClientCa, type Finding } from "../../provider/certificate";
import { basicConstraintsCa, keyUsageAllowsCertSign } from "../../provider/certificate/der";
import { makeCa, makeChain } from "../support/certs";

const DAY = 24 * 3600 * 1000;
const codes = (fs: Finding[]) => fs.map((f) => f.code);
const derOf = (pem: string) => new crypto.X509Certificate(pem).raw;
const sha256 = (...ders: Buffer[]) => ders.reduce((h, d) => h.update(d), crypto.createHash("sha256")).digest("hex");

describe("client CA inspection (mutual TLS)", () => {
  it("accepts a root CA and reports its fingerprint, name and expiry", () => {
    const ca = makeCa({ cn: "Clients Root CA", notAfter: new Date("2031-05-06T07:08:09Z") });
    const result = inspectClientCa({ caCertificates: ca });
    expect(result.findings).to.deep.equal([]);
    expect(result.facts).to.deep.equal({
      fingerprintSha256: sha256(derOf(ca)), name: "Clients Root CA", notAfter: "2031-05-06T07:08:09Z", count: 1,
    });
  });

  it("accepts an intermediate and its root in one bundle (CRLF, text around), fingerprinting both in order", () => {
    const chain = makeChain();
    const bundle = `my CAs:\r\n${(chain.intermediatePems[0] + chain.rootPem!).replace(/\n/g, "\r\n")}\r\n`;
    const result = inspectClientCa({ caCertificates: bundle });
    expect(result.findings).to.deep.equal([]);
    expect(result.facts!.count).to.equal(2);
    expect(result.facts!.fingerprintSha256).to.equal(sha256(derOf(chain.intermediatePems[0]), derOf(chain.rootPem!)));
    expect(result.facts!.name).to.match(/^Test Intermediate CA 1 /);
  });

  it("refuses a leaf given by mistake with a sentence naming it", () => {
    const chain = makeChain({ domains: ["client.example.com"] });
    const { findings } = inspectClientCa({ caCertificates: chain.leafPem });
    expect(codes(findings)).to.deep.equal(["CLIENT_CA_NOT_CA"]);
    expect(findings[0].severity).to.equal("error");
    expect(findings[0].message).to.match(/^clientCertificate\.caCertificates: certificate "client\.example\.com" \(serial [0-9A-F]+\) is a leaf .* give the certificate of the CA/);
  });

  it("refuses a bundle that mixes a CA and a leaf, naming only the leaf", () => {
    const chain = makeChain();
    const { findings } = inspectClientCa({ caCertificates: chain.rootPem! + chain.leafPem });
    expect(codes(findings)).to.deep.equal(["CLIENT_CA_NOT_CA"]);
    expect(findings[0].message).to.include(chain.serialNumber);
  });

  it("refuses the domain's own server certificate, when the server chain is given", () => {
    const server = makeChain();
    const result = inspectClientCa({ caCertificates: server.leafPem, serverCertificate: server.certificate });
    expect(codes(result.findings)).to.deep.equal(["CLIENT_CA_IS_SERVER_CERT"]);
    expect(result.findings[0].message).to.match(/is this domain's server certificate/);
    // The server chain's CA as client CA is allowed: the same CA may issue both.
    expect(inspectClientCa({ caCertificates: server.rootPem!, serverCertificate: server.certificate }).findings).to.deep.equal([]);
  });

  it("refuses an expired CA and one not yet valid, and warns about one expiring within 30 days", () => {
    const now = Date.now();
    const expired = inspectClientCa({ caCertificates: makeCa({ notBefore: new Date(now - 400 * DAY), notAfter: new Date(now - DAY) }) });
    expect(codes(expired.findings)).to.deep.equal(["CLIENT_CA_EXPIRED"]);
    expect(expired.findings[0].message).to.match(/expired on \d{4}-\d\d-\d\dT.*renewed certificate/);
    const future = inspectClientCa({ caCertificates: makeCa({ notBefore: new Date(now + 10 * DAY), notAfter: new Date(now + 400 * DAY) }) });
    expect(codes(future.findings)).to.deep.equal(["CLIENT_CA_NOT_YET_VALID"]);
    const soon = inspectClientCa({ caCertificates: makeCa({ notAfter: new Date(now + 10 * DAY + 3600_000) }) });
    expect(soon.findings.map((f) => [f.code, f.severity])).to.deep.equal([["CLIENT_CA_EXPIRES_SOON", "warning"]]);
    expect(soon.findings[0].message).to.match(/in 10 days/);
  });

  it("judges expiry against the given clock", () => {
    const ca = makeCa({ notAfter: new Date("2030-01-01T00:00:00Z") });
    expect(codes(inspectClientCa({ caCertificates: ca, now: new Date("2031-01-01T00:00:00Z") }).findings)).to.deep.equal(["CLIENT_CA_EXPIRED"]);
  });

  it("refuses a CA whose keyUsage lacks keyCertSign", () => {
    const { findings } = inspectClientCa({ caCertificates: makeCa({ cn: "CRL Signer", keyCertSign: false }) });
    expect(codes(findings)).to.deep.equal(["CLIENT_CA_NO_CERT_SIGN"]);
    expect(findings[0].message).to.match(/"CRL Signer" .* keyUsage without keyCertSign/);
  });

  const unusable: [string, string, RegExp][] = [
    ["empty input", " ", /is empty/],
    ["text that is not PEM", "my CA", /not PEM text/],
    ["a damaged block", "-----BEGIN CERTIFICATE-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOC\n-----END CERTIFICATE-----\n", /not a valid X\.509 certificate/],
    ["a private key", makeChain().privateKey, /PEM block #1 is a private key.*keep it secret/],
  ];
  for (const [name, text, message] of unusable) {
    it(`refuses ${name} with CLIENT_CA_INVALID and no facts`, () => {
      const result = inspectClientCa({ caCertificates: text });
      expect(result.facts).to.equal(undefined);
      expect(codes(result.findings)).to.deep.equal(["CLIENT_CA_INVALID"]);
      expect(result.findings[0].message).to.match(/^clientCertificate\.caCertificates: /).and.match(message);
    });
  }

  it("never echoes a private key found in the bundle", () => {
    const key = makeChain().privateKey;
    const body = key.split("\n")[1];
    const { findings } = inspectClientCa({ caCertificates: makeCa() + key });
    expect(JSON.stringify(findings)).not.to.include(body);
    expect(codes(findings)).to.deep.equal(["CLIENT_CA_INVALID"]);
  });

  it("reads keyCertSign from keyUsage and the CA flag from basicConstraints", () => {
    expect(keyUsageAllowsCertSign(derOf(makeCa()))).to.equal(true);
    expect(keyUsageAllowsCertSign(derOf(makeCa({ keyCertSign: false })))).to.equal(false);
    expect(keyUsageAllowsCertSign(derOf(makeChain().leafPem))).to.equal(false);
    expect(basicConstraintsCa(derOf(makeCa({ keyCertSign: false })))).to.equal(true);
    expect(basicConstraintsCa(derOf(makeChain().leafPem))).to.equal(false);
  });
});
