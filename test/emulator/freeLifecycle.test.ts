// Every free-certificate status and transition the SSL spec documents, through the API, the admin
// routes and the seed (issue 26): the statuses 0-15 by event (rejected, cancelled, revoked, ...), an
// application that was not validated within seven days, CancelCertificateOrder, the renewal relations
// (OriginCertificateId / RenewOrder) and the reissue relations (ReplacedBy / ReplacedFor), a renewal
// or reissue made in the console, a renewal whose answer was lost, DescribeCertificates' SearchKey,
// the account's quota, and the documented error codes each of these brings.
import { expect } from "chai";
import { startEmulator, EmulatorHandle, FreeCertificateEvent } from "../../emulator";
import { makeChain } from "../support/certs";
import { call, errorCode, failureOf, rawCall } from "./rawApi";

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The spec's codes (DescribeCertificateDetail Status) of the statuses an event sets. */
const CODES: Record<FreeCertificateEvent, number> = {
  rejected: 2, validationExpired: 2, awaitingCompanyInformation: 5, cancelling: 6, cancelled: 7, awaitingConfirmationLetter: 8,
  revoking: 9, revoked: 10, reissuing: 11, awaitingRevocationLetter: 12, awaitingInformation: 13, refunded: 14, migrating: 15,
};
const WHILE_PENDING: FreeCertificateEvent[] = ["rejected", "validationExpired", "awaitingCompanyInformation", "cancelling", "cancelled", "awaitingConfirmationLetter", "awaitingInformation", "refunded", "migrating"];
const ONCE_ISSUED: FreeCertificateEvent[] = ["revoking", "revoked", "reissuing", "awaitingRevocationLetter", "refunded", "migrating"];

const failure = failureOf;

describe("emulator: the free certificate's whole lifecycle", () => {
  let emu: EmulatorHandle;
  before(async () => { emu = await startEmulator({ rateLimits: false, seed: { validationRecordsPresent: ["ready.example.com"] } }); });
  beforeEach(() => emu.reset());
  after(() => emu.stop());

  const apply = async (extra: object = {}) => (await call(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "www.example.com", ...extra })).CertificateId as string;
  const ECC = { CsrEncryptAlgo: "ECC", CsrKeyParameter: "prime256v1" }; // a P-256 key is made in a millisecond, an RSA one in a tenth of a second
  const issued = async (extra: object = {}) => {
    const id = await apply({ DomainName: "ready.example.com", ...ECC, ...extra });
    await call(emu, "ssl", "CompleteCertificate", { CertificateId: id });
    return id;
  };
  const describe1 = (id: string) => call(emu, "ssl", "DescribeCertificate", { CertificateId: id });
  const listed = async (params: object = {}) => (await call(emu, "ssl", "DescribeCertificates", { Limit: 100, ...params })).Certificates as any[];

  describe("statuses set by the CA or the console (POST /_emulator/free-certificate/status)", () => {
    for (const status of WHILE_PENDING) {
      it(`${status} (${CODES[status]}) on a pending application: shown everywhere, no verification, no completion`, async () => {
        const id = await apply();
        await emu.setFreeCertificateStatus(id, status);
        const answer = await describe1(id);
        expect(answer).to.include({ Status: CODES[status], Deployable: false });
        expect(answer.StatusName).to.be.a("string").and.not.match(/^status \d+$/);
        expect(answer.DvAuthDetail.DvAuths).to.equal(null);
        expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: id })).Status).to.equal(CODES[status]);
        expect((await listed({ CertificateStatus: [CODES[status]] })).map((c) => c.CertificateId)).to.deep.equal([id]);
        expect(await errorCode(emu, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).to.equal("FailedOperation.CertificateStatusNotAllowVerify");
        expect(await errorCode(emu, "ssl", "CompleteCertificate", { CertificateId: id })).to.equal("FailedOperation.CertificateNotFoundOrAudited");
        expect((await emu.state()).freeCertificates[0]).to.include({ status: CODES[status] });
      });
    }

    for (const status of ONCE_ISSUED) {
      it(`${status} (${CODES[status]}) on an issued certificate: its detail shows it, it keeps its validity`, async () => {
        const id = await issued();
        const before = await describe1(id);
        await emu.setFreeCertificateStatus(id, status, "set by the console");
        const detail = await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: id });
        expect(detail).to.include({ Status: CODES[status], StatusMsg: "set by the console", Deployable: false, CertEndTime: before.CertEndTime });
        expect(detail.CertificatePublicKey).to.contain("BEGIN CERTIFICATE");
        expect((await describe1(id)).Status).to.equal(CODES[status]);
        expect(await errorCode(emu, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).to.equal("FailedOperation.CertificateStatusNotAllowVerify");
        expect((await emu.state()).sslCertificates.find((c) => c.id === id)!.status).to.equal(CODES[status]);
      });
    }

    it("refuses a move the console does not offer, and a status it does not know, with the valid ones", async () => {
      const pending = await apply();
      const done = await issued();
      expect(await failure(() => emu.setFreeCertificateStatus(pending, "revoked"))).to.include(`free certificate ${pending} is not issued, so it cannot be revoked`);
      expect(await failure(() => emu.setFreeCertificateStatus(done, "rejected"))).to.include(`free certificate ${done} is no longer pending validation, so it cannot be rejected`);
      expect(await failure(() => emu.setFreeCertificateStatus(done, "lost" as never))).to.include('body.status: "lost" is not one of rejected, validationExpired, ');
    });

    it("a seed reaches every status, issued and renewing too", async () => {
      const events = [...WHILE_PENDING, ...ONCE_ISSUED.filter((s) => !WHILE_PENDING.includes(s))];
      await emu.reset({
        freeCertificates: [
          { id: "seedOld1", domain: "old.example.com", status: "issued", keyAlgorithm: "ECC" },
          { id: "seedNew1", domain: "old.example.com", renews: "seedOld1" },
          ...events.map((status, i) => ({ id: `seedSt${String(i).padStart(2, "0")}`, domain: `s${i}.example.com`, keyAlgorithm: "ECC" as const, status, statusMessage: `why ${i}` })),
        ],
      });
      const state = (await emu.state()).freeCertificates;
      expect(state.find((c) => c.id === "seedOld1")).to.include({ status: 1, renewedBy: "seedNew1" });
      expect(state.find((c) => c.id === "seedNew1")).to.include({ status: 0, renews: "seedOld1" });
      events.forEach((status, i) => expect(state.find((c) => c.id === `seedSt${String(i).padStart(2, "0")}`), status).to.include({ status: CODES[status], statusMessage: `why ${i}` }));
      expect((await describe1("seedOld1")).CertificateExtra.RenewOrder).to.equal("seedNew1");
    });
  });

  describe("expired before validation", () => {
    it("closes an application not validated within seven days (status 2, 域名验证超时), DVAuthDeadline saying when", async () => {
      const id = await apply();
      const row = (await listed()).find((c) => c.CertificateId === id);
      expect(Date.parse(row.DVAuthDeadline.replace(" ", "T") + "+08:00") - Date.parse(row.InsertTime.replace(" ", "T") + "+08:00")).to.equal(7 * DAY);
      await emu.advanceClock(7 * DAY - 60_000);
      expect((await describe1(id)).Status).to.equal(0);
      await emu.advanceClock(60_000);
      expect(await describe1(id)).to.include({ Status: 2, StatusMsg: "域名验证超时，订单自动关闭，请您重新进行证书申请" });
      expect(await errorCode(emu, "ssl", "CompleteCertificate", { CertificateId: id })).to.equal("FailedOperation.CertificateNotFoundOrAudited");
      expect(await errorCode(emu, "ssl", "CheckCertificateDomainVerification", { CertificateId: id })).to.equal("FailedOperation.CertificateStatusNotAllowVerify");
      await emu.markValidationRecordPresent(id); // too late: the order is closed
      expect((await describe1(id)).Status).to.equal(2);
      expect((await describe1(await apply())).Status).to.equal(0); // a fresh application for the domain
      expect((await call(emu, "ssl", "DeleteCertificate", { CertificateId: id })).DeleteResult).to.equal(true);
    });
  });

  describe("CancelCertificateOrder", () => {
    it("cancels an application pending validation (7) and refuses anything else with its documented codes", async () => {
      const id = await apply();
      expect(await call(emu, "ssl", "CancelCertificateOrder", { CertificateId: id })).to.include({ CertificateId: id });
      expect((await describe1(id)).Status).to.equal(7);
      expect(await errorCode(emu, "ssl", "CancelCertificateOrder", { CertificateId: id })).to.equal("FailedOperation.InvalidCertificateStatusCode");
      expect(await errorCode(emu, "ssl", "CancelCertificateOrder", { CertificateId: await issued() })).to.equal("FailedOperation.InvalidCertificateStatusCode");
      const chain = makeChain({ domains: ["up.example.com"] });
      const { CertificateId: upload } = await call(emu, "ssl", "UploadCertificate", { CertificatePublicKey: chain.certificate, CertificatePrivateKey: chain.privateKey });
      expect(await errorCode(emu, "ssl", "CancelCertificateOrder", { CertificateId: upload })).to.equal("FailedOperation.InvalidCertificateStatusCode");
      expect(await errorCode(emu, "ssl", "CancelCertificateOrder", { CertificateId: "nope0000" })).to.equal("FailedOperation.CertificateNotFound");
      expect((await emu.writes()).map((w) => w.action)).to.include("CancelCertificateOrder");
    });
  });

  describe("DeleteCertificate's documented refusals", () => {
    for (const status of ["cancelling", "revoking", "reissuing", "migrating"] as const) {
      it(`refuses while ${status} (InvalidCertificateStatusCode)`, async () => {
        const id = status === "cancelling" ? await apply() : await issued();
        await emu.setFreeCertificateStatus(id, status);
        await emu.advanceClock(HOUR);
        expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: id })).to.equal("FailedOperation.InvalidCertificateStatusCode");
      });
    }

    it("deletes a cancelled, rejected or revoked one after its hour", async () => {
      const cancelled = await apply();
      await call(emu, "ssl", "CancelCertificateOrder", { CertificateId: cancelled });
      const rejected = await apply();
      await emu.setFreeCertificateStatus(rejected, "rejected");
      const revoked = await issued();
      await emu.setFreeCertificateStatus(revoked, "revoked");
      expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: cancelled })).to.equal("FailedOperation.CannotBeDeletedWithinHour");
      await emu.advanceClock(HOUR);
      for (const id of [cancelled, rejected, revoked]) expect((await call(emu, "ssl", "DeleteCertificate", { CertificateId: id })).DeleteResult).to.equal(true);
      expect((await emu.state()).freeCertificates).to.deep.equal([]);
    });

    it("refuses to delete a certificate whose renewal has not issued (RenewNotIssued), and deletes it once the renewal has", async () => {
      const old = await issued();
      await emu.ageFreeCertificates(70 * DAY);
      const renewal = await apply({ DomainName: "ready.example.com", ...ECC, OldCertificateId: old });
      expect(await errorCode(emu, "ssl", "DeleteCertificate", { CertificateId: old })).to.equal("FailedOperation.RenewNotIssued");
      await call(emu, "ssl", "CompleteCertificate", { CertificateId: renewal });
      expect((await call(emu, "ssl", "DeleteCertificate", { CertificateId: old })).DeleteResult).to.equal(true);
    });
  });

  describe("renewal relations", () => {
    it("OldCertificateId links both ways in DescribeCertificate, DescribeCertificateDetail and DescribeCertificates", async () => {
      const old = await issued();
      await emu.ageFreeCertificates(70 * DAY);
      const renewal = await apply({ DomainName: "ready.example.com", ...ECC, OldCertificateId: old });
      expect((await describe1(renewal)).CertificateExtra).to.include({ OriginCertificateId: old, RenewOrder: null, ReplacedBy: null, ReplacedFor: null });
      expect((await call(emu, "ssl", "DescribeCertificateDetail", { CertificateId: old })).CertificateExtra).to.include({ RenewOrder: renewal, OriginCertificateId: null });
      const rows = await listed();
      expect(rows.find((c) => c.CertificateId === old)).to.include({ HasRenewOrder: renewal });
      expect(rows.find((c) => c.CertificateId === old).CertificateExtra.RenewOrder).to.equal(renewal);
      expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.OrderAlreadyReplaced");
      expect((await describe1(old)).RenewAble).to.equal(false);
    });

    it("a renewal cancelled or deleted leaves the certificate free to renew again", async () => {
      const old = await issued();
      await emu.ageFreeCertificates(70 * DAY);
      const first = await apply({ DomainName: "ready.example.com", ...ECC, OldCertificateId: old });
      await call(emu, "ssl", "CancelCertificateOrder", { CertificateId: first });
      const second = await apply({ DomainName: "ready.example.com", ...ECC, OldCertificateId: old });
      expect((await describe1(old)).CertificateExtra.RenewOrder).to.equal(second);
      await emu.advanceClock(HOUR);
      await call(emu, "ssl", "DeleteCertificate", { CertificateId: second });
      expect((await describe1(old)).CertificateExtra.RenewOrder).to.equal(null);
      expect(await apply({ DomainName: "ready.example.com", ...ECC, OldCertificateId: old })).to.be.a("string");
    });

    it("refuses to renew a revoked certificate (InvalidCertificateStatusCode)", async () => {
      const old = await issued();
      await emu.ageFreeCertificates(70 * DAY);
      await emu.setFreeCertificateStatus(old, "revoked");
      expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.InvalidCertificateStatusCode");
    });

    it("a renewal whose answer is lost (phase after, drop) is applied: found by SearchKey and RenewOrder, and a retry is refused", async () => {
      const old = await issued({ Alias: "site-cert" });
      await emu.ageFreeCertificates(70 * DAY);
      await emu.faults([{ service: "ssl", action: "ApplyCertificate", phase: "after", drop: true, count: 1 }]);
      const lost = await rawCall(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old, Alias: "site-cert" })
        .then(() => "answered", (e: NodeJS.ErrnoException) => e.code);
      expect(lost).to.be.oneOf(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET"]);
      const renewal = (await describe1(old)).CertificateExtra.RenewOrder;
      expect(renewal).to.be.a("string");
      expect((await listed({ SearchKey: "SITE-cert" })).map((c) => c.CertificateId)).to.deep.equal([renewal, old]);
      expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.OrderAlreadyReplaced");
    });
  });

  describe("made in the SSL console", () => {
    it("a console renewal is an application renewing the certificate, by the same rules", async () => {
      const old = await issued();
      expect(await failure(() => emu.renewFreeCertificate(old))).to.include("can be renewed only within 30 days");
      await emu.ageFreeCertificates(70 * DAY);
      const since = (await emu.requests()).at(-1)!.seq;
      const renewal = await emu.renewFreeCertificate(old);
      expect(await emu.requests(since)).to.deep.equal([]); // out of band: no API request
      expect(await describe1(renewal)).to.include({ Domain: "ready.example.com", Status: 0, Alias: `${old}的自动续费证书` });
      expect((await listed({ SearchKey: old })).map((c) => c.CertificateId)).to.deep.equal([renewal, old]); // found by the old id, through its alias
      expect((await describe1(renewal)).CertificateExtra.OriginCertificateId).to.equal(old);
      expect((await describe1(old)).CertificateExtra.RenewOrder).to.equal(renewal);
      expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: old })).to.equal("FailedOperation.OrderAlreadyReplaced");
    });

    it("a console reissue: ReplacedBy on the reissue, ReplacedFor and reissuing (11) on the original until the reissue issues", async () => {
      const original = await issued();
      const reissue = await emu.reissueFreeCertificate(original);
      expect((await describe1(reissue)).CertificateExtra).to.include({ ReplacedBy: original, ReplacedFor: null });
      expect(await describe1(original)).to.deep.include({ Status: 11 });
      expect((await describe1(original)).CertificateExtra.ReplacedFor).to.equal(reissue);
      await call(emu, "ssl", "CompleteCertificate", { CertificateId: reissue }); // ready.example.com's record is published
      expect((await describe1(reissue)).Status).to.equal(1);
      expect((await describe1(original)).Status).to.equal(1);
      expect(await failure(() => emu.reissueFreeCertificate(original))).to.include(`was reissued as ${reissue} already`);
      await emu.ageFreeCertificates(70 * DAY);
      expect(await errorCode(emu, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "ready.example.com", OldCertificateId: original })).to.equal("FailedOperation.OrderAlreadyReplaced");
    });
  });

  describe("DescribeCertificates searches as the spec says", () => {
    it("SearchKey matches the id, the alias and the domain, in any case; CertIds and CertificateStatus filter", async () => {
      const a = await apply({ DomainName: "shop.example.com", Alias: "Storefront" });
      const b = await apply({ DomainName: "api.example.org" });
      const ids = async (params: object) => (await listed(params)).map((c) => c.CertificateId);
      expect(await ids({ SearchKey: "storefront" })).to.deep.equal([a]);
      expect(await ids({ SearchKey: "EXAMPLE.ORG" })).to.deep.equal([b]);
      expect(await ids({ SearchKey: b.slice(2, 7) })).to.deep.equal([b]);
      expect(await ids({ SearchKey: "nothing-like-it" })).to.deep.equal([]);
      expect(await ids({ CertIds: [a] })).to.deep.equal([a]);
      await emu.setFreeCertificateStatus(a, "rejected");
      expect(await ids({ CertificateStatus: [2] })).to.deep.equal([a]);
      expect(await ids({ CertificateStatus: [0] })).to.deep.equal([b]);
    });
  });

  describe("the account's quota", () => {
    it("answers ExceedsFreeLimit beyond the account's limit and MainDomainCertificateCountLimit beyond one main domain's", async () => {
      const small = await startEmulator({ freeCertificates: { limit: 3, perMainDomain: 2 } });
      try {
        const applyOn = (domain: string) => rawCall(small, "ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: domain }).then((r) => r.json.Response);
        const first = (await applyOn("a.example.com")).CertificateId;
        await applyOn("b.example.com");
        expect((await applyOn("c.example.com")).Error.Code).to.equal("FailedOperation.MainDomainCertificateCountLimit");
        await applyOn("a.example.org");
        expect((await applyOn("b.example.org")).Error.Code).to.equal("FailedOperation.ExceedsFreeLimit");
        await small.advanceClock(HOUR);
        await call(small, "ssl", "DeleteCertificate", { CertificateId: first });
        expect((await applyOn("b.example.org")).CertificateId).to.be.a("string");
      } finally {
        await small.stop();
      }
    });
  });
});
