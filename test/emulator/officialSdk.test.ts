// The emulator against Tencent Cloud's OFFICIAL Node SDK (unmodified): if the official client
// cannot talk to it, the emulator is not faithful. Every action we emulate is called here, with
// the SDK pointed at the emulator each way a user would: a plain endpoint (127.0.0.1:PORT or
// localhost:PORT, where the SDK signs for "127" / "localhost:PORT" and the emulator routes by
// X-TC-Version), and the real host names connected to the emulator (agent or HTTP proxy).
import { expect } from "chai";
import http from "node:http";
import net from "node:net";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { makeChain } from "../support/certs";

// eslint-disable-next-line @typescript-eslint/no-var-requires
const tencentcloud = require("tencentcloud-sdk-nodejs");

/** The SDK signs for and sends Host <service>.tencentcloudapi.com; this agent connects it to the emulator. */
function agentTo(port: number): http.Agent {
  const agent = new http.Agent({ keepAlive: false });
  (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(port, "127.0.0.1");
  return agent;
}

type Form = "plain endpoint 127.0.0.1:PORT" | "plain endpoint localhost:PORT" | "real host names through an agent";
const FORMS: Form[] = ["plain endpoint 127.0.0.1:PORT", "plain endpoint localhost:PORT", "real host names through an agent"];

for (const form of FORMS) describe(`emulator with the official tencentcloud-sdk-nodejs client (${form})`, () => {
  let emu: EmulatorHandle;
  let cdn: any, live: any, ssl: any;
  const chain = makeChain({ domains: ["play.sdk.example.com", "*.sdk.example.com"] });
  const hosted = makeChain({ domains: ["www.sdk.example.com"] });

  before(async () => {
    emu = await startEmulator({
      deployDelayMs: 0,
      seed: {
        cdnDomains: [{ domain: "www.sdk.example.com" }],
        liveDomains: [{ name: "play.sdk.example.com", type: 1 }, { name: "push.sdk.example.com", type: 0 }],
        sslCertificates: [{ id: "hostedA1", certificate: hosted.certificate, from: "trustasia", alias: "hosted" }],
      },
    });
    const port = Number(new URL(emu.url).port);
    const agent = agentTo(port);
    const profile = (service: string) => {
      if (form === "real host names through an agent") return { language: "en-US", httpProfile: { endpoint: `${service}.tencentcloudapi.com`, protocol: "http://", agent } };
      const host = form === "plain endpoint localhost:PORT" ? "localhost" : "127.0.0.1";
      return { language: "en-US", httpProfile: { endpoint: `${host}:${port}`, protocol: "http://" } };
    };
    const credential = { secretId: emu.secretId, secretKey: emu.secretKey };
    cdn = new tencentcloud.cdn.v20180606.Client({ credential, region: "", profile: profile("cdn") });
    live = new tencentcloud.live.v20180801.Client({ credential, region: "", profile: profile("live") });
    ssl = new tencentcloud.ssl.v20191205.Client({ credential, region: "", profile: profile("ssl") });
  });
  after(() => emu.stop());

  it("cdn: DescribeDomains, UpdateDomainConfig (hosted certificate) and DescribeDomainsConfig", async () => {
    const brief = await cdn.DescribeDomains({ Filters: [{ Name: "domain", Value: ["www.sdk.example.com"] }] });
    expect(brief.TotalNumber).to.equal(1);
    expect(brief.Domains[0].Domain).to.equal("www.sdk.example.com");
    const updated = await cdn.UpdateDomainConfig({ Domain: "www.sdk.example.com", Https: { Switch: "on", Http2: "on", CertInfo: { CertId: "hostedA1" } } });
    expect(updated.RequestId).to.be.a("string");
    const detail = await cdn.DescribeDomainsConfig({ Filters: [{ Name: "domain", Value: ["www.sdk.example.com"] }] });
    expect(detail.Domains[0].Https.Switch).to.equal("on");
    expect(detail.Domains[0].Https.SslStatus).to.equal("deployed");
    expect(detail.Domains[0].Https.CertInfo.CertId).to.equal("hostedA1");
  });

  it("ssl: UploadCertificate, DescribeCertificateDetail, ModifyCertificateAlias and DeleteCertificate", async () => {
    const up = await ssl.UploadCertificate({ CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, Alias: "sdk", Repeatable: false });
    expect(up.CertificateId).to.match(/^[A-Za-z0-9]{8}$/);
    expect(up.RepeatCertId).to.equal("");
    const again = await ssl.UploadCertificate({ CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, Repeatable: false });
    expect(again.RepeatCertId).to.equal(up.CertificateId);
    const detail = await ssl.DescribeCertificateDetail({ CertificateId: up.CertificateId });
    expect(detail.From).to.equal("upload");
    expect(detail.Status).to.equal(1);
    expect(detail.Domain).to.equal("play.sdk.example.com");
    expect(JSON.stringify(detail)).not.to.include("PRIVATE KEY");
    const renamed = await ssl.ModifyCertificateAlias({ CertificateId: up.CertificateId, Alias: "sdk renamed" });
    expect(renamed.CertificateId).to.equal(up.CertificateId);
    expect((await ssl.DescribeCertificateDetail({ CertificateId: up.CertificateId })).Alias).to.equal("sdk renamed");
    const del = await ssl.DeleteCertificate({ CertificateId: up.CertificateId });
    expect(del.DeleteResult).to.equal(true);
  });

  it("live: every domain and binding action", async () => {
    const domains = await live.DescribeLiveDomains({ DomainType: 1 });
    expect(domains.DomainList.map((d: any) => d.Name)).to.deep.equal(["play.sdk.example.com"]);
    const one = await live.DescribeLiveDomain({ DomainName: "play.sdk.example.com" });
    expect(one.DomainInfo.Type).to.equal(1);
    const bound = await live.ModifyLiveDomainCertBindings({
      DomainInfos: [{ DomainName: "play.sdk.example.com", Status: 1 }],
      CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey, CertificateAlias: "sdk-live",
    });
    expect(bound.Errors).to.deep.equal([]);
    expect(bound.MismatchedDomainNames).to.deep.equal([]);
    const cert = await live.DescribeLiveDomainCert({ DomainName: "play.sdk.example.com" });
    expect(cert.DomainCertInfo.CertType).to.equal(0);
    expect(cert.DomainCertInfo.Status).to.equal(1);
    const list = await live.DescribeLiveDomainCertBindings({ DomainName: "play.sdk.example.com" });
    expect(list.TotalNum).to.equal(1);
    expect(list.LiveDomainCertBindings[0].CloudCertId).to.equal(cert.DomainCertInfo.CloudCertId);
    await live.UnBindLiveDomainCert({ DomainName: "play.sdk.example.com" });
    const after = await live.DescribeLiveDomainCertBindings({ DomainName: "play.sdk.example.com" });
    expect(after.TotalNum).to.equal(0);
  });

  it("surfaces the emulator's errors as the SDK's errors with code and RequestId", async () => {
    try {
      await live.DescribeLiveDomain({ DomainName: "missing.sdk.example.com" });
      expect.fail("should have thrown");
    } catch (e: any) {
      expect(e.code).to.equal("ResourceNotFound.DomainNotExist");
      expect(e.requestId).to.match(/^[0-9a-f-]{36}$/);
    }
  });

  if (form === "real host names through an agent") it("works when the SDK uses the emulator as its HTTP proxy (CONNECT tunnel)", async () => {
    const viaProxy = new tencentcloud.cdn.v20180606.Client({
      credential: { secretId: emu.secretId, secretKey: emu.secretKey }, region: "",
      profile: { httpProfile: { endpoint: "cdn.tencentcloudapi.com", protocol: "http://", proxy: emu.url } },
    });
    const res = await viaProxy.DescribeDomains({});
    expect(res.TotalNumber).to.equal(1);
  });
});
