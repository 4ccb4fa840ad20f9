// FreeCertificateValidation's pure parts: the argument shape (an SSL id, nothing sent), the diff
// (another certificate replaces; short of issued resumes; the record ids alone change nothing) and
// the outputs from DescribeCertificate.
import { expect } from "chai";
import { checkFreeCertificateValidation } from "../../provider/freeCertificateValidation/check";
import { diffFreeCertificateValidation } from "../../provider/freeCertificateValidation/diff";
import { validationOutputs } from "../../provider/freeCertificateValidation/outputs";
import { UNKNOWN } from "../../provider/unknown";

describe("FreeCertificateValidation rules", () => {
  it("check takes an SSL id and optional record ids, and names what is wrong otherwise", () => {
    expect(checkFreeCertificateValidation({ certificateId: "a9TsmZkL", validationRecordIds: ["rec-1"] }).failures).to.deep.equal([]);
    expect(checkFreeCertificateValidation({ certificateId: UNKNOWN, validationRecordIds: [UNKNOWN] }).failures, "unknown at preview").to.deep.equal([]);
    const by = (news: Record<string, unknown>) => Object.fromEntries(checkFreeCertificateValidation(news).failures.map((f) => [f.property, f.reason]));
    expect(by({}).certificateId).to.match(/certificateId is required/);
    expect(by({ certificateId: "a9Ts/mZkL" }).certificateId).to.match(/must be the id of a certificate in SSL Certificate Management/);
    expect(by({ certificateId: "a9TsmZkL", validationRecordIds: [1] })["validationRecordIds.0"]).to.match(/must be strings/);
  });

  it("diff: another certificate id (a renewal) or one unknown yet replaces; the record ids alone change nothing", () => {
    const olds = { certificateId: "old1", validationRecordIds: ["a"], status: "issued" };
    expect(diffFreeCertificateValidation(olds, { certificateId: "new1" })).to.deep.equal({ changes: true, replaces: ["certificateId"], deleteBeforeReplace: false });
    expect(diffFreeCertificateValidation(olds, { certificateId: UNKNOWN }).replaces).to.deep.equal(["certificateId"]);
    expect(diffFreeCertificateValidation(olds, { certificateId: "old1", validationRecordIds: ["b"] }).changes).to.equal(false);
    expect(diffFreeCertificateValidation({ ...olds, status: "expired" }, { certificateId: "old1" }).changes, "expiry is the FreeCertificate's renewal").to.equal(false);
  });

  it("diff: a validation left pending or at a dead end is updated, so the next up resumes or says why not", () => {
    for (const status of ["pendingValidation", "addingDnsRecord", "unknown", "rejected"]) {
      expect(diffFreeCertificateValidation({ certificateId: "c1", status }, { certificateId: "c1" }), status)
        .to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("outputs the status word and the validity in UTC, nothing before issuance", () => {
    expect(validationOutputs({ certificateId: "c1" }, { Status: 0, CertBeginTime: null, CertEndTime: null } as any))
      .to.deep.equal({ certificateId: "c1", status: "pendingValidation" });
    expect(validationOutputs({ certificateId: "c1", validationRecordIds: ["r"] }, { Status: 1, CertBeginTime: "2026-12-01 08:00:00", CertEndTime: "2027-02-28 07:59:59" } as any))
      .to.deep.equal({ certificateId: "c1", validationRecordIds: ["r"], status: "issued", issuedAt: "2026-12-01T00:00:00.000Z", expiresAt: "2027-02-27T23:59:59.000Z" });
  });
});
