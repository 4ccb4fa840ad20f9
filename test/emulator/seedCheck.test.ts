// Seeds and admin bodies are checked before anything is applied: a misspelled key at any depth, or a
// value outside an enumeration, fails with a sentence that names where it is and lists what is
// accepted, every problem of the seed at once (issue 29).
import { expect } from "chai";
import { startEmulator, EmulatorHandle, EmulatorSeed } from "../../emulator";
import { failureOf } from "./rawApi";

const seedError = (seed: unknown) => failureOf(async () => (await startEmulator({ seed: seed as EmulatorSeed })).stop());
const adminError = failureOf;

describe("emulator: seeds and admin bodies are checked", () => {
  it("a misspelled top-level key lists the accepted keys", async () => {
    expect(await seedError({ cdnDomain: [] })).to.equal(
      'seed: unknown key "cdnDomain"; the accepted keys are accounts, cdnDomains, credentials, freeCertificates, liveDomains, sslCertificates, validationRecordsPresent.',
    );
  });

  it("a misspelled key in an entry, a nested block or an account names its place and the accepted keys", async () => {
    expect(await seedError({ cdnDomains: [{ domian: "a.example.com" }] })).to.include(
      'seed.cdnDomains[0]: unknown key "domian"; the accepted keys are domain, status, originType, serviceType, https, forceRedirect.',
    );
    const nested = await seedError({ cdnDomains: [{ domain: "a.example.com", https: { Switch: "on", CertInfo: { CertID: "x" } } }] });
    expect(nested).to.match(/^seed\.cdnDomains\[0\]\.https\.CertInfo: unknown key "CertID"; the accepted keys are CertId, /);
    expect(await seedError({ sslCertificates: [{ id: "a", certificate: "x", tags: [{ Key: "k", TagValue: "v" }] }] })).to.include(
      'seed.sslCertificates[0].tags[0]: unknown key "Key"; the accepted keys are TagKey, TagValue.',
    );
    expect(await seedError({ accounts: [{ uin: "200000000002", liveDomain: [] }] })).to.include('seed.accounts[0]: unknown key "liveDomain"; the accepted keys are uin, ');
  });

  it("a value outside an enumeration lists the valid values", async () => {
    expect(await seedError({ cdnDomains: [{ domain: "a.example.com", status: "bogus" }] })).to.equal(
      'seed.cdnDomains[0].status: "bogus" is not one of rejected, processing, closing, online, offline.',
    );
    expect(await seedError({ liveDomains: [{ name: "p.example.com", type: 2 }] })).to.equal("seed.liveDomains[0].type: 2 is not one of 0, 1.");
    expect(await seedError({ freeCertificates: [{ id: "f", domain: "a.example.com", keyAlgorithm: "DSA" }] })).to.equal(
      'seed.freeCertificates[0].keyAlgorithm: "DSA" is not one of RSA, ECC.',
    );
  });

  it("reports every problem of a seed at once, a missing member too", async () => {
    const message = await seedError({ cdnDomain: [], liveDomains: [{ type: 1 }, { name: "p.example.com", type: 7 }] });
    expect(message.split("\n")).to.deep.equal([
      'seed: unknown key "cdnDomain"; the accepted keys are accounts, cdnDomains, credentials, freeCertificates, liveDomains, sslCertificates, validationRecordsPresent.',
      "seed.liveDomains[0]: name is missing.",
      "seed.liveDomains[1].type: 7 is not one of 0, 1.",
    ]);
  });

  describe("admin routes", () => {
    let emu: EmulatorHandle;
    before(async () => { emu = await startEmulator({ seed: { cdnDomains: [{ domain: "www.example.com" }], liveDomains: [{ name: "play.example.com", type: 1 }] } }); });
    after(() => emu.stop());

    it("POST /_emulator/seed refuses a bad seed whole: nothing of it is applied", async () => {
      const message = await adminError(() => emu.seed({ liveDomains: [{ name: "new.example.com", type: 1 }], cdnDomain: [] } as EmulatorSeed));
      expect(message).to.include('unknown key "cdnDomain"; the accepted keys are');
      expect((await emu.state()).liveDomains.map((d) => d.Name)).to.deep.equal(["play.example.com"]);
    });

    it("a console edit names the valid values and the accepted fields", async () => {
      expect(await adminError(() => emu.editCdnDomain("www.example.com", { status: "bogus" as never }))).to.include(
        'patch.status: "bogus" is not one of rejected, processing, closing, online, offline.',
      );
      expect(await adminError(() => emu.editLiveBinding("play.example.com", { stauts: 1 } as never))).to.include(
        'patch: unknown key "stauts"; the accepted keys are cloudCertId, status.',
      );
      expect(await adminError(() => emu.editSslCertificate("nope", { name: "x" } as never))).to.include('patch: unknown key "name"; the accepted keys are alias.');
    });

    it("a fault lists its accepted fields and the valid phases", async () => {
      expect(await adminError(() => emu.faults([{ action: "DescribeDomains", drops: true } as never]))).to.include(
        'faults[0]: unknown key "drops"; the accepted keys are service, action, code, httpStatus, drop, latencyMs, probability, count, phase, message.',
      );
      expect(await adminError(() => emu.faults([{ phase: "during" } as never]))).to.include('faults[0].phase: "during" is not one of before, after.');
    });
  });
});
