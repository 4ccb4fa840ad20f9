// Free TrustAsia certificates through the emulator's API and admin routes: answers in the spec's
// shapes, validation by a published record (admin route or seed), DNS_AUTO on its own, issuance into
// the SSL store (usable by CDN and CSS by id), the hour before deletion, renewal by OldCertificateId
// once the clock route has aged the certificate into its window.
import { expect } from "chai";
import { X509Certificate } from "node:crypto";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { call, errorCode } from "./rawApi";

const DAY = 86_400_000;
const HOUR = 3_600_000;

describe("emulator: free certificates", () => {
  let emu: EmulatorHandle;
  before(async () => {
    emu = await startEmulator({
      seed: { validationRecordsPresent: ["ready.example.com", "play.example.com"], cdnDomains: [{ domain: "play.example.com" }], liveDomains: [{ name: "play.example.com", type: 1 }] },
      freeCertificates: { dnsAutoDelayMs: 60_000 },
    });
  });
  beforeEach(() => emu.reset());
  after(() => emu.stop());
  const apply = (extra: object = {}) => call(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "www.example.com", ...extra });

  it("starts pending with a TXT record to publish, and issues after the record is marked present and verification asked", async () => {
    const { CertificateId: id } = await apply({ DomainName: "www.play.example.com", CsrEncryptAlgo: "ECC", CsrKeyParameter: "prime256v1", Alias: "site" });
    const pending = await call(emu, "ssl", "DescribeCertificate", { CertificateId: id });
    expect(pending).to.include({ Status: 0, StatusMsg: "PENDING-DCV", VerifyType: "DNS", From: "trustasia", PackageType: "83", CertBeginTime: null, Alias: "site" });
    expect(pending.DvAuthDetail.DvAuths[0]).to.include({ DvAuthKey: "_dnsauth.www.play", DvAuthDomain: "example.com", DvAuthVerifyType: "TXT" });
    expect((await call(emu, "ssl", "CompleteCertificate", { CertificateId: id })).CertificateId).to.equal(id);
    const check = await call(emu, "ssl", "CheckCertificateDomainVerification", { CertificateId: id });
    expect(check.VerificationResults[0]).to.include({ Domain: "www.play.example.com", LocalCheck: -1, LocalCheckFailReason: "txt record not found", Issued: false });
    await emu.markValidationRecordPresent(id);
    const issued = await call(emu, "ssl", "DescribeCertificate", { CertificateId: id });
    expect(issued.Status).to.equal(1);
    expect(issued.DvAuthDetail.DvAuths).to.equal(null);
    const detail = await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: id });
    const leaf = new X509Certificate(detail.CertificatePublicKey);
    expect(leaf.subjectAltName).to.equal("DNS:www.play.example.com");
    expect(leaf.publicKey.asymmetricKeyType).to.equal("ec");
    expect(detail.CertificatePrivateKey ?? null).to.equal(null);
    expect(Date.parse(leaf.validTo) - Date.parse(leaf.validFrom)).to.be.within(88 * DAY, 92 * DAY);
    // An issued free certificate is a hosted certificate like any other.
    expect((await call(emu, "live", "ModifyLiveDomainCertBindings", { DomainInfos: [{ DomainName: "play.example.com", Status: 1 }], CloudCertId: id })).MismatchedDomainNames).to.deep.equal(["play.example.com"]);
  });

  it("lists a pending certificate without example times: no CertBeginTime/CertEndTime until it is issued (issue 29)", async () => {
    const { CertificateId: id } = await apply({ DomainName: "pending.example.com" });
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: id })).CertEndTime).to.equal(null);
    const row = (await call(emu, "ssl", "DescribeCertificates", {})).Certificates.find((c: any) => c.CertificateId === id);
    // The spec lets neither be null in a listing row: the empty string, never the documented example "2019-09-18 20:00:00".
    expect(row).to.include({ Status: 0, CertBeginTime: "", CertEndTime: "", HostingCompleteTime: "", HostingRenewCertId: "", HasRenewOrder: "" });
    expect(row.HostingStatus).to.equal(-1); // not hosted
    await emu.markValidationRecordPresent(id);
    await call(emu, "ssl", "CompleteCertificate", { CertificateId: id });
    const issued = (await call(emu, "ssl", "DescribeCertificates", {})).Certificates.find((c: any) => c.CertificateId === id);
    expect(issued.CertEndTime).to.equal((await call(emu, "ssl", "DescribeCertificate", { CertificateId: id })).CertEndTime);
    expect(issued.ValidationPassedTime).to.equal("--"); // as every documented example of an issued free certificate (issue 26)
    expect(issued.EncryptAlgorithm).to.equal("RSA 2048");
  });

  it("validates a seeded domain's record from the start, and DNS_AUTO by itself after its delay", async () => {
    const { CertificateId: ready } = await apply({ DomainName: "ready.example.com" });
    await call(emu, "ssl", "CompleteCertificate", { CertificateId: ready });
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: ready })).Status).to.equal(1);
    const { CertificateId: auto } = await apply({ DvAuthMethod: "DNS_AUTO", DomainName: "auto.example.com" });
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: auto })).Status).to.equal(4);
    await emu.advanceClock(60_000);
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: auto })).Status).to.equal(1);
  });

  it("keeps the key password of an application out of the request log", async () => {
    await apply({ DomainName: "pw.example.com", CsrKeyPassword: "hunter2-secret" });
    const logged = (await emu.requests()).find((r) => r.action === "ApplyCertificate")!;
    expect(logged.params.CsrKeyPassword).to.equal("[REDACTED]");
    expect(JSON.stringify(await emu.requests()) + JSON.stringify(await emu.state())).to.not.include("hunter2-secret");
  });

  it("refuses what the spec refuses: bad key parameters, other validity periods, over-long domains", async () => {
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "a.example.com", CsrEncryptAlgo: "ECC" })).to.equal("InvalidParameterValue");
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "a.example.com", ValidityPeriod: "12" })).to.equal("InvalidParameterValue");
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "EMAIL", DomainName: "a.example.com" })).to.equal("InvalidParameterValue");
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: `${"a".repeat(60)}.example.com` })).to.equal("InvalidParameterValue.CertificateDomainMaxLengthInvalid");
    expect(await errorCode(emu, "ssl", "CompleteCertificate", { CertificateId: "nope0000" })).to.equal("FailedOperation.CertificateNotFoundOrAudited");
  });

  it("refuses deletion within the hour after application, and while bound when asked to check, then deletes", async () => {
    const { CertificateId: id } = await apply({ DomainName: "play.example.com" });
    await call(emu, "ssl", "CompleteCertificate", { CertificateId: id });
    expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: id })).to.equal("FailedOperation.CannotBeDeletedWithinHour");
    await call(emu, "cdn", "UpdateDomainConfig", { Domain: "play.example.com", Https: { Switch: "on", CertInfo: { CertId: id } } });
    await emu.advanceClock(HOUR);
    expect((await call(emu, "live", "ModifyLiveDomainCertBindings", { DomainInfos: [{ DomainName: "play.example.com", Status: 1 }], CloudCertId: id })).Errors).to.deep.equal([]);
    expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: id, IsCheckResource: true })).to.equal("FailedOperation.DeleteResourceFailed");
    expect((await emu.state()).sslCertificates.find((c) => c.id === id)!.boundTo).to.have.members(["play.example.com", "play.example.com"]);
    await call(emu, "live", "UnBindLiveDomainCert", { DomainName: "play.example.com" });
    await call(emu, "cdn", "UpdateDomainConfig", { Domain: "play.example.com", Https: { Switch: "off" } });
    expect((await call(emu, "ssl", "DeleteCertificate", { CertificateId: id })).DeleteResult).to.equal(true);
    expect(await errorCode(emu, "ssl", "DescribeCertificate", { CertificateId: id })).to.equal("FailedOperation.CertificateNotFound");
  });

  it("renews with OldCertificateId only once the clock route has aged the certificate into its last 30 days", async () => {
    const { CertificateId: old } = await apply({ DomainName: "ready.example.com" });
    await call(emu, "ssl", "CompleteCertificate", { CertificateId: old });
    const before = await call(emu, "ssl", "DescribeCertificate", { CertificateId: old });
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.InvalidParam");
    await emu.ageFreeCertificates(70 * DAY);
    const aged = await call(emu, "ssl", "DescribeCertificate", { CertificateId: old });
    expect(aged.CertEndTime < before.CertEndTime).to.equal(true);
    expect(aged.RenewAble).to.equal(true);
    const { CertificateId: renewal } = await apply({ DomainName: "ready.example.com", OldCertificateId: old });
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: renewal })).CertificateExtra.OriginCertificateId).to.equal(old);
    expect((await call(emu, "ssl", "DescribeCertificate", { CertificateId: old })).CertificateExtra.RenewOrder).to.equal(renewal);
    expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.OrderAlreadyReplaced");
  });

  it("answers Frequently to checks closer than the configured interval", async () => {
    const strict = await startEmulator({ freeCertificates: { checkIntervalMs: 60_000 } });
    try {
      const { CertificateId: id } = await call(strict, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "a.example.com" });
      expect((await call(strict, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).VerificationResults[0].Frequently).to.equal(false);
      expect((await call(strict, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).VerificationResults[0].Frequently).to.equal(true);
      await strict.advanceClock(60_000);
      expect((await call(strict, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).VerificationResults[0].Frequently).to.equal(false);
    } finally {
      await strict.stop();
    }
  });
});
