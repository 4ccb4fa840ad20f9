// FreeCertificate through Pulumi's real dynamic-provider host over gRPC, with a CdnHttpsConfig and a
// LiveDomainBinding taking its certificate id: preview sends nothing; up applies and waits until
// issued; when the emulator's clock ages the certificates into their renewal window, up replaces
// each (renewing it by OldCertificateId), moves the CDN domain and the playback domain to the new id
// and only then deletes the old one, with HTTPS on throughout; a timed-out create is kept as partial
// state and the next up resumes it; destroy is clean.
import { expect } from "chai";
import type { EmulatorHandle } from "../../emulator";
import { Engine, HostError, HostFixture, ProviderHost, startHostFixture, StateEntry, UNKNOWN, urnFor } from "../support/engine";

const CDN = "cdn.example.com";
const PLAY = "play.example.com";
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("FreeCertificate through the dynamic-provider host", function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let fixture: HostFixture;
  let host: ProviderHost;
  let certs: Engine;
  let cdn: Engine;
  let live: Engine;
  const cdnCertUrn = urnFor("tencentcloud-https:FreeCertificate", "cdn-cert");
  const playCertUrn = urnFor("tencentcloud-https:FreeCertificate", "play-cert");
  const cdnUrn = urnFor("tencentcloud-https:CdnHttpsConfig", "cdn-https");
  const liveUrn = urnFor("tencentcloud-https:LiveDomainBinding", "play-https");

  before(async function () {
    fixture = await startHostFixture({
      seed: { cdnDomains: [{ domain: CDN, status: "online", originType: "domain" }], liveDomains: [{ name: PLAY, type: 1 }], validationRecordsPresent: [PLAY] },
    });
    emulator = fixture.emulator;
    host = fixture.host;
    certs = await fixture.engine("freeCertificate");
    cdn = await fixture.engine("cdnHttpsConfig");
    live = await fixture.engine("liveDomainBinding");
  });
  after(async () => { await fixture?.stop(); });

  /** Whether both domains serve a certificate over HTTPS right now. */
  async function httpsOn(): Promise<{ cdn: string | undefined; play: string | undefined }> {
    const state = await emulator.state();
    const c = state.cdnDomains.find((d) => d.Domain === CDN)!;
    const p = state.liveDomains.find((d) => d.Name === PLAY)!;
    return {
      cdn: c.Https?.Switch === "on" ? c.Https.CertInfo?.CertId : undefined,
      play: p.binding?.status === 1 ? p.binding.cloudCertId : undefined,
    };
  }

  it("applies, deploys to CDN and CSS, renews in the window with the bindings moved first, and destroys cleanly", async function () {
    const preview = await certs.preview(cdnCertUrn, { domain: CDN });
    expect(preview.failures).to.deep.equal([]);
    expect((await live.preview(liveUrn, { certificateId: UNKNOWN, domains: [PLAY] })).failures).to.deep.equal([]);
    expect(await emulator.writes()).to.deep.equal([]);

    let cdnCert = await certs.create(cdnCertUrn, { domain: CDN });
    let playCert = await certs.create(playCertUrn, { domain: PLAY, validationMethod: "DNS", keyAlgorithm: "ECC" });
    expect(cdnCert.outputs).to.include({ certificateId: cdnCert.id, status: "issued", validationMethod: "DNS_AUTO" });
    expect(playCert.outputs).to.include({ certificateId: playCert.id, status: "issued", keyAlgorithm: "ECC" });
    expect(playCert.outputs.validationRecords[0]).to.include({ recordType: "TXT", name: `_dnsauth.play.example.com` });
    let site = await cdn.create(cdnUrn, { domain: CDN, certificateId: cdnCert.id });
    let playback = await live.create(liveUrn, { certificateId: playCert.id, domains: [PLAY] });
    expect(await httpsOn()).to.deep.equal({ cdn: cdnCert.id, play: playCert.id });

    // A second up shows no change.
    expect((await certs.up(cdnCert, { domain: CDN })).step).to.equal("same");
    expect((await certs.up(playCert, { domain: PLAY, validationMethod: "DNS", keyAlgorithm: "ECC" })).step).to.equal("same");

    // Two months later: within 30 days of expiry. The engine's order: replace the certificates
    // (create first), update what takes their ids, delete the old ones last.
    await emulator.ageFreeCertificates(62 * DAY);
    const cdnRenewal = await host.diff(cdnCert.id, cdnCertUrn, cdnCert.outputs, cdnCert.inputs, cdnCert.inputs);
    expect(cdnRenewal).to.deep.equal({ changes: "some", replaces: ["expiresAt"], deleteBeforeReplace: false });
    const cdnNew = await host.create(cdnCertUrn, cdnCert.inputs);
    const playRenewal = await host.diff(playCert.id, playCertUrn, playCert.outputs, playCert.inputs, playCert.inputs);
    expect(playRenewal.replaces).to.deep.equal(["expiresAt"]);
    const playNew = await host.create(playCertUrn, playCert.inputs);
    expect(cdnNew.outs).to.include({ renews: cdnCert.id, status: "issued" });
    expect(playNew.outs).to.include({ renews: playCert.id, status: "issued" });
    expect(await httpsOn(), "still the old certificates, HTTPS on").to.deep.equal({ cdn: cdnCert.id, play: playCert.id });
    const movedSite = await cdn.up(site, { domain: CDN, certificateId: cdnNew.id });
    const movedPlayback = await live.up(playback, { certificateId: playNew.id, domains: [PLAY] });
    expect([movedSite.step, movedPlayback.step]).to.deep.equal(["update", "update"]);
    expect(await httpsOn()).to.deep.equal({ cdn: cdnNew.id, play: playNew.id });
    await host.delete(cdnCert.id, cdnCertUrn, cdnCert.outputs, cdnCert.inputs);
    await host.delete(playCert.id, playCertUrn, playCert.outputs, playCert.inputs);
    const applied = (await emulator.requests()).filter((r) => r.action === "ApplyCertificate").map((r) => r.params.OldCertificateId ?? null);
    expect(applied).to.deep.equal([null, null, cdnCert.id, playCert.id]);
    cdnCert = { urn: cdnCertUrn, id: cdnNew.id, inputs: cdnCert.inputs, outputs: cdnNew.outs };
    playCert = { urn: playCertUrn, id: playNew.id, inputs: playCert.inputs, outputs: playNew.outs };
    site = movedSite.state;
    playback = movedPlayback.state;
    expect((await emulator.state()).sslCertificates.map((c: any) => c.id).sort()).to.deep.equal([cdnNew.id, playNew.id].sort());
    expect((await certs.up(cdnCert, { domain: CDN })).step).to.equal("same");

    // Destroy: the users of the certificates first, then the certificates (an hour after applying).
    await cdn.destroy(site);
    await live.destroy(playback);
    const early = await certs.destroy(cdnCert).catch((e) => e);
    expect(early).to.be.instanceOf(HostError);
    expect(early.message).to.match(/does not delete a free certificate within an hour of applying for it/);
    await emulator.advanceClock(HOUR);
    await certs.destroy(cdnCert);
    await certs.destroy(playCert);
    expect((await emulator.state()).sslCertificates).to.deep.equal([]);
    expect(host.logs().join("\n") + JSON.stringify(await emulator.requests())).to.not.match(/PRIVATE KEY/);
  });

  it("keeps a timed-out create as partial state, and the next up resumes waiting without applying again", async function () {
    const args = { domain: "slow.example.com", validationMethod: "DNS" };
    const inputs = (await host.check(urnFor("tencentcloud-https:FreeCertificate", "slow"), {}, { ...args, __provider: certs.provider, __timeouts: { create: "1s" } })).inputs;
    const error = await host.create(urnFor("tencentcloud-https:FreeCertificate", "slow"), inputs).catch((e) => e);
    expect(error).to.be.instanceOf(HostError);
    expect(error.message).to.match(/Timed out after 1s waiting for the issuance of free certificate/);
    const id: string = error.initFailed?.id;
    expect(error.initFailed?.properties).to.include({ certificateId: id, status: "pendingValidation", __provider: certs.provider });
    const partial: StateEntry = { urn: urnFor("tencentcloud-https:FreeCertificate", "slow"), id, inputs, outputs: error.initFailed!.properties };
    await emulator.markValidationRecordPresent(id);
    const next = await certs.up(partial, args);
    expect(next.step).to.equal("update");
    expect(next.state.outputs).to.include({ certificateId: id, status: "issued" });
    expect((await emulator.requests()).filter((r) => r.action === "ApplyCertificate" && r.params.DomainName === "slow.example.com")).to.have.length(1);
    expect((await certs.up(next.state, args)).step).to.equal("same");
  });
});
