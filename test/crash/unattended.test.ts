// A FreeCertificate program left to run unattended (issue 26): two FreeCertificates, a CdnHttpsConfig
// and a LiveDomainBinding taking them, deployed by Pulumi's real dynamic-provider host (a new one per
// `up`, as CI jobs would run it) through application and issuance, a renewal whose answer is lost, a
// renewal made in the SSL console, and a second renewal of its own. After every write the emulator is
// looked at: every declared domain keeps HTTPS from the moment it has it; after every `up` each domain
// serves the resource's current certificate, the account holds nothing else, and another `up` changes
// nothing.
import { expect } from "chai";
import { Checkpoint, declaredDomains, Harness, HttpsWatch, startHarness } from "./harness";
import { CDN, freeProgram, freeSeed, PLAY } from "./operations";

const DAY = 86_400_000;

describe("FreeCertificate unattended: application, issuance, a lost renewal answer, a console renewal, a second renewal", function () {
  this.timeout(120_000);
  let harness: Harness;
  before(async () => { harness = await startHarness(); });
  after(async () => { await harness?.stop(); });

  it("keeps HTTPS on every declared domain at every moment, and each up leaves exactly the resources' certificates", async () => {
    const emulator = harness.emulator;
    await emulator.reset(freeSeed);
    const program = freeProgram();
    const watch = new HttpsWatch(declaredDomains(program));
    const cp: Checkpoint = { entries: [], pendingDeletes: [] };
    const certificateOf = (name: string) => cp.entries.find((e) => e.name === name)!.id;

    /** One unattended `up` in a new host, then the checks of its end state and a further `up` with no change. */
    async function up(what: string): Promise<string[]> {
      const r = await harness.up(program, cp, { inHost: true, watch });
      expect(r.errors, `${what}: the up succeeds`).to.deep.equal({});
      const state = await emulator.state();
      const cdn = state.cdnDomains.find((d) => d.Domain === CDN)!.Https;
      const play = state.liveDomains.find((d) => d.Name === PLAY)!.binding;
      expect({ cdn: cdn?.Switch, cdnCert: cdn?.CertInfo?.CertId, play: play?.status, playCert: play?.cloudCertId }, `${what}: each domain serves its certificate`)
        .to.deep.equal({ cdn: "on", cdnCert: certificateOf("cdn-cert"), play: 1, playCert: certificateOf("play-cert") });
      const held = [...new Set([...state.sslCertificates.map((c) => c.id), ...state.freeCertificates.map((c) => c.id)])].sort();
      expect(held, `${what}: the account holds the resources' certificates and nothing else`).to.deep.equal([certificateOf("cdn-cert"), certificateOf("play-cert")].sort());
      expect(state.freeCertificates.map((c) => c.status), `${what}: both issued`).to.deep.equal([1, 1]);
      const further = await harness.up(program, cp, { watch });
      expect({ steps: Object.values(further.steps).filter((s) => s !== "same"), writes: further.writes }, `${what}: a further up changes nothing`).to.deep.equal({ steps: [], writes: [] });
      expect(watch.violations, what).to.deep.equal([]);
      return r.writes;
    }

    await up("application and issuance");
    const first = [certificateOf("cdn-cert"), certificateOf("play-cert")];

    // Two months on: the renewal's first ApplyCertificate is applied, its answer lost.
    await emulator.ageFreeCertificates(70 * DAY);
    await emulator.faults([{ action: "ApplyCertificate", phase: "after", drop: true, count: 1 }]);
    await up("a renewal whose answer was lost");
    await emulator.faults([]);
    const second = [certificateOf("cdn-cert"), certificateOf("play-cert")];
    expect(second.some((id) => first.includes(id)), "both renewed").to.equal(false);
    const renewals = (await emulator.state()).freeCertificates.map((c) => c.renews).sort();
    expect(renewals).to.deep.equal([...first].sort());

    // Two months on again: someone renews both in the SSL console before the up runs.
    await emulator.ageFreeCertificates(70 * DAY);
    const fromConsole = [await emulator.renewFreeCertificate(second[0]), await emulator.renewFreeCertificate(second[1])];
    const writes = await up("renewals made in the SSL console");
    expect([certificateOf("cdn-cert"), certificateOf("play-cert")], "the console's renewals are taken").to.deep.equal(fromConsole);
    expect(writes.filter((w) => w.endsWith("ApplyCertificate")), "nothing applied").to.deep.equal([]);

    // And again: a renewal of its own.
    await emulator.ageFreeCertificates(70 * DAY);
    await up("a second renewal of its own");
    const last = (await emulator.state()).freeCertificates;
    expect(last.map((c) => c.renews).sort()).to.deep.equal([...fromConsole].sort());
  });
});
