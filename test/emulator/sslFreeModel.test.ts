// The emulator's free-certificate state machine, driven with an explicit clock: validation by
// record, DNS_AUTO by itself, a real certificate from the emulator CA for three months, the hour
// before deletion, rate-limited checks, the renewal window and ageing by the clock route.
import { expect } from "chai";
import { X509Certificate } from "node:crypto";
import { inspectCertificate } from "../../provider/certificate";
import {
  ageFreeCertificate, applyFreeCertificate, checkFreeCertificate, completeFreeCertificate, deletionRefusal,
  FreeApplication, freeCertificateCa, freeDvAuthDetail, freeStatus, HOUR_MS, renewalRefusal, settleFreeCertificate, validityFrom,
} from "../../emulator/backends/ssl/free";

const T0 = Date.UTC(2026, 11, 1, 9, 30);
const DAY = 86_400_000;
const timing = { dnsAutoDelayMs: 5000, checkIntervalMs: 0 };

function issue(app: FreeApplication, at: number): void {
  app.recordPresent = true;
  completeFreeCertificate(app);
  settleFreeCertificate(app, at, timing);
}

describe("emulator free certificates", () => {
  it("starts pending with a TXT record to publish, and issues only once it is present and verification was asked", () => {
    const app = applyFreeCertificate({ id: "fc000001", domain: "WWW.Example.com", method: "DNS", keyAlgorithm: "RSA" }, T0);
    expect(freeStatus(app, T0)).to.deep.equal({ code: 0, message: "PENDING-DCV" });
    const dv = freeDvAuthDetail(app) as any;
    expect(dv.DvAuthKey).to.equal("_dnsauth.www");
    expect(dv.DvAuthDomain).to.equal("example.com");
    expect(dv.DvAuths[0].DvAuthVerifyType).to.equal("TXT");
    completeFreeCertificate(app);
    settleFreeCertificate(app, T0 + 1000, timing);
    expect(app.issued).to.equal(undefined);
    expect(checkFreeCertificate(app, T0 + 1000, timing)[0]).to.include({ LocalCheck: -1, LocalCheckFailReason: "txt record not found", Issued: false, Frequently: false });
    app.recordPresent = true; // the admin route
    settleFreeCertificate(app, T0 + 2000, timing);
    expect(freeStatus(app, T0 + 2000).code).to.equal(1);
    expect(checkFreeCertificate(app, T0 + 3000, timing)[0]).to.include({ LocalCheck: 1, CaCheck: 2, Issued: true });
    expect(freeDvAuthDetail(app)).to.include({ DvAuthKey: null, DvAuths: null });
    expect(() => completeFreeCertificate(app)).to.throw().with.property("code", "FailedOperation.CertificateNotFoundOrAudited");
  });

  it("issues a real certificate for the domain, signed by the emulator CA, for three months, with the requested key", () => {
    for (const keyAlgorithm of ["RSA", "ECC"] as const) {
      const app = applyFreeCertificate({ id: "fc000002", domain: "shop.example.com", method: "FILE", keyAlgorithm }, T0);
      expect((freeDvAuthDetail(app) as any).DvAuthPath).to.match(/^\/\.well-known\/pki-validation\/\w+\.txt$/);
      issue(app, T0);
      const leaf = new X509Certificate(app.issued!.pem);
      expect(leaf.subjectAltName).to.equal("DNS:shop.example.com");
      expect(leaf.verify(freeCertificateCa().publicKey)).to.equal(true);
      expect(leaf.publicKey.asymmetricKeyType).to.equal(keyAlgorithm === "RSA" ? "rsa" : "ec");
      expect(new Date(leaf.validFrom).toISOString()).to.equal("2026-12-01T00:00:00.000Z");
      expect(new Date(leaf.validTo).toISOString()).to.equal("2027-02-27T23:59:59.000Z");
      const { findings } = inspectCertificate({ certificate: app.issued!.pem, domains: ["shop.example.com"], now: new Date(T0) });
      expect(findings.filter((f) => f.severity === "error")).to.deep.equal([]);
    }
  });

  it("dates three months as the spec's example does (2024-11-27 to 2025-02-26 07:59:59 China time)", () => {
    const { notBefore, notAfter } = validityFrom(Date.parse("2024-11-27T09:44:36Z"));
    expect(new Date(notBefore).toISOString()).to.equal("2024-11-27T00:00:00.000Z");
    expect(new Date(notAfter).toISOString()).to.equal("2025-02-25T23:59:59.000Z");
  });

  it("lets DNS_AUTO add its record and issue by itself after the configured delay", () => {
    const app = applyFreeCertificate({ id: "fc000003", domain: "auto.example.com", method: "DNS_AUTO", keyAlgorithm: "ECC" }, T0);
    settleFreeCertificate(app, T0 + 4999, timing);
    expect(freeStatus(app, T0 + 4999).code).to.equal(4);
    settleFreeCertificate(app, T0 + 5000, timing);
    expect(freeStatus(app, T0 + 5000).code).to.equal(1);
  });

  it("answers checks closer than the interval with Frequently, and counts them from the last one answered", () => {
    const app = applyFreeCertificate({ id: "fc000004", domain: "a.example.com", method: "DNS", keyAlgorithm: "ECC" }, T0);
    const slow = { dnsAutoDelayMs: 0, checkIntervalMs: 10_000 };
    expect(checkFreeCertificate(app, T0, slow)[0].Frequently).to.equal(false);
    expect(checkFreeCertificate(app, T0 + 5000, slow)[0]).to.include({ Frequently: true, LocalCheck: -1 });
    expect(checkFreeCertificate(app, T0 + 10_000, slow)[0].Frequently).to.equal(false);
  });

  it("refuses deletion within the first hour after application", () => {
    const app = applyFreeCertificate({ id: "fc000005", domain: "a.example.com", method: "DNS", keyAlgorithm: "ECC", recordPresent: true }, T0);
    expect(deletionRefusal(app, T0 + HOUR_MS - 1)?.code).to.equal("FailedOperation.CannotBeDeletedWithinHour");
    expect(deletionRefusal(app, T0 + HOUR_MS)).to.equal(undefined);
  });

  it("renews only in the last 30 days before expiry, once, and ageing moves a certificate into that window", () => {
    const app = applyFreeCertificate({ id: "fc000006", domain: "a.example.com", method: "DNS", keyAlgorithm: "ECC" }, T0);
    expect(renewalRefusal(app, T0, undefined)?.code).to.equal("FailedOperation.InvalidParam"); // not issued
    issue(app, T0);
    const before = app.issued!;
    expect(renewalRefusal(app, T0, undefined)?.code).to.equal("FailedOperation.InvalidParam"); // 90 days left
    ageFreeCertificate(app, 70 * DAY);
    expect(app.issued!.notAfter).to.equal(before.notAfter - 70 * DAY);
    expect(new X509Certificate(app.issued!.pem).validTo).to.not.equal(new X509Certificate(before.pem).validTo);
    expect(deletionRefusal(app, T0)).to.equal(undefined);
    expect(renewalRefusal(app, T0, undefined)).to.equal(undefined);
    expect(renewalRefusal(app, T0, "fc000007")?.code).to.equal("FailedOperation.OrderAlreadyReplaced"); // a renewal stands
    ageFreeCertificate(app, 30 * DAY);
    expect(freeStatus(app, T0).code).to.equal(3);
    expect(renewalRefusal(app, T0, undefined)?.code).to.equal("FailedOperation.InvalidParam"); // expired
  });
});
