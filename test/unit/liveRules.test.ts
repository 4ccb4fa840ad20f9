import { expect } from "chai";
import { bindingFailures, bindingIdFor, bindingStateFromTruth, describeFailures, domainsFromId, mayBeBoundTo, normalizeDomains, planBinding, sameDomainSet, sharedCertificate, toView, uncoveredDomains } from "../../provider/rules/live";
import { certificateNames, chinaTimeToIso, cloudCertificateProblem, sourceOfFrom } from "../../provider/rules/sslCertificate";
import type { LiveDomainCertBinding } from "../../provider/tencentcloud/types";

function binding(domain: string, certificateId: string, status = 1, extra: Partial<LiveDomainCertBinding> = {}): LiveDomainCertBinding {
  return {
    DomainName: domain, CertificateAlias: `alias-${certificateId}`, CertType: 0, Status: status,
    CertExpireTime: "2030-01-01 08:00:00", CertId: 1, CloudCertId: certificateId, ...extra,
  };
}

function byDomain(...rows: LiveDomainCertBinding[]): Map<string, LiveDomainCertBinding> {
  return new Map(rows.map((r) => [r.DomainName.toLowerCase(), r]));
}

describe("live rules", () => {
  describe("domains and ids", () => {
    it("treats case variants, trailing dots and duplicates as one domain, sorted", () => {
      expect(normalizeDomains(["B.example.com.", "a.example.com", "b.example.com", "A.EXAMPLE.COM"]))
        .to.deep.equal(["a.example.com", "b.example.com"]);
    });

    it("gives an id that does not depend on order or spelling, and reads it back", () => {
      const id = bindingIdFor(["Play2.example.com", "play1.example.com."]);
      expect(id).to.equal(bindingIdFor(["play1.example.com", "play2.example.com"]));
      expect(id).to.equal("play1.example.com,play2.example.com");
      expect(domainsFromId(" play2.example.com , PLAY1.example.com,")).to.deep.equal(["play1.example.com", "play2.example.com"]);
    });

    it("asks a certificate delete about every domain its names could cover, at any depth, and about every domain without names", () => {
      const names = ["*.Live.example.com", "example.org"];
      const asked = ["a.live.example.com", "live.example.com", "b.a.live.example.com", "EXAMPLE.org.", "cdn.example.org", "live.example.net", "xlive.example.com"]
        .filter((d) => mayBeBoundTo(d, names));
      expect(asked).to.deep.equal(["a.live.example.com", "live.example.com", "b.a.live.example.com", "EXAMPLE.org.", "cdn.example.org"]);
      expect(mayBeBoundTo("anything.example.net", undefined)).to.equal(true);
      expect(mayBeBoundTo("anything.example.net", [])).to.equal(true);
    });

    it("compares domain sets after normalisation", () => {
      expect(sameDomainSet(["A.example.com."], ["a.example.com", "a.example.com"])).to.equal(true);
      expect(sameDomainSet(["a.example.com"], ["a.example.com", "b.example.com"])).to.equal(false);
    });
  });

  describe("API values", () => {
    it("reads the API's UTC+8 times as ISO UTC", () => {
      expect(chinaTimeToIso("2030-01-01 08:00:00")).to.equal("2030-01-01T00:00:00.000Z");
      expect(chinaTimeToIso("2024-03-01 01:30:00")).to.equal("2024-02-29T17:30:00.000Z");
      expect(chinaTimeToIso("")).to.equal(undefined);
      expect(chinaTimeToIso("not a time")).to.equal(undefined);
    });

    it("maps a binding to the console's view row", () => {
      expect(toView(binding("Play.Example.com", "cert1", 0, { CertType: 1, CertificateAlias: "prod" }))).to.deep.equal({
        domain: "play.example.com", httpsEnabled: false, certificateId: "cert1", alias: "prod", source: "hosted",
        expiresAt: "2030-01-01T00:00:00.000Z",
      });
      expect(toView(binding("a.example.com", "c", 1)).source).to.equal("self-owned");
    });

    it("knows uploaded certificates from issued ones", () => {
      expect(sourceOfFrom("upload")).to.equal("self-owned");
      expect(sourceOfFrom("trustasia")).to.equal("hosted");
      expect(sourceOfFrom(undefined)).to.equal("hosted");
    });

    it("lists a certificate's names and finds domains it does not cover", () => {
      const names = certificateNames({ Domain: "example.com", SubjectAltName: ["*.Example.com", "example.com"] });
      expect(names).to.deep.equal(["example.com", "*.example.com"]);
      expect(uncoveredDomains(["play.example.com", "a.b.example.com", "example.org"], names))
        .to.deep.equal(["a.b.example.com", "example.org"]);
    });

    it("refuses expired, unissued or past-end certificates", () => {
      const now = new Date("2025-01-01T00:00:00Z");
      expect(cloudCertificateProblem({ CertificateId: "x", Status: 1, CertEndTime: "2030-01-01 00:00:00", RequestId: "" }, now)).to.equal(undefined);
      expect(cloudCertificateProblem({ CertificateId: "x", Status: 3, RequestId: "" }, now)).to.match(/x has expired/);
      expect(cloudCertificateProblem({ CertificateId: "x", Status: 0, StatusName: "under review", RequestId: "" }, now)).to.match(/under review/);
      expect(cloudCertificateProblem({ CertificateId: "x", Status: 1, CertEndTime: "2024-12-31 23:00:00", RequestId: "" }, now)).to.match(/expired on 2024-12-31T15:00:00.000Z/);
    });
  });

  describe("binding plan", () => {
    it("asks for HTTPS on (1) or unchanged (-1) and names the certificates domains leave", () => {
      const current = byDomain(binding("a.example.com", "old"), binding("b.example.com", "new"));
      const on = planBinding({ certificateId: "new", domains: ["B.example.com", "a.example.com", "c.example.com"], enableHttps: true, current });
      expect(on.domainInfos).to.deep.equal([
        { DomainName: "a.example.com", Status: 1 }, { DomainName: "b.example.com", Status: 1 }, { DomainName: "c.example.com", Status: 1 },
      ]);
      expect(on.takeovers).to.deep.equal([{ domain: "a.example.com", fromCertificateId: "old", fromAlias: "alias-old" }]);
      const keep = planBinding({ certificateId: "new", domains: ["a.example.com"], enableHttps: false, current });
      expect(keep.domainInfos).to.deep.equal([{ DomainName: "a.example.com", Status: -1 }]);
    });
  });

  describe("per-domain errors in a 200 answer", () => {
    it("reports each domain once, with a reason, including mismatches without an error entry", () => {
      const failures = bindingFailures({
        Errors: [
          { DomainName: "X.example.com", Code: "InvalidParameter.CrtDateOverdue", Message: "expired" },
          { DomainName: "y.example.com", Code: "ResourceNotFound.DomainNotExist", Message: "no such domain" },
          { DomainName: "z.other.com", Code: "FailedOperation.CertificateMismatch", Message: "mismatch" },
          { DomainName: "v.other.com", Code: "ResourceNotFound.DomainNotExist", Message: "does not match" },
        ],
        MismatchedDomainNames: ["z.other.com", "w.other.com", "V.other.com"],
      }, "cert1");
      expect(failures.map((f) => f.domain)).to.deep.equal(["v.other.com", "w.other.com", "x.example.com", "y.example.com", "z.other.com"]);
      expect(failures[0].reason).to.match(/not covered by the names of certificate cert1 \(ResourceNotFound.DomainNotExist/);
      expect(failures[1].reason).to.equal("not covered by the names of certificate cert1");
      expect(failures[2].reason).to.match(/cert1 has expired/);
      expect(failures[3].reason).to.match(/not a playback domain/);
      expect(failures[4].reason).to.match(/not covered.*CertificateMismatch: mismatch/);
      expect(bindingFailures({}, "cert1")).to.deep.equal([]);
    });

    it("says which domains failed and that the others are bound", () => {
      const text = describeFailures([{ domain: "z.other.com", code: "M", reason: "not covered" }], 3, "cert1");
      expect(text).to.match(/^Could not bind 1 of 3 live domain\(s\) to certificate cert1: z\.other\.com: not covered\. The other domains are bound\./);
      expect(text).to.match(/pulumi up/);
    });
  });

  describe("state from the API's truth", () => {
    const tracked = ["a.example.com", "b.example.com", "c.example.com"];

    it("keeps only domains bound to this certificate, and shows HTTPS turned off elsewhere", () => {
      const current = byDomain(binding("a.example.com", "mine", 1), binding("b.example.com", "mine", 0), binding("c.example.com", "theirs", 1));
      const state = bindingStateFromTruth({ certificateId: "mine", tracked, current, declaredEnableHttps: true });
      expect(state.domains).to.deep.equal(["a.example.com", "b.example.com"]);
      expect(state.enableHttps).to.equal(false);
      expect(state.bindings.map((b) => [b.domain, b.certificateId, b.httpsEnabled])).to.deep.equal([
        ["a.example.com", "mine", true], ["b.example.com", "mine", false], ["c.example.com", "theirs", true],
      ]);
    });

    it("has no HTTPS state to drift from when the user asked to leave it unchanged", () => {
      const current = byDomain(binding("a.example.com", "mine", 1));
      expect(bindingStateFromTruth({ certificateId: "mine", tracked, current, declaredEnableHttps: false }).enableHttps).to.equal(false);
      expect(bindingStateFromTruth({ certificateId: "mine", tracked, current }).enableHttps).to.equal(true);
    });

    it("finds the certificate shared by imported domains, and refuses a mix", () => {
      expect(sharedCertificate([toView(binding("a.example.com", "c1")), toView(binding("b.example.com", "c1"))])).to.deep.equal({ certificateId: "c1" });
      expect(sharedCertificate([])).to.deep.equal({ certificateId: undefined });
      const mixed = sharedCertificate([toView(binding("a.example.com", "c1")), toView(binding("b.example.com", "c2"))]);
      expect(mixed.conflict).to.match(/c1 \(a\.example\.com\); c2 \(b\.example\.com\)/);
    });
  });
});
