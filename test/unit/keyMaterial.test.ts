// Key material by content (provider/certificate/keyMaterial.ts), the canonical forms of what was
// parsed (pem.ts, key.ts), and the name rules a public CA applies (hostname.ts).
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { canonicalCertificates, canonicalPrivateKey, holdsKeyMaterial, publicCaNameProblem, redactKeyMaterial } from "../../provider/certificate";
import { isPrivateKeyDer } from "../../provider/certificate/keyMaterial";
import { badsslDir, makeCa, makeChain } from "../support/certs";

const body = (pem: string) => pem.split("\n").filter((l) => l && !l.startsWith("-----") && !l.includes(":")).join("\n");

describe("key material found by its content", () => {
  const rsa = makeChain();
  const ec = makeChain({ keyType: "ec256", keySet: 1 });
  const keys: [string, string][] = [
    ["PKCS#8 RSA", rsa.privateKey], ["PKCS#1 RSA", rsa.keyPkcs1Pem], ["SEC1 EC", ec.keySec1Pem], ["PKCS#8 EC", ec.privateKey],
    ["encrypted PKCS#8", rsa.encryptedKeyPem("pass")], ["encrypted PKCS#1 (Proc-Type)", rsa.encryptedKeyPem("pass", "pkcs1")],
  ];

  for (const [name, pem] of keys) {
    it(`${name}: whole, under a damaged BEGIN line, lowercase, and as its bare base64 body`, () => {
      expect(holdsKeyMaterial(pem)).to.equal(true);
      expect(holdsKeyMaterial(pem.replace("-----BEGIN", "----BEGIN"))).to.equal(true);
      expect(holdsKeyMaterial(pem.toLowerCase())).to.equal(true);
      // Ciphertext under Proc-Type has no structure to recognise; argumentContent's PEM-body rule covers it.
      if (!pem.includes("Proc-Type")) expect(holdsKeyMaterial(`note: xyz${body(pem)}`)).to.equal(true);
    });
  }

  it("an OpenSSH key, and a PEM key base64-encoded once more", () => {
    expect(holdsKeyMaterial("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB")).to.equal(true);
    expect(holdsKeyMaterial(Buffer.from(rsa.privateKey).toString("base64"))).to.equal(true);
  });

  it("nothing in certificates, CAs, the badssl.com chains, or prose about keys", () => {
    expect(holdsKeyMaterial(rsa.withRoot())).to.equal(false);
    expect(holdsKeyMaterial(ec.certificate)).to.equal(false);
    expect(holdsKeyMaterial(makeCa())).to.equal(false);
    for (const file of fs.readdirSync(badsslDir()).filter((f) => f.endsWith(".pem"))) {
      expect(holdsKeyMaterial(fs.readFileSync(path.join(badsslDir(), file), "utf8")), file).to.equal(false);
    }
    expect(holdsKeyMaterial("The private key does not match certificate \"example.com\"; KEY_MISMATCH")).to.equal(false);
  });

  it("tells key DER from certificate, public key and CSR DER", () => {
    expect(isPrivateKeyDer(rsa.keyObject.export({ type: "pkcs1", format: "der" }) as Buffer)).to.equal(true);
    expect(isPrivateKeyDer(Buffer.from(body(rsa.leafPem).replace(/\n/g, ""), "base64"))).to.equal(false);
    expect(isPrivateKeyDer(rsa.keyObject.export({ type: "pkcs8", format: "der" }).subarray(0, 40) as Buffer)).to.equal(true); // a prefix is enough
  });

  it("redacts the key and keeps what is around it", () => {
    const text = `before\n${rsa.certificate}${rsa.privateKey.replace("-----END PRIVATE KEY-----", "-----END CERTIFICATE-----")}after`;
    const out = redactKeyMaterial(text, "[REDACTED]");
    expect(out).to.equal(`before\n${rsa.certificate}[REDACTED]\nafter`);
  });
});

describe("the canonical forms of what was parsed", () => {
  const chain = makeChain();

  it("certificates: re-encoded from the DER, nothing around or between them", () => {
    const pasted = `Bag Attributes\r\n    localKeyID: 01\r\nsubject=CN = x\r\n${chain.leafPem.replace(/\n/g, "\r\n  ")}\n\n# intermediate\n${chain.intermediatePems[0]}`;
    expect(canonicalCertificates(pasted)).to.equal(chain.certificate);
  });

  it("keys: PKCS#1 and SEC1 keep their encoding, the rest is PKCS#8; a combined file gives the key alone", () => {
    expect(canonicalPrivateKey(`junk\n${chain.keyPkcs1Pem}`)).to.equal(chain.keyPkcs1Pem);
    expect(canonicalPrivateKey(`${chain.certificate}${chain.privateKey}`)).to.equal(chain.privateKey);
    const ec = makeChain({ keyType: "ec256", keySet: 1 });
    expect(canonicalPrivateKey(`-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n${ec.keySec1Pem}`)).to.equal(ec.keySec1Pem);
  });

  it("throws a sentence that does not quote the text when nothing parses", () => {
    for (const canonical of [canonicalCertificates, canonicalPrivateKey]) {
      const message = (() => { try { canonical("secret words"); return ""; } catch (e) { return (e as Error).message; } })();
      expect(message).to.match(/not PEM text/).and.not.to.contain("secret words");
    }
  });
});

describe("names a public CA signs", () => {
  for (const [name, why] of [["bad_label.example.com", /underscore/], ["ab--cd.example.com", /third and fourth/], ["xn--zz.example.com", /not valid Punycode/], ["-a.example.com", /hyphen/]] as const) {
    it(`refuses ${name}`, () => expect(publicCaNameProblem(name)).to.match(why));
  }
  it("accepts ordinary and internationalised names", () => {
    for (const name of ["www.example.com", "xn--bcher-kva.example.com", "a-b.example.com", "123.example.com"]) expect(publicCaNameProblem(name), name).to.equal(undefined);
  });
});
