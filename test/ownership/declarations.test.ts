// The declarations registry on its own: who declares what within one deployment, which overlaps
// fail a check, which are shared, and what a delete must leave to the program.
import { expect } from "chai";
import { cdnDomain, sslCertificate, certificateMaterial, Declarations, describeRefs, liveDomain } from "../../provider/ownership";

describe("ownership: the declarations of one deployment", () => {
  const site = { type: "CdnHttpsConfig" as const, name: "site" };
  const site2 = { type: "CdnHttpsConfig" as const, name: "site2" };
  const a = { type: "LiveDomainBinding" as const, name: "a" };
  const b = { type: "LiveDomainBinding" as const, name: "b" };

  it("two resources declaring one CDN domain conflict, naming the other", () => {
    const d = new Declarations();
    expect(d.declare(site, [{ thing: cdnDomain("cdn.example.com") }])).to.deep.equal([]);
    const overlaps = d.declare(site2, [{ thing: cdnDomain("cdn.example.com") }]);
    expect(overlaps).to.have.length(1);
    expect(overlaps[0]).to.include({ kind: "conflict", thing: "cdn-domain:cdn.example.com" });
    expect(overlaps[0].other).to.deep.equal(site);
  });

  it("a resource declaring again replaces its own claims instead of conflicting with itself", () => {
    const d = new Declarations();
    d.declare(site, [{ thing: cdnDomain("old.example.com") }]);
    expect(d.declare(site, [{ thing: cdnDomain("new.example.com") }])).to.deep.equal([]);
    expect(d.declarers([cdnDomain("old.example.com")])).to.deep.equal([]);
    expect(d.declarers([cdnDomain("new.example.com")])).to.deep.equal([site]);
  });

  it("a playback domain is shared under one certificate and conflicts under two; unknown certificates never conflict", () => {
    const d = new Declarations();
    d.declare(a, [{ thing: liveDomain("play.example.com"), certificate: "c1" }]);
    expect(d.declare(b, [{ thing: liveDomain("play.example.com"), certificate: "c1" }]).map((o) => o.kind)).to.deep.equal(["shared"]);
    expect(d.declare(b, [{ thing: liveDomain("play.example.com"), certificate: "c2" }]).map((o) => o.kind)).to.deep.equal(["conflict"]);
    expect(d.declare(b, [{ thing: liveDomain("play.example.com") }]).map((o) => o.kind)).to.deep.equal(["shared"]);
  });

  it("a certificate used by many resources is shared, by id or by material, and every user is a declarer", () => {
    const d = new Declarations();
    const cert = { type: "LiveCertificate" as const, name: "cert" };
    d.declare(cert, [{ thing: certificateMaterial("fp") }, { thing: sslCertificate("abc") }]);
    expect(d.declare(a, [{ thing: sslCertificate("abc") }]).map((o) => o.kind)).to.deep.equal(["shared"]);
    expect(d.declarers([sslCertificate("abc")])).to.deep.equal([cert, a]);
    expect(d.declarers([certificateMaterial("fp")])).to.deep.equal([cert]);
  });

  it("a sentence names every declarer", () => {
    expect(describeRefs([site, a, b])).to.equal('CdnHttpsConfig "site", LiveDomainBinding "a" and LiveDomainBinding "b"');
  });
});
