// Temporary credentials across a long deployment wait: the provider runs on web-identity credentials
// that expire every two seconds on the emulator's clock, from a token file the CI (or kubelet)
// rewrites with short-lived tokens, while a CDN deployment takes five seconds. Every request is
// answered: none is sent on expired credentials, the credentials are renewed before they expire, in
// the middle of the wait, each time from the token the file holds then.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { createProvider } from "../../provider";
import { makeChain } from "../support/certs";
import { AUDIENCE, GITHUB_ISSUER, makeIssuer, roleArn, trustOidc } from "../support/identity";

const B = "200000000002";
const DOMAIN = "www.rotate.example.com";
const SUBJECT = "repo:example/app:ref:refs/heads/main";
const SESSION_SECONDS = 2;
const DEPLOYMENT_MS = 5_000;

describe("provider: temporary credentials renewed across a long deployment wait", function () {
  this.timeout(60_000);
  let emu: EmulatorHandle;
  let dir: string;
  let rotation: NodeJS.Timeout | undefined;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "h28-rotate-"));
  });
  after(async () => {
    if (rotation) clearInterval(rotation);
    await emu?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("finishes with no failed request, renewing the credentials several times during the wait", async () => {
    const github = await makeIssuer();
    emu = await startEmulator({
      deployDelayMs: DEPLOYMENT_MS,
      seed: {
        accounts: [{
          uin: B,
          cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }],
          roles: [{ name: "github-deploy", trustPolicy: trustOidc(B, "github", { iss: GITHUB_ISSUER, aud: AUDIENCE, sub: SUBJECT }) }],
          identityProviders: [{ name: "github", issuer: GITHUB_ISSUER, clientIds: [AUDIENCE], jwks: github.jwks }],
        }],
      },
    });
    // The CI rewrites the token file every second with a token valid for three: a stale read would be refused.
    const tokenFile = path.join(dir, "token");
    const writeToken = async () => fs.writeFileSync(tokenFile, await github.sign({ sub: SUBJECT, expiresInSeconds: 3 }));
    await writeToken();
    rotation = setInterval(() => void writeToken(), 1000);

    const logs: string[] = [];
    const provider = createProvider({ env: {}, logSink: (_level, line) => logs.push(line) });
    const config: Record<string, string> = {
      "tencentcloud-https:endpoint": emu.url,
      "tencentcloud-https:assumeRoleWithWebIdentity": JSON.stringify({
        providerId: "github", roleArn: roleArn(B, "github-deploy"), sessionName: "deploy", sessionDuration: SESSION_SECONDS, webIdentityTokenFile: tokenFile,
      }),
    };
    provider.configure({ config: { get: (k: string) => config[k] } });

    const chain = makeChain({ domains: [DOMAIN] });
    const args = { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __resourceName: "site" };
    const checked = await provider.cdnHttpsConfig.check({}, args);
    expect(checked.failures ?? []).to.deep.equal([]);
    const started = Date.now();
    const { outs } = await provider.cdnHttpsConfig.create(checked.inputs);
    const waited = Date.now() - started;

    expect(outs.sslStatus).to.equal("deployed");
    expect(outs.accountId).to.equal(B);
    expect(waited, "the create waited for the deployment").to.be.at.least(DEPLOYMENT_MS - 500);
    const requests = await emu.requests();
    const failed = requests.filter((r) => r.errorCode !== undefined);
    expect(failed.map((r) => `${r.action}: ${r.errorCode}`), "no failed request").to.deep.equal([]);
    const exchanges = requests.filter((r) => r.action === "AssumeRoleWithWebIdentity").length;
    expect(exchanges, "credentials renewed during the wait").to.be.at.least(Math.floor(DEPLOYMENT_MS / 1000 / SESSION_SECONDS));
    expect(requests.filter((r) => r.action === "DescribeDomainsConfig").length, "the wait polled").to.be.at.least(3);
    expect(logs.join("\n")).to.not.contain(fs.readFileSync(tokenFile, "utf8"));
  });
});
