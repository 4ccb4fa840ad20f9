// Credential-leak audit (issue 28): a deployment on web-identity credentials with a resource in another
// account through an assumed role, a refresh, a destroy, and failures (a forged token, a role that may
// not be assumed). Everything produced is collected and searched, with the secret-leak audit's search
// (bench/lib/secretScan.ts), for the base secret key, the identity token and every temporary secret key
// and session token STS handed out (taken from the answers on the wire by a middleman).
import { expect } from "chai";
import { makeChain } from "../support/certs";
import { serializeProvider } from "../support/engine";
import { AUDIENCE, DEFAULT_UIN, GITHUB_ISSUER, makeIssuer, roleArn, trustAccount, trustOidc } from "../support/identity";
import { startMiddleman } from "../support/middleman";
import { startProviderEnv } from "../support/providerEnv";
import { seams } from "../../sdk/seam";
import { Needle, scanForSecrets } from "../../bench/lib/secretScan";
import { destroy, refresh, up, describeResult } from "../ownership/deployment";

const C = "300000000003";
const SUBJECT = "repo:example/app:ref:refs/heads/main";
const DOMAIN = "www.leak.example.com";

describe("proof: no credential leaks (issue 28)", function () {
  this.timeout(60_000);
  const sources: { name: string; text: string }[] = [];
  const needles: Needle[] = [];
  const record = (name: string, value: unknown) => sources.push({ name, text: typeof value === "string" ? value : JSON.stringify(value) ?? String(value) });

  before(async () => {
    const github = await makeIssuer();
    const env = await startProviderEnv({
      deployDelayMs: 20,
      seed: {
        roles: [{ name: "github-deploy", trustPolicy: trustOidc(DEFAULT_UIN, "github", { iss: GITHUB_ISSUER, aud: AUDIENCE, sub: SUBJECT }) }],
        identityProviders: [{ name: "github", issuer: GITHUB_ISSUER, clientIds: [AUDIENCE], jwks: github.jwks }],
        accounts: [{
          uin: C, cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }],
          roles: [{ name: "https", trustPolicy: trustAccount(DEFAULT_UIN) }, { name: "closed", trustPolicy: trustAccount("400000000004") }],
        }],
      },
    });
    const middleman = await startMiddleman(env.emulator.url);
    try {
      const token = await github.sign({ sub: SUBJECT });
      const forged = await (await makeIssuer()).sign({ sub: SUBJECT });
      const web = { providerId: "github", roleArn: roleArn(DEFAULT_UIN, "github-deploy"), sessionName: "audit", webIdentityToken: token };
      env.config = { "tencentcloud-https:endpoint": middleman.url, "tencentcloud-https:assumeRoleWithWebIdentity": JSON.stringify(web) };
      const chain = makeChain({ domains: [DOMAIN] });
      const program = (role: string) => [{ kind: "cdnHttpsConfig" as const, name: "site",
        args: { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, assumeRole: { roleArn: roleArn(C, role), externalId: "audit-external" } } }];

      const first = await up(env, program("https"), []);
      expect(first.ok, describeResult(first)).to.equal(true);
      record("up: state", first.state.map((e) => ({ id: e.id, outputs: e.outputs })));
      record("refresh: state", (await refresh(env, first.state)).map((e) => ({ id: e.id, outputs: e.outputs })));
      const refused = await up(env, program("closed"), first.state);
      record("up with a role that may not be assumed: errors", Object.values(refused.errors).map((e) => `${e.message}\n${e.stack}`));
      record("up: failures", refused.failures);
      env.config = { ...env.config, "tencentcloud-https:assumeRoleWithWebIdentity": JSON.stringify({ ...web, webIdentityToken: forged }) };
      const forgedRun = await up(env, program("https"), first.state);
      record("up with a forged token: errors", Object.values(forgedRun.errors).map((e) => `${e.message}\n${e.stack}`));
      env.config = { ...env.config, "tencentcloud-https:assumeRoleWithWebIdentity": JSON.stringify(web) };
      const gone = await destroy(env, first.state);
      expect(gone.ok, describeResult(gone)).to.equal(true);

      for (const [kind, seam] of Object.entries(seams)) record(`serialized seam ${kind}`, await serializeProvider(seam));
      record("provider log", env.logs.map((l) => `${l.level} ${l.line}`).join("\n"));
      record("emulator request log", await env.emulator.requests());
      record("emulator state", await env.emulator.state());
      record("emulator state of C", await env.emulator.state(C));

      needles.push({ label: "base secret key", text: env.emulator.secretKey });
      for (const [label, jwt] of [["identity token", token], ["forged identity token", forged]] as const) {
        needles.push({ label, text: jwt }, { label: `${label} (signature)`, text: jwt.split(".")[2] });
      }
      for (const x of middleman.exchanges.filter((e) => e.answer?.Response?.Credentials)) {
        const c = x.answer.Response.Credentials;
        needles.push({ label: `${x.action} TmpSecretKey`, text: c.TmpSecretKey }, { label: `${x.action} Token`, text: c.Token });
      }
    } finally {
      await middleman.stop();
      await env.stop();
    }
  });

  it("collected temporary credentials of both kinds and the failures' messages", () => {
    expect(needles.filter((n) => n.label.startsWith("AssumeRoleWithWebIdentity Token")).length).to.be.at.least(1);
    expect(needles.filter((n) => n.label.startsWith("AssumeRole Token")).length).to.be.at.least(1);
    expect(sources.find((s) => s.name.startsWith("up with a role"))!.text).to.contain("UnauthorizedOperation");
    expect(sources.find((s) => s.name.startsWith("up with a forged"))!.text).to.contain("WebIdentityTokenError");
  });

  it("control: the search finds a planted token", () => {
    const token = needles.find((n) => n.label === "AssumeRole Token")!;
    expect(scanForSecrets([{ name: "planted", text: `X-TC-Token: ${token.text}` }], needles)).to.have.length.greaterThan(0);
  });

  it("no secret key, session token or identity token appears anywhere", () => {
    const leaks = scanForSecrets(sources, needles).map((l) => `${l.needle} in ${l.source}`);
    expect(leaks).to.deep.equal([]);
  });
});
