// Every credential source, end to end against the emulator: the provider configured as a user of
// Terraform's tencentcloud provider would (the same names), then a `get` whose `accountId` output
// (sts:GetCallerIdentity) says which account the credentials reached. The order of precedence, the
// region and the international site, `tencent-https status` with the same sources, and each failing
// source's one sentence naming the source and what to fix.
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { expect } from "chai";
import { run as status } from "../../cli/status";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { createProvider, Provider } from "../../provider";
import { makeChain } from "../support/certs";
import { AUDIENCE, DEFAULT_UIN, GITHUB_ISSUER, makeIssuer, roleArn, TestIssuer, trustAccount, trustCvm, trustOidc } from "../support/identity";
import { startMiddleman } from "../support/middleman";

const B = { uin: "200000000002", secretId: "AKIDcredsAccountB000000000001", secretKey: "creds-account-b-secret-key" };
const SUBJECT = "repo:example/app:ref:refs/heads/main";
const TKE_SUBJECT = "system:serviceaccount:ci:deployer";
const PROBE = "probe001"; // a certificate of the same id in both accounts: its `get` says whose it is

describe("provider: credential sources", function () {
  this.timeout(30_000);
  let emu: EmulatorHandle;
  let github: TestIssuer;
  let tke: TestIssuer;
  let dir: string;
  const probe = makeChain({ domains: ["probe.example.com"] });

  before(async () => {
    github = await makeIssuer();
    tke = await makeIssuer("https://ap-guangzhou-oidc.tke.tencentcs.com/id/abc", "tke-1");
    const certificate = [{ id: PROBE, certificate: probe.certificate, from: "trustasia" }];
    emu = await startEmulator({
      seed: {
        sslCertificates: certificate,
        roles: [{ name: "cvm-https", trustPolicy: trustCvm() }],
        accounts: [{
          uin: B.uin, credentials: [{ secretId: B.secretId, secretKey: B.secretKey }], sslCertificates: certificate,
          roles: [
            { name: "https-admin", trustPolicy: trustAccount(DEFAULT_UIN) },
            { name: "partner", trustPolicy: trustAccount(DEFAULT_UIN, "ext-2024") },
            { name: "github-deploy", trustPolicy: trustOidc(B.uin, "github", { iss: GITHUB_ISSUER, aud: AUDIENCE, sub: SUBJECT }) },
            { name: "tke-deploy", trustPolicy: trustOidc(B.uin, "cls-abc", { iss: tke.issuer, aud: AUDIENCE, sub: TKE_SUBJECT }) },
          ],
          identityProviders: [
            { name: "github", issuer: GITHUB_ISSUER, clientIds: [AUDIENCE], jwks: github.jwks },
            { name: "cls-abc", issuer: tke.issuer, clientIds: [AUDIENCE], jwks: tke.jwks },
          ],
        }],
      },
    });
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "h28-creds-"));
  });
  after(async () => {
    await emu?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** A provider process configured with this stack config and this environment (nothing from the test's own). */
  function providerWith(config: Record<string, string>, env: NodeJS.ProcessEnv = {}): Provider {
    const provider = createProvider({ env: { TENCENTCLOUD_HTTPS_ENDPOINT: emu.url, ...env }, logSink: () => undefined });
    provider.configure({ config: { get: (k: string) => config[k] } });
    return provider;
  }
  /** The account the provider's credentials reach, as the `accountId` output of a `get`. */
  async function accountOf(provider: Provider): Promise<string> {
    const r = await provider.liveCertificate.read(PROBE, undefined as never);
    expect(r.id, "the probe certificate is found").to.equal(PROBE);
    return r.props!.accountId;
  }
  async function failureOf(provider: Provider): Promise<string> {
    try {
      await provider.liveCertificate.read(PROBE, undefined as never);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error("the read succeeded");
  }
  const file = (name: string, text: string) => { const p = path.join(dir, name); fs.writeFileSync(p, text); return p; };
  const own = (k: string) => `tencentcloud-https:${k}`;

  describe("each source", function () {
    it("static keys, from config or the environment", async () => {
      expect(await accountOf(providerWith({ [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey }))).to.equal(DEFAULT_UIN);
      expect(await accountOf(providerWith({}, { TENCENTCLOUD_SECRET_ID: B.secretId, TENCENTCLOUD_SECRET_KEY: B.secretKey }))).to.equal(B.uin);
    });

    it("an STS token (temporary keys with TENCENTCLOUD_SECURITY_TOKEN)", async () => {
      const base = providerWith({ [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey, [own("assumeRole")]: JSON.stringify({ roleArn: roleArn(B.uin, "https-admin") }) });
      expect(await accountOf(base)).to.equal(B.uin);
      const sts = await fetchTemporaryKeys(emu, roleArn(B.uin, "https-admin"));
      expect(await accountOf(providerWith({}, { TENCENTCLOUD_SECRET_ID: sts.TmpSecretId, TENCENTCLOUD_SECRET_KEY: sts.TmpSecretKey, TENCENTCLOUD_SECURITY_TOKEN: sts.Token }))).to.equal(B.uin);
    });

    it("assumeRole from the configured identity: config (Terraform's assume_role names) or TENCENTCLOUD_ASSUME_ROLE_*", async () => {
      const keys = { [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey };
      const partner = { roleArn: roleArn(B.uin, "partner"), sessionName: "ci", sessionDuration: 900, externalId: "ext-2024" };
      expect(await accountOf(providerWith({ ...keys, [own("assumeRole")]: JSON.stringify(partner) }))).to.equal(B.uin);
      expect(await accountOf(providerWith({ ...keys, "tencentcloud:assumeRole": JSON.stringify(partner) }))).to.equal(B.uin);
      expect(await accountOf(providerWith(keys, {
        TENCENTCLOUD_ASSUME_ROLE_ARN: roleArn(B.uin, "partner"), TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "ci",
        TENCENTCLOUD_ASSUME_ROLE_SESSION_DURATION: "900", TENCENTCLOUD_ASSUME_ROLE_EXTERNAL_ID: "ext-2024",
      }))).to.equal(B.uin);
    });

    it("assumeRoleWithWebIdentity: the token from config, a variable or a file, as GitLab CI and TKE provide it", async () => {
      const token = await github.sign({ sub: SUBJECT });
      const web = { providerId: "github", roleArn: roleArn(B.uin, "github-deploy"), sessionName: "gha", sessionDuration: 900 };
      expect(await accountOf(providerWith({ [own("assumeRoleWithWebIdentity")]: JSON.stringify({ ...web, webIdentityToken: token }) }))).to.equal(B.uin);
      const tokenFile = file("gitlab-token", token);
      expect(await accountOf(providerWith({ [own("assumeRoleWithWebIdentity")]: JSON.stringify({ ...web, webIdentityTokenFile: tokenFile }) }))).to.equal(B.uin);
      // GitLab CI: `id_tokens: { TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: { aud: ... } }` sets the variable itself.
      expect(await accountOf(providerWith({}, {
        TENCENTCLOUD_ASSUME_ROLE_ARN: web.roleArn, TENCENTCLOUD_ASSUME_ROLE_SESSION_NAME: "gitlab", TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github",
        TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: token,
      }))).to.equal(B.uin);
      // Terraform's token file form, a JSON object, is read too.
      const jsonFile = file("tf-token.json", JSON.stringify({ web_identity_token: token }));
      expect(await accountOf(providerWith({}, {
        TENCENTCLOUD_ASSUME_ROLE_ARN: web.roleArn, TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github", TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN_FILE: jsonFile,
      }))).to.equal(B.uin);
      // TKE's pod identity webhook: TKE_ROLE_ARN, TKE_PROVIDER_ID, TKE_WEB_IDENTITY_TOKEN_FILE, TKE_REGION.
      const podToken = file("tke-token", await tke.sign({ sub: TKE_SUBJECT }));
      expect(await accountOf(providerWith({}, {
        TKE_ROLE_ARN: roleArn(B.uin, "tke-deploy"), TKE_PROVIDER_ID: "cls-abc", TKE_WEB_IDENTITY_TOKEN_FILE: podToken, TKE_REGION: "ap-guangzhou",
      }))).to.equal(B.uin);
    });

    it("assumeRoleWithWebIdentity in GitHub Actions: the token asked of the job's OIDC endpoint, for the audience", async () => {
      const asked: { auth?: string; audience?: string | null }[] = [];
      const server = http.createServer(async (req, res) => {
        const url = new URL(req.url ?? "/", "http://localhost");
        asked.push({ auth: req.headers.authorization, audience: url.searchParams.get("audience") });
        res.end(JSON.stringify({ value: await github.sign({ sub: SUBJECT }) }));
      });
      await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
      try {
        const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/token?api-version=2.0`;
        expect(await accountOf(providerWith({}, {
          TENCENTCLOUD_ASSUME_ROLE_ARN: roleArn(B.uin, "github-deploy"), TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github",
          ACTIONS_ID_TOKEN_REQUEST_URL: url, ACTIONS_ID_TOKEN_REQUEST_TOKEN: "gha-request-token",
        }))).to.equal(B.uin);
        expect(asked).to.deep.equal([{ auth: "Bearer gha-request-token", audience: AUDIENCE }]);
      } finally {
        server.close();
      }
    });

    it("a profile from tccli's credential file (profile, sharedCredentialsDir), with its region", async () => {
      const tccli = fs.mkdtempSync(path.join(dir, "tccli-"));
      fs.writeFileSync(path.join(tccli, "default.credential"), JSON.stringify({ secretId: emu.secretId, secretKey: emu.secretKey }));
      fs.writeFileSync(path.join(tccli, "b.credential"), JSON.stringify({ secretId: B.secretId, secretKey: B.secretKey }));
      fs.writeFileSync(path.join(tccli, "b.configure"), JSON.stringify({ _sys_param: { region: "ap-shanghai", output: "json" } }));
      expect(await accountOf(providerWith({ [own("sharedCredentialsDir")]: tccli }))).to.equal(DEFAULT_UIN);
      expect(await accountOf(providerWith({ [own("sharedCredentialsDir")]: tccli, [own("profile")]: "b" }))).to.equal(B.uin);
      expect(await accountOf(providerWith({}, { TENCENTCLOUD_SHARED_CREDENTIALS_DIR: tccli, TENCENTCLOUD_PROFILE: "b" }))).to.equal(B.uin);
      // A profile that assumes a role (tccli's role-arn and role-session-name).
      fs.writeFileSync(path.join(tccli, "role.credential"), JSON.stringify({
        secretId: emu.secretId, secretKey: emu.secretKey, "role-arn": roleArn(B.uin, "https-admin"), "role-session-name": "tccli",
      }));
      expect(await accountOf(providerWith({}, { TENCENTCLOUD_SHARED_CREDENTIALS_DIR: tccli, TENCENTCLOUD_PROFILE: "role" }))).to.equal(B.uin);
    });

    it("a CVM/TKE instance role from the metadata service (camRoleName, the endpoint overridable)", async () => {
      expect(await accountOf(providerWith({ [own("camRoleName")]: "cvm-https", [own("metadataEndpoint")]: emu.url }))).to.equal(DEFAULT_UIN);
      expect(await accountOf(providerWith({}, { TENCENTCLOUD_CAM_ROLE_NAME: "cvm-https", TENCENTCLOUD_HTTPS_METADATA_ENDPOINT: emu.url }))).to.equal(DEFAULT_UIN);
    });
  });

  describe("precedence", function () {
    it("stack config before the environment; within each, web identity, keys, profile, instance role; assumeRole on top", async () => {
      const envB = { TENCENTCLOUD_SECRET_ID: B.secretId, TENCENTCLOUD_SECRET_KEY: B.secretKey };
      expect(await accountOf(providerWith({ [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey }, envB))).to.equal(DEFAULT_UIN);
      expect(await accountOf(providerWith({ [own("camRoleName")]: "cvm-https", [own("metadataEndpoint")]: emu.url }, envB))).to.equal(DEFAULT_UIN);
      const token = await github.sign({ sub: SUBJECT });
      const webEnv = { TENCENTCLOUD_ASSUME_ROLE_ARN: roleArn(B.uin, "github-deploy"), TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github", TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: token };
      expect(await accountOf(providerWith({}, { ...webEnv, TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey }))).to.equal(B.uin);
    });
  });

  describe("region and site", function () {
    it("sends STS its region and every call to the international site's hosts, from config or the environment", async () => {
      const middleman = await startMiddleman(emu.url);
      try {
        const config = { [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey, [own("endpoint")]: middleman.url,
          [own("region")]: "ap-singapore", [own("domain")]: "intl.tencentcloudapi.com" };
        expect(await accountOf(providerWith(config))).to.equal(DEFAULT_UIN);
        const sts = middleman.exchanges.find((x) => x.action === "GetCallerIdentity")!;
        const ssl = middleman.exchanges.find((x) => x.action === "DescribeCertificateDetail")!;
        expect(sts).to.include({ host: "sts.intl.tencentcloudapi.com", region: "ap-singapore" });
        expect(ssl).to.include({ host: "ssl.intl.tencentcloudapi.com" });
        middleman.exchanges.length = 0;
        const env = { TENCENTCLOUD_SECRET_ID: emu.secretId, TENCENTCLOUD_SECRET_KEY: emu.secretKey, TENCENTCLOUD_REGION: "ap-hongkong", TENCENTCLOUD_DOMAIN: "intl.tencentcloudapi.com" };
        expect(await accountOf(providerWith({ [own("endpoint")]: middleman.url }, env))).to.equal(DEFAULT_UIN);
        expect(middleman.exchanges.find((x) => x.action === "GetCallerIdentity")).to.include({ host: "sts.intl.tencentcloudapi.com", region: "ap-hongkong" });
      } finally {
        await middleman.stop();
      }
    });
  });

  describe("tencent-https status", function () {
    it("uses the same sources (here a web identity from the environment)", async () => {
      const io = { stdout: "", stderr: "", now: () => new Date(), out(t: string) { io.stdout += t; }, err(t: string) { io.stderr += t; },
        env: { TENCENTCLOUD_HTTPS_ENDPOINT: emu.url, TENCENTCLOUD_ASSUME_ROLE_ARN: roleArn(B.uin, "github-deploy"), TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github",
          TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: await github.sign({ sub: SUBJECT }) } as NodeJS.ProcessEnv };
      expect(await status(["--json"], io), io.stderr).to.equal(0);
      expect(JSON.parse(io.stdout)).to.be.an("array");
    });
  });

  describe("a source that fails says which and what to fix", function () {
    it("a web identity token the role's identity provider refuses", async () => {
      const forged = await (await makeIssuer()).sign({ sub: SUBJECT });
      const message = await failureOf(providerWith({}, {
        TENCENTCLOUD_ASSUME_ROLE_ARN: roleArn(B.uin, "github-deploy"), TENCENTCLOUD_ASSUME_ROLE_PROVIDER_ID: "github", TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN: forged,
      }));
      expect(message).to.contain("TENCENTCLOUD_ASSUME_ROLE_WEB_IDENTITY_TOKEN").and.contain("InvalidParameter.WebIdentityTokenError").and.contain("identity provider");
      expect(message).to.not.contain(forged.split(".")[2]);
    });

    it("a token file that cannot be read", async () => {
      const missing = path.join(dir, "no-such-token");
      const message = await failureOf(providerWith({ [own("assumeRoleWithWebIdentity")]: JSON.stringify({ providerId: "github", roleArn: roleArn(B.uin, "github-deploy"), webIdentityTokenFile: missing }) }));
      expect(message).to.contain("tencentcloud-https:assumeRoleWithWebIdentity").and.contain(missing).and.contain("webIdentityTokenFile");
    });

    it("a role that does not exist, and one the identity may not assume", async () => {
      const keys = { [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey };
      const unknown = await failureOf(providerWith({ ...keys, [own("assumeRole")]: JSON.stringify({ roleArn: roleArn(B.uin, "nobody") }) }));
      expect(unknown).to.contain("tencentcloud-https:assumeRole").and.contain(roleArn(B.uin, "nobody")).and.contain("ResourceNotFound.RoleNotFound").and.contain("roleArn");
      const refused = await failureOf(providerWith({ ...keys, [own("assumeRole")]: JSON.stringify({ roleArn: roleArn(B.uin, "partner") }) }));
      expect(refused).to.contain("UnauthorizedOperation").and.contain("trust policy").and.contain("externalId");
      expect(refused).to.not.contain(emu.secretKey);
    });

    it("a profile that is not there, an instance role the metadata service does not have, a config value that is not JSON", async () => {
      const noProfile = await failureOf(providerWith({}, { TENCENTCLOUD_SHARED_CREDENTIALS_DIR: dir, TENCENTCLOUD_PROFILE: "ghost" }));
      expect(noProfile).to.contain("TENCENTCLOUD_PROFILE").and.contain(path.join(dir, "ghost.credential"));
      const noRole = await failureOf(providerWith({ [own("camRoleName")]: "ghost-role", [own("metadataEndpoint")]: emu.url }));
      expect(noRole).to.contain("tencentcloud-https:camRoleName").and.contain("ghost-role").and.contain("metadata");
      const badJson = await failureOf(providerWith({ [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey, [own("assumeRole")]: "{roleArn:" }));
      expect(badJson).to.contain("tencentcloud-https:assumeRole").and.contain("JSON");
      const incomplete = await failureOf(providerWith({ [own("assumeRole")]: JSON.stringify({ sessionName: "x" }), [own("secretId")]: emu.secretId, [own("secretKey")]: emu.secretKey }));
      expect(incomplete).to.contain("tencentcloud-https:assumeRole").and.contain("roleArn");
    });

    it("no source at all: one sentence naming every source", async () => {
      const message = await failureOf(providerWith({}, { HOME: dir }));
      for (const name of ["tencentcloud-https:secretId", "TENCENTCLOUD_SECRET_ID", "assumeRoleWithWebIdentity", "TENCENTCLOUD_PROFILE", "TENCENTCLOUD_CAM_ROLE_NAME"]) {
        expect(message).to.contain(name);
      }
    });
  });
});

/** Temporary keys as a person would fetch them with tccli (sts AssumeRole), for the STS-token source. */
async function fetchTemporaryKeys(emu: EmulatorHandle, arn: string): Promise<{ TmpSecretId: string; TmpSecretKey: string; Token: string }> {
  const { TencentCloudClient } = await import("../../provider/tencentcloud/client");
  const client = new TencentCloudClient({ credentials: { secretId: emu.secretId, secretKey: emu.secretKey }, endpoint: emu.url, region: "ap-guangzhou" });
  const r = await client.call<{ Credentials: { TmpSecretId: string; TmpSecretKey: string; Token: string } }>("sts", "AssumeRole", { RoleArn: arn, RoleSessionName: "person" });
  return r.Credentials;
}
