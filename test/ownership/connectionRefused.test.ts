// Scenario 7: the API is briefly unreachable right after a write (connections refused). A refused
// connection proves the request never reached the API, so the client retries it like a dropped
// one (bounded) and the create completes; and when re-reading after the write fails for good, the
// error still carries partial state built from what the provider knows it wrote, so the engine
// records the resource and `destroy` cleans up the HTTPS configuration.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { bindingTo, Declared, describeResult, destroy, expectNoChange, liveCertificateOf, up } from "./deployment";
import { Middleman, startMiddleman } from "../support/middleman";
import { cdnHttps, liveBinding, routeThrough } from "./support";

const DOMAIN = "cdn.example.com";
const PLAY = "play.live.example.com";

describe("ownership 7: connection refused right after a write", function () {
  let env: ProviderEnv;
  let proxy: Middleman;
  let chain: TestChain;
  let liveChain: TestChain;
  const seed = () => ({ cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }], liveDomains: [{ name: PLAY, type: 1 as const }] });
  const program = (): Declared[] => [{ kind: "cdnHttpsConfig", name: "site", args: { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey } }];

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    liveChain = makeChain({ domains: ["*.live.example.com"], keySet: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 200 });
    proxy = await startMiddleman(env.emulator.url);
    routeThrough(env, proxy);
  });
  after(async () => { await proxy?.stop(); await env?.stop(); });
  beforeEach(async () => { proxy.onAnswer(undefined); await env.emulator.faults([]); await env.emulator.reset(seed()); env.clearLogs(); });

  it("retries the polls the refused connections interrupted, and the create completes", async function () {
    let refused = false;
    proxy.onAnswer(async ({ action }) => {
      if (action === "UpdateDomainConfig" && !refused) { refused = true; await proxy.refuseFor(400); }
      return undefined;
    });
    const created = await up(env, program(), []);
    expect(refused).to.equal(true);
    expect(created.ok, describeResult(created)).to.equal(true);
    expect(created.state[0].outputs).to.include({ httpsEnabled: true, sslStatus: "deployed" });
    await expectNoChange(env, program(), created.state);
  });

  it("a re-read that keeps failing after the write still records partial state, which destroy cleans up", async function () {
    proxy.onAnswer(async ({ action }) => {
      // After the write, every read of the domain is refused for good (a non-retryable answer).
      if (action === "UpdateDomainConfig") await env.emulator.faults([{ service: "cdn", action: "DescribeDomainsConfig", code: "UnauthorizedOperation.CdnCamUnauthorized" }]);
      return undefined;
    });
    const failed = await up(env, program(), []);
    expect(failed.ok).to.equal(false);
    expect(failed.state, "the engine records the resource from the partial state").to.have.length(1);
    const recorded = failed.state[0];
    expect(recorded.id).to.equal(DOMAIN);
    expect(recorded.outputs).to.include({ domain: DOMAIN, fingerprint: chain.fingerprintSha256 });
    expect(recorded.outputs).to.not.have.property("privateKey");
    await env.emulator.faults([]);
    proxy.onAnswer(undefined);
    // The next up finishes the work, and a second one is clean.
    const repaired = await up(env, program(), failed.state);
    expect(repaired.ok, describeResult(repaired)).to.equal(true);
    await expectNoChange(env, program(), repaired.state);
    const gone = await destroy(env, repaired.state);
    expect(gone.ok, describeResult(gone)).to.equal(true);
    expect((await cdnHttps(env, DOMAIN)).Switch).to.equal("off");
  });

  it("a binding whose bindings cannot be read back after the bind still records partial state, which destroy unbinds", async function () {
    const live: Declared[] = [
      liveCertificateOf("cert", liveChain), bindingTo("play", "cert", [PLAY]),
    ];
    proxy.onAnswer(async ({ action }) => {
      if (action === "ModifyLiveDomainCertBindings") await env.emulator.faults([{ service: "live", action: "DescribeLiveDomainCertBindings", code: "UnauthorizedOperation" }]);
      return undefined;
    });
    const failed = await up(env, live, []);
    await env.emulator.faults([]);
    proxy.onAnswer(undefined);
    expect(failed.steps.play, describeResult(failed)).to.equal("failed");
    const recorded = failed.state.find((e) => e.name === "play");
    expect(recorded, "the engine records the binding from the partial state").to.not.equal(undefined);
    const certificateId = failed.state.find((e) => e.name === "cert")!.id;
    expect(recorded!.outputs).to.deep.include({ certificateId: certificateId, domains: [PLAY], boundTo: { [PLAY]: certificateId } });
    const repaired = await up(env, live, failed.state);
    expect(repaired.ok, describeResult(repaired)).to.equal(true);
    await expectNoChange(env, live, repaired.state);
    const gone = await destroy(env, repaired.state);
    expect(gone.ok, describeResult(gone)).to.equal(true);
    expect(await liveBinding(env, PLAY)).to.equal(undefined);
  });
});
