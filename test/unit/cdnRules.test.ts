import { expect } from "chai";
import {
  canonicalTlsVersions, deployedCertOf, domainEligibilityProblems, isCosDefaultDomain, isEligibleOriginType, isLegacyTencentDomain,
  judgeHttpsDeployment, judgeSettled, sameDeployedCert, tlsVersionsProblem,
} from "../../provider/rules/cdn";
import { DesiredHttps, httpsOff, httpsSettingsMatch, mergeHttps, redirectMatches, redirectOff, redirectOn } from "../../provider/rules/cdnWrite";
import type { Https } from "../../provider/tencentcloud/types";
import { cdnDomain } from "../support/cdnDomain";
import { makeChain } from "../support/certs";


const hosted: DesiredHttps = { cert: { source: "hosted", certificateId: "abc123" }, http2: true, ocspStapling: false };

describe("rules/cdn", () => {
  describe("domain eligibility", () => {
    it("accepts Deploying and Activated domains with self-owned, COS or FTP origins", () => {
      for (const OriginType of ["domain", "ip", "ipv6", "ip_ipv6_domain", "domain_domainv6", "cos", "ftp"]) {
        for (const Status of ["online", "processing"] as const) {
          expect(domainEligibilityProblems(cdnDomain({ Status, Origin: { OriginType } })), `${OriginType}/${Status}`).to.deep.equal([]);
        }
      }
    });

    it("rejects other statuses, naming the status and what to do", () => {
      for (const Status of ["offline", "rejected", "closing"] as const) {
        const [p] = domainEligibilityProblems(cdnDomain({ Status }));
        expect(p.code).to.equal("domain-status");
        expect(p.message).to.contain(`"${Status}"`).and.contain("cdn.example.com").and.contain("Deploying");
      }
    });

    it("rejects third-party, IGTM and image origins", () => {
      for (const OriginType of ["third_party", "igtm", "image", undefined]) {
        expect(isEligibleOriginType(OriginType), String(OriginType)).to.equal(false);
        expect(domainEligibilityProblems(cdnDomain({ Origin: { OriginType } })).map((p) => p.code)).to.deep.equal(["origin-type"]);
      }
    });

    it("recognises COS default domains and legacy .qcloudcdn.com domains by suffix, case-insensitively", () => {
      expect(isCosDefaultDomain("bucket-125.file.myqcloud.com")).to.equal(true);
      expect(isCosDefaultDomain("Bucket-125.FILE.myqcloud.com.")).to.equal(true);
      expect(isCosDefaultDomain("file.myqcloud.com.example.com")).to.equal(false);
      expect(isLegacyTencentDomain("abc.qcloudcdn.com")).to.equal(true);
      expect(isLegacyTencentDomain("qcloudcdn.com.example.com")).to.equal(false);
      expect(domainEligibilityProblems(cdnDomain({ Domain: "b.file.myqcloud.com", Origin: { OriginType: "cos" } })).map((p) => p.code))
        .to.deep.equal(["cos-default-domain"]);
    });
  });

  describe("TLS versions", () => {
    it("accepts consecutive versions in any order", () => {
      expect(tlsVersionsProblem(["TLSv1.2", "TLSv1.3"])).to.equal(undefined);
      expect(tlsVersionsProblem(["TLSv1.3", "TLSv1.1", "TLSv1.2"])).to.equal(undefined);
      expect(canonicalTlsVersions(["TLSv1.3", "TLSv1.2"])).to.deep.equal(["TLSv1.2", "TLSv1.3"]);
    });
    it("rejects gaps, duplicates, unknown names and an empty list with a sentence", () => {
      expect(tlsVersionsProblem(["TLSv1", "TLSv1.2"])).to.contain("consecutive").and.contain("TLSv1.1");
      expect(tlsVersionsProblem(["TLSv1.2", "TLSv1.2"])).to.contain("more than once");
      expect(tlsVersionsProblem(["SSLv3"])).to.contain('"SSLv3"');
      expect(tlsVersionsProblem([])).to.contain("at least one");
    });
  });

  describe("merge of the Https block", () => {
    const current: Https = {
      Switch: "on", Http2: "off", OcspStapling: "on", Spdy: "on", VerifyClient: "on",
      ClientCertInfo: { Certificate: "CA-PEM" }, SslStatus: "deployed", TlsVersion: ["TLSv1.2"],
      CertInfo: { CertId: "old", CertName: "n", ExpireTime: "2030-01-01 00:00:00" }, Hsts: { Switch: "on", MaxAge: 10 },
    };

    it("keeps unmanaged settings, sets ours, drops output-only fields", () => {
      const merged = mergeHttps(current, { ...hosted, alias: "r" });
      expect(merged).to.deep.equal({
        Switch: "on", Http2: "on", OcspStapling: "off", Spdy: "on", VerifyClient: "on", ClientCertInfo: { Certificate: "CA-PEM" },
        TlsVersion: ["TLSv1.2"], CertInfo: { CertId: "abc123", Message: "r" }, Hsts: { Switch: "off" },
      });
    });

    it("sends a self-owned certificate with its key, and managed HSTS and TLS versions", () => {
      const merged = mergeHttps(undefined, {
        cert: { source: "self-owned", certificate: "PEM", privateKey: "KEY" }, http2: false, ocspStapling: true,
        tlsVersions: ["TLSv1.3", "TLSv1.2"], hsts: { maxAge: 3600, includeSubDomains: true },
      });
      expect(merged).to.deep.equal({
        Switch: "on", Http2: "off", OcspStapling: "on", CertInfo: { Certificate: "PEM", PrivateKey: "KEY" },
        Hsts: { Switch: "on", MaxAge: 3600, IncludeSubDomains: "on" }, TlsVersion: ["TLSv1.2", "TLSv1.3"],
      });
    });

    it("turns HTTPS off keeping the rest", () => {
      expect(httpsOff(current)).to.deep.equal({
        Switch: "off", Http2: "off", OcspStapling: "on", Spdy: "on", VerifyClient: "on", ClientCertInfo: { Certificate: "CA-PEM" },
        TlsVersion: ["TLSv1.2"], Hsts: { Switch: "on", MaxAge: 10 },
      });
    });

    it("compares managed settings, treating unset TLS versions as unmanaged", () => {
      const deployed = mergeHttps(current, hosted);
      expect(httpsSettingsMatch(deployed, hosted)).to.equal(true);
      expect(httpsSettingsMatch({ ...deployed, Http2: "off" }, hosted)).to.equal(false);
      expect(httpsSettingsMatch({ ...deployed, Switch: "off" }, hosted)).to.equal(false);
      expect(httpsSettingsMatch(deployed, { ...hosted, tlsVersions: ["TLSv1.3"] })).to.equal(false);
      expect(httpsSettingsMatch(deployed, { ...hosted, hsts: { maxAge: 1, includeSubDomains: false } })).to.equal(false);
    });
  });

  describe("forced redirect", () => {
    it("builds the HTTP-to-HTTPS redirect and turns it off keeping its settings", () => {
      expect(redirectOn({ statusCode: 301, carryHeaders: true })).to.deep.equal({ Switch: "on", RedirectType: "https", RedirectStatusCode: 301, CarryHeaders: "on" });
      expect(redirectOff({ Switch: "on", RedirectType: "https", RedirectStatusCode: 301 })).to.deep.equal({ Switch: "off", RedirectType: "https", RedirectStatusCode: 301 });
    });
    it("matches only the desired redirect", () => {
      const on = redirectOn({ statusCode: 302, carryHeaders: false });
      expect(redirectMatches(on, { statusCode: 302, carryHeaders: false })).to.equal(true);
      expect(redirectMatches(on, { statusCode: 308, carryHeaders: false })).to.equal(false);
      expect(redirectMatches(on, undefined)).to.equal(false);
      expect(redirectMatches({ Switch: "on", RedirectType: "http" }, undefined)).to.equal(true);
      expect(redirectMatches(undefined, undefined)).to.equal(true);
    });
  });

  describe("deployment", () => {
    const https = (SslStatus: Https["SslStatus"]): Https => ({ Switch: "on", SslStatus });
    it("is done only when online and deployed", () => {
      expect(judgeHttpsDeployment(cdnDomain({ Https: https("deployed") }))).to.equal("done");
      expect(judgeHttpsDeployment(cdnDomain({ Status: "processing", Https: https("deployed") }))).to.equal("pending");
      expect(judgeHttpsDeployment(cdnDomain({ Https: https("deploying") }))).to.equal("pending");
    });
    it("fails with the API's message, or when the domain leaves service", () => {
      const failed = judgeHttpsDeployment(cdnDomain({ Https: { Switch: "on", SslStatus: "failed", CertInfo: { Message: "chain incomplete" } } }));
      expect(failed).to.have.property("failed").that.contains("chain incomplete").and.contains("cdn.example.com");
      expect(judgeHttpsDeployment(cdnDomain({ Status: "offline", Https: https("deployed") }))).to.have.property("failed").that.contains("offline");
    });
    it("settles when nothing is deploying", () => {
      expect(judgeSettled(cdnDomain({ Status: "processing" }))).to.equal("pending");
      expect(judgeSettled(cdnDomain({ Https: https("closed") }))).to.equal("done");
    });
  });

  describe("deployed certificate identity", () => {
    it("compares the fields the API returns", () => {
      const a = deployedCertOf({ Switch: "on", CertInfo: { CertId: "x", CertName: "n", ExpireTime: "2030-01-01 00:00:00" } });
      expect(sameDeployedCert(a, { ...a })).to.equal(true);
      expect(sameDeployedCert(a, { ...a, certId: "y" })).to.equal(false);
      expect(sameDeployedCert(a, { ...a, expireTime: "2031-01-01 00:00:00" })).to.equal(false);
      expect(sameDeployedCert(a, undefined)).to.equal(false);
      // A CertId on one side only: a hosted certificate where an upload was, or the reverse.
      const uploaded = { certName: "n", expireTime: "2030-01-01 00:00:00" };
      expect(sameDeployedCert(uploaded, a)).to.equal(false);
      expect(sameDeployedCert(a, uploaded)).to.equal(false);
      expect(sameDeployedCert(uploaded, { ...uploaded })).to.equal(true);
      expect(deployedCertOf({ Switch: "off", CertInfo: { CertId: "x" } })).to.equal(undefined);
    });
  });
});

// The argument schema's sentences (pure; the provider tests prove check uses them).
import { validateArgs } from "../../provider/runtime/validate";
import { cdnHttpsConfigSchema, resolveArgs } from "../../provider/cdnHttpsConfig/definition";
import { cdnArgumentFailures } from "../../provider/rules/cdn";
import { UNKNOWN } from "../../provider/unknown";

describe("CdnHttpsConfig arguments", () => {
  const failuresOf = (args: Record<string, unknown>) =>
    [...validateArgs(cdnHttpsConfigSchema, args).failures, ...cdnArgumentFailures(args)].map((f) => `${f.property}: ${f.reason}`);

  it("accepts both forms and applies the documented defaults", () => {
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc" })).to.deep.equal([]);
    const chain = makeChain();
    const v = validateArgs(cdnHttpsConfigSchema, { domain: "a.example.com", certificate: `subject=CN = a\n${chain.certificate}`, privateKey: chain.privateKey, forceRedirect: {}, hsts: { maxAge: 0 } });
    const r = resolveArgs(v.value!);
    // What is sent is what was parsed: the certificates alone, re-encoded.
    expect(r.https.cert).to.deep.include({ certificate: chain.certificate, privateKey: chain.privateKey });
    expect(r.https).to.deep.include({ http2: true, ocspStapling: false, hsts: { maxAge: 0, includeSubDomains: false } });
    expect(r.redirect).to.deep.equal({ statusCode: 302, carryHeaders: false });
    expect(r.waitForDeployment).to.equal(true);
  });

  it("says what is wrong with each bad value", () => {
    expect(failuresOf({ certificateId: "abc" })).to.deep.equal(["domain: domain is required: the CDN domain name, such as cdn.example.com."]);
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc", hsts: { maxAge: 1.5 } })[0]).to.contain("whole number");
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc", hsts: {} })[0]).to.contain("hsts.maxAge is required");
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc", colour: "red" })[0]).to.contain("Unknown argument(s) colour: CdnHttpsConfig takes domain;");
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc", forceRedirect: { statusCode: 200 } })[0]).to.contain("301, 302, 307, 308");
    expect(failuresOf({ domain: "a.example.com", certificateId: "abc", tlsVersions: "TLSv1.2" })[0]).to.contain("must be a list");
  });

  it("requires exactly one certificate form and the wait for a redirect", () => {
    expect(failuresOf({ domain: "a.example.com" })[0]).to.match(/^certificate: .*certificateId/);
    expect(failuresOf({ domain: "a.example.com", certificateId: "x", certificate: "P", privateKey: "K" })[0]).to.match(/^certificateId: .*not both/);
    expect(failuresOf({ domain: "a.example.com", privateKey: "K" })[0]).to.match(/^certificate: certificate is required/);
    expect(failuresOf({ domain: "a.example.com", certificateId: "x", forceRedirect: {}, waitForDeployment: false })[0]).to.match(/^waitForDeployment: /);
  });

  it("accepts domain names only: wildcards, IDN, any case and a trailing dot; no empty, edge-hyphen or scheme labels", () => {
    for (const ok of ["cdn.example.com", "*.example.com", "Bücher.example.com", "A.Example.COM.", "xn--bcher-kva.example.com"]) {
      expect(failuresOf({ domain: ok, certificateId: "x" }), ok).to.deep.equal([]);
    }
    for (const bad of ["cdn..example.com", "-x-.example.com", "https://a.example.com", "a.example.com:443", "a.example.com/path", "a.*.example.com", "localhost", "a b.example.com"]) {
      expect(failuresOf({ domain: bad, certificateId: "x" })[0], bad).to.match(/^domain: domain must be a domain name/);
    }
  });

  it("stays silent about values unknown at preview", () => {
    expect(failuresOf({ domain: UNKNOWN, certificate: UNKNOWN, privateKey: UNKNOWN, http2: UNKNOWN, hsts: { maxAge: UNKNOWN }, tlsVersions: UNKNOWN })).to.deep.equal([]);
    expect(failuresOf({ domain: "a.example.com", certificateId: UNKNOWN, forceRedirect: UNKNOWN })).to.deep.equal([]);
    // A list with one computed entry: its rule (consecutive versions) waits until all are known.
    expect(failuresOf({ domain: "a.example.com", certificateId: "x", tlsVersions: ["TLSv1.2", UNKNOWN] })).to.deep.equal([]);
    // What is known is still checked.
    expect(failuresOf({ domain: "a.example.com", certificateId: UNKNOWN, tlsVersions: ["TLSv1.2"], http2: "yes" })[0]).to.match(/^http2: /);
  });
});
