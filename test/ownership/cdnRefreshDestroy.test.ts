// Scenario 2: another owner (another stack, the console) points the domain at its own certificate;
// `pulumi refresh` records the drift, yet what the resource *set* stays apart from what the API
// *serves now*, so a destroy after the refresh (or `destroy --refresh`) leaves the other owner's
// HTTPS on, as a plain destroy does. An `up` after the refresh restores the declared certificate.
// Their certificate may even look like ours (the same material, so the same name and expiry): a
// hosted CertId where this resource uploaded its own, or an upload where it deployed a hosted one,
// is still someone else's move.
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
    sslCertificates: [
      { id: "theirs01", certificate: theirs.certificate, privateKey: theirs.privateKey, from: "trustasia", status: 1 },
      // Our own material, hosted by someone else in SSL Certificate Management: the same name and expiry.
      { id: "alike001", certificate: chain.certificate, privateKey: chain.privateKey, from: "trustasia", status: 1 },
    ],
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

  it("their hosted certificate with our certificate's name and expiry (a CertId where we uploaded our own): destroy leaves it on and says so, refreshed or not", async function () {
    for (const refreshFirst of [false, true]) {
      await env.emulator.reset(seed());
      env.clearLogs();
      const deployed = await up(env, program(), []);
      expect(deployed.ok, describeResult(deployed)).to.equal(true);
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { CertId: "alike001" } } });
      const served = (await cdnHttps(env, DOMAIN)).CertInfo;
      expect({ name: served.CertName, expires: served.ExpireTime }, "they look alike").to.deep.equal({ name: deployed.state[0].outputs.deployedCert.certName, expires: deployed.state[0].outputs.deployedCert.expireTime });
      const state = refreshFirst ? await refresh(env, deployed.state) : deployed.state;
      if (refreshFirst) expect(state[0].outputs.certificateId, "refresh shows what the API serves").to.equal("alike001");
      const gone = await destroy(env, state);
      expect(gone.ok, describeResult(gone)).to.equal(true);
      const https = await cdnHttps(env, DOMAIN);
      expect(https.Switch, `refreshed first: ${refreshFirst}`).to.equal("on");
      expect(https.CertInfo.CertId).to.equal("alike001");
      expect(logText(env)).to.match(/now serves another certificate \(alike001, expiring [^)]+\) than this resource set; its HTTPS is left on/);
    }
  });

  it("their upload of the material of the hosted certificate we deployed (no CertId where we set one): destroy leaves it on and says so", async function () {
    const hosted: Declared[] = [{ kind: "cdnHttpsConfig", name: "site", args: { domain: DOMAIN, certificateId: "alike001" } }];
    const deployed = await up(env, hosted, []);
    expect(deployed.ok, describeResult(deployed)).to.equal(true);
    await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { Certificate: chain.certificate, PrivateKey: chain.privateKey } } });
    expect((await cdnHttps(env, DOMAIN)).CertInfo.CertName).to.equal(deployed.state[0].outputs.deployedCert.certName);
    await destroy(env, deployed.state);
    const https = await cdnHttps(env, DOMAIN);
    expect(https.Switch).to.equal("on");
    expect(https.CertInfo.From).to.equal("upload");
    expect(logText(env)).to.match(/now serves another certificate \(cdn\.example\.com, expiring [^)]+\) than this resource set; its HTTPS is left on/);
  });
});
