// Scenario 3: `{ import: "cdn.example.com" }` of a configuration this program's certificate is
// deployed on converges: the sdk hands the id over as `__import`, so the engine runs a check and a
// create that adopts without writing; no false "serves another certificate" warning is logged, and
// the next up is clean. When the program holds another certificate the import says precisely what
// differs. The engine's own import step (a bare dynamic.Resource, `pulumi import`) fails as
// Pulumi's dynamic-provider host fails it.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { Declared, describeResult, expectNoChange, up } from "./deployment";
import { logText } from "./support";

const DOMAIN = "cdn.example.com";

describe("ownership 3: importing a self-owned CDN configuration", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  let other: TestChain;
  const seed = () => ({ cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }] });
  const site = (c: TestChain, importId?: string): Declared =>
    ({ kind: "cdnHttpsConfig", name: "site", args: { domain: DOMAIN, certificate: c.certificate, privateKey: c.privateKey }, import: importId });
  let since = 0;

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    other = makeChain({ domains: [DOMAIN], keySet: 1, notAfter: new Date(Date.now() + 30 * 86400e3) });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => {
    await env.emulator.reset(seed());
    // Another stack (since forgotten) deployed this program's certificate.
    const earlier = await up(env, [site(chain)], []);
    expect(earlier.ok, describeResult(earlier)).to.equal(true);
    since = (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
    env.clearLogs();
  });

  it("converges when the program's certificate is the one deployed, with no false warning", async function () {
    const imported = await up(env, [site(chain, DOMAIN)], []);
    expect(imported.ok, describeResult(imported)).to.equal(true);
    // A create that adopts: what preview shows too. Nothing is written.
    expect(imported.steps.site).to.equal("create");
    expect(await env.emulator.writes(since)).to.deep.equal([]);
    expect(logText(env)).to.not.contain("serves another certificate");
    expect(imported.state[0].outputs).to.include({ source: "self-owned", fingerprint: chain.fingerprintSha256 });
    await expectNoChange(env, [site(chain, DOMAIN)], imported.state);
    await expectNoChange(env, [site(chain)], imported.state);
  });

  it("keeps what the API does not hold or shows only when declared: quic and waitForDeployment as the program gives them", async function () {
    const withQuic = (importId?: string): Declared => ({ ...site(chain, importId), args: { ...site(chain).args as object, quic: true, waitForDeployment: false } });
    const earlier = await up(env, [withQuic()], []);
    expect(earlier.ok, describeResult(earlier)).to.equal(true);
    since = (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
    const imported = await up(env, [withQuic(DOMAIN)], []);
    expect(imported.ok, describeResult(imported)).to.equal(true);
    expect(imported.state[0].outputs).to.include({ quic: true, waitForDeployment: false });
    expect(await env.emulator.writes(since)).to.deep.equal([]);
    await expectNoChange(env, [withQuic(DOMAIN)], imported.state);
  });

  it("the engine's own import step fails as Pulumi's dynamic-provider host fails it: no __provider in Read", async function () {
    const engineImport: Declared = { ...site(chain), engineImport: DOMAIN };
    const imported = await up(env, [engineImport], []);
    expect(imported.ok).to.equal(false);
    expect(imported.errors.site?.message).to.equal("code must be a string, not undefined");
    expect(imported.state).to.deep.equal([]);
    expect(await env.emulator.requests(since)).to.deep.equal([]);
  });

  it("says precisely what differs when the program holds another certificate, and writes nothing", async function () {
    const imported = await up(env, [site(other, DOMAIN)], []);
    expect(imported.ok).to.equal(false);
    // Check refuses it (at preview already), so nothing is created.
    expect(imported.steps.site).to.equal("failed");
    expect(imported.failures.site).to.have.length(1);
    expect(imported.failures.site[0].property).to.equal("certificate");
    expect(imported.failures.site[0].reason).to.match(new RegExp(`^CdnHttpsConfig ${DOMAIN} cannot be imported as the program declares it: ` +
      "the deployed certificate expires \\S+, the program's expires \\S+\\. "));
    expect(logText(env)).to.not.contain("serves another certificate than the one recorded");
    expect(await env.emulator.writes(since)).to.deep.equal([]);
  });
});
