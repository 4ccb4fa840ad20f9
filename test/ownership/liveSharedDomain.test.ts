// Scenario 4: two LiveDomainBindings of one program sharing a playback domain. With the same
// certificate both keep working, the check says so, and deleting one leaves the shared domain bound
// for the other; with different certificates the check fails naming both.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { bindingTo, describeResult, expectNoChange, liveCertificateOf, up } from "./deployment";
import { liveBinding, logText } from "./support";

const P1 = "play1.live.example.com";
const P2 = "play2.live.example.com";
const P3 = "play3.live.example.com";

describe("ownership 4: two bindings sharing a playback domain", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  let second: TestChain;
  const seed = () => ({ liveDomains: [{ name: P1, type: 1 as const }, { name: P2, type: 1 as const }, { name: P3, type: 1 as const }] });
  const cert = liveCertificateOf;
  const binding = bindingTo;

  before(async function () {
    chain = makeChain({ domains: ["*.live.example.com"] });
    second = makeChain({ domains: ["*.live.example.com"], keySet: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => { await env.emulator.reset(seed()); env.clearLogs(); });

  it("with one certificate both work, the check says so, and removing one keeps the shared domain bound", async function () {
    const both = [cert("cert", chain), binding("a", "cert", [P1, P2]), binding("b", "cert", [P2, P3])];
    const first = await up(env, both, []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const sharing = logText(env);
    const certificateId = first.state.find((e) => e.name === "cert")!.id;

    const onlyB = [cert("cert", chain), binding("b", "cert", [P2, P3])];
    const removed = await up(env, onlyB, first.state);
    expect(removed.ok, describeResult(removed)).to.equal(true);
    expect(await liveBinding(env, P1), "a's own domain is unbound").to.equal(undefined);
    expect(await liveBinding(env, P2), "the shared domain stays bound for b").to.equal(certificateId);
    expect(await liveBinding(env, P3)).to.equal(certificateId);
    expect(logText(env)).to.match(/play2\.live\.example\.com.*LiveDomainBinding "b"/);
    await expectNoChange(env, onlyB, removed.state);
    // The first up's check said that both declare the shared domain with one certificate.
    expect(sharing).to.match(/play2\.live\.example\.com.*LiveDomainBinding "(a|b)"/);
  });

  it("with different certificates the check fails with a sentence naming both, before anything is bound", async function () {
    const clash = [cert("cert", chain), cert("cert2", second), binding("a", "cert", [P1, P2]), binding("b", "cert2", [P2, P3])];
    const result = await up(env, clash, []);
    const failed = Object.entries(result.failures);
    expect(failed, describeResult(result)).to.have.length(1);
    const reason = failed[0][1].map((f) => f.reason).join(" ");
    expect(reason).to.contain('LiveDomainBinding "a"').and.to.contain('LiveDomainBinding "b"').and.to.contain(P2);
    // The binding that passed its check may have bound its domains; the one that failed bound nothing.
    const loser = failed[0][0];
    const loserDomains = loser === "a" ? [P1] : [P3];
    for (const d of loserDomains) expect(await liveBinding(env, d)).to.equal(undefined);
  });
});
