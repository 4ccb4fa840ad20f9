// The emulator's STS (2018-08-13), as the spec says: AssumeRole across accounts by the role's trust
// policy, AssumeRoleWithWebIdentity (unsigned, `Authorization: SKIP`) verifying the token against an
// identity provider of the seed, GetCallerIdentity; temporary credentials that expire on the
// emulator's clock; the documented codes for a bad token, an unknown role and a role the caller may
// not assume; the CVM metadata service's instance-role credentials.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { AUDIENCE, DEFAULT_UIN, GITHUB_ISSUER, makeIssuer, roleArn, TestIssuer, trustAccount, trustCvm, trustOidc } from "../support/identity";
import { rawCall, RawOptions } from "./rawApi";

const B = { uin: "200000000002", secretId: "AKIDaccountB00000000000000001", secretKey: "account-b-secret-key" };
const SUBJECT = "repo:example/app:ref:refs/heads/main";
const REGION = { "X-TC-Region": "ap-guangzhou" };

/** A call to sts with a region (STS is regional); `as` other credentials, `token` for temporary ones. */
async function sts(emu: EmulatorHandle, action: string, params: object, opts: RawOptions = {}) {
  const a = await rawCall(emu, "sts", action, params, { ...opts, headers: { ...REGION, ...opts.headers } });
  return a.json.Response;
}

/** AssumeRoleWithWebIdentity as the spec says to send it: no signature, `Authorization: SKIP`. */
function unsigned(): RawOptions {
  return { tamper: (req) => { req.headers.Authorization = "SKIP"; } };
}

describe("emulator: STS", function () {
  let emu: EmulatorHandle;
  let github: TestIssuer;
  let stranger: TestIssuer;

  before(async () => {
    github = await makeIssuer();
    stranger = await makeIssuer(GITHUB_ISSUER, "test-key-1"); // same issuer and kid, another key: a forged token
    emu = await startEmulator({
      seed: {
        cdnDomains: [{ domain: "www.default.example.com" }],
        roles: [
          { name: "github-deploy", trustPolicy: trustOidc(DEFAULT_UIN, "github", { iss: GITHUB_ISSUER, aud: AUDIENCE, sub: SUBJECT }) },
          { name: "cvm-https", trustPolicy: trustCvm() },
        ],
        identityProviders: [{ name: "github", issuer: GITHUB_ISSUER, clientIds: [AUDIENCE], jwks: github.jwks }],
        accounts: [{
          uin: B.uin, credentials: [{ secretId: B.secretId, secretKey: B.secretKey }], cdnDomains: [{ domain: "www.b.example.com" }],
          roles: [
            { name: "https-admin", trustPolicy: trustAccount(DEFAULT_UIN) },
            { name: "partner", trustPolicy: trustAccount(DEFAULT_UIN, "ext-2024") },
            { name: "closed", trustPolicy: trustAccount("300000000003") },
          ],
        }],
      },
    });
  });
  after(() => emu.stop());

  describe("AssumeRole", function () {
    it("issues credentials of the role's account, which GetCallerIdentity names, expiring after DurationSeconds", async () => {
      const before = Date.now();
      const r = await sts(emu, "AssumeRole", { RoleArn: roleArn(B.uin, "https-admin"), RoleSessionName: "ci-run-1", DurationSeconds: 900 });
      expect(r.Error).to.equal(undefined);
      expect(r.Credentials.TmpSecretId).to.match(/^AKID/);
      expect(r.Credentials.Token).to.be.a("string").and.not.equal("");
      expect(r.ExpiredTime * 1000).to.be.within(before + 899_000, Date.now() + 901_000);
      expect(Date.parse(r.Expiration)).to.equal(r.ExpiredTime * 1000);

      const temp = { secretId: r.Credentials.TmpSecretId, secretKey: r.Credentials.TmpSecretKey, headers: { "X-TC-Token": r.Credentials.Token } };
      const domains = (await rawCall(emu, "cdn", "DescribeDomains", {}, temp)).json.Response.Domains.map((d: any) => d.Domain);
      expect(domains, "the role's account").to.deep.equal(["www.b.example.com"]);
      const who = await sts(emu, "GetCallerIdentity", {}, temp);
      expect(who).to.include({ AccountId: B.uin, Type: "CAMRole", PrincipalId: DEFAULT_UIN });
      expect(who.UserId).to.match(/^\d+:ci-run-1$/);
      expect(who.Arn).to.match(new RegExp(`^qcs::sts:${B.uin}:assumed-role/\\d+$`));
    });

    it("names the account of long-term keys", async () => {
      expect(await sts(emu, "GetCallerIdentity", {})).to.include({ AccountId: DEFAULT_UIN, PrincipalId: DEFAULT_UIN, UserId: DEFAULT_UIN });
      expect(await sts(emu, "GetCallerIdentity", {}, { secretId: B.secretId, secretKey: B.secretKey })).to.include({ AccountId: B.uin });
    });

    it("answers the documented codes: unknown role, a role the caller may not assume, a wrong external id, too long a session", async () => {
      const code = async (params: object) => (await sts(emu, "AssumeRole", { RoleSessionName: "s1", ...params })).Error?.Code;
      expect(await code({ RoleArn: roleArn(B.uin, "nobody") })).to.equal("ResourceNotFound.RoleNotFound");
      expect(await code({ RoleArn: roleArn("300000000003", "https-admin") })).to.equal("ResourceNotFound.RoleNotFound");
      expect(await code({ RoleArn: roleArn(B.uin, "closed") })).to.equal("UnauthorizedOperation");
      expect(await code({ RoleArn: roleArn(B.uin, "partner") })).to.equal("UnauthorizedOperation");
      expect(await code({ RoleArn: roleArn(B.uin, "partner"), ExternalId: "wrong" })).to.equal("UnauthorizedOperation");
      expect(await code({ RoleArn: roleArn(B.uin, "partner"), ExternalId: "ext-2024" })).to.equal(undefined);
      expect(await code({ RoleArn: roleArn(B.uin, "https-admin"), DurationSeconds: 43201 })).to.equal("InvalidParameter.OverTimeError");
      expect(await code({ RoleArn: "arn:aws:iam::1:role/x" })).to.equal("InvalidParameter.ParamError");
    });

    it("STS is regional: a request without a region is refused", async () => {
      const a = await rawCall(emu, "sts", "GetCallerIdentity", {});
      expect(a.json.Response.Error.Code).to.equal("MissingParameter");
      expect(a.json.Response.Error.Message).to.contain("Region");
    });
  });

  describe("temporary credentials", function () {
    it("expire on the emulator's clock, and need their own token", async () => {
      const r = await sts(emu, "AssumeRole", { RoleArn: roleArn(B.uin, "https-admin"), RoleSessionName: "short", DurationSeconds: 60 });
      const temp = { secretId: r.Credentials.TmpSecretId, secretKey: r.Credentials.TmpSecretKey };
      expect((await rawCall(emu, "cdn", "DescribeDomains", {}, { ...temp, headers: { "X-TC-Token": "not-the-token" } })).json.Response.Error.Code).to.equal("AuthFailure.TokenFailure");
      expect((await rawCall(emu, "cdn", "DescribeDomains", {}, temp)).json.Response.Error.Code).to.equal("AuthFailure.TokenFailure");
      const withToken = { ...temp, headers: { "X-TC-Token": r.Credentials.Token } };
      expect((await rawCall(emu, "cdn", "DescribeDomains", {}, withToken)).json.Response.Error).to.equal(undefined);
      await emu.advanceClock(61_000);
      const expired = (await rawCall(emu, "cdn", "DescribeDomains", {}, withToken)).json.Response.Error;
      expect(expired.Code).to.equal("AuthFailure.TokenFailure");
      expect(expired.Message).to.contain("expired");
    });
  });

  describe("AssumeRoleWithWebIdentity", function () {
    const request = (token: string, extra: object = {}) => ({
      ProviderId: "github", WebIdentityToken: token, RoleArn: roleArn(DEFAULT_UIN, "github-deploy"), RoleSessionName: "gha-42", ...extra,
    });

    it("exchanges a token the trust policy admits for the role's credentials, unsigned", async () => {
      const r = await sts(emu, "AssumeRoleWithWebIdentity", request(await github.sign({ sub: SUBJECT }), { DurationSeconds: 1800 }), unsigned());
      expect(r.Error).to.equal(undefined);
      const temp = { secretId: r.Credentials.TmpSecretId, secretKey: r.Credentials.TmpSecretKey, headers: { "X-TC-Token": r.Credentials.Token } };
      expect(await sts(emu, "GetCallerIdentity", {}, temp)).to.include({ AccountId: DEFAULT_UIN, Type: "CAMRole" });
    });

    it("refuses a forged, foreign, mis-addressed or expired token with InvalidParameter.WebIdentityTokenError, saying which", async () => {
      const refusal = async (token: string) => (await sts(emu, "AssumeRoleWithWebIdentity", request(token), unsigned())).Error;
      const forged = await refusal(await stranger.sign({ sub: SUBJECT }));
      expect(forged.Code).to.equal("InvalidParameter.WebIdentityTokenError");
      expect(forged.Message).to.contain("signature");
      const foreign = await refusal(await github.sign({ sub: SUBJECT, issuer: "https://gitlab.example.com" }));
      expect(foreign).to.include({ Code: "InvalidParameter.WebIdentityTokenError" });
      expect(foreign.Message).to.contain("iss");
      const misaddressed = await refusal(await github.sign({ sub: SUBJECT, aud: "someone-else" }));
      expect(misaddressed).to.include({ Code: "InvalidParameter.WebIdentityTokenError" });
      expect(misaddressed.Message).to.contain("aud");
      expect((await refusal("not.a.jwt")).Code).to.equal("InvalidParameter.WebIdentityTokenError");
      const token = await github.sign({ sub: SUBJECT, expiresInSeconds: 60 });
      await emu.advanceClock(120_000); // expiry is judged on the emulator's clock
      const expired = await refusal(token);
      expect(expired.Code).to.equal("InvalidParameter.WebIdentityTokenError");
      expect(expired.Message).to.contain("exp");
    });

    it("refuses a subject the trust policy does not name (UnauthorizedOperation) and an unknown role or provider", async () => {
      const other = await sts(emu, "AssumeRoleWithWebIdentity", request(await github.sign({ sub: "repo:example/other:ref:refs/heads/main" })), unsigned());
      expect(other.Error.Code).to.equal("UnauthorizedOperation");
      const noRole = await sts(emu, "AssumeRoleWithWebIdentity", request(await github.sign({ sub: SUBJECT }), { RoleArn: roleArn(DEFAULT_UIN, "nobody") }), unsigned());
      expect(noRole.Error.Code).to.equal("InvalidParameter.ParamError");
      expect(noRole.Error.Message).to.contain("nobody");
      const noProvider = await sts(emu, "AssumeRoleWithWebIdentity", request(await github.sign({ sub: SUBJECT }), { ProviderId: "gitlab" }), unsigned());
      expect(noProvider.Error.Code).to.equal("InvalidParameter.ParamError");
      expect(noProvider.Error.Message).to.contain("gitlab");
    });

    it("only this action may be sent unsigned", async () => {
      const a = await sts(emu, "AssumeRole", { RoleArn: roleArn(B.uin, "https-admin"), RoleSessionName: "s" }, unsigned());
      expect(a.Error.Code).to.equal("AuthFailure.InvalidAuthorization");
    });

    it("keeps tokens and temporary keys out of the request log and the state", async () => {
      const token = await github.sign({ sub: SUBJECT });
      const r = await sts(emu, "AssumeRoleWithWebIdentity", request(token), unsigned());
      const log = JSON.stringify(await emu.requests());
      const state = JSON.stringify(await emu.state());
      for (const secret of [token, token.split(".")[2], r.Credentials.TmpSecretKey, r.Credentials.Token]) {
        expect(log).to.not.contain(secret);
        expect(state).to.not.contain(secret);
      }
      expect((await emu.requests()).some((e) => e.action === "AssumeRoleWithWebIdentity" && e.account === DEFAULT_UIN)).to.equal(true);
      expect((await emu.state()).roles.map((role) => role.arn)).to.include(roleArn(DEFAULT_UIN, "github-deploy"));
    });
  });

  describe("the CVM metadata service", function () {
    const get = async (path: string) => {
      const res = await fetch(`${emu.url}/latest/meta-data/cam/security-credentials/${path}`);
      return { status: res.status, text: await res.text() };
    };

    it("lists the instance's role and hands out its temporary credentials", async () => {
      expect((await get("")).text.trim()).to.equal("cvm-https");
      const answer = JSON.parse((await get("cvm-https")).text);
      expect(answer).to.include({ Code: "Success" });
      expect(answer.ExpiredTime * 1000).to.be.greaterThan(Date.now());
      const temp = { secretId: answer.TmpSecretId, secretKey: answer.TmpSecretKey, headers: { "X-TC-Token": answer.Token } };
      expect(await sts(emu, "GetCallerIdentity", {}, temp)).to.include({ AccountId: DEFAULT_UIN, Type: "CAMRole" });
      expect((await get("github-deploy")).status, "a role the instance does not have").to.equal(404);
    });
  });
});
