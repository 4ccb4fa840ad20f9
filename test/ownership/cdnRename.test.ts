// Scenario 1: a CdnHttpsConfig renamed without an alias (or moved into a component). The engine
// creates the new resource on the same domain, then deletes the old one: that delete must leave
// HTTPS on, because the new resource of the same deployment declares the domain, and say so.
// And two resources of one program on one CDN domain fail at check, naming both.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { Declared, describeResult, expectNoChange, up } from "./deployment";
import { cdnHttps, logText } from "./support";

const DOMAIN = "cdn.example.com";

describe("ownership 1: renaming a CdnHttpsConfig keeps HTTPS on", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  const seed = () => ({ cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }] });
  const site = (name: string): Declared => ({ kind: "cdnHttpsConfig", name, args: { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey } });

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => { await env.emulator.reset(seed()); env.clearLogs(); });

  it("the delete of the old name leaves HTTPS on under the new one, logs why, and the next up shows no change", async function () {
    const first = await up(env, [site("site")], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const renamed = await up(env, [site("site-renamed")], first.state);
    expect(renamed.ok, describeResult(renamed)).to.equal(true);
    expect(renamed.steps).to.include({ "site-renamed": "create", "site (delete)": "delete" });
    expect((await cdnHttps(env, DOMAIN)).Switch).to.equal("on");
    expect(logText(env)).to.match(/CdnHttpsConfig "site-renamed"/);
    await expectNoChange(env, [site("site-renamed")], renamed.state);
    expect((await cdnHttps(env, DOMAIN)).Switch).to.equal("on");
  });

  it("two resources of one program on one CDN domain fail at check with a sentence naming both", async function () {
    const both = await up(env, [site("a"), site("b")], []);
    const failed = Object.entries(both.failures);
    expect(failed, describeResult(both)).to.have.length(1);
    const reason = failed[0][1].map((f) => f.reason).join(" ");
    expect(reason).to.contain('CdnHttpsConfig "a"').and.to.contain('CdnHttpsConfig "b"').and.to.contain(DOMAIN);
    // The engine stops at a failed check, so a second resource never races the first on the domain.
    expect(failed[0][1][0].property).to.equal("domain");
  });

  it("a plain destroy of the only resource still turns HTTPS off (nothing else declares the domain)", async function () {
    const first = await up(env, [site("site")], []);
    const removed = await up(env, [], first.state);
    expect(removed.ok, describeResult(removed)).to.equal(true);
    expect((await cdnHttps(env, DOMAIN)).Switch).to.equal("off");
  });
});
