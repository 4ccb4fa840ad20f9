// Scenario 3: `{ import: "cdn.example.com" }` of a configuration this program's certificate is
// deployed on converges: the import step's check and diff show no change, no false "serves another
// certificate" warning is logged, and the next up is clean. When the program holds another
// certificate the import says precisely what differs.
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
    env.clearLogs();
  });

  it("converges when the program's certificate is the one deployed, with no false warning", async function () {
    const imported = await up(env, [site(chain, DOMAIN)], []);
    expect(imported.ok, describeResult(imported)).to.equal(true);
    expect(imported.steps.site).to.equal("import");
    expect(logText(env)).to.not.contain("serves another certificate");
    expect(imported.state[0].outputs).to.include({ source: "self-owned", fingerprint: chain.fingerprintSha256 });
    await expectNoChange(env, [site(chain)], imported.state);
  });

  it("says precisely what differs when the program holds another certificate", async function () {
    const imported = await up(env, [site(other, DOMAIN)], []);
    expect(imported.ok).to.equal(false);
    const said = `${logText(env)}\n${Object.values(imported.errors).map((e) => e.message).join("\n")}`;
    expect(said).to.contain("expires");
    expect(said).to.not.contain("serves another certificate than the one recorded");
    expect(said).to.match(/deployed certificate .* program/);
  });
});
