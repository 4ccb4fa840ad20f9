// Scenarios 1 (rename) and 2 (refresh, then destroy) through Pulumi's real dynamic-provider host
// over gRPC: one host process per deployment, as the engine runs one, the serialized seam loading
// the built library, the name passed as the sdk passes it (`__resourceName`).
import { expect } from "chai";
import type { EmulatorHandle } from "../../emulator";
import { makeChain, TestChain } from "../support/certs";
import { Engine, HostFixture, ProviderHost, startHostFixture, StateEntry, urnFor } from "../support/engine";

const DOMAIN = "cdn.example.com";
const TYPE = "tencentcloud-https:CdnHttpsConfig";

describe("ownership through the dynamic-provider host", function () {
  let fixture: HostFixture;
  let emulator: EmulatorHandle;
  let chain: TestChain;
  let theirs: TestChain;
  const seed = () => ({
    cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }],
    sslCertificates: [{ id: "theirs01", certificate: theirs.certificate, privateKey: theirs.privateKey, from: "trustasia", status: 1 }],
  });
  const args = (name: string) => ({ domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __resourceName: name });

  /** One deployment: a fresh host process, configured as the engine configures it. */
  async function deployment(): Promise<{ engine: Engine; host: ProviderHost }> {
    const host = await fixture.newHost();
    return { engine: await fixture.engine("cdnHttpsConfig"), host };
  }
  const https = async () => ((await emulator.state()).cdnDomains as any[]).find((d) => d.Domain === DOMAIN).Https;

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    theirs = makeChain({ domains: ["*.example.com"], keySet: 1 });
    fixture = await startHostFixture({ deployDelayMs: 5, seed: seed() });
    emulator = fixture.emulator;
  });
  after(async () => { await fixture?.stop(); });
  beforeEach(async () => { await emulator.reset(seed()); });

  it("a rename creates the new resource, deletes the old one, and HTTPS stays on; the next up is the same", async function () {
    const first = await deployment();
    const site: StateEntry = await first.engine.create(urnFor(TYPE, "site"), args("site"));

    // Deployment 2: the program now holds "site-renamed" only. Check and create it, then delete "site".
    const second = await deployment();
    const renamed = await second.engine.create(urnFor(TYPE, "site-renamed"), args("site-renamed"));
    await second.engine.destroy(site);
    expect((await https()).Switch).to.equal("on");
    expect(second.host.logs().join("\n")).to.contain('CdnHttpsConfig "site-renamed"');

    const third = await deployment();
    expect((await third.engine.up(renamed, args("site-renamed"))).step).to.equal("same");
  });

  it("refresh records another owner's certificate, and destroy then leaves its HTTPS on", async function () {
    const first = await deployment();
    const site = await first.engine.create(urnFor(TYPE, "site"), args("site"));
    await emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { CertId: "theirs01" } } });

    const refreshing = await deployment();
    const refreshed = await refreshing.engine.refresh(site);
    expect(refreshed?.outputs.certificateId).to.equal("theirs01");

    const destroying = await deployment();
    await destroying.engine.destroy(refreshed!);
    const now = await https();
    expect(now.Switch).to.equal("on");
    expect(now.CertInfo.CertId).to.equal("theirs01");
  });
});
