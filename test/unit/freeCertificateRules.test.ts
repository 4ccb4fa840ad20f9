// FreeCertificate's pure rules and argument shape: the domain the free product takes, defaults,
// status words, validation records, verification progress, renewal and deletion sentences.
import { expect } from "chai";
import { freeCertificateArgsSchema } from "../../provider/freeCertificate/definition";
import {
  daysToExpiry, deleteRefusal, domainProblem, isDeadEnd, keptValidationRecords, mayRenew, nextStep, renewalDue,
  statusWord, stillBoundSentence, validationRecords, verificationProgress,
} from "../../provider/rules/freeCertificate";
import { validateArgs } from "../../provider/runtime/validate";
import { UNKNOWN } from "../../provider/unknown";

const DAY = 86_400_000;
const NOW = new Date("2026-12-01T00:00:00Z");
const inDays = (days: number) => new Date(NOW.getTime() + days * DAY).toISOString();

describe("FreeCertificate rules", () => {
  describe("arguments", () => {
    it("fills the defaults: DNS_AUTO, RSA, renew 30 days before expiry, wait for issuance", () => {
      const { value, failures } = validateArgs(freeCertificateArgsSchema, { domain: "www.example.com" });
      expect(failures).to.deep.equal([]);
      expect(value).to.deep.equal({ domain: "www.example.com", validationMethod: "DNS_AUTO", keyAlgorithm: "RSA", renewBeforeDays: 30, waitForIssuance: true });
    });

    it("refuses a wildcard, an IP address, a list, a URL and an over-long name, each with what to do", () => {
      expect(domainProblem("*.example.com")).to.match(/wildcard.*www\.example\.com/);
      expect(domainProblem("192.0.2.10")).to.match(/IP address.*domain name/);
      expect(domainProblem("2001:db8::1")).to.match(/IP address/);
      expect(domainProblem("a.example.com,b.example.com")).to.match(/one name.*one FreeCertificate per domain/);
      expect(domainProblem("https://www.example.com/")).to.match(/without scheme/);
      expect(domainProblem(`${"a".repeat(60)}.example.com`)).to.match(/longer than 64/);
      expect(domainProblem("www.example.com")).to.equal(undefined);
      expect(domainProblem("Example.COM.")).to.equal(undefined);
    });

    it("names the property of each bad value, and says what DNS_AUTO needs", () => {
      const { failures } = validateArgs(freeCertificateArgsSchema, {
        domain: "*.example.com", validationMethod: "EMAIL", keyAlgorithm: "DSA", renewBeforeDays: 45, waitForIssuance: "yes", extra: 1,
      });
      const by = Object.fromEntries(failures.map((f) => [f.property, f.reason]));
      expect(by.domain).to.match(/wildcard/);
      expect(by.validationMethod).to.match(/DNS_AUTO \(needs the domain's DNS hosted in Tencent Cloud DNS .*same Tencent Cloud account/);
      expect(by.keyAlgorithm).to.match(/RSA \(2048 bits\) or ECC \(prime256v1\)/);
      expect(by.renewBeforeDays).to.match(/at most 30.*last 30 days/);
      expect(by.waitForIssuance).to.match(/true or false/);
      expect(by["(arguments)"]).to.match(/Unknown argument\(s\) extra: FreeCertificate takes domain/);
    });

    it("refuses renewBeforeDays 0 (an expired certificate cannot be renewed) and fractions", () => {
      const reason = (n: number) => validateArgs(freeCertificateArgsSchema, { domain: "a.example.com", renewBeforeDays: n }).failures[0]?.reason;
      expect(reason(0)).to.match(/at least 1.*expired/);
      expect(reason(2.5)).to.match(/whole number/);
      expect(reason(1)).to.equal(undefined);
    });

    it("stays silent about values unknown at preview", () => {
      const { failures, hasUnknowns } = validateArgs(freeCertificateArgsSchema, { domain: UNKNOWN, renewBeforeDays: UNKNOWN });
      expect(failures).to.deep.equal([]);
      expect(hasUnknowns).to.equal(true);
    });
  });

  describe("status", () => {
    it("turns the API's codes into words, and knows which never lead to issuance", () => {
      expect([0, 1, 2, 3, 4, 7, 10].map(statusWord)).to.deep.equal(["pendingValidation", "issued", "rejected", "expired", "addingDnsRecord", "cancelled", "revoked"]);
      expect(statusWord(null)).to.equal("unknown");
      expect(statusWord(99)).to.equal("status99");
      expect([0, 1, 4, 11].some(isDeadEnd)).to.equal(false);
      expect([2, 7, 10].every(isDeadEnd)).to.equal(true);
    });
  });

  it("tells what the next up does: judge renewal of an issued or expired certificate, apply again after a dead end, else wait", () => {
    expect(["issued", "expired"].map(nextStep)).to.deep.equal(["judge-renewal", "judge-renewal"]);
    expect(["rejected", "cancelled", "revoked"].map(nextStep)).to.deep.equal(["apply-again", "apply-again", "apply-again"]);
    expect(["pendingValidation", "addingDnsRecord", "unknown", undefined].map(nextStep)).to.deep.equal(["wait", "wait", "wait", "wait"]);
  });

  describe("validation records", () => {
    it("reads a DNS record from DvAuthDetail's single fields, named under its zone", () => {
      const records = validationRecords({ DvAuthKey: "_dnsauth.www", DvAuthValue: "2026abc", DvAuthDomain: "example.com", DvAuthPath: null, DvAuths: null }, "www.example.com", "DNS");
      expect(records).to.deep.equal([{ domain: "www.example.com", recordType: "TXT", name: "_dnsauth.www.example.com", value: "2026abc" }]);
    });

    it("prefers the DvAuths list, with CNAME and FILE entries", () => {
      const records = validationRecords({
        DvAuthKey: "ignored", DvAuthValue: "ignored",
        DvAuths: [
          { DvAuthKey: "_dnsauth.www.example.com", DvAuthValue: "x.trustasia.com", DvAuthDomain: "example.com", DvAuthPath: "", DvAuthSubDomain: "_dnsauth.www", DvAuthVerifyType: "CNAME" },
          { DvAuthKey: "", DvAuthValue: "token-content", DvAuthDomain: "www.example.com", DvAuthPath: "/.well-known/pki-validation/f.txt", DvAuthSubDomain: "", DvAuthVerifyType: "FILE" },
        ],
      }, "www.example.com", "DNS");
      expect(records).to.deep.equal([
        { domain: "www.example.com", recordType: "CNAME", name: "_dnsauth.www.example.com", value: "x.trustasia.com" },
        { domain: "www.example.com", recordType: "FILE", name: "www.example.com", value: "token-content", filePath: "/.well-known/pki-validation/f.txt" },
      ]);
    });

    it("asks nothing of the owner for DNS_AUTO, or when the API shows no record", () => {
      expect(validationRecords({ DvAuthKey: "_dnsauth", DvAuthValue: "v", DvAuthDomain: "example.com" }, "example.com", "DNS_AUTO")).to.deep.equal([]);
      expect(validationRecords({ DvAuthKey: null, DvAuthValue: null, DvAuths: null }, "example.com", "DNS")).to.deep.equal([]);
      expect(validationRecords(null, "example.com", "FILE")).to.deep.equal([]);
    });

    it("keeps the recorded records once the API stops showing them (after issuance)", () => {
      const recorded = [{ domain: "a.example.com", recordType: "TXT" as const, name: "_dnsauth.a.example.com", value: "v" }];
      expect(keptValidationRecords(recorded, [])).to.equal(recorded);
      const fresh = [{ ...recorded[0], value: "w" }];
      expect(keptValidationRecords(recorded, fresh)).to.equal(fresh);
      expect(keptValidationRecords(undefined, [])).to.deep.equal([]);
    });
  });

  describe("verification progress", () => {
    it("names the record still missing with the API's LocalCheckFailReason, and what it found", () => {
      const p = verificationProgress([{ Domain: "a.example.com", VerifyType: "DNS", LocalCheck: -2, CaCheck: -1, LocalCheckFailReason: "txt record not match", CheckValue: ["old"], Frequently: false, Issued: false }]);
      expect(p).to.deep.equal({ issued: false, rateLimited: false, missing: ["a.example.com (DNS): txt record not match (found: old)"] });
    });

    it("sees a rate-limited check, and issuance only when every domain is issued", () => {
      expect(verificationProgress([{ Domain: "a", LocalCheck: -1, Frequently: true, Issued: false }]).rateLimited).to.equal(true);
      expect(verificationProgress([{ Domain: "a", LocalCheck: 1, CaCheck: 2, Issued: true }])).to.deep.equal({ issued: true, rateLimited: false, missing: [] });
      expect(verificationProgress([]).issued).to.equal(false);
      expect(verificationProgress(null).issued).to.equal(false);
    });
  });

  describe("renewal", () => {
    it("counts whole days to expiry, negative once expired", () => {
      expect(daysToExpiry(inDays(10.5), NOW)).to.equal(10);
      expect(daysToExpiry(inDays(-0.5), NOW)).to.equal(-1);
    });

    it("is due within renewBeforeDays of expiry, not before, and never without an expiry", () => {
      expect(renewalDue(inDays(31), NOW, 30)).to.equal(false);
      expect(renewalDue(inDays(30), NOW, 30)).to.equal(true);
      expect(renewalDue(inDays(10), NOW, 7)).to.equal(false);
      expect(renewalDue(inDays(-1), NOW, 7)).to.equal(true);
      expect(renewalDue(undefined, NOW, 30)).to.equal(false);
    });

    it("names the old certificate (OldCertificateId) only inside the API's window and before expiry", () => {
      expect(mayRenew(inDays(29), NOW)).to.equal(true);
      expect(mayRenew(inDays(31), NOW)).to.equal(false);
      expect(mayRenew(inDays(-1), NOW)).to.equal(false);
      expect(mayRenew(undefined, NOW)).to.equal(false);
    });
  });

  describe("deletion", () => {
    it("explains the hour after application in one sentence, and nothing else", () => {
      expect(deleteRefusal("FailedOperation.CannotBeDeletedWithinHour", "abcd1234")).to.match(/^Tencent Cloud does not delete a free certificate within an hour .*abcd1234\.$/);
      expect(deleteRefusal("FailedOperation.DeleteFailedTimeNotUp", "x")).to.match(/within an hour/);
      expect(deleteRefusal("FailedOperation.CertificateNotFound", "x")).to.equal(undefined);
    });

    it("says which domains still use a certificate it leaves", () => {
      expect(stillBoundSentence("abcd1234", ["cdn.example.com", "play.example.com"])).to.match(/abcd1234 is still used by cdn\.example\.com, play\.example\.com/);
    });
  });
});
