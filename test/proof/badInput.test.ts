// The bad-input catalogue: every wrong input fails at check with its property and sentence, and
// the emulator's request log shows no write. In-process against the emulator for all of them, and a
// handful through Pulumi's real dynamic-provider host (the engine path).
import { expect } from "chai";

import { startProviderEnv, ProviderEnv } from "../support/providerEnv";
import { BadInput, badInputs, catalogueCerts, catalogueSeed, CatalogueCerts } from "./badInputCatalogue";
import { startFleetHost, FleetHost } from "../../bench/lib/providerHost";
import type { CheckFailure } from "../../provider/runtime/validate";

const ENGINE_KIND = { cdnHttpsConfig: "CdnHttpsConfig", liveCertificate: "LiveCertificate", liveDomainBinding: "LiveDomainBinding" } as const;

function expectFailure(c: BadInput, failures: CheckFailure[] | undefined): void {
  const list = failures ?? [];
  const hit = list.find((f) => (typeof c.property === "string" ? f.property === c.property : c.property.test(f.property)) && c.reason.test(f.reason));
  expect(hit, `${c.name}: expected a failure on ${c.property} matching ${c.reason}, got ${JSON.stringify(list).slice(0, 600)}`).to.not.equal(undefined);
}

async function lastSeq(env: ProviderEnv): Promise<number> {
  const all = await env.emulator.requests();
  return all.length ? all[all.length - 1].seq : 0;
}

describe("proof: bad-input catalogue", function () {
  this.timeout(120_000);
  // Built when the file loads (keys are cached by the factory), so each case is its own test.
  const certs: CatalogueCerts = catalogueCerts();
  const cases: BadInput[] = badInputs(certs);
  let env: ProviderEnv;

  before(async () => {
    env = await startProviderEnv({ seed: catalogueSeed(certs.hostedLive), rateLimits: false });
  });
  after(async () => { await env?.stop(); });

  it("has at least 30 wrong inputs across the five resources", () => {
    expect(cases.length).to.be.at.least(30);
    expect(new Set(cases.map((c) => c.resource)).size).to.equal(5);
  });

  it("control: the valid inputs beside them pass check", async () => {
    const pair = { certificate: certs.good.certificate, privateKey: certs.good.privateKey };
    const ok = await env.provider.cdnHttpsConfig.check({}, { domain: "ok.catalogue.example.com", ...pair });
    expect(ok.failures ?? []).to.deep.equal([]);
    const live = await env.provider.liveDomainBinding.check({}, { certificateId: "CATLIVE1", domains: ["play1.live.catalogue.example.com"] });
    expect(live.failures ?? []).to.deep.equal([]);
  });

  for (const c of cases) {
    it(`${c.resource}: ${c.name}`, async function () {
      // A check answers in well under a second; an unbounded input must not be allowed to stall it.
      this.timeout(15_000);
      const since = await lastSeq(env);
      const result = await env.provider[c.resource].check({}, c.args);
      expectFailure(c, result.failures);
      expect(await env.emulator.writes(since), "no write during check").to.deep.equal([]);
    });
  }

  describe("through the real dynamic-provider host", () => {
    let fleetHost: FleetHost;
    before(async () => { fleetHost = await startFleetHost(env.emulator); });
    after(async () => { await fleetHost?.stop(); });

    const viaEngine = ["key for another certificate", "expired certificate", "domain offline", "both certificate forms",
      "non-consecutive TLS versions", "client CA: a leaf given by mistake", "client CA: expired", "live: neither form", "binding: push domain", "binding: empty domain list"];
    for (const name of viaEngine) {
      it(name, async () => {
        const c = cases.find((x) => x.name === name)!;
        const kind = ENGINE_KIND[c.resource as keyof typeof ENGINE_KIND]; // the fleet host has no FreeCertificate
        const since = await lastSeq(env);
        const { failures } = await fleetHost.engines[kind].preview(`urn:pulumi:dev::proj::pulumi-nodejs:dynamic/tencentcloud-https:${kind}::bad`, c.args);
        expectFailure(c, failures);
        expect(await env.emulator.writes(since)).to.deep.equal([]);
      });
    }
  });
});
