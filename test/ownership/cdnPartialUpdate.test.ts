// A certificate change whose redirect-off write went through but whose Https write was refused:
// the partial state the engine records must not claim the new certificate, or the next `up`
// diffs clean and the domain keeps serving the old one for good.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { Declared, describeResult, expectNoChange, up } from "./deployment";
import { Middleman, startMiddleman } from "../support/middleman";
import { cdnHttps, routeThrough } from "./support";

const DOMAIN = "cdn.example.com";

describe("CdnHttpsConfig: an update refused after its first write", function () {
  let env: ProviderEnv;
  let proxy: Middleman;
  let oldChain: TestChain;
  let newChain: TestChain;
  const seed = () => ({ cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }] });
  const site = (chain: TestChain, redirect: boolean): Declared[] => [{
    kind: "cdnHttpsConfig", name: "site",
    args: { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, ...(redirect ? { forceRedirect: { statusCode: 301 } } : {}) },
  }];

  before(async function () {
    oldChain = makeChain({ domains: [DOMAIN] });
    newChain = makeChain({ domains: [DOMAIN], keySet: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 50 });
    proxy = await startMiddleman(env.emulator.url);
    routeThrough(env, proxy);
  });
  after(async () => { await proxy?.stop(); await env?.stop(); });

  it("records the certificate still served, so the next up writes the new one and a second up is clean", async function () {
    const created = await up(env, site(oldChain, true), []);
    expect(created.ok, describeResult(created)).to.equal(true);

    // The redirect goes off first (it is no longer declared); the Https write after it is refused.
    let writes = 0;
    proxy.onAnswer(async ({ action }) => {
      if (action === "UpdateDomainConfig" && ++writes === 1) {
        await env.emulator.faults([{ service: "cdn", action: "UpdateDomainConfig", code: "FailedOperation.CdnConfigError", count: 1 }]);
      }
      return undefined;
    });
    const failed = await up(env, site(newChain, false), created.state);
    proxy.onAnswer(undefined);
    await env.emulator.faults([]);
    expect(failed.steps.site, describeResult(failed)).to.equal("failed");
    expect(writes, "the redirect-off write and the refused Https write").to.equal(2);
    expect((await env.emulator.state()).cdnDomains[0].ForceRedirect?.Switch).to.equal("off");
    expect(failed.state[0].outputs.fingerprint, "state must not claim the certificate that was never written").to.not.equal(newChain.fingerprintSha256);

    const repaired = await up(env, site(newChain, false), failed.state);
    expect(repaired.ok, describeResult(repaired)).to.equal(true);
    expect(repaired.steps.site).to.equal("update");
    expect(repaired.state[0].outputs).to.include({ fingerprint: newChain.fingerprintSha256, sslStatus: "deployed" });
    expect((await cdnHttps(env, DOMAIN)).CertInfo.ExpireTime).to.not.equal(undefined);
    await expectNoChange(env, site(newChain, false), repaired.state);
  });
});
