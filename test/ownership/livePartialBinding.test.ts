// Scenario 6: a binding moved to a new certificate, with the API refusing some domains (per-domain
// `Errors` in a 200 answer). The partial state must record, per domain, the certificate the
// binding bound it to, so that destroy unbinds every domain it bound (on the old certificate as
// well as the new) and the old certificate can be deleted afterwards; the next up completes the
// move and a second one shows no change.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { bindingTo, describeResult, destroy, Entry, expectNoChange, liveCertificateOf, up } from "./deployment";
import { Middleman, startMiddleman } from "../support/middleman";
import { liveBinding, routeThrough, sslCertificateIds } from "./support";

const P1 = "play1.live.example.com";
const P2 = "play2.live.example.com";

describe("ownership 6: a binding update refused for some domains", function () {
  let env: ProviderEnv;
  let proxy: Middleman;
  let oldChain: TestChain;
  let newChain: TestChain;
  const seed = () => ({ liveDomains: [{ name: P1, type: 1 as const }, { name: P2, type: 1 as const }] });
  const cert = liveCertificateOf;
  const binding = (certName: string) => bindingTo("play", certName, [P1, P2]);
  const moved = () => [cert("old", oldChain), cert("new", newChain), binding("new")];

  before(async function () {
    oldChain = makeChain({ domains: ["*.live.example.com"] });
    newChain = makeChain({ domains: ["*.live.example.com"], keySet: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
    proxy = await startMiddleman(env.emulator.url);
    routeThrough(env, proxy);
  });
  after(async () => { await proxy?.stop(); await env?.stop(); });
  beforeEach(async () => { proxy.onAnswer(undefined); await env.emulator.reset(seed()); env.clearLogs(); });

  /** Binds both domains to "old", then moves the binding to "new" with P2 refused by the API. */
  async function partlyMoved(): Promise<{ state: Entry[]; oldId: string; newId: string }> {
    const first = await up(env, [cert("old", oldChain), binding("old")], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const oldId = first.state.find((e) => e.name === "old")!.id;
    proxy.onAnswer(async ({ action, request, answer }) => {
      if (action !== "ModifyLiveDomainCertBindings" || request?.CloudCertId === oldId) return undefined;
      // The API refused P2: it stays on the old certificate, and the answer says so per domain.
      await env.emulator.editLiveBinding(P2, { cloudCertId: oldId, status: 1 });
      const r = answer.Response;
      return { Response: { ...r, Errors: [...(r.Errors ?? []), { DomainName: P2, Code: "FailedOperation.ConfigCDNFailed", Message: "configuring the CDN failed" }] } };
    });
    const second = await up(env, moved(), first.state);
    proxy.onAnswer(undefined);
    expect(second.steps.play, describeResult(second)).to.equal("failed");
    expect(await liveBinding(env, P2)).to.equal(oldId);
    const newId = second.state.find((e) => e.name === "new")!.id;
    return { state: second.state, oldId, newId };
  }

  it("destroy unbinds the refused domain from the old certificate too, so both certificates are deleted", async function () {
    const { state } = await partlyMoved();
    const gone = await destroy(env, state);
    expect(gone.ok, describeResult(gone)).to.equal(true);
    expect(await liveBinding(env, P1)).to.equal(undefined);
    expect(await liveBinding(env, P2)).to.equal(undefined);
    expect(await sslCertificateIds(env)).to.deep.equal([]);
  });

  it("the next up completes the move, and a second one shows no change", async function () {
    const { state, newId } = await partlyMoved();
    const repaired = await up(env, moved(), state);
    expect(repaired.ok, describeResult(repaired)).to.equal(true);
    expect(await liveBinding(env, P2)).to.equal(newId);
    await expectNoChange(env, moved(), repaired.state);
  });
});
