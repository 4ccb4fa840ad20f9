// The one-program form of DNS validation through Pulumi's real dynamic-provider host over gRPC, in the
// engine's order: a FreeCertificate without waiting returns its record at once, the program's DNS record
// resource publishes it (the emulator's admin helper stands for it), the FreeCertificateValidation created
// after it waits until issued, and a CdnHttpsConfig takes the validation's certificateId. Preview sends
// nothing; a second up changes nothing; a renewal replaces the certificate and the validation (which waits
// for the new record) before the CDN domain moves and the old certificate is deleted; destroy is clean.
import { expect } from "chai";
import type { EmulatorHandle } from "../../emulator";
import { Engine, HostFixture, ProviderHost, startHostFixture, UNKNOWN, urnFor } from "../support/engine";

const CDN = "cdn.example.com";
const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("FreeCertificateValidation through the dynamic-provider host (one program)", function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let fixture: HostFixture;
  let host: ProviderHost;
  let certs: Engine;
  let validations: Engine;
  let cdn: Engine;
  const certUrn = urnFor("tencentcloud-https:FreeCertificate", "cdn-cert");
  const validationUrn = urnFor("tencentcloud-https:FreeCertificateValidation", "cdn-cert-validation");
  const cdnUrn = urnFor("tencentcloud-https:CdnHttpsConfig", "cdn-https");
  const certArgs = { domain: CDN, validationMethod: "DNS", waitForIssuance: false };

  before(async function () {
    fixture = await startHostFixture({ seed: { cdnDomains: [{ domain: CDN, status: "online", originType: "domain" }] } });
    emulator = fixture.emulator;
    host = fixture.host;
    certs = await fixture.engine("freeCertificate");
    validations = await fixture.engine("freeCertificateValidation");
    cdn = await fixture.engine("cdnHttpsConfig");
  });
  after(async () => { await fixture?.stop(); });

  const servedCert = async () => (await emulator.state()).cdnDomains.find((d) => d.Domain === CDN)!.Https;

  it("certificate, record, validation, CDN domain in one up; unchanged on the next; renewed in order; destroyed cleanly", async function () {
    // Preview: the certificate's id and the record's are unknown; nothing reaches the API.
    expect((await certs.preview(certUrn, certArgs)).failures).to.deep.equal([]);
    expect((await validations.preview(validationUrn, { certificateId: UNKNOWN, validationRecordIds: [UNKNOWN] })).failures).to.deep.equal([]);
    expect(await emulator.requests(), "the certificate's and the validation's checks ask nothing").to.deep.equal([]);
    expect((await cdn.preview(cdnUrn, { domain: CDN, certificateId: UNKNOWN })).failures).to.deep.equal([]);
    expect(await emulator.writes()).to.deep.equal([]);

    // up: the certificate returns at once with its record, which the DNS record resource publishes.
    let cert = await certs.create(certUrn, certArgs);
    expect(cert.outputs).to.include({ certificateId: cert.id, status: "pendingValidation" });
    const record = cert.outputs.validationRecords[0];
    expect(record).to.include({ recordType: "TXT", name: `_dnsauth.${CDN}` });
    await emulator.markValidationRecordPresent(cert.id);
    const recordId = `${record.name}/${record.value}`;
    let validation = await validations.create(validationUrn, { certificateId: cert.id, validationRecordIds: [recordId] });
    expect(validation.id).to.equal(cert.id);
    expect(validation.outputs).to.include({ certificateId: cert.id, status: "issued" });
    let site = await cdn.create(cdnUrn, { domain: CDN, certificateId: validation.outputs.certificateId });
    expect(await servedCert()).to.include({ Switch: "on" });
    expect((await servedCert())!.CertInfo?.CertId).to.equal(cert.id);

    // A second up shows no change anywhere.
    expect((await certs.up(cert, certArgs)).step).to.equal("same");
    expect((await validations.up(validation, { certificateId: cert.id, validationRecordIds: [recordId] })).step).to.equal("same");
    expect((await cdn.up(site, { domain: CDN, certificateId: cert.id })).step).to.equal("same");

    // Two months on, within 30 days of expiry: the engine replaces the certificate (create first), the
    // DNS record resource updates to the new record, the validation is replaced and waits for the new
    // certificate, the CDN domain moves, and the old certificate is deleted last.
    await emulator.ageFreeCertificates(62 * DAY);
    expect(await host.diff(cert.id, certUrn, cert.outputs, cert.inputs, cert.inputs)).to.deep.equal({ changes: "some", replaces: ["expiresAt"], deleteBeforeReplace: false });
    const renewed = await host.create(certUrn, cert.inputs);
    expect(renewed.outs).to.include({ renews: cert.id, status: "pendingValidation" });
    expect(renewed.outs.validationRecords[0].value).to.not.equal(record.value);
    await emulator.markValidationRecordPresent(renewed.id);
    const replaced = await validations.up(validation, { certificateId: renewed.id, validationRecordIds: [`${record.name}/${renewed.outs.validationRecords[0].value}`] });
    expect(replaced.step).to.equal("replace");
    expect(replaced.state.outputs).to.include({ certificateId: renewed.id, status: "issued" });
    expect((await servedCert())!.CertInfo?.CertId, "the old certificate until its users move").to.equal(cert.id);
    const moved = await cdn.up(site, { domain: CDN, certificateId: replaced.state.outputs.certificateId });
    expect(moved.step).to.equal("update");
    expect((await servedCert())!.CertInfo?.CertId).to.equal(renewed.id);
    await host.delete(cert.id, certUrn, cert.outputs, cert.inputs);
    expect((await emulator.state()).sslCertificates.map((c: any) => c.id)).to.deep.equal([renewed.id]);
    cert = { urn: certUrn, id: renewed.id, inputs: cert.inputs, outputs: renewed.outs };
    validation = replaced.state;
    site = moved.state;

    // Destroy in the engine's order: the CDN domain, the validation (nothing at the API), the certificate.
    await cdn.destroy(site);
    const writes = (await emulator.writes()).length;
    await validations.destroy(validation);
    expect((await emulator.writes()).length, "the validation's delete writes nothing").to.equal(writes);
    await emulator.advanceClock(HOUR);
    await certs.destroy(cert);
    expect((await emulator.state()).sslCertificates).to.deep.equal([]);
    expect(host.logs().join("\n") + JSON.stringify(await emulator.requests())).to.not.match(/PRIVATE KEY/);
  });
});
