// The quick start (`npm run demo`): with a Pulumi CLI on the machine, the demo's `pulumi up`,
// `refresh` and `destroy` through the Automation API against the emulator; without one, the test
// says plainly that it skipped. The no-CLI fallback the demo prints instead is tested either way.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { projectRoot, runPulumiDemo } from "../../examples/quickstart/demo";
import { emulatorInventory } from "../../examples/quickstart/inventory";
import { findPulumiCli } from "../../examples/quickstart/pulumiCli";
import { demoSeed } from "../../examples/quickstart/seed";
import { QUICKSTART } from "../../examples/quickstart/settings";
import { runWithoutCli } from "../../examples/quickstart/withoutCli";
import type { StatusRow } from "../../cli/status";
import { ensureSelfLink } from "../../examples/quickstart/selfLink";
import { seams } from "../../sdk/seam";
import { serializeProvider, startProviderHost, urnFor } from "../support/engine";

function byDomain(rows: StatusRow[]): Map<string, StatusRow> {
  return new Map(rows.map((r) => [r.domain, r]));
}

describe("quick start (npm run demo)", function () {
  this.timeout(600_000);
  let emulator: EmulatorHandle;

  beforeEach(async function () {
    emulator = await startEmulator({ seed: demoSeed(), deployDelayMs: 50 });
  });

  afterEach(async function () {
    await emulator?.stop();
  });

  it("pulumi up, refresh and destroy through the Automation API", async function () {
    const cli = await findPulumiCli(projectRoot());
    if (!cli.ok) {
      console.log(`      skipped: no Pulumi CLI on this machine (${cli.reason})`);
      this.skip();
    }
    const result = await runPulumiDemo({ cliBin: cli.bin, emulator, print: () => undefined });
    expect(result.outputs.siteSslStatus).to.equal("deployed");
    const up = byDomain(result.afterUp);
    expect(up.get(QUICKSTART.cdnDomain)).to.include({ https: "deployed", certificateId: QUICKSTART.certificateId });
    for (const d of QUICKSTART.playDomains) expect(up.get(d), d).to.include({ https: "on", certificateId: QUICKSTART.certificateId });
    expect(result.refreshChanges.update ?? 0, "refresh finds no drift").to.equal(0);
    for (const row of result.afterDestroy) expect(row.https, row.domain).to.equal("off");
  });

  it("without a CLI, drives the same resources through the provider and cleans up", async function () {
    let printed = "";
    // The provider's progress lines are not under test here.
    await runWithoutCli(emulator, (t) => { printed += t; }, () => undefined);
    expect(printed).to.match(/www\.example\.com\s+online\s+deployed\s+hosted\s+qs-wildcard/);
    expect(printed).to.match(/live1\.example\.com\s+enabled\s+on\s+hosted\s+qs-wildcard/);
    const after = await emulatorInventory(emulator);
    expect(after).to.have.length(1 + QUICKSTART.playDomains.length);
    for (const row of after) expect(row, row.domain).to.include({ https: "off", source: "none" });
  });

  it("Pulumi's provider host, run in the quick start's project directory, loads the provider through the seam", async function () {
    // What `pulumi up` does with the root Pulumi.yaml: the host's cwd is the repository root and the
    // seam has no file to resolve from. Without the link the seam cannot find the package.
    const root = projectRoot();
    ensureSelfLink(root);
    const host = await startProviderHost({ cwd: root, project: "tencentcloud-https-quickstart" });
    try {
      await host.configure({ "tencentcloud-https:secretId": emulator.secretId, "tencentcloud-https:secretKey": emulator.secretKey,
        "tencentcloud-https:endpoint": emulator.url }, { secretKeys: ["tencentcloud-https:secretKey"] });
      const __provider = await serializeProvider(seams.cdnHttpsConfig);
      const res = await host.check(urnFor("pulumi-nodejs:dynamic/tencentcloud-https:CdnHttpsConfig", "site"), {},
        { __provider, domain: QUICKSTART.cdnDomain, certificateId: QUICKSTART.certificateId });
      expect(res.failures).to.deep.equal([]);
      expect(res.inputs.domain).to.equal(QUICKSTART.cdnDomain);
    } finally {
      await host.stop();
    }
  });
});
