// Signature verification and request routing of the emulator.
import { expect } from "chai";
import http from "node:http";
import { signTc3 } from "../../provider/tencentcloud/signer";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { rawCall, errorCode } from "./rawApi";

describe("emulator: TC3 authentication and routing", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({ seed: { liveDomains: [{ name: "play.auth.example.com", type: 1 }] } });
  });
  after(() => emu.stop());
  const params = { DomainName: "play.auth.example.com" };

  it("accepts a request signed with content-type;host (as the official SDK signs)", async () => {
    const a = await rawCall(emu, "live", "DescribeLiveDomain", params);
    expect(a.status).to.equal(200);
    expect(a.json.Response.DomainInfo.Name).to.equal("play.auth.example.com");
    expect(a.json.Response.RequestId).to.match(/^[0-9a-f-]{36}$/);
  });

  it("accepts content-type;host;x-tc-action and an X-TC-Token", async () => {
    const a = await rawCall(emu, "live", "DescribeLiveDomain", params, { signedHeaders: ["content-type", "host", "x-tc-action"], headers: { "X-TC-Token": "session-token" } });
    expect(a.json.Response.Error).to.equal(undefined);
  });

  it("rejects a flipped byte in the body or the signature with AuthFailure.SignatureFailure", async () => {
    const flipBody = await errorCode(emu, "live", "DescribeLiveDomain", params, { tamper: (r) => { r.body = r.body.replace("auth", "autH"); } });
    expect(flipBody).to.equal("AuthFailure.SignatureFailure");
    const flipSig = await errorCode(emu, "live", "DescribeLiveDomain", params, {
      tamper: (r) => { const s = r.headers.Authorization; const c = s[s.length - 1]; r.headers.Authorization = s.slice(0, -1) + (c === "0" ? "1" : "0"); },
    });
    expect(flipSig).to.equal("AuthFailure.SignatureFailure");
    const wrongKey = await errorCode(emu, "live", "DescribeLiveDomain", params, { secretKey: emu.secretKey + "x" });
    expect(wrongKey).to.equal("AuthFailure.SignatureFailure");
  });

  it("rejects a timestamp more than 5 minutes away with AuthFailure.SignatureExpire, in real time", async () => {
    const old = Math.floor(Date.now() / 1000) - 301;
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { timestamp: old })).to.equal("AuthFailure.SignatureExpire");
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { timestamp: old + 602 })).to.equal("AuthFailure.SignatureExpire");
    await emu.advanceClock(3600_000); // the emulator clock moves deployments and expiry, not the signature window
    expect((await rawCall(emu, "live", "DescribeLiveDomain", params)).json.Response.Error).to.equal(undefined);
  });

  it("answers AuthFailure.SecretIdNotFound for an unknown SecretId", async () => {
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { secretId: "AKIDunknown" })).to.equal("AuthFailure.SecretIdNotFound");
  });

  it("answers AuthFailure.InvalidAuthorization for a malformed header or one that does not sign host", async () => {
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { tamper: (r) => { r.headers.Authorization = "Basic abc"; } })).to.equal("AuthFailure.InvalidAuthorization");
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { tamper: (r) => { delete r.headers.Authorization; } })).to.equal("AuthFailure.InvalidAuthorization");
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, {
      tamper: (r) => { r.headers.Authorization = r.headers.Authorization.replace("SignedHeaders=content-type;host", "SignedHeaders=content-type"); },
    })).to.equal("AuthFailure.InvalidAuthorization");
  });

  it("answers NoSuchVersion, InvalidAction and MissingParameter", async () => {
    expect(await errorCode(emu, "live", "DescribeLiveDomain", params, { version: "2017-01-01" })).to.equal("NoSuchVersion");
    expect(await errorCode(emu, "live", "CreateLiveCert", {})).to.equal("InvalidAction");
    expect(await errorCode(emu, "live", "DescribeLiveDomain", {})).to.equal("MissingParameter");
  });

  it("routes by the credential scope when the Host is not a service host", async () => {
    const a = await rawCall(emu, "live", "DescribeLiveDomain", params, { tamper: (r) => { r.headers.Host = "127.0.0.1"; } });
    // host is signed: the emulator must verify against the Host actually sent, and it was signed with the service host
    expect(a.json.Response.Error.Code).to.equal("AuthFailure.SignatureFailure");
    const b = await rawCall(emu, "live", "DescribeLiveDomain", params, { host: "localhost" });
    expect(b.json.Response.DomainInfo.Name).to.equal("play.auth.example.com");
  });

  it("accepts an absolute-form request target (the emulator used as a plain HTTP proxy)", async () => {
    const body = JSON.stringify(params);
    const timestamp = Math.floor(Date.now() / 1000);
    const host = "live.tencentcloudapi.com";
    const { authorization } = signTc3({ secretId: emu.secretId, secretKey: emu.secretKey, service: "live", host, timestamp, payload: body, contentType: "application/json" });
    const port = Number(new URL(emu.url).port);
    const text = await new Promise<string>((resolve, reject) => {
      const r = http.request({
        host: "127.0.0.1", port, method: "POST", path: `http://${host}/`, agent: false,
        headers: { Authorization: authorization, "Content-Type": "application/json", Host: host, "X-TC-Action": "DescribeLiveDomain", "X-TC-Version": "2018-08-01", "X-TC-Timestamp": String(timestamp) },
      }, (res) => { let s = ""; res.on("data", (c) => (s += c)); res.on("end", () => resolve(s)); });
      r.on("error", reject);
      r.end(body);
    });
    expect(JSON.parse(text).Response.DomainInfo.Name).to.equal("play.auth.example.com");
  });

  it("accepts credentials from the seed besides the generated pair", async () => {
    const seeded = await startEmulator({ seed: { credentials: [{ secretId: "AKIDseeded", secretKey: "seeded-key" }] } });
    try {
      expect(seeded.secretId).to.equal("AKIDseeded");
      const a = await rawCall(seeded, "live", "DescribeLiveDomains", {});
      expect(a.json.Response.AllCount).to.equal(0);
    } finally {
      await seeded.stop();
    }
  });
});
