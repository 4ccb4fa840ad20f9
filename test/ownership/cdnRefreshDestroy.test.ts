// Scenario 2: another owner (another stack, the console) points the domain at its own certificate;
// `pulumi refresh` records the drift, yet what the resource *set* stays apart from what the API
// *serves now*, so a destroy after the refresh (or `destroy --refresh`) leaves the other owner's
// HTTPS on, as a plain destroy does. An `up` after the refresh restores the declared certificate.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { Declared, describeResult, destroy, expectNoChange, refresh, up } from "./deployment";
import { cdnHttps, logText } from "./support";

const DOMAIN = "cdn.example.com";

describe("ownership 2: refresh, then destroy, leaves another owner's certificate on", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  let theirs: TestChain;
  const seed = () => ({
    cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }],
    sslCertificates: [{ id: "theirs01", certificate: theirs.certificate, privateKey: theirs.privateKey, from: "trustasia", status: 1 }],
  });
  const program = (): Declared[] => [{ kind: "cdnHttpsConfig", name: "site", args: { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey } }];
  const takenOver = () => env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { CertId: "theirs01" } } });

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    theirs = makeChain({ domains: ["*.example.com"], keySet: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => { await env.emulator.reset(seed()); env.clearLogs(); });

  it("refresh records the drift but destroy still leaves the other owner's HTTPS on, and says so", async function () {
    const deployed = await up(env, program(), []);
    expect(deployed.ok, describeResult(deployed)).to.equal(true);
    await takenOver();
    const refreshed = await refresh(env, deployed.state);
    expect(refreshed[0].outputs.certificateId, "refresh shows what the API serves").to.equal("theirs01");
    const gone = await destroy(env, refreshed);
    expect(gone.ok, describeResult(gone)).to.equal(true);
    const https = await cdnHttps(env, DOMAIN);
    expect(https.Switch).to.equal("on");
    expect(https.CertInfo.CertId).to.equal("theirs01");
    expect(logText(env)).to.match(/serves another certificate \(theirs01/);
  });

  it("an up after the refresh restores the declared certificate, and a second up shows no change", async function () {
    const deployed = await up(env, program(), []);
    await takenOver();
    const refreshed = await refresh(env, deployed.state);
    const restored = await up(env, program(), refreshed);
    expect(restored.steps.site, describeResult(restored)).to.equal("update");
    expect((await cdnHttps(env, DOMAIN)).CertInfo.From).to.equal("upload");
    await expectNoChange(env, program(), restored.state);
    // And a destroy now turns our own HTTPS off again.
    await destroy(env, restored.state);
    expect((await cdnHttps(env, DOMAIN)).Switch).to.equal("off");
  });

  it("a plain destroy (no refresh) leaves the other owner's HTTPS on, as documented", async function () {
    const deployed = await up(env, program(), []);
    await takenOver();
    await destroy(env, deployed.state);
    expect((await cdnHttps(env, DOMAIN)).CertInfo?.CertId).to.equal("theirs01");
  });
});
