// RFC 6125 matching, domain normalisation and PEM normalisation.
import { expect } from "chai";
import { domainMatches, NameMatcher, normalizeDomain, normalizePem } from "../../provider/certificate";
import { makeChain } from "../support/certs";

describe("certificate names: RFC 6125 matching", () => {
  const names = ["example.com", "*.example.com", "f*.other.com", "a.*.deep.com", "*.com", "xn--e1afmkfd.xn--p1ai"];
  const cases: [string, boolean, string][] = [
    ["example.com", true, "exact"],
    ["WWW.Example.COM", true, "case-insensitive"],
    ["www.example.com.", true, "trailing dot ignored"],
    ["a.b.example.com", false, "a wildcard covers exactly one label"],
    ["example.com.au", false, "suffix is not a match"],
    [".example.com", false, "empty left-most label"],
    ["foo.other.com", false, "no partial wildcards"],
    ["f.other.com", false, "no partial wildcards (empty remainder)"],
    ["a.x.deep.com", false, "wildcard only in the left-most label"],
    ["anything.com", false, "*.com over a single label matches nothing"],
    ["*.example.com", true, "a wildcard domain is covered by the same wildcard name"],
    ["*.other.org", false, "a wildcard domain needs the literal wildcard"],
    ["пример.рф", true, "IDN compared in punycode"],
    ["ПРИМЕР.РФ.", true, "IDN, upper case and trailing dot"],
    ["", false, "empty"],
  ];
  for (const [domain, expected, why] of cases) {
    it(`${JSON.stringify(domain)} -> ${expected} (${why})`, () => {
      expect(domainMatches(domain, names)).to.equal(expected);
    });
  }

  it("normalizeDomain lowercases, drops the trailing dot, converts to punycode and keeps a wildcard", () => {
    expect(normalizeDomain(" WWW.Example.com. ")).to.equal("www.example.com");
    expect(normalizeDomain("*.Пример.рф")).to.equal("*.xn--e1afmkfd.xn--p1ai");
    expect(normalizeDomain("ѕрооғ.badssl.com")).to.equal("xn--n1aae7f7o.badssl.com");
  });

  it("an IDN wildcard name covers a Unicode host", () => {
    expect(domainMatches("www.пример.рф", ["*.xn--e1afmkfd.xn--p1ai"])).to.equal(true);
  });

  it("a matcher over 10,000 names answers many domains without rescanning the names", () => {
    const many = Array.from({ length: 10_000 }, (_, i) => `san${i}.example.com`);
    const matcher = new NameMatcher(many);
    const domains = Array.from({ length: 10_000 }, (_, i) => `SAN${i * 2}.example.com`);
    const hits = domains.filter((d) => matcher.matches(d)).length;
    expect(hits).to.equal(5_000);
  });

  it("domainMatches notices a names array that grew", () => {
    const list = ["a.example.com"];
    expect(domainMatches("b.example.com", list)).to.equal(false);
    list.push("b.example.com");
    expect(domainMatches("b.example.com", list)).to.equal(true);
  });
});

describe("normalizePem", () => {
  const chain = makeChain();
  it("gives the same text for CRLF, re-wrapped, indented and annotated copies", () => {
    const canonical = normalizePem(chain.certificate);
    expect(canonical).to.equal(chain.certificate); // already canonical: 64 columns, LF
    const body = chain.certificate.replace(/\n(?!-----)/g, "");
    const messy = `Subject: example.com\r\n   ${chain.certificate.replace(/\n/g, "\r\n    ")}\r\n-- end of mail`;
    expect(normalizePem(messy)).to.equal(canonical);
    expect(normalizePem(body.replace(/-----(BEGIN|END) CERTIFICATE-----/g, "\n$&\n"))).to.equal(canonical);
  });

  it("keeps the blocks' order and their headers", () => {
    const encrypted = chain.encryptedKeyPem("pw", "pkcs1");
    expect(normalizePem(encrypted.replace(/\n/g, "\r\n"))).to.equal(encrypted);
  });

  it("trims text without PEM blocks", () => {
    expect(normalizePem("  abc\r\n")).to.equal("abc");
  });
});
