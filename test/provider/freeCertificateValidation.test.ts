// FreeCertificateValidation handlers against the emulator, in the engine's order, with the
// FreeCertificate it waits for created without waiting (the ACM pattern): the record is published
// between the two (the emulator's admin helper stands for the program's DNS record resource); the
// validation waits, logging the missing record, and returns issued; a timed-out validation keeps
// partial state and the next up resumes it; a renewal (a new certificate id) replaces the validation,
// which waits for the new certificate; check sends nothing; delete touches nothing at the API.
import { expect } from "chai";
import { PartialStateError } from "../../provider/runtime/partialState";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DAY = 86_400_000;
type Props = Record<string, any>;

describe("FreeCertificateValidation (provider against the emulator)", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const certs = handlersOf(() => env, "freeCertificate");
  const h = handlersOf(() => env, "freeCertificateValidation");
  before(async () => { env = await startProviderEnv(); });
  beforeEach(async () => { await env.emulator.reset(); env.clearLogs(); });
  after(async () => { await env?.stop(); });

  async function checked(handlers: typeof h | typeof certs, news: Props): Promise<Props> {
    const { inputs, failures } = await handlers.check({}, news);
    expect(failures).to.deep.equal([]);
    return inputs;
  }
  /** The FreeCertificate of the one-program form: DNS validation, not waiting. */
  async function certificate(domain: string): Promise<{ id: string; outs: Props; inputs: Props }> {
    const inputs = await checked(certs, { domain, validationMethod: "DNS", waitForIssuance: false });
    const { id, outs } = await certs.create(inputs);
    return { id, outs, inputs };
  }
  const lines = () => env.logs.map((l) => l.line).join("\n");
  const settle = () => new Promise((r) => setTimeout(r, 300));

  it("waits until the record published after the certificate's create makes it issued, and a second up changes nothing", async () => {
    const cert = await certificate("www.example.com");
    expect(cert.outs.status).to.equal("pendingValidation");
    const record = cert.outs.validationRecords[0];
    expect(record).to.include({ recordType: "TXT", name: "_dnsauth.www.example.com" });

    const before = (await env.emulator.requests()).length;
    const inputs = await checked(h, { certificateId: cert.id, validationRecordIds: [`dns-record-${record.name}`] });
    expect((await env.emulator.requests()).length, "check sends nothing").to.equal(before);

    const validating = h.create(inputs);
    await settle();
    await env.emulator.markValidationRecordPresent(cert.id); // the DNS record resource publishes it
    const { id, outs } = await validating;
    expect(id).to.equal(cert.id);
    expect(outs).to.include({ certificateId: cert.id, status: "issued" });
    expect(Date.parse(outs.expiresAt) - Date.parse(outs.issuedAt)).to.be.within(88 * DAY, 92 * DAY);
    expect(lines()).to.match(/free certificate for www\.example\.com: pendingValidation; still missing: www\.example\.com \(DNS\): txt record not found/);
    expect(lines()).to.match(/free certificate for www\.example\.com: issued/);
    expect((await env.emulator.writes()).map((w) => w.action)).to.deep.equal(["ApplyCertificate", "CompleteCertificate"]);

    // The next up: neither the certificate (its state still says pending) nor the validation changes.
    expect((await certs.diff(cert.id, cert.outs, cert.inputs)).changes).to.equal(false);
    expect((await h.diff(id, outs, inputs)).changes).to.equal(false);
    expect((await h.diff(id, outs, { ...inputs, validationRecordIds: ["another"] })).changes).to.equal(false);
    const refreshed = await h.read(id, outs);
    expect(refreshed).to.deep.equal({ id, props: outs, inputs: { certificateId: id, validationRecordIds: inputs.validationRecordIds } });

    // Destroy: the validation deletes nothing; the certificate is still there for its FreeCertificate.
    const writes = (await env.emulator.writes()).length;
    await h.delete(id, outs);
    expect((await env.emulator.writes()).length).to.equal(writes);
    expect((await env.emulator.state()).sslCertificates.map((c: any) => c.id)).to.deep.equal([cert.id]);
  });

  it("a timed-out validation keeps partial state naming the missing record, and the next up resumes it", async () => {
    const cert = await certificate("slow.example.com");
    const inputs = await checked(h, { certificateId: cert.id, __timeouts: { create: "2s" } });
    const error = await h.create(inputs).then(() => undefined, (e) => e);
    expect(error).to.be.instanceOf(PartialStateError);
    const partial = error as PartialStateError;
    expect(partial.id).to.equal(cert.id);
    expect(partial.message).to.match(/Timed out after 2s waiting for the issuance of free certificate \w+ for slow\.example\.com.*run `pulumi up` again/);
    expect(partial.properties).to.include({ certificateId: cert.id, status: "pendingValidation" });
    expect((partial.properties as Record<string, unknown>).__timeouts).to.deep.equal({ create: "2s" });
    expect(lines()).to.match(/still missing: slow\.example\.com \(DNS\): txt record not found/);

    await env.emulator.markValidationRecordPresent(cert.id);
    const diff = await h.diff(cert.id, partial.properties as Record<string, unknown>, inputs);
    expect(diff).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
    const { outs } = await h.update(cert.id, partial.properties, inputs);
    expect(outs).to.include({ certificateId: cert.id, status: "issued" });
    expect((await h.diff(cert.id, outs, inputs)).changes).to.equal(false);
    expect((await env.emulator.writes()).filter((w) => w.action === "ApplyCertificate")).to.have.length(1);
  });

  it("a renewal of the certificate (a new id) replaces the validation, which waits for the new certificate", async () => {
    const cert = await certificate("renew.example.com");
    await env.emulator.markValidationRecordPresent(cert.id);
    const first = await h.create(await checked(h, { certificateId: cert.id }));
    expect(first.outs.status).to.equal("issued");
    await env.emulator.ageFreeCertificates(70 * DAY);
    const aged = (await h.read(first.id, first.outs)).props!;
    expect(Date.parse(aged.expiresAt)).to.be.below(Date.parse(first.outs.expiresAt)); // refresh shows the API's validity
    // The certificate's state still says pendingValidation (from its create): the API's expiry decides.
    expect(await certs.diff(cert.id, cert.outs, cert.inputs)).to.deep.equal({ changes: true, replaces: ["expiresAt"], deleteBeforeReplace: false });
    const renewal = await certs.create(cert.inputs);
    expect(renewal.outs).to.include({ renews: cert.id, status: "pendingValidation" });
    const news = await checked(h, { certificateId: renewal.id });
    expect(await h.diff(first.id, first.outs, news)).to.deep.equal({ changes: true, replaces: ["certificateId"], deleteBeforeReplace: false });
    const validating = h.create(news);
    await settle();
    await env.emulator.markValidationRecordPresent(renewal.id); // the DNS record resource updates to the new value
    const second = await validating;
    expect(second).to.deep.include({ id: renewal.id });
    expect(second.outs).to.include({ certificateId: renewal.id, status: "issued" });
    expect(Date.parse(second.outs.expiresAt)).to.be.above(Date.parse(aged.expiresAt));
    await h.delete(first.id, first.outs); // the old validation: nothing at the API
    expect((await env.emulator.state()).sslCertificates.map((c: any) => c.id).sort()).to.deep.equal([cert.id, renewal.id].sort());
  });

  it("an unknown certificate fails with what to give, without partial state; a certificate gone reads as gone", async () => {
    const error = await h.create(await checked(h, { certificateId: "NoSuch01" })).then(() => undefined, (e) => e);
    expect(error).to.be.instanceOf(Error).and.not.instanceOf(PartialStateError);
    expect(error.message).to.match(/SSL certificate NoSuch01 does not exist in SSL Certificate Management; give the certificateId of a FreeCertificate/);
    expect(await h.read("NoSuch01", { certificateId: "NoSuch01", status: "issued" })).to.deep.equal({});
    const cert = await certificate("import.example.com");
    expect(await h.read(cert.id, {})).to.deep.equal({ id: cert.id, props: { certificateId: cert.id, status: "pendingValidation", __version: 1 }, inputs: { certificateId: cert.id } });
  });
});
