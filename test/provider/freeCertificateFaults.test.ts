// FreeCertificate when an answer is lost or a renewal was made elsewhere (issue 26), through the
// provider's handlers in the engine's order against the emulator. ApplyCertificate has no idempotency
// token: an application whose answer was lost is found again by the marker its alias carries, and a
// renewal by the old certificate's RenewOrder (whoever made it: our own lost attempt, the SSL console,
// another tool). Each case ends with one application per resource and a second `up` with no change.
import { expect } from "chai";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DAY = 86_400_000;
const HOUR = 3_600_000;
type Props = Record<string, any>;

describe("FreeCertificate: lost answers and renewals made elsewhere (provider against the emulator)", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const h = handlersOf(() => env, "freeCertificate");
  before(async () => {
    env = await startProviderEnv({ seed: { validationRecordsPresent: ["ready.example.com", "other.example.com"] } });
  });
  beforeEach(async () => { await env.emulator.reset(); await env.emulator.faults([]); env.clearLogs(); });
  after(async () => { await env?.stop(); });

  /** The arguments as the sdk sends them: the resource's name and stack beside them. */
  const named = (name: string, args: Props) => ({ ...args, __resourceName: name, __stack: "proj/dev", __provider: "seam" });

  /** check then create, as the engine does for a new resource. */
  async function create(news: Props): Promise<{ id: string; outs: Props; inputs: Props }> {
    const { inputs, failures } = await h.check({}, news);
    expect(failures).to.deep.equal([]);
    const { id, outs } = await h.create(inputs);
    return { id, outs, inputs };
  }

  /** The next `up` of an unchanged program: a new process, check and diff. */
  async function nextUp(state: { id: string; outs: Props; inputs: Props }) {
    env.newProcess();
    const { inputs } = await h.check(state.inputs, state.inputs);
    return { inputs, diff: await h.diff(state.id, state.outs, inputs) };
  }

  const applications = async () => (await env.emulator.state()).freeCertificates;
  const applied = async () => (await env.emulator.requests()).filter((r) => r.action === "ApplyCertificate" && !r.errorCode);

  it("a lost ApplyCertificate answer: the retry finds the application by its alias, applies once, and the next up shows no change", async () => {
    await env.emulator.faults([{ action: "ApplyCertificate", phase: "after", drop: true, count: 1 }]);
    const cert = await create(named("site", { domain: "ready.example.com", validationMethod: "DNS", alias: "the site" }));
    const apps = await applications();
    expect(apps.map((a) => a.id), "one application").to.deep.equal([cert.id]);
    expect(cert.outs).to.include({ status: "issued", alias: "the site", adopted: false });
    expect(apps[0].alias, "the alias names the resource (the marker) beside the one given").to.match(/^the site \S+$/);
    expect((await nextUp(cert)).diff.changes).to.equal(false);
  });

  it("a lost renewal answer (ApplyCertificate with OldCertificateId applied): the retry takes that renewal instead of failing with OrderAlreadyReplaced", async () => {
    const old = await create(named("site", { domain: "ready.example.com", validationMethod: "DNS" }));
    await env.emulator.ageFreeCertificates(70 * DAY);
    const { inputs, diff } = await nextUp(old);
    expect(diff.replaces).to.deep.equal(["expiresAt"]);
    await env.emulator.faults([{ action: "ApplyCertificate", phase: "after", drop: true, count: 1 }]);
    const renewal = await h.create(inputs);
    expect(renewal.outs).to.include({ renews: old.id, status: "issued", adopted: false });
    const renewals = (await applications()).filter((a) => a.renews === old.id);
    expect(renewals.map((a) => a.id), "one renewal").to.deep.equal([renewal.id]);
    expect(env.logs.map((l) => l.line).join("\n")).to.not.match(/OrderAlreadyReplaced/);
    await env.emulator.advanceClock(HOUR);
    await h.delete(old.id, old.outs);
    expect((await applications()).map((a) => a.id)).to.deep.equal([renewal.id]);
    expect((await nextUp({ id: renewal.id, outs: renewal.outs, inputs })).diff.changes).to.equal(false);
  });

  it("a renewal made in the SSL console is taken on the next up, even before renewBeforeDays: the replacement is that renewal, nothing is applied", async () => {
    const old = await create(named("site", { domain: "ready.example.com", validationMethod: "DNS", renewBeforeDays: 10 }));
    await env.emulator.ageFreeCertificates(65 * DAY); // about 25 days left: renewable, not yet due for this resource
    expect((await nextUp(old)).diff.changes).to.equal(false);
    const consoleRenewal = await env.emulator.renewFreeCertificate(old.id);
    const { inputs, diff } = await nextUp(old);
    expect(diff.replaces, "the renewal replaces the certificate").to.deep.equal(["expiresAt"]);
    const before = (await applied()).length;
    const renewal = await h.create(inputs);
    expect(renewal.id).to.equal(consoleRenewal);
    expect(renewal.outs).to.include({ certificateId: consoleRenewal, renews: old.id, status: "issued", adopted: false });
    expect((await applied()).length, "no application sent").to.equal(before);
    await env.emulator.advanceClock(HOUR);
    await h.delete(old.id, old.outs);
    expect((await applications()).map((a) => a.id)).to.deep.equal([consoleRenewal]);
    expect((await nextUp({ id: renewal.id, outs: renewal.outs, inputs })).diff.changes).to.equal(false);
  });

  it("a pending renewal made elsewhere: its validation records are the outputs (a DNS record resource publishes them)", async () => {
    const args = named("manual", { domain: "manual.example.com", validationMethod: "DNS", waitForIssuance: false });
    const old = await create(args);
    await env.emulator.markValidationRecordPresent(old.id);
    const validations = env.provider.freeCertificateValidation;
    await validations.create((await validations.check({}, { certificateId: old.id, __provider: "seam" })).inputs);
    await env.emulator.ageFreeCertificates(70 * DAY); // issued, then within 30 days of expiry
    const consoleRenewal = await env.emulator.renewFreeCertificate(old.id);
    const { inputs, diff } = await nextUp(old);
    expect(diff.replaces).to.deep.equal(["expiresAt"]);
    const renewal = await h.create(inputs);
    expect(renewal.outs).to.include({ certificateId: consoleRenewal, renews: old.id, status: "pendingValidation" });
    const record = (await applications()).find((a) => a.id === consoleRenewal)!.record;
    expect(renewal.outs.validationRecords).to.have.length(1);
    expect(renewal.outs.validationRecords[0]).to.include({ recordType: "TXT", value: record.value });
  });
});
