// CDN actions of the emulator: filters and paging, whole-block replace, deployments on the clock,
// and the documented HTTPS rules with their error codes.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { makeChain, otherKey } from "../support/certs";
import { call, errorCode } from "./rawApi";

const D = "www.cdn.example.com";
const chain = makeChain({ domains: [D] });
const hosted = makeChain({ domains: [D] });

describe("emulator: cdn", () => {
  let emu: EmulatorHandle;
  const seed = {
    sslCertificates: [{ id: "hostCdn1", certificate: hosted.certificate, from: "trustasia", alias: "hosted-cdn" }],
    cdnDomains: [
      { domain: D, https: { Switch: "off" as const, Spdy: "on" as const } },
      { domain: "img.cdn.example.com", status: "processing" as const },
      { domain: "off.cdn.example.com", status: "offline" as const },
      { domain: "bucket-1250000000.file.myqcloud.com" },
      { domain: "cos.cdn.example.com", originType: "cos" },
      { domain: "tp.cdn.example.com", originType: "third_party" },
    ],
  };
  before(async () => { emu = await startEmulator({ deployDelayMs: 1000, seed }); });
  beforeEach(() => emu.reset());
  after(() => emu.stop());

  const config = async (domain = D) =>
    (await call(emu, "cdn", "DescribeDomainsConfig", { Filters: [{ Name: "domain", Value: [domain] }] })).Domains[0];
  const selfOwned = (c = chain) => ({ Switch: "on", CertInfo: { Certificate: c.certificate, PrivateKey: c.privateKey } });

  describe("DescribeDomainsConfig / DescribeDomains", () => {
    it("filters by exact domain, fuzzy domain, status and https, and pages with TotalNumber", async () => {
      const exact = await call(emu, "cdn", "DescribeDomainsConfig", { Filters: [{ Name: "domain", Value: [D.toUpperCase()] }] });
      expect(exact.TotalNumber).to.equal(1);
      expect(exact.Domains[0].Https.Spdy).to.equal("on");
      const fuzzy = await call(emu, "cdn", "DescribeDomainsConfig", { Filters: [{ Name: "domain", Value: ["cdn.example"], Fuzzy: true }] });
      expect(fuzzy.TotalNumber).to.equal(5);
      const processing = await call(emu, "cdn", "DescribeDomains", { Filters: [{ Name: "status", Value: ["processing"] }] });
      expect(processing.Domains.map((d: any) => d.Domain)).to.deep.equal(["img.cdn.example.com"]);
      expect(processing.Domains[0]).not.to.have.property("Https");
      const paged = await call(emu, "cdn", "DescribeDomains", { Offset: 2, Limit: 2 });
      expect(paged.TotalNumber).to.equal(6);
      expect(paged.Domains).to.have.length(2);
      const https = await call(emu, "cdn", "DescribeDomains", { Filters: [{ Name: "https", Value: ["on"] }] });
      expect(https.TotalNumber).to.equal(0);
    });

    it("returns an empty list for an unknown domain and rejects bad filters", async () => {
      const none = await call(emu, "cdn", "DescribeDomainsConfig", { Filters: [{ Name: "domain", Value: ["nope.example.com"] }] });
      expect(none).to.include({ TotalNumber: 0 });
      expect(await errorCode(emu, "cdn", "DescribeDomainsConfig", { Filters: [{ Name: "colour", Value: ["x"] }] })).to.equal("InvalidParameterValue");
      expect(await errorCode(emu, "cdn", "DescribeDomains", { Limit: 0 })).to.equal("InvalidParameterValue");
    });
  });

  describe("UpdateDomainConfig", () => {
    it("replaces a block whole: unsent Https fields fall back to defaults, unsent blocks stay", async () => {
      const before = await config();
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { ...selfOwned(), Http2: "on" } });
      const after = await config();
      expect(after.Https.Http2).to.equal("on");
      expect(after.Https.Spdy).to.equal("off"); // was "on": not sent, so reset to its default
      expect(after.Cache).to.deep.equal(before.Cache);
      expect(after.Referer).to.deep.equal(before.Referer);
      expect(after.ForceRedirect).to.deep.equal(before.ForceRedirect);
    });

    it("deploys over deployDelayMs of the emulator clock and refuses updates meanwhile", async () => {
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: selfOwned() });
      let d = await config();
      expect(d.Status).to.equal("processing");
      expect(d.Https.SslStatus).to.equal("deploying");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: selfOwned() })).to.equal("ResourceInUse.CdnOpInProgress");
      await emu.advanceClock(1000);
      d = await config();
      expect(d.Status).to.equal("online");
      expect(d.Https.SslStatus).to.equal("deployed");
      expect(d.Https.CertInfo).to.include({ From: "upload", CertName: D });
      expect(d.Https.CertInfo.DeployTime).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(d.Https.CertInfo).not.to.have.any.keys("PrivateKey", "Certificate");
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "off" } });
      expect((await config()).Https.SslStatus).to.equal("closed");
    });

    it("uses a hosted certificate by CertId and answers FailedOperation.SslCertNotFound for an unknown one", async () => {
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "on", CertInfo: { CertId: "hostCdn1" } } });
      await emu.advanceClock(1000);
      expect((await config()).Https.CertInfo).to.include({ CertId: "hostCdn1", From: "ssl", CertName: "hosted-cdn" });
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "on", CertInfo: { CertId: "nope1234" } } })).to.equal("FailedOperation.SslCertNotFound");
    });

    it("ends a deployment as failed with the injected message in Https.CertInfo.Message", async () => {
      await emu.editCdnDomain(D, { failNextDeployment: "certificate rejected by the edge" });
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: selfOwned() });
      await emu.advanceClock(1000);
      const d = await config();
      expect(d.Status).to.equal("online");
      expect(d.Https.SslStatus).to.equal("failed");
      expect(d.Https.CertInfo.Message).to.equal("certificate rejected by the edge");
    });

    it("allows HTTP->HTTPS redirect only with a deployed certificate, and HTTPS off only after it", async () => {
      const redirect = { Switch: "on", RedirectType: "https", RedirectStatusCode: 301 };
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, ForceRedirect: redirect })).to.equal("FailedOperation.CdnConfigError");
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: selfOwned() });
      await emu.advanceClock(1000);
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, ForceRedirect: redirect });
      expect((await config()).ForceRedirect).to.deep.equal({ Switch: "on", RedirectType: "https", RedirectStatusCode: 301, CarryHeaders: "off" });
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "off" } })).to.equal("FailedOperation.CdnConfigError");
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, ForceRedirect: { Switch: "off" } });
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "off" } });
    });

    it("enforces domain status, the COS default domain and the origin type", async () => {
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: "off.cdn.example.com", Https: selfOwned() })).to.equal("InvalidParameter.CdnHostInvalidStatus");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: "bucket-1250000000.file.myqcloud.com", Https: selfOwned() })).to.equal("InvalidParameter.CdnParamError");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: "tp.cdn.example.com", Https: selfOwned() })).to.equal("InvalidParameter.CdnParamError");
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: "cos.cdn.example.com", Https: selfOwned() });
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: "img.cdn.example.com", Https: selfOwned() });
    });

    it("checks the certificate: PEM, parse, key match and full chain", async () => {
      const https = (Certificate: string, PrivateKey = chain.privateKey) => ({ Domain: D, Https: { Switch: "on", CertInfo: { Certificate, PrivateKey } } });
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", https("not a certificate"))).to.equal("InvalidParameter.SslCertParseError");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", https("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))).to.equal("InvalidParameter.SslCertParseError");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", https(chain.certificate, otherKey()))).to.equal("InvalidParameter.SslCertMatchError");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", https(chain.leafPem))).to.equal("InvalidParameter.SslCertChainError");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "on" } })).to.equal("InvalidParameter.CdnCertInfoNotFound");
      const selfSigned = makeChain({ domains: [D], selfSigned: true });
      await call(emu, "cdn", "UpdateDomainConfig", https(selfSigned.certificate, selfSigned.privateKey));
    });

    it("answers ResourceNotFound.CdnHostNotExists, MissingParameter and UnknownParameter", async () => {
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: "nope.example.com", Https: selfOwned() })).to.equal("ResourceNotFound.CdnHostNotExists");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Https: selfOwned() })).to.equal("MissingParameter");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Switch: "on", Preload: "on" } })).to.equal("UnknownParameter");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: D, Https: { Http2: "on" } })).to.equal("MissingParameter");
    });

    it("applies console edits and removal out of band", async () => {
      await emu.editCdnDomain(D, { status: "offline", Referer: { Switch: "off" } });
      const d = await config();
      expect(d.Status).to.equal("offline");
      expect(d.Referer).to.deep.equal({ Switch: "off", RefererRules: null }); // the block as edited, shaped by the spec
      await emu.editCdnDomain(D, { https: { Switch: "on", CertInfo: { CertId: "hostCdn1" } } });
      expect((await config()).Https).to.include({ Switch: "on", SslStatus: "deployed" });
      await emu.removeCdnDomain(D);
      expect(await config()).to.equal(undefined);
    });
  });
});
