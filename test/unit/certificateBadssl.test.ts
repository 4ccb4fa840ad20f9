// Real-world chains from badssl.com: all parse, and each yields the findings its name promises.
// All of them are expired by now, so `now` is injected inside each leaf's validity period where the
// test is about something else.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import { inspectCertificate, type InspectResult } from "../../provider/certificate";
import { badsslDir } from "../support/certs";

const DIR = badsslDir();
const read = (name: string) => fs.readFileSync(path.join(DIR, name), "utf8");
const inside = (name: string, domains?: string[]): InspectResult => {
  const first = inspectCertificate({ certificate: read(name) });
  const { notBefore, notAfter } = first.facts!;
  const middle = new Date((Date.parse(notBefore) + Date.parse(notAfter)) / 2);
  return inspectCertificate({ certificate: read(name), domains, now: middle });
};
const codes = (r: InspectResult) => r.findings.map((f) => f.code);

describe("certificate inspection: badssl.com chains", function () {
  it("every fixture parses and, today, is expired", () => {
    for (const name of fs.readdirSync(DIR).filter((f) => f.endsWith(".pem"))) {
      const result = inspectCertificate({ certificate: read(name) });
      expect(result.facts, name).to.not.equal(undefined);
      expect(result.findings.some((f) => f.code === "EXPIRED"), name).to.equal(true);
    }
  });

  it("wildcard-rsa2048: clean inside its validity, covering badssl.com and one label below", () => {
    const result = inside("wildcard-rsa2048.pem", ["badssl.com", "www.badssl.com", "WWW.BADSSL.COM."]);
    expect(result.findings).to.deep.equal([]);
    expect(result.facts).to.include({ keyType: "RSA", keySize: 2048, chainLength: 2 });
    expect(result.facts!.sans).to.have.members(["*.badssl.com", "badssl.com"]);
    expect(codes(inside("wildcard-rsa2048.pem", ["a.b.badssl.com"]))).to.deep.equal(["DOMAIN_NOT_COVERED"]);
  });

  for (const [file, size] of [["wildcard-ecc256.pem", 256], ["wildcard-ecc384.pem", 384]] as const) {
    it(`${file}: EC P-${size}, clean inside its validity`, () => {
      const result = inside(file, ["www.badssl.com"]);
      expect(result.findings).to.deep.equal([]);
      expect(result.facts).to.include({ keyType: "EC", keySize: size });
    });
  }

  it("wildcard-rsa8192: RSA 8192 parses clean", () => {
    const result = inside("wildcard-rsa8192.pem");
    expect(result.findings).to.deep.equal([]);
    expect(result.facts!.keySize).to.equal(8192);
  });

  it("subdomain-10000-sans: 10,000 names, covered and uncovered domains", () => {
    const result = inside("subdomain-10000-sans.pem", ["san9999.badssl.com", "10000-sans.badssl.com", "san10001.badssl.com"]);
    expect(result.facts!.sans).to.have.length(10_000);
    expect(codes(result)).to.deep.equal(["DOMAIN_NOT_COVERED"]);
    expect(result.findings[0].message).to.contain('"san10001.badssl.com"').and.contain("and 9995 more");
  });

  it("subdomain-xn--n1aae7f7o: IDN names match the Unicode and the punycode form", () => {
    expect(inside("subdomain-xn--n1aae7f7o.pem", ["ѕрооғ.badssl.com", "www.xn--n1aae7f7o.badssl.com"]).findings).to.deep.equal([]);
  });

  it("subdomain-no-common-name and subdomain-no-subject: named by their SAN, no CN fallback needed", () => {
    const noCn = inside("subdomain-no-common-name.pem", ["no-common-name.badssl.com"]);
    expect(codes(noCn)).to.deep.equal([]);
    const noSubject = inside("subdomain-no-subject.pem", ["no-subject.badssl.com", "x.badssl.com"]);
    expect(noSubject.facts!.subject).to.equal("");
    expect(codes(noSubject)).to.deep.equal(["DOMAIN_NOT_COVERED"]);
    expect(noSubject.findings[0].message).to.contain('certificate "no-subject.badssl.com" (serial 23E64F20C37C0D87101F7192EFC5D372)');
  });

  it("wildcard-incomplete-chain: CHAIN_INCOMPLETE naming the missing issuer", () => {
    const result = inside("wildcard-incomplete-chain.pem");
    expect(codes(result)).to.deep.equal(["CHAIN_INCOMPLETE"]);
    expect(result.findings[0].message).to.contain("DigiCert SHA2 Secure Server CA");
  });

  it("wildcard-self-signed: SELF_SIGNED warning only", () => {
    expect(codes(inside("wildcard-self-signed.pem"))).to.deep.equal(["SELF_SIGNED"]);
  });

  it("wildcard-sha1-intermediate: SHA1 warning for the intermediate", () => {
    const result = inside("wildcard-sha1-intermediate.pem");
    expect(codes(result)).to.deep.equal(["SHA1"]);
    expect(result.findings[0].message).to.match(/"COMODO SSL CA" .*\(intermediate #2\)/);
  });

  it("wildcard-expired: EXPIRED with its 2015 date", () => {
    const result = inspectCertificate({ certificate: read("wildcard-expired.pem"), domains: ["www.badssl.com"] });
    expect(result.findings[0].code).to.equal("EXPIRED");
    expect(result.findings[0].message).to.contain("expired on 2015-04-12T23:59:59Z");
  });
});
