// The pure ownership rules: sentences, what a binding bound, which of its domains a delete unbinds,
// and the import's judgement of the served certificate from DescribeDomainsConfig's fields.
import { expect } from "chai";
import { boundAfterBind, conflictSentence, Declarations, planOwnedUnbind, liveDomain, cdnDomain, sharedSentence } from "../../provider/ownership";
import { servedCertificateDifferences } from "../../provider/rules/deployedCertificate";

describe("ownership rules", () => {
  const a = { type: "LiveDomainBinding" as const, name: "a" };
  const b = { type: "LiveDomainBinding" as const, name: "b" };

  it("a conflict sentence names both resources, the thing and what to do", () => {
    const d = new Declarations();
    d.declare({ type: "CdnHttpsConfig", name: "site" }, [{ thing: cdnDomain("cdn.example.com") }]);
    const [o] = d.declare({ type: "CdnHttpsConfig", name: "site2" }, [{ thing: cdnDomain("cdn.example.com") }]);
    expect(conflictSentence({ type: "CdnHttpsConfig", name: "site2" }, o))
      .to.contain('CdnHttpsConfig "site2" and CdnHttpsConfig "site" both declare HTTPS on CDN domain cdn.example.com')
      .and.to.contain('aliases: [{ name: "site" }]');
    d.declare(a, [{ thing: liveDomain("p.example.com"), certificate: "c1" }]);
    const [clash] = d.declare(b, [{ thing: liveDomain("p.example.com"), certificate: "c2" }]);
    expect(conflictSentence(b, clash)).to.contain('LiveDomainBinding "b" binds live domain p.example.com to certificate c2, but LiveDomainBinding "a" binds it to certificate c1');
    const [shared] = d.declare(b, [{ thing: liveDomain("p.example.com"), certificate: "c1" }]);
    expect(sharedSentence(b, shared)).to.contain("with the same certificate c1").and.to.contain("only once neither declares it");
  });

  it("a binding records per domain the certificate it bound it to; a refused move keeps the old record", () => {
    const before = { p1: "old", p2: "old" };
    const served = new Map([["p1", "new"], ["p2", "old"], ["p3", "other"]]);
    expect(boundAfterBind(before, "new", ["p1", "p2", "p3"], served)).to.deep.equal({ p1: "new", p2: "old" });
    // A domain moved by someone else since is not ours any more.
    expect(boundAfterBind({ p1: "old" }, "new", ["p1"], new Map([["p1", "other"]]))).to.deep.equal({});
  });

  it("delete unbinds every domain still on the certificate the binding bound it to, unless another resource declares it", () => {
    const served = new Map([["p1", "new"], ["p2", "old"], ["p3", "theirs"]]);
    const plan = planOwnedUnbind({ p1: "new", p2: "old", p3: "new", p4: "new" }, served, (d) => (d === "p1" ? [b] : []));
    expect(plan.unbind).to.deep.equal(["p2"]);
    expect(plan.declared).to.deep.equal([{ domain: "p1", by: [b] }]);
    expect(plan.elsewhere).to.deep.equal([{ domain: "p3", certificateId: "theirs" }]);
  });

  describe("import: the served certificate against the program's (DescribeDomainsConfig CertInfo)", () => {
    const leaf = { subject: "CN=cdn.example.com", sans: ["cdn.example.com"], notAfter: "2027-03-01T04:05:06.000Z" };
    it("is the same when uploaded, with the leaf's expiry (China time) and name", () => {
      expect(servedCertificateDifferences({ From: "upload", CertName: "cdn.example.com", ExpireTime: "2027-03-01 12:05:06" }, leaf)).to.deep.equal([]);
      expect(servedCertificateDifferences({ From: "upload", ExpireTime: "2027-03-01 12:05:06" }, leaf)).to.deep.equal([]);
    });
    it("says what differs: expiry, name, or a hosted certificate", () => {
      expect(servedCertificateDifferences({ From: "upload", CertName: "cdn.example.com", ExpireTime: "2027-01-01 08:00:00" }, leaf))
        .to.deep.equal(["the deployed certificate expires 2027-01-01T00:00:00.000Z, the program's expires 2027-03-01T04:05:06.000Z"]);
      expect(servedCertificateDifferences({ From: "upload", CertName: "other.org", ExpireTime: "2027-03-01 12:05:06" }, leaf)[0])
        .to.equal('the deployed certificate is named "other.org", the program\'s is "cdn.example.com"');
      expect(servedCertificateDifferences({ CertId: "abc", From: "ssl" }, leaf)[0]).to.contain("hosted in SSL Certificate Management (abc)");
    });
  });
});
