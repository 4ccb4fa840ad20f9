// The vendored spec as the emulator's action table: the action table (ACTIONS) and the emulator's
// handlers match it; requests are refused by it with the API's codes and envelope; the checker the
// conformance test relies on does find each kind of violation; the null mode answers null where the
// spec allows it and a value is missing.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { answerViolations, requestViolations, specOf } from "../../emulator/core/spec";
import { ACTIONS, Service, SERVICE_VERSIONS } from "../../provider/tencentcloud/types";
import { makeChain } from "../support/certs";
import { call, errorCode, rawCall } from "./rawApi";

const SERVICES = Object.keys(ACTIONS) as Service[];

describe("emulator: the vendored API spec drives it", function () {
  describe("action table", function () {
    it("names every action at the spec's version, and the emulator serves exactly those", async function () {
      const emu = await startEmulator({ rateLimits: false });
      try {
        for (const svc of SERVICES) {
          expect(specOf(svc).version, svc).to.equal(SERVICE_VERSIONS[svc]);
          for (const action of Object.keys(ACTIONS[svc])) expect(specOf(svc).hasAction(action), `${svc}.${action} in spec/`).to.equal(true);
          // An action in the spec but not in the table (vendored for another part) is not served.
          for (const action of specOf(svc).actions().filter((a) => !(a in ACTIONS[svc]))) {
            expect(await errorCode(emu, svc, action, {}), `${svc}.${action}`).to.equal("UnsupportedOperation");
          }
        }
      } finally {
        await emu.stop();
      }
    });
  });

  describe("actions the API has but the emulator does not emulate (issue 29)", function () {
    let emu: EmulatorHandle;
    before(async () => { emu = await startEmulator({ rateLimits: false }); });
    after(() => emu.stop());

    it("answers UnsupportedOperation saying not emulated, with the service's emulated actions", async function () {
      const purge = await rawCall(emu, "cdn", "PurgeUrlsCache", { Urls: ["https://www.example.com/a.png"] });
      expect(purge.json.Response.Error).to.deep.equal({
        Code: "UnsupportedOperation",
        Message: "The action PurgeUrlsCache of cdn 2018-06-06 exists in the API but is not emulated; the emulated actions of cdn are DescribeDomains, DescribeDomainsConfig, UpdateDomainConfig.",
      });
      expect((await rawCall(emu, "live", "DescribeLiveStreamOnlineList", {})).json.Response.Error.Message).to.contain("not emulated; the emulated actions of live are DescribeLiveDomain, ");
      expect((await emu.requests()).at(-1)).to.include({ action: "DescribeLiveStreamOnlineList", errorCode: "UnsupportedOperation" });
    });

    it("still answers InvalidAction for an action the API does not have", async function () {
      expect((await rawCall(emu, "cdn", "PurgeEverything", {})).json.Response.Error).to.deep.equal({ Code: "InvalidAction", Message: "The action PurgeEverything does not exist." });
    });
  });

  describe("requests are checked against the action's input", function () {
    let emu: EmulatorHandle;
    before(async () => { emu = await startEmulator({ rateLimits: false, seed: { cdnDomains: [{ domain: "spec.example.com" }] } }); });
    after(() => emu.stop());

    it("an unknown member (top level or nested): UnknownParameter, in the real envelope", async function () {
      const top = await rawCall(emu, "cdn", "UpdateDomainConfig", { Domain: "spec.example.com", Colour: "blue" });
      expect(top.json.Response.Error).to.deep.equal({ Code: "UnknownParameter", Message: "The parameter `Colour` is not recognized." });
      expect(top.json.Response.RequestId).to.match(/^[0-9a-f-]{36}$/);
      expect(await errorCode(emu, "cdn", "DescribeDomains", { Filters: [{ Name: "domain", Value: ["x"], Exact: true }] })).to.equal("UnknownParameter");
    });

    it("a wrong type: InvalidParameterValue naming the member", async function () {
      const a = await rawCall(emu, "cdn", "DescribeDomains", { Limit: true });
      expect(a.json.Response.Error.Code).to.equal("InvalidParameterValue");
      expect(a.json.Response.Error.Message).to.contain("`Limit`");
      expect(await errorCode(emu, "cdn", "UpdateDomainConfig", { Domain: "spec.example.com", Https: { Switch: "off", TlsVersion: "TLSv1.2" } })).to.equal("InvalidParameterValue");
      expect(await errorCode(emu, "ssl", "UploadCertificate", { CertificatePublicKey: "x", Repeatable: "no" })).to.equal("InvalidParameterValue");
    });

    it("a missing required member, nested too: MissingParameter", async function () {
      const a = await rawCall(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "abc", DomainInfos: [{ DomainName: "p.example.com" }] });
      expect(a.json.Response.Error).to.deep.equal({ Code: "MissingParameter", Message: "The request is missing a required parameter `DomainInfos.0.Status`." });
    });

    it("decimal strings for integers, as the documented examples send them", async function () {
      const r = await call(emu, "live", "DescribeLiveDomains", { PageSize: "10", PageNum: "1" });
      expect(r.AllCount).to.equal(0);
    });
  });

  describe("the checker finds each kind of violation", function () {
    it("in a request: unknown member, wrong type, missing required", function () {
      const v = requestViolations("live", "ModifyLiveDomainCertBindings", { DomainInfos: [{ Status: "on" }], Colour: 1 });
      expect(v.map((x) => `${x.code} ${x.path}`).sort()).to.deep.equal([
        "InvalidParameterValue DomainInfos.0.Status", "MissingParameter DomainInfos.0.DomainName", "UnknownParameter Colour",
      ]);
    });

    it("in an answer: missing output_required member, invented member, disallowed null, undocumented error code, no RequestId", function () {
      const ok = { Response: { CertificateId: "abc", RepeatCertId: "", RequestId: "r" } };
      expect(answerViolations("ssl", "UploadCertificate", ok)).to.deep.equal([]);
      const bad = { Response: { CertificateId: null, Product: "ssl", RequestId: "r" } };
      expect(answerViolations("ssl", "UploadCertificate", bad).map((x) => x.path).sort()).to.deep.equal([
        "Response.CertificateId", "Response.Product", "Response.RepeatCertId",
      ]);
      const wrongCode = { Response: { Error: { Code: "ResourceNotFound.DomainNotExist", Message: "m" }, RequestId: "r" } };
      expect(answerViolations("live", "UnBindLiveDomainCert", wrongCode).map((x) => x.problem)).to.deep.equal([
        "ResourceNotFound.DomainNotExist is not a documented code of UnBindLiveDomainCert",
      ]);
      const common = { Response: { Error: { Code: "AuthFailure.SignatureFailure", Message: "m" }, RequestId: "r" } };
      expect(answerViolations("live", "UnBindLiveDomainCert", common)).to.deep.equal([]);
      expect(answerViolations("cdn", "UpdateDomainConfig", { Response: {} }).map((x) => x.path)).to.deep.equal(["Response.RequestId"]);
    });
  });

  describe("answers are shaped by the action's output", function () {
    const chain = makeChain({ domains: ["a.spec.example.com", "b.spec.example.com"] });
    const seed = {
      cdnDomains: [{ domain: "shape.example.com" }],
      liveDomains: [{ name: "play.spec.example.com", type: 1 as const }],
      sslCertificates: [{ id: "shape001", certificate: chain.certificate, from: "upload" }],
    };

    it("a new domain: HTTPS off with CertInfo and ClientCertInfo null, TLSv1 to TLSv1.3, the example's blocks, no Product", async function () {
      const emu = await startEmulator({ seed });
      try {
        const [d] = (await call(emu, "cdn", "DescribeDomainsConfig", {})).Domains;
        expect(d.Https).to.include({ Switch: "off", CertInfo: null, ClientCertInfo: null, SslStatus: "closed" });
        expect(d.Https.TlsVersion).to.deep.equal(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);
        for (const block of ["Quic", "Tag", "Ipv6Access", "AutoGuard", "GeoBlocker"]) expect(d, block).to.have.property(block);
        expect(d.Origin).to.have.property("Sni");
        expect(d.Origin).to.have.property("AdvanceHttps");
        expect(d).to.not.have.property("Product");
        expect((await call(emu, "cdn", "DescribeDomains", {})).Domains[0].Product).to.equal("cdn");
        const info = (await call(emu, "live", "DescribeLiveDomain", { DomainName: "play.spec.example.com" })).DomainInfo;
        expect(info).to.include({ RentTag: 0, RentExpireTime: "0000-00-00 00:00:00" });
        const detail = await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "shape001" });
        expect(answerViolations("ssl", "DescribeCertificateDetail", { Response: detail })).to.deep.equal([]);
        expect(detail).to.not.have.property("CertificateUse");
        expect(detail.CertificatePrivateKey).to.equal(null);
        expect(detail.SubjectAltName).to.deep.equal(["b.spec.example.com"]);
      } finally {
        await emu.stop();
      }
    });

    it("null mode: every member the spec lets be null is null when it holds no value", async function () {
      const emu = await startEmulator({ seed, nullMode: true });
      try {
        const [d] = (await call(emu, "cdn", "DescribeDomainsConfig", {})).Domains;
        expect(d.Https, "switches that are off have no valid value").to.include({ Switch: null, Http2: null, CertInfo: null, SslStatus: "closed" });
        expect(d.Https.TlsVersion, "a setting it holds stays").to.deep.equal(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"]);
        expect(d.ForceRedirect).to.include({ Switch: null, RedirectStatusCode: 302 });
        expect(d.Quic, "a switch the spec does not let be null stays").to.deep.equal({ Switch: "off" });
        expect(d.Ipv6Access, "a block left with nothing but nulls is null").to.equal(null);
        expect(d.Origin.BackupOrigins, "an empty list").to.equal(null);
        expect(d.Origin.Origins).to.deep.equal(["origin.shape.example.com"]); // a value it holds stays
        await emu.editCdnDomain("shape.example.com", { https: { Switch: "on", Http2: "on", CertInfo: { CertId: "shape001" } } });
        const [on] = (await call(emu, "cdn", "DescribeDomainsConfig", {})).Domains;
        expect(on.Https).to.include({ Switch: "on", Http2: "on", OcspStapling: null, Spdy: null, VerifyClient: null, ClientCertInfo: null });
        expect(on.Https.CertInfo.CertId).to.equal("shape001");
        const detail = await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "shape001" });
        expect(detail).to.include({ PackageType: null, VerifyType: null, OrderId: null });
        expect(detail.CertificatePublicKey).to.equal(chain.certificate);
        expect(answerViolations("ssl", "DescribeCertificateDetail", { Response: detail })).to.deep.equal([]);
      } finally {
        await emu.stop();
      }
    });
  });
});
