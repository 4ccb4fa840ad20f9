// What the next `up` does with a free certificate in each status the SSL spec documents (issue 26;
// the table in docs/ownership.md): the emulator puts a pending application or an issued certificate
// in the status, as the CA or the console would, and the next `up` (a new process: check, diff, then
// the step the diff asks for) either applies afresh (a dead end), stops with a sentence saying what
// the owner must do in the SSL console, or changes nothing (the certificate still serves).
// CheckCertificateDomainVerification's CertificateStatusNotAllowVerify never reaches the user.
import { expect } from "chai";
import type { FreeCertificateEvent } from "../../emulator";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const HOUR = 3_600_000;
type Props = Record<string, any>;
type Next = "applies afresh" | "stops for the owner" | "records the status" | "no change";

/** The documented statuses an event sets, on what the CA or console sets them, and what the next up does. */
const OUTCOMES: { status: FreeCertificateEvent; on: "pending" | "issued"; next: Next; sentence?: RegExp }[] = [
  { status: "rejected", on: "pending", next: "applies afresh", sentence: /rejected \(CA审核失败，域名未通过安全审查\)/ },
  { status: "validationExpired", on: "pending", next: "applies afresh", sentence: /rejected \(域名验证超时/ },
  { status: "cancelling", on: "pending", next: "applies afresh" },
  { status: "cancelled", on: "pending", next: "applies afresh" },
  { status: "refunded", on: "pending", next: "applies afresh" },
  { status: "awaitingCompanyInformation", on: "pending", next: "stops for the owner" },
  { status: "awaitingConfirmationLetter", on: "pending", next: "stops for the owner" },
  { status: "awaitingInformation", on: "pending", next: "stops for the owner" },
  { status: "migrating", on: "pending", next: "records the status" },
  { status: "revoking", on: "issued", next: "applies afresh" },
  { status: "revoked", on: "issued", next: "applies afresh" },
  { status: "refunded", on: "issued", next: "applies afresh" },
  { status: "reissuing", on: "issued", next: "no change" },
  { status: "awaitingRevocationLetter", on: "issued", next: "no change" },
  { status: "migrating", on: "issued", next: "no change" },
];

describe("FreeCertificate in every documented status: what the next up does (provider against the emulator)", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const h = handlersOf(() => env, "freeCertificate");
  // The records are published: a pending application issues once verification is asked for (CompleteCertificate).
  before(async () => { env = await startProviderEnv({ seed: { validationRecordsPresent: ["ready.example.com", "www.example.com"] } }); });
  beforeEach(async () => { await env.emulator.reset(); env.clearLogs(); });
  after(async () => { await env?.stop(); });

  const named = (args: Props) => ({ ...args, __resourceName: "site", __stack: "proj/dev", __provider: "seam" });
  const lines = () => env.logs.map((l) => l.line).join("\n");
  const applications = async () => (await env.emulator.state()).freeCertificates;

  /**
   * A certificate as an earlier `up` left it: issued, or pending validation (a create that stopped
   * waiting: its partial state, which keeps the settings with waitForIssuance).
   */
  async function earlier(on: "pending" | "issued"): Promise<{ id: string; outs: Props; args: Props }> {
    const args = named(on === "issued" ? { domain: "ready.example.com", validationMethod: "DNS" } : { domain: "www.example.com", validationMethod: "DNS" });
    const { inputs } = await h.check({}, on === "issued" ? args : { ...args, waitForIssuance: false });
    const { id, outs } = await h.create(inputs);
    expect(outs.status).to.equal(on === "issued" ? "issued" : "pendingValidation");
    return { id, outs: { ...outs, waitForIssuance: true }, args };
  }

  for (const { status, on, next, sentence } of OUTCOMES) {
    it(`${status} on ${on === "issued" ? "an issued certificate" : "a pending application"}: the next up ${next}`, async () => {
      const cert = await earlier(on);
      await env.emulator.setFreeCertificateStatus(cert.id, status);
      env.newProcess();
      const { inputs } = await h.check(cert.outs, cert.args);
      const diff = await h.diff(cert.id, cert.outs, inputs);
      const since = (await env.emulator.requests()).at(-1)?.seq ?? 0;
      if (next === "no change") {
        expect(diff.changes, "no change").to.equal(false);
      } else if (next === "records the status") {
        expect(diff).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
        const { outs } = await h.update(cert.id, cert.outs, inputs);
        expect(outs.status).to.equal(status);
        expect(await env.emulator.writes(since), "nothing written").to.deep.equal([]);
        expect((await h.diff(cert.id, outs, inputs)).changes, "then no change").to.equal(false);
      } else if (next === "stops for the owner") {
        expect(diff).to.include({ changes: true });
        expect(diff.replaces).to.deep.equal([]);
        const error = await h.update(cert.id, cert.outs, inputs).then(() => undefined, (e: Error) => e);
        expect(error?.message).to.match(new RegExp(`free certificate ${cert.id} for www\\.example\\.com waits for its owner`));
        expect(error?.message).to.match(/in the SSL console, then run `pulumi up` again/);
        expect((await env.emulator.writes(since)).map((w) => w.action), "nothing applied").to.not.include("ApplyCertificate");
      } else {
        expect(diff.replaces, "a replacement").to.deep.equal(["status"]);
        const fresh = await h.create(inputs);
        expect(fresh.id).to.not.equal(cert.id);
        expect(fresh.outs).to.not.have.property("renews");
        const applied = (await env.emulator.writes(since)).filter((w) => w.action === "ApplyCertificate");
        expect(applied.map((w) => w.params.OldCertificateId ?? null), "a fresh application").to.deep.equal([null]);
        expect(lines()).to.match(new RegExp(`free certificate ${cert.id} .*${sentence ? sentence.source : ""}.*applying for a new one`));
        // The old one goes last, once the users moved (here: none); a busy one only once that is over.
        await env.emulator.advanceClock(HOUR);
        const busy = status === "cancelling" || status === "revoking";
        const deleted = await h.delete(cert.id, cert.outs).then(() => undefined, (e: Error) => e);
        if (busy) {
          expect(deleted?.message).to.match(new RegExp(`does not delete free certificate ${cert.id} while it is ${status}.*run \`pulumi up\` or \`pulumi destroy\` again once`));
        } else {
          expect(deleted).to.equal(undefined);
          expect((await applications()).map((a) => a.id)).to.deep.equal([fresh.id]);
        }
      }
      expect(lines()).to.not.match(/CertificateStatusNotAllowVerify/);
    });
  }

  it("rejected while the create waits: one sentence, the partial state keeps it, and the next up applies afresh", async () => {
    const { inputs } = await h.check({}, named({ domain: "slow.example.com", validationMethod: "DNS" }));
    const creating = h.create(inputs).then(() => undefined, (e: Error & { id?: string; properties?: Props }) => e);
    let id: string | undefined;
    for (let i = 0; i < 50 && !id; i++) { await new Promise((r) => setTimeout(r, 50)); id = (await applications())[0]?.id; }
    await env.emulator.setFreeCertificateStatus(id!, "rejected");
    const error = await creating;
    expect(error?.message).to.match(new RegExp(`^The free certificate ${id} for slow\\.example\\.com was not issued: it is rejected \\(CA审核失败，域名未通过安全审查\\)\\. The next \`pulumi up\` applies for a new one`));
    expect(error?.properties).to.include({ certificateId: id, status: "rejected" });
    env.newProcess();
    const next = await h.check(error!.properties!, named({ domain: "slow.example.com", validationMethod: "DNS" }));
    expect((await h.diff(id!, error!.properties!, next.inputs)).replaces).to.deep.equal(["status"]);
    expect(lines()).to.not.match(/CertificateStatusNotAllowVerify/);
  });
});
