// Accounts, as moto keys its backends: a seed's `accounts` adds accounts beside the default one,
// each reached by its own credentials and holding its own resources, certificates and rate limits;
// admin routes act on the default account unless they name another.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { makeChain } from "../support/certs";
import { call, errorCode, rawCall } from "./rawApi";

const OTHER = { uin: "200000000002", secretId: "AKIDotherAccount000000000001", secretKey: "other-account-secret-key" };
const asOther = { secretId: OTHER.secretId, secretKey: OTHER.secretKey };

describe("emulator: accounts", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({
      seed: {
        cdnDomains: [{ domain: "www.default.example.com" }],
        accounts: [{ uin: OTHER.uin, credentials: [{ secretId: OTHER.secretId, secretKey: OTHER.secretKey }], cdnDomains: [{ domain: "www.other.example.com" }] }],
      },
    });
  });
  after(() => emu.stop());

  it("answers each request from the account of its SecretId", async () => {
    const own = await call(emu, "cdn", "DescribeDomains", {});
    expect(own.Domains.map((d: any) => d.Domain)).to.deep.equal(["www.default.example.com"]);
    const other = (await rawCall(emu, "cdn", "DescribeDomains", {}, asOther)).json.Response;
    expect(other.Domains.map((d: any) => d.Domain)).to.deep.equal(["www.other.example.com"]);
  });

  it("keeps certificates apart: an upload in one account is unknown to the other, and shows its owner", async () => {
    const chain = makeChain({ domains: ["www.other.example.com"] });
    const upload = (await rawCall(emu, "ssl", "UploadCertificate", { CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey }, asOther)).json.Response;
    const detail = (await rawCall(emu, "ssl", "DescribeCertificateDetail", { CertificateId: upload.CertificateId }, asOther)).json.Response;
    expect(detail.OwnerUin).to.equal(OTHER.uin);
    expect(await errorCode(emu, "ssl", "DescribeCertificateDetail", { CertificateId: upload.CertificateId })).to.equal("FailedOperation.CertificateNotFound");
    expect((await emu.state(OTHER.uin)).sslCertificates.map((c) => c.id)).to.deep.equal([upload.CertificateId]);
    expect((await emu.state()).sslCertificates).to.deep.equal([]);
    expect((await emu.state(OTHER.uin)).account).to.equal(OTHER.uin);
  });

  it("counts rate limits per account", async () => {
    await emu.reset();
    const burst = (opts?: object) => Promise.all(Array.from({ length: 20 }, () => rawCall(emu, "cdn", "DescribeDomains", {}, opts).then((a) => a.json.Response.Error?.Code)));
    const [own, other] = await Promise.all([burst(), burst(asOther)]);
    expect([...own, ...other].filter((c) => c !== undefined)).to.deep.equal([]); // 20/s each: neither account's burst takes the other's tokens
  });

  it("edits the account an admin body names, and refuses an account that does not exist", async () => {
    await emu.reset();
    await emu.editCdnDomain("www.default.example.com", { status: "offline" });
    const port = Number(new URL(emu.url).port);
    const post = (body: object) => fetch(`http://127.0.0.1:${port}/_emulator/cdn-domain`, { method: "POST", body: JSON.stringify(body) });
    expect((await post({ account: OTHER.uin, domain: "www.other.example.com", patch: { status: "offline" } })).status).to.equal(200);
    expect((await emu.state(OTHER.uin)).cdnDomains[0].Status).to.equal("offline");
    const missing = await post({ account: "300000000003", domain: "www.other.example.com", patch: {} });
    expect(missing.status).to.equal(400);
    expect(((await missing.json()) as { error: string }).error).to.equal(`no account "300000000003"; the accounts are 100000000001, ${OTHER.uin}`);
  });

  it("refuses an account seed without a uin of digits, or one that names the default account", async () => {
    for (const [accounts, words] of [[[{}], "seed.accounts[0]: uin is missing."], [[{ uin: "100000000001" }], "is the default account"]] as const) {
      let error: unknown;
      try { await startEmulator({ seed: { accounts: accounts as any } }); } catch (e) { error = e; }
      expect(String(error)).to.include(words);
    }
  });
});
