// FreeCertificate handlers against the emulator, in the engine's order (check, diff, create/update,
// delete): apply and wait until issued; DNS records as outputs, kept after issuance; the wait logs
// the missing record and a timed-out create keeps the certificate id, so the next `up` resumes
// instead of applying twice; renewal driven by the emulator's clock (a replacement that renews with
// OldCertificateId, created before the old one is deleted); deletion refused within the hour or while
// bound (looked up before DeleteCertificate, which would not check); import adopted; argument errors at check with nothing sent.
import { expect } from "chai";
import { PartialStateError } from "../../provider/runtime/partialState";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DAY = 86_400_000;
const alternateKey = (domain: string) => (domain.length % 2 === 0 ? "RSA" : "ECC");
const HOUR = 3_600_000;
type Props = Record<string, any>;

describe("FreeCertificate (provider against the emulator)", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const h = handlersOf(() => env, "freeCertificate");
  const bindings = handlersOf(() => env, "liveDomainBinding");
  before(async () => {
    env = await startProviderEnv({
      seed: { liveDomains: [{ name: "play.example.com", type: 1 }], validationRecordsPresent: ["ready.example.com", "play.example.com"] },
      freeCertificates: { dnsAutoDelayMs: 3000 },
    });
  });
  beforeEach(async () => { await env.emulator.reset(); env.clearLogs(); });
  after(async () => { await env?.stop(); });

  /** check then create, as the engine does. */
  async function up(news: Props): Promise<{ id: string; outs: Props; inputs: Props }> {
    const { inputs, failures } = await h.check({}, news);
    expect(failures).to.deep.equal([]);
    const { id, outs } = await h.create(inputs);
    return { id, outs, inputs };
  }
  const lines = () => env.logs.map((l) => l.line).join("\n");

  it("applies with DNS_AUTO, waits until issued and outputs the certificate's facts, never a key", async () => {
    const done = up({ domain: "auto.example.com", keyAlgorithm: "ECC", alias: "site" });
    await new Promise((r) => setTimeout(r, 300));
    await env.emulator.advanceClock(3000); // Tencent Cloud DNS adds the record
    const { id, outs } = await done;
    expect(outs).to.include({ certificateId: id, domain: "auto.example.com", validationMethod: "DNS_AUTO", keyAlgorithm: "ECC", status: "issued", adopted: false, renewBeforeDays: 30 });
    expect(outs.dnsNames).to.deep.equal(["auto.example.com"]);
    expect(outs.fingerprint).to.match(/^[0-9a-f]{64}$/);
    expect(outs.daysToExpiry).to.be.within(85, 92);
    expect(Date.parse(outs.expiresAt) - Date.parse(outs.issuedAt)).to.be.within(88 * DAY, 92 * DAY);
    expect(outs.validationRecords).to.deep.equal([]);
    expect(JSON.stringify(outs)).to.not.match(/PRIVATE KEY/);
    expect(lines()).to.match(/addingDnsRecord.*DNS_AUTO needs the domain's DNS hosted in Tencent Cloud DNS/);
    const writes = (await env.emulator.writes()).map((w) => w.action);
    expect(writes).to.deep.equal(["ApplyCertificate", "CompleteCertificate"]);
    const applied = (await env.emulator.requests()).find((r) => r.action === "ApplyCertificate")!;
    expect(applied.params).to.include({ DvAuthMethod: "DNS_AUTO", DomainName: "auto.example.com", CsrEncryptAlgo: "ECC", CsrKeyParameter: "prime256v1", Alias: "site" });
  });

  it("without waiting, outputs the DNS record to publish at create and keeps it once the API no longer shows it", async () => {
    const { id, outs } = await up({ domain: "www.example.com", validationMethod: "DNS", waitForIssuance: false });
    expect(outs.status).to.equal("pendingValidation");
    expect(outs.validationRecords).to.have.length(1);
    expect(outs.validationRecords[0]).to.include({ domain: "www.example.com", recordType: "TXT", name: "_dnsauth.www.example.com" });
    expect((await env.emulator.writes()).map((w) => w.action)).to.deep.equal(["ApplyCertificate"]);
    expect(lines()).to.match(new RegExp(`publish the TXT record _dnsauth\\.www\\.example\\.com = ${outs.validationRecords[0].value}`));
    await env.emulator.markValidationRecordPresent(id);
    // The user turns waiting on: the update asks for verification and the certificate is issued.
    const news = { ...(await h.check({}, { domain: "www.example.com", validationMethod: "DNS" })).inputs };
    expect((await h.diff(id, outs, news)).changes).to.equal(true);
    const { outs: after } = await h.update(id, outs, news);
    expect(after.status).to.equal("issued");
    expect(after.validationRecords).to.deep.equal(outs.validationRecords); // the DNS record resource stays
    const refreshed = await h.read(id, after);
    expect(refreshed.props!.validationRecords).to.deep.equal(outs.validationRecords);
    expect((await h.diff(id, refreshed.props!, news)).changes).to.equal(false);
  });

  it("times out naming the missing record, keeps the certificate id, and the next up resumes without applying twice", async () => {
    const error = await up({ domain: "slow.example.com", validationMethod: "DNS", __timeouts: { create: "2s" } }).then(() => undefined, (e) => e);
    expect(error).to.be.instanceOf(PartialStateError);
    const partial = error as PartialStateError;
    expect(partial.message).to.match(/Timed out after 2s waiting for the issuance of free certificate \w+ for slow\.example\.com.*run `pulumi up` again/);
    expect(partial.properties).to.include({ certificateId: partial.id, status: "pendingValidation" });
    expect(lines()).to.match(/still missing: slow\.example\.com \(DNS\): txt record not found/);
    await env.emulator.markValidationRecordPresent(partial.id);
    const news = (await h.check({}, { domain: "slow.example.com", validationMethod: "DNS", __timeouts: { create: "2s" } })).inputs;
    const diff = await h.diff(partial.id, partial.properties, news);
    expect(diff).to.include({ changes: true });
    expect(diff.replaces).to.deep.equal([]);
    const { outs } = await h.update(partial.id, partial.properties, news);
    expect(outs).to.include({ certificateId: partial.id, status: "issued" });
    expect((await env.emulator.writes()).filter((w) => w.action === "ApplyCertificate")).to.have.length(1);
  });

  it("renews when the emulator's clock brings the certificate within renewBeforeDays: a replacement naming the old one, which is deleted last", async () => {
    const first = await up({ domain: "play.example.com", validationMethod: "DNS", renewBeforeDays: 20 });
    expect(first.outs.status).to.equal("issued");
    expect((await h.diff(first.id, first.outs, first.inputs)).changes).to.equal(false);
    await env.emulator.ageFreeCertificates(65 * DAY); // 25 days left: not yet within 20
    expect((await h.diff(first.id, first.outs, first.inputs)).changes).to.equal(false);
    await env.emulator.ageFreeCertificates(10 * DAY); // 15 days left
    const diff = await h.diff(first.id, first.outs, first.inputs);
    expect(diff).to.deep.equal({ changes: true, replaces: ["expiresAt"], deleteBeforeReplace: false });
    // create-before-delete: the replacement first, then the binding moves, then the old one goes.
    const binding = await bindings.create({ domains: ["play.example.com"], certificateId: first.id, enableHttps: true });
    const second = await h.create(first.inputs);
    expect(second.id).to.not.equal(first.id);
    expect(second.outs).to.include({ status: "issued", renews: first.id });
    expect(second.outs.daysToExpiry).to.be.above(80);
    const applied = (await env.emulator.requests()).filter((r) => r.action === "ApplyCertificate").pop()!;
    expect(applied.params.OldCertificateId).to.equal(first.id);
    const moved = { domains: ["play.example.com"], certificateId: second.id, enableHttps: true };
    await bindings.update(binding.id, binding.outs, moved);
    await h.delete(first.id, first.outs);
    const state = await env.emulator.state();
    expect(state.liveDomains.find((d) => d.Name === "play.example.com")!.binding).to.include({ cloudCertId: second.id, status: 1 });
    expect(state.sslCertificates.map((c: any) => c.id)).to.deep.equal([second.id]);
    expect((await h.diff(second.id, second.outs, first.inputs)).changes).to.equal(false);
  });

  it("renews a certificate for an internationalised domain name: the replacement names the old one", async () => {
    const done = up({ domain: "Bücher.example.com", validationMethod: "DNS_AUTO" });
    await new Promise((r) => setTimeout(r, 300));
    await env.emulator.advanceClock(3000); // Tencent Cloud DNS adds the record
    const first = await done;
    await env.emulator.ageFreeCertificates(80 * DAY); // within the 30 days
    expect((await h.diff(first.id, first.outs, first.inputs)).replaces).to.deep.equal(["expiresAt"]);
    const second = await h.create(first.inputs);
    expect(second.outs).to.include({ renews: first.id });
  });

  it("renews two certificates of one domain (RSA and ECC) in one run, each naming its own predecessor", async () => {
    const rsa = await up({ domain: "ready.example.com", validationMethod: "DNS", keyAlgorithm: "RSA" });
    const ecc = await up({ domain: "ready.example.com", validationMethod: "DNS", keyAlgorithm: "ECC" });
    await env.emulator.ageFreeCertificates(70 * DAY);
    expect((await h.diff(rsa.id, rsa.outs, rsa.inputs)).replaces).to.deep.equal(["expiresAt"]);
    expect((await h.diff(ecc.id, ecc.outs, ecc.inputs)).replaces).to.deep.equal(["expiresAt"]);
    const [eccNew, rsaNew] = await Promise.all([h.create(ecc.inputs), h.create(rsa.inputs)]);
    expect(eccNew.outs).to.include({ renews: ecc.id, keyAlgorithm: "ECC" });
    expect(rsaNew.outs).to.include({ renews: rsa.id, keyAlgorithm: "RSA" });
  });

  it("applies anew (no OldCertificateId) for a certificate that expired before an up could renew it", async () => {
    const first = await up({ domain: "ready.example.com", validationMethod: "DNS" });
    await env.emulator.ageFreeCertificates(95 * DAY);
    const refreshed = (await h.read(first.id, first.outs)).props!;
    expect(refreshed.status).to.equal("expired");
    expect((await h.diff(first.id, refreshed, first.inputs)).replaces).to.deep.equal(["expiresAt"]);
    const second = await h.create(first.inputs);
    expect(second.outs.status).to.equal("issued");
    expect(second.outs).to.not.have.property("renews");
    const applied = (await env.emulator.requests()).filter((r) => r.action === "ApplyCertificate").pop()!;
    expect(applied.params).to.not.have.property("OldCertificateId");
  });

  it("creates many certificates in flight at once, each applied for once and issued", async () => {
    const domains = Array.from({ length: 8 }, (_, i) => `site${i}.example.com`);
    const done = Promise.all(domains.map((domain) => up({ domain, keyAlgorithm: alternateKey(domain) })));
    await new Promise((r) => setTimeout(r, 500));
    await env.emulator.advanceClock(3000);
    const created = await done;
    expect(created.map((c) => c.outs.status)).to.deep.equal(domains.map(() => "issued"));
    expect(new Set(created.map((c) => c.id)).size).to.equal(domains.length);
    const applied = (await env.emulator.requests()).filter((r) => r.action === "ApplyCertificate").map((r) => r.params.DomainName);
    expect(applied.sort()).to.deep.equal(domains);
  });

  it("refuses deletion within the hour with one sentence, refuses it while another stack's binding uses it (no DeleteCertificate sent), then deletes", async () => {
    const { id, outs } = await up({ domain: "play.example.com", validationMethod: "DNS" });
    const refused = await h.delete(id, outs).then(() => undefined, (e) => e);
    expect(refused?.message).to.match(/^Tencent Cloud does not delete a free certificate within an hour of applying for it \(FailedOperation\.CannotBeDeletedWithinHour\)/);
    await env.emulator.advanceClock(HOUR);
    // Bound out of band: no resource of this program manages play.example.com. The API itself would
    // delete the certificate (DeleteCertificate checks nothing unless asked), so the provider looks first.
    await env.emulator.editLiveBinding("play.example.com", { cloudCertId: id, status: 1 });
    const since = (await env.emulator.requests()).at(-1)?.seq ?? 0; // the request log is numbered across resets
    const bound = await h.delete(id, outs).then(() => undefined, (e) => e);
    expect(bound?.message).to.equal(`Cannot delete certificate ${id}: live domains play.example.com are still bound to it. `
      + "Bind them to another certificate or remove their LiveDomainBinding first, then run the operation again.");
    expect((await env.emulator.writes(since)).map((w) => w.action)).to.deep.equal([]);
    expect((await env.emulator.state()).sslCertificates.map((c: any) => c.id)).to.include(id);
    await env.emulator.editLiveBinding("play.example.com", null);
    await h.delete(id, outs);
    expect((await env.emulator.state()).sslCertificates).to.deep.equal([]);
    await h.delete(id, outs); // already gone: nothing to do
  });

  it("leaves a certificate that a resource still in the program declares (a CdnHttpsConfig certificateId), naming it", async () => {
    const { id, outs } = await up({ domain: "ready.example.com", validationMethod: "DNS" });
    await env.emulator.advanceClock(HOUR);
    // The program still has a CdnHttpsConfig "site" taking the certificate: its check declares it.
    await env.provider.cdnHttpsConfig.check({}, { domain: "site.example.com", certificateId: id, __resourceName: "site", __provider: "seam" });
    try {
      await h.delete(id, outs);
    } finally {
      env.newProcess();
    }
    expect(lines()).to.match(new RegExp(`certificate ${id} is still declared by CdnHttpsConfig "site" in this deployment; it stays in SSL Certificate Management`));
    expect((await env.emulator.state()).sslCertificates.map((c) => c.id)).to.deep.equal([id]);
    expect((await env.emulator.writes()).filter((w) => w.action === "DeleteCertificate")).to.deep.equal([]);
  });

  it("imports a certificate as adopted and leaves it in place on delete", async () => {
    const { id } = await up({ domain: "ready.example.com", validationMethod: "DNS" });
    const imported = await h.read(id);
    expect(imported.inputs).to.deep.equal({ domain: "ready.example.com", validationMethod: "DNS", keyAlgorithm: "RSA", renewBeforeDays: 30, waitForIssuance: true });
    expect(imported.props).to.include({ adopted: true, status: "issued" });
    await env.emulator.advanceClock(HOUR);
    await h.delete(id, imported.props!);
    expect((await env.emulator.state()).sslCertificates.map((c: any) => c.id)).to.deep.equal([id]);
  });

  it("fails check with a sentence per bad argument and sends nothing", async () => {
    const { failures } = await h.check({}, { domain: "*.example.com", validationMethod: "EMAIL", renewBeforeDays: 31 });
    expect((failures ?? []).map((f) => f.property)).to.have.members(["domain", "validationMethod", "renewBeforeDays"]);
    expect(await env.emulator.requests()).to.deep.equal([]);
  });
});

describe("FreeCertificate waiting on a rate-limited check (provider against the emulator)", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const h = handlersOf(() => env, "freeCertificate");
  const bindings = handlersOf(() => env, "liveDomainBinding");
  // Checks closer than a minute (on the emulator clock) answer Frequently.
  before(async () => { env = await startProviderEnv({ freeCertificates: { checkIntervalMs: 60_000 } }); });
  after(async () => { await env?.stop(); });

  it("says the checks are rate limited, keeps waiting, and finishes once the record is published", async () => {
    const { inputs } = await h.check({}, { domain: "limited.example.com", validationMethod: "DNS" });
    const done = h.create(inputs);
    const lines = () => env.logs.map((l) => l.line).join("\n");
    for (let i = 0; i < 100 && !/rate limited \(Frequently\)/.test(lines()); i++) await new Promise((r) => setTimeout(r, 100));
    expect(lines()).to.match(/free certificate for limited\.example\.com: pendingValidation; verification checks are rate limited \(Frequently\), asking less often/);
    const id = (await env.emulator.state()).freeCertificates[0].id;
    await env.emulator.markValidationRecordPresent(id);
    const { outs } = await done;
    expect(outs).to.include({ certificateId: id, status: "issued" });
  });
});
