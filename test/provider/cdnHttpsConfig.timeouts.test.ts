// customTimeouts reach the handlers through the sdk's hidden `__timeouts` input (the dynamic-provider
// host drops the engine's own timeout), and bound the wait for a deployment.
import { expect } from "chai";
import { makeChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DOMAIN = "slow.example.com";

describe("CdnHttpsConfig custom timeouts", function () {
  let env: ProviderEnv;
  const h = handlersOf(() => env, "cdnHttpsConfig");
  before(async function () {
    // A deployment that takes a minute, far beyond the timeouts under test.
    env = await startProviderEnv({ seed: { cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }] }, deployDelayMs: 60_000 });
  });
  after(async function () { await env?.stop(); });

  it("gives up waiting for the deployment after the create timeout, with a sentence saying what to do", async function () {
    const chain = makeChain({ domains: [DOMAIN] });
    const inputs = { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __timeouts: { create: "1s" } };
    const error = await h.create(inputs).then(() => undefined, (e: Error) => e);
    expect(error, "create should time out").to.be.instanceOf(Error);
    expect(error!.message).to.match(/Timed out after 1s waiting for .*slow\.example\.com.*customTimeouts/);
    expect(error!.message).to.not.include(chain.privateKey.split("\n")[1]);
    // It stopped at its own deadline, not at the deployment's end: the state it kept, read right
    // after giving up, shows the minute-long deployment still running.
    expect((error as Error & { properties?: Record<string, unknown> }).properties).to.include({ domain: DOMAIN, sslStatus: "deploying" });
    // The write happened; the next `up` resumes by finding the deployment in progress.
    const writes = await env.emulator.writes();
    expect(writes.map((w) => w.action)).to.include("UpdateDomainConfig");
  });

  it("the next run waits for the deployment the timed-out run left in progress instead of colliding with it", async function () {
    const chain = makeChain({ domains: [DOMAIN] });
    const since = (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
    const inputs = { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __timeouts: { create: "2m" } };
    const done = h.create(inputs);
    // Let the first deployment finish (emulator clock), then the one this run starts.
    const finishDeployment = async (writes: number) => {
      for (let i = 0; i < 200; i++) {
        const updates = (await env.emulator.writes(since)).filter((w) => w.action === "UpdateDomainConfig" && !w.errorCode);
        if (updates.length >= writes) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      await env.emulator.advanceClock(61_000);
    };
    await new Promise((r) => setTimeout(r, 300));
    await env.emulator.advanceClock(61_000); // the deployment left by the previous test
    await finishDeployment(1);
    const { outs } = await done;
    expect(outs.sslStatus).to.equal("deployed");
    const collisions = (await env.emulator.requests(since)).filter((r) => r.errorCode === "ResourceInUse.CdnOpInProgress");
    expect(collisions, "writes refused because a deployment was in progress").to.have.length(0);
    expect(env.logs.map((l) => l.line).join("\n")).to.match(/already in progress; waiting for it before writing/);
  });

  it("carries the timeouts in the outputs, so delete honours customTimeouts.delete", async function () {
    const chain = makeChain({ domains: [DOMAIN] });
    const started = await h.create({ domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey,
      waitForDeployment: false, __timeouts: { create: "2m", delete: "1s" } });
    expect(started.outs.__timeouts).to.deep.equal({ create: "2m", delete: "1s" });
    expect(started.outs.sslStatus).to.equal("deploying");
    // Destroy while that deployment (a minute long) is still in flight: delete waits for it, bounded by 1s.
    const error = await h.delete(DOMAIN, started.outs).then(() => undefined, (e: Error) => e);
    expect(error, "delete should time out").to.be.instanceOf(Error);
    expect(error!.message).to.match(/Timed out after 1s waiting for the HTTPS deployment already in progress on CDN domain slow\.example\.com/);
    await env.emulator.advanceClock(61_000);
    await h.delete(DOMAIN, started.outs);
    const after = await h.read(DOMAIN, started.outs);
    expect(after.props?.httpsEnabled).to.equal(false);
  });
});
