// Operational behaviour of the emulator: throttling, injected faults, the redacted request log,
// admin routes, seeding and reset.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { REDACTED } from "../../emulator/core/redact";
import { makeChain } from "../support/certs";
import { call, rawCall } from "./rawApi";

const chain = makeChain({ domains: ["play.ops.example.com"] });
const seed = { liveDomains: [{ name: "play.ops.example.com", type: 1 as const }], cdnDomains: [{ domain: "www.ops.example.com" }] };

describe("emulator: operations", () => {
  describe("rate limits", () => {
    it("answers RequestLimitExceeded beyond the documented burst, LimitExceeded.RateLimitExceeded for ssl", async () => {
      const emu = await startEmulator({ seed });
      try {
        const codes = await Promise.all(Array.from({ length: 30 }, () => rawCall(emu, "cdn", "DescribeDomains", {}).then((a) => a.json.Response.Error?.Code)));
        const throttled = codes.filter((c) => c === "RequestLimitExceeded").length;
        expect(throttled).to.be.within(1, 10); // burst = 20/s; 30 near-simultaneous calls cannot all pass
        expect(codes.filter((c) => c === undefined).length).to.be.at.least(20);
        const ssl = await Promise.all(Array.from({ length: 15 }, () => rawCall(emu, "ssl", "DescribeCertificateDetail", { CertificateId: "x" }).then((a) => a.json.Response.Error?.Code)));
        expect(ssl).to.include("LimitExceeded.RateLimitExceeded");
      } finally {
        await emu.stop();
      }
    });

    it("does not throttle with rateLimits: false", async () => {
      const emu = await startEmulator({ seed, rateLimits: false });
      try {
        const codes = await Promise.all(Array.from({ length: 40 }, () => rawCall(emu, "cdn", "DescribeDomains", {}).then((a) => a.json.Response.Error?.Code)));
        expect(codes.every((c) => c === undefined)).to.equal(true);
      } finally {
        await emu.stop();
      }
    });
  });

  describe("faults, request log, admin", () => {
    let emu: EmulatorHandle;
    before(async () => { emu = await startEmulator({ seed, rateLimits: false }); });
    beforeEach(() => emu.reset());
    after(() => emu.stop());
    const describeLive = () => rawCall(emu, "live", "DescribeLiveDomain", { DomainName: "play.ops.example.com" });

    it("injects an error code a given number of times, for one action only", async () => {
      await emu.faults([{ service: "live", action: "DescribeLiveDomain", code: "InternalError.DBError", count: 2 }]);
      expect((await describeLive()).json.Response.Error.Code).to.equal("InternalError.DBError");
      expect((await rawCall(emu, "live", "DescribeLiveDomains", {})).json.Response.Error).to.equal(undefined);
      expect((await describeLive()).json.Response.Error.Code).to.equal("InternalError.DBError");
      expect((await describeLive()).json.Response.Error).to.equal(undefined);
    });

    it("injects an HTTP status with an HTML body, and probability 0 never fires", async () => {
      await emu.faults([{ action: "DescribeLiveDomains", code: "InternalError", probability: 0 }, { action: "DescribeLiveDomain", httpStatus: 502 }]);
      const a = await describeLive();
      expect(a.status).to.equal(502);
      expect(a.body).to.include("<html>");
      expect((await rawCall(emu, "live", "DescribeLiveDomains", {})).json.Response.Error).to.equal(undefined);
    });

    it("drops the connection", async () => {
      await emu.faults([{ action: "DescribeLiveDomain", drop: true, count: 1 }]);
      let error: any;
      try { await describeLive(); } catch (e) { error = e; }
      expect(error?.code).to.be.oneOf(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);
      expect((await describeLive()).json.Response.DomainInfo.Name).to.equal("play.ops.example.com");
    });

    it("adds latency without changing the answer", async () => {
      await emu.faults([{ action: "DescribeLiveDomain", latencyMs: 200 }]);
      const finished: string[] = [];
      const slow = describeLive().then((a) => { finished.push("delayed"); return a; });
      await new Promise((r) => setTimeout(r, 20));
      await rawCall(emu, "live", "DescribeLiveDomains", {}).then(() => finished.push("undelayed"));
      expect((await slow).json.Response.DomainInfo.Name).to.equal("play.ops.example.com");
      expect(finished).to.deep.equal(["undelayed", "delayed"]); // order, not a stopwatch
    });

    it("phase after: the action changes state but the answer is lost", async () => {
      await emu.faults([{ action: "ModifyLiveDomainCertBindings", phase: "after", drop: true, count: 1 }]);
      let error: any;
      try {
        await rawCall(emu, "live", "ModifyLiveDomainCertBindings", { CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, DomainInfos: [{ DomainName: "play.ops.example.com", Status: 1 }] });
      } catch (e) { error = e; }
      expect(error).to.not.equal(undefined);
      const b = await call(emu, "live", "DescribeLiveDomainCertBindings", {});
      expect(b.TotalNum).to.equal(1);
    });

    it("logs every request with private keys redacted, error codes and the write flag; never the Authorization", async () => {
      const before = (await emu.requests()).at(-1)?.seq ?? 0;
      await rawCall(emu, "ssl", "UploadCertificate", { CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, KeyPassword: "pw" });
      await rawCall(emu, "cdn", "UpdateDomainConfig", { Domain: "www.ops.example.com", Https: { Switch: "on", CertInfo: { Certificate: chain.certificate, PrivateKey: chain.privateKey } } });
      await rawCall(emu, "live", "ModifyLiveDomainCertBindings", { CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, DomainInfos: [{ DomainName: "nope.ops.example.com", Status: 1 }] });
      await rawCall(emu, "live", "DescribeLiveDomain", { DomainName: "nope.ops.example.com" });
      const log = await emu.requests(before);
      expect(log.map((e) => e.action)).to.deep.equal(["UploadCertificate", "UpdateDomainConfig", "ModifyLiveDomainCertBindings", "DescribeLiveDomain"]);
      expect(log[0].params.CertificatePrivateKey).to.equal(REDACTED);
      expect(log[0].params.KeyPassword).to.equal(REDACTED);
      expect(log[1].params.Https.CertInfo.PrivateKey).to.equal(REDACTED);
      expect(log[3]).to.include({ errorCode: "ResourceNotFound.DomainNotExist", write: false });
      expect(log[1].write).to.equal(true);
      const keyBody = chain.privateKey.split("\n")[1];
      const everything = JSON.stringify(log) + JSON.stringify(await emu.state());
      expect(everything).not.to.include(keyBody);
      expect(everything).not.to.include("TC3-HMAC-SHA256");
      expect(everything).not.to.include(emu.secretKey);
      expect((await emu.writes(before)).map((e) => e.action)).to.deep.equal(["UploadCertificate", "UpdateDomainConfig", "ModifyLiveDomainCertBindings"]);
    });

    it("seeds more resources, resets to the start-up seed, and validates admin input", async () => {
      await emu.seed({ liveDomains: [{ name: "extra.ops.example.com", type: 1 }] });
      expect((await emu.state()).liveDomains).to.have.length(2);
      await emu.reset();
      expect((await emu.state()).liveDomains).to.have.length(1);
      await emu.reset({ cdnDomains: [{ domain: "only.example.com" }] });
      const s = await emu.state();
      expect(s.cdnDomains.map((d: any) => d.Domain)).to.deep.equal(["only.example.com"]);
      expect(s.liveDomains).to.have.length(0);
      let err: any;
      try { await emu.faults([{ probability: 2 } as any]); } catch (e) { err = e; }
      expect(String(err)).to.include("probability");
      try { await emu.editCdnDomain("missing.example.com", { status: "online" }); err = undefined; } catch (e) { err = e; }
      expect(String(err)).to.include("does not exist");
    });
  });
});
