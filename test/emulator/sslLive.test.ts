// SSL certificate store and CSS (live) bindings of the emulator.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { makeChain, otherKey } from "../support/certs";
import { call, errorCode, rawCall } from "./rawApi";

const DAY = 24 * 3600 * 1000;
const wildcard = makeChain({ domains: ["*.live.example.com"] });
const other = makeChain({ domains: ["other.example.org"] });
const expired = makeChain({ domains: ["*.live.example.com"], notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY) });

describe("emulator: ssl and live", () => {
  let emu: EmulatorHandle;
  const seed = {
    sslCertificates: [{ id: "trust001", certificate: wildcard.certificate, from: "trustasia", alias: "free" }, { id: "old00001", certificate: expired.certificate, from: "upload" }],
    liveDomains: [
      { name: "a.live.example.com", type: 1 as const }, { name: "b.live.example.com", type: 1 as const },
      { name: "push.live.example.com", type: 0 as const }, { name: "c.other.example.net", type: 1 as const },
    ],
    cdnDomains: [{ domain: "cdn.live.example.com" }],
  };
  before(async () => { emu = await startEmulator({ seed }); });
  beforeEach(() => emu.reset());
  after(() => emu.stop());
  const upload = (extra: object = {}) => call(emu, "ssl", "UploadCertificate", { CertificatePublicKey: wildcard.certificate, CertificatePrivateKey: wildcard.privateKey, ...extra });

  describe("ssl", () => {
    it("uploads, dedups by fingerprint with Repeatable false, and stores CertificateUse", async () => {
      const a = await upload({ Alias: "mine", CertificateUse: "LIVE" });
      expect(a.CertificateId).to.match(/^[A-Za-z0-9]{8}$/);
      expect(a.RepeatCertId).to.equal(""); // as the documented example answers a new upload
      const b = await upload({ Repeatable: false });
      expect(b.CertificateId).to.equal("trust001"); // the seeded certificate has the same leaf
      expect(b.RepeatCertId).to.equal("trust001");
      const c = await upload({ Repeatable: true });
      expect(c.CertificateId).not.to.equal(a.CertificateId);
      const state = await emu.state();
      expect(state.sslCertificates.find((x: any) => x.id === a.CertificateId)!.certificateUse).to.equal("LIVE");
    });

    it("refuses a mismatched key, an unparsable certificate and a missing key", async () => {
      expect(await errorCode(emu, "ssl", "UploadCertificate", { CertificatePublicKey: wildcard.certificate, CertificatePrivateKey: otherKey() })).to.equal("FailedOperation.CertificateMismatch");
      expect(await errorCode(emu, "ssl", "UploadCertificate", { CertificatePublicKey: "garbage", CertificatePrivateKey: wildcard.privateKey })).to.equal("FailedOperation.CertificateParseError");
      expect(await errorCode(emu, "ssl", "UploadCertificate", { CertificatePublicKey: wildcard.certificate })).to.equal("MissingParameter");
    });

    it("describes a certificate without its key, with status by the emulator clock", async () => {
      const { CertificateId } = await upload({ Alias: "mine" });
      const d = await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId });
      expect(d).to.include({ From: "upload", Domain: "*.live.example.com", Alias: "mine", Status: 1 });
      expect(d.CertEndTime).to.match(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      expect(JSON.stringify(d)).not.to.include("PRIVATE KEY");
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "old00001" })).Status).to.equal(3);
      await emu.advanceClock(100 * DAY);
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId })).Status).to.equal(3);
      expect(await errorCode(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "nope0000" })).to.equal("FailedOperation.CertificateNotFound");
    });

    it("keeps the chain as uploaded: Repeatable false finds the same leaf under another chain, Repeatable true stores ours", async () => {
      const first = await upload({ Repeatable: true });
      const reissued = wildcard.withReissuedIntermediate();
      const found = await upload({ CertificatePublicKey: reissued, Repeatable: false });
      expect(found.RepeatCertId).to.equal("trust001"); // the dedup is by leaf, whatever the chain
      const ours = await upload({ CertificatePublicKey: reissued, Repeatable: true });
      expect(ours.RepeatCertId).to.equal("");
      const stored = async (CertificateId: string) => (await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId })).CertificatePublicKey;
      expect(await stored(ours.CertificateId)).to.equal(reissued);
      expect(await stored(first.CertificateId)).to.equal(wildcard.certificate);
    });

    it("renames a certificate with ModifyCertificateAlias, as the CSS bindings show it", async () => {
      const { CertificateId } = await upload({ Alias: "before" });
      const renamed = await call(emu, "ssl", "ModifyCertificateAlias", { CertificateId, Alias: "after" });
      expect(renamed.CertificateId).to.equal(CertificateId);
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId })).Alias).to.equal("after");
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: CertificateId, DomainInfos: [{ DomainName: "a.live.example.com", Status: 1 }] });
      const bindings = await call(emu, "live", "DescribeLiveDomainCertBindings", { DomainName: "a.live.example.com" });
      expect(bindings.LiveDomainCertBindings[0].CertificateAlias).to.equal("after");
      await call(emu, "ssl", "ModifyCertificateAlias", { CertificateId });
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId })).Alias).to.equal("");
      expect(await errorCode(emu, "ssl", "ModifyCertificateAlias", { CertificateId: "nope0000", Alias: "x" })).to.equal("FailedOperation.CertificateNotFound");
      expect(await errorCode(emu, "ssl", "ModifyCertificateAlias", { Alias: "x" })).to.equal("MissingParameter");
      const log = await emu.writes();
      expect(log.filter((e) => e.action === "ModifyCertificateAlias" && !e.errorCode)).to.have.length(2);
    });

    it("renames a certificate out of band, and refuses an unknown id or field", async () => {
      await emu.editSslCertificate("trust001", { alias: "renamed in the console" });
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "trust001" })).Alias).to.equal("renamed in the console");
      let error: Error | undefined;
      await emu.editSslCertificate("nope0000", { alias: "x" }).catch((e) => { error = e; });
      expect(error?.message).to.match(/ssl certificate nope0000 does not exist/);
      await emu.editSslCertificate("trust001", { status: 3 } as any).catch((e) => { error = e; });
      expect(error?.message).to.match(/patch: unknown key "status"; the accepted keys are alias\./);
    });

    it("refuses to delete a certificate bound to a CSS domain or a CDN domain, naming them, only with IsCheckResource", async () => {
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "a.live.example.com", Status: 1 }] });
      const refused = (await rawCall(emu, "ssl", "DeleteCertificate", { CertificateId: "trust001", IsCheckResource: true })).json.Response.Error;
      expect(refused.Code).to.equal("FailedOperation.DeleteResourceFailed");
      expect(refused.Message).to.include("a.live.example.com");
      await call(emu, "live", "UnBindLiveDomainCert", { DomainName: "a.live.example.com" });
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: "cdn.live.example.com", Https: { Switch: "on", CertInfo: { CertId: "trust001" } } });
      expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: "trust001", IsCheckResource: true })).to.equal("FailedOperation.DeleteResourceFailed");
      await emu.editCdnDomain("cdn.live.example.com", { https: null });
      expect(await call(emu, "ssl", "DeleteCertificate", { CertificateId: "trust001", IsCheckResource: true })).to.deep.include({ DeleteResult: true, TaskId: null });
      expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: "trust001" })).to.equal("FailedOperation.CertificateNotFound");
    });

    it("deletes a certificate still bound when IsCheckResource is not given (the spec: 默认不检查); the binding stays, naming the deleted id", async () => {
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "a.live.example.com", Status: 1 }] });
      await call(emu, "cdn", "UpdateDomainConfig", { Domain: "cdn.live.example.com", Https: { Switch: "on", CertInfo: { CertId: "trust001" } } });
      expect(await call(emu, "ssl", "DeleteCertificate", { CertificateId: "trust001" })).to.deep.include({ DeleteResult: true });
      expect(await errorCode(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "trust001" })).to.equal("FailedOperation.CertificateNotFound");
      const state = await emu.state();
      expect(state.sslCertificates.map((c) => c.id)).to.not.include("trust001");
      expect(state.liveDomains.find((d) => d.Name === "a.live.example.com")!.binding).to.include({ cloudCertId: "trust001", status: 1 });
      const listed = await call(emu, "live", "DescribeLiveDomainCertBindings", { DomainName: "a.live.example.com" });
      expect(listed.LiveDomainCertBindings.map((r: any) => [r.DomainName, r.CloudCertId, r.Status])).to.deep.equal([["a.live.example.com", "trust001", 1]]);
      expect((await call(emu, "live", "DescribeLiveDomainCert", { DomainName: "a.live.example.com" })).DomainCertInfo.CloudCertId).to.equal("trust001");
      // Gone from SSL: it cannot be bound anew.
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "b.live.example.com", Status: 1 }] })).to.equal("InvalidParameter.CloudCrtIdError");
      await call(emu, "live", "UnBindLiveDomainCert", { DomainName: "a.live.example.com" });
      expect((await call(emu, "live", "DescribeLiveDomainCertBindings", {})).TotalNum).to.equal(0);
    });
  });

  describe("live", () => {
    it("lists domains with DomainType filter and paging; describes one or ResourceNotFound.DomainNotExist", async () => {
      const play = await call(emu, "live", "DescribeLiveDomains", { DomainType: 1, PageSize: 10, PageNum: 1 });
      expect(play.AllCount).to.equal(3);
      expect(play.DomainList.every((d: any) => d.Type === 1)).to.equal(true);
      const page2 = await call(emu, "live", "DescribeLiveDomains", { PageSize: 10, PageNum: 2 });
      expect(page2.AllCount).to.equal(4);
      expect(page2.DomainList).to.have.length(0);
      expect((await call(emu, "live", "DescribeLiveDomain", { DomainName: "push.live.example.com" })).DomainInfo.Type).to.equal(0);
      expect(await errorCode(emu, "live", "DescribeLiveDomain", { DomainName: "nope.example.com" })).to.equal("ResourceNotFound.DomainNotExist");
      expect(await errorCode(emu, "live", "DescribeLiveDomains", { PageSize: 1000 })).to.equal("InvalidParameterValue");
    });

    it("binds with per-domain Errors and MismatchedDomainNames in a 200 answer, applying the others", async () => {
      const r = await call(emu, "live", "ModifyLiveDomainCertBindings", {
        CloudCertId: "trust001",
        DomainInfos: [
          { DomainName: "a.live.example.com", Status: 1 }, { DomainName: "push.live.example.com", Status: 1 },
          { DomainName: "nope.live.example.com", Status: 1 }, { DomainName: "c.other.example.net", Status: 1 },
        ],
      });
      expect(r.MismatchedDomainNames).to.deep.equal(["c.other.example.net"]);
      expect(r.Errors.map((e: any) => [e.DomainName, e.Code])).to.deep.equal([
        ["push.live.example.com", "ResourceNotFound.DomainNotExist"],
        ["nope.live.example.com", "ResourceNotFound.DomainNotExist"],
        ["c.other.example.net", "ResourceNotFound.DomainNotExist"],
      ]);
      const b = await call(emu, "live", "DescribeLiveDomainCertBindings", {});
      expect(b.TotalNum).to.equal(1);
      expect(b.LiveDomainCertBindings[0]).to.include({ DomainName: "a.live.example.com", CloudCertId: "trust001", CertType: 1, Status: 1, CertificateAlias: "free" });
    });

    it("Status -1 keeps the HTTPS state (off for a new binding), 0 turns it off", async () => {
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "a.live.example.com", Status: -1 }, { DomainName: "b.live.example.com", Status: 1 }] });
      const status = async (d: string) => (await call(emu, "live", "DescribeLiveDomainCert", { DomainName: d })).DomainCertInfo.Status;
      expect(await status("a.live.example.com")).to.equal(0);
      expect(await status("b.live.example.com")).to.equal(1);
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "b.live.example.com", Status: -1 }] });
      expect(await status("b.live.example.com")).to.equal(1);
      await call(emu, "live", "ModifyLiveDomainCertBindings", { DomainInfos: [{ DomainName: "b.live.example.com", Status: 0 }] });
      expect(await status("b.live.example.com")).to.equal(0);
    });

    it("uploads a PEM pair to SSL first (idempotent by fingerprint) and shows it as CertType 0", async () => {
      const pair = makeChain({ domains: ["a.live.example.com"] });
      const req = { CertificatePublicKey: pair.certificate, CertificatePrivateKey: pair.privateKey, CertificateAlias: "own", DomainInfos: [{ DomainName: "a.live.example.com", Status: 1 }] };
      await call(emu, "live", "ModifyLiveDomainCertBindings", req);
      await call(emu, "live", "ModifyLiveDomainCertBindings", req);
      const info = (await call(emu, "live", "DescribeLiveDomainCert", { DomainName: "a.live.example.com" })).DomainCertInfo;
      expect(info).to.include({ CertType: 0, CertName: "own", DomainName: "a.live.example.com" });
      expect(info.CertDomains).to.deep.equal(["a.live.example.com"]);
      const state = await emu.state();
      expect(state.sslCertificates.filter((c: any) => c.fingerprintSha256 === pair.fingerprintSha256)).to.have.length(1);
    });

    it("refuses the whole request for an unknown CloudCertId or an expired certificate", async () => {
      const domains = [{ DomainName: "a.live.example.com", Status: 1 }];
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "nope0000", DomainInfos: domains })).to.equal("InvalidParameter.CloudCrtIdError");
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "old00001", DomainInfos: domains })).to.equal("InvalidParameter.CrtDateOverdue");
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CertificatePublicKey: expired.certificate, CertificatePrivateKey: expired.privateKey, DomainInfos: domains })).to.equal("InvalidParameter.CrtDateOverdue");
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "a.live.example.com", Status: 2 }] })).to.equal("InvalidParameterValue");
      expect(await errorCode(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001" })).to.equal("MissingParameter");
    });

    it("searches and orders bindings; unbinding removes the binding and HTTPS", async () => {
      const shortLived = makeChain({ domains: ["b.live.example.com"], notAfter: new Date(Date.now() + 10 * DAY) });
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CloudCertId: "trust001", DomainInfos: [{ DomainName: "a.live.example.com", Status: 1 }] });
      await call(emu, "live", "ModifyLiveDomainCertBindings", { CertificatePublicKey: shortLived.certificate, CertificatePrivateKey: shortLived.privateKey, DomainInfos: [{ DomainName: "b.live.example.com", Status: 1 }] });
      const asc = await call(emu, "live", "DescribeLiveDomainCertBindings", { OrderBy: "ExpireTimeAsc" });
      expect(asc.LiveDomainCertBindings.map((b: any) => b.DomainName)).to.deep.equal(["b.live.example.com", "a.live.example.com"]);
      const search = await call(emu, "live", "DescribeLiveDomainCertBindings", { DomainSearch: "a.live", Length: 1 });
      expect(search.TotalNum).to.equal(1);
      await call(emu, "live", "UnBindLiveDomainCert", { DomainName: "a.live.example.com" });
      expect(await errorCode(emu, "live", "DescribeLiveDomainCert", { DomainName: "a.live.example.com" })).to.equal("ResourceNotFound.CrtDomainNotFound");
      // UnBindLiveDomainCert documents no not-found code: an unknown domain is an invalid DomainName.
      expect(await errorCode(emu, "live", "UnBindLiveDomainCert", { DomainName: "nope.example.com" })).to.equal("InvalidParameterValue");
    });

    it("edits a binding out of band", async () => {
      await emu.editLiveBinding("a.live.example.com", { cloudCertId: "trust001", status: 1 });
      expect((await call(emu, "live", "DescribeLiveDomainCert", { DomainName: "a.live.example.com" })).DomainCertInfo.Status).to.equal(1);
      await emu.editLiveBinding("a.live.example.com", null);
      expect((await call(emu, "live", "DescribeLiveDomainCertBindings", {})).TotalNum).to.equal(0);
    });
  });
});
