// FreeCertificateValidation's pure parts: the argument shape (an SSL id, nothing sent), the diff
// (another certificate replaces; short of issued resumes; the record ids alone change nothing) and
// the outputs from DescribeCertificate.
import { expect } from "chai";
import { createProvider } from "../../provider";
import { validationOutputs } from "../../provider/freeCertificateValidation/outputs";
import { UNKNOWN } from "../../provider/unknown";

// Neither check nor diff asks the API: a provider without credentials answers them.
const { freeCertificateValidation: h } = createProvider({ logSink: () => undefined });
const checkFreeCertificateValidation = (news: Record<string, unknown>) => h.check({}, news) as Promise<{ failures: { property: string; reason: string }[] }>;
const diffFreeCertificateValidation = (olds: Record<string, unknown>, news: Record<string, unknown>) => h.diff("c1", olds, news);

describe("FreeCertificateValidation rules", () => {
  it("check takes an SSL id and optional record ids, and names what is wrong otherwise", async () => {
    expect((await checkFreeCertificateValidation({ certificateId: "a9TsmZkL", validationRecordIds: ["rec-1"] })).failures).to.deep.equal([]);
    expect((await checkFreeCertificateValidation({ certificateId: UNKNOWN, validationRecordIds: [UNKNOWN] })).failures, "unknown at preview").to.deep.equal([]);
    const by = async (news: Record<string, unknown>) => Object.fromEntries((await checkFreeCertificateValidation(news)).failures.map((f) => [f.property, f.reason]));
    expect((await by({})).certificateId).to.match(/certificateId is required/);
    expect((await by({ certificateId: "a9Ts/mZkL" })).certificateId).to.match(/must be the id of a certificate in SSL Certificate Management/);
    expect((await by({ certificateId: "a9TsmZkL", validationRecordIds: [1] }))["validationRecordIds.0"]).to.match(/must be strings/);
  });

  it("diff: another certificate id (a renewal) or one unknown yet replaces; the record ids alone change nothing", async () => {
    const olds = { certificateId: "old1", validationRecordIds: ["a"], status: "issued" };
    expect(await diffFreeCertificateValidation(olds, { certificateId: "new1" })).to.deep.equal({ changes: true, replaces: ["certificateId"], deleteBeforeReplace: false });
    expect((await diffFreeCertificateValidation(olds, { certificateId: UNKNOWN })).replaces).to.deep.equal(["certificateId"]);
    expect((await diffFreeCertificateValidation(olds, { certificateId: "old1", validationRecordIds: ["b"] })).changes).to.equal(false);
    expect((await diffFreeCertificateValidation({ ...olds, status: "expired" }, { certificateId: "old1" })).changes, "expiry is the FreeCertificate's renewal").to.equal(false);
  });

  it("diff: a validation left pending or at a dead end is updated, so the next up resumes or says why not", async () => {
    for (const status of ["pendingValidation", "addingDnsRecord", "unknown", "rejected"]) {
      expect(await diffFreeCertificateValidation({ certificateId: "c1", status }, { certificateId: "c1" }), status)
        .to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
    }
  });

  it("outputs the status word and the validity in UTC, nothing before issuance", async () => {
    expect(validationOutputs({ certificateId: "c1" }, { Status: 0, CertBeginTime: null, CertEndTime: null } as any))
      .to.deep.equal({ certificateId: "c1", status: "pendingValidation" });
    expect(validationOutputs({ certificateId: "c1", validationRecordIds: ["r"] }, { Status: 1, CertBeginTime: "2026-12-01 08:00:00", CertEndTime: "2027-02-28 07:59:59" } as any))
      .to.deep.equal({ certificateId: "c1", validationRecordIds: ["r"], status: "issued", issuedAt: "2026-12-01T00:00:00.000Z", expiresAt: "2027-02-27T23:59:59.000Z" });
  });
});
