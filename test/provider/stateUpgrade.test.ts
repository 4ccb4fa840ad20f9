// An existing stack after the upgrade to one vocabulary (issue 25): the state each resource wrote
// before (test/fixtures/state-v0.json, taken from the provider at 898f6d6) and its program, written
// with the old argument names, show no change; the same program under the new names neither; the
// old names are said to be deprecated at preview; giving both names of one argument fails.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import type { EmulatorSeed } from "../../emulator";
import type { ResourceKind } from "../../provider";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { repoRoot } from "../support/packed";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";

type Props = Record<string, any>;
interface Fixture { kind: ResourceKind; program: Props; id: string; outputs: Props }

const { _provenance, seed: SEED, ...FIXTURES } = JSON.parse(fs.readFileSync(path.join(repoRoot(), "test", "fixtures", "state-v0.json"), "utf8")) as
  Record<string, Fixture> & { seed: EmulatorSeed; _provenance: string };

/** The program under the new names. */
const NEW_NAMES: Record<string, string> = { certId: "certificateId", cloudCertId: "certificateId", certRemark: "alias", remarks: "alias" };
const renamed = (program: Props) => Object.fromEntries(Object.entries(program).map(([k, v]) => [NEW_NAMES[k] ?? k, v]));

describe("state written before issue 25 (state version 0)", function () {
  this.timeout(60_000);
  let env: ProviderEnv;
  /** The fixtures, a free certificate issued in this emulator standing in for the one the fixture names. */
  let fixtures: Record<string, Fixture>;

  before(async function () {
    // What the programs' checks ask the API about: the domains and certificates they name.
    env = await startProviderEnv({ seed: { ...SEED, validationRecordsPresent: ["free.upgrade.example.com"] } });
    // FreeCertificate's diff asks the API for an issued certificate's expiry: apply one here.
    const api = new TencentCloudClient({ credentials: { secretId: env.emulator.secretId, secretKey: env.emulator.secretKey }, endpoint: env.emulator.url });
    const free = (await api.call<{ CertificateId: string }>("ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "free.upgrade.example.com" })).CertificateId;
    await api.call("ssl", "CompleteCertificate", { CertificateId: free });
    const was = FIXTURES.freeCertificate.id;
    fixtures = JSON.parse(JSON.stringify(FIXTURES).split(was).join(free));
  });
  after(async () => { await env?.stop(); });

  for (const name of Object.keys(FIXTURES)) {
    it(`${name}: the old program and its state show no change, nor does the program under the new names`, async function () {
      const f = fixtures[name];
      const h = env.provider[f.kind];
      env.clearLogs();
      const hidden = { __provider: "seam", __resourceName: name, __stack: "proj/dev" };
      const old = await h.check({}, { ...f.program, ...hidden });
      expect(old.failures ?? [], JSON.stringify(old.failures)).to.deep.equal([]);
      const oldDiff = await h.diff(f.id, f.outputs, old.inputs!);
      expect(oldDiff, "the old program").to.include({ changes: false });
      const news = await h.check({}, { ...renamed(f.program), ...hidden });
      expect(news.failures ?? []).to.deep.equal([]);
      expect(await h.diff(f.id, f.outputs, news.inputs!), "the program under the new names").to.include({ changes: false });
      const renamedAny = Object.keys(f.program).some((k) => k in NEW_NAMES);
      const deprecations = env.logs.filter((l) => l.level === "warn" && /is now called/.test(l.line));
      expect(deprecations.length > 0, "a deprecation warning exactly when old names are used").to.equal(renamedAny);
    });
  }

  it("says which old name to replace, and fails when both names of one argument are given", async function () {
    const f = fixtures.liveCertificate;
    env.clearLogs();
    await env.provider.liveCertificate.check({}, f.program);
    expect(env.logs.map((l) => l.line)).to.include("LiveCertificate: the argument remarks is now called alias; remarks still works until version 1.0.");
    const both = await env.provider.liveCertificate.check({}, { remarks: "old", alias: "new", certificateId: "hostedUp" });
    expect(both.failures).to.deep.equal([{ property: "remarks", reason: "remarks is the former name of alias: give alias only." }]);
  });
});
