// LiveCertificate handlers against the emulator: self-owned (uploaded) and hosted configuration,
// diff (alias in place, new material or a new chain replaced create-before-delete), alias as
// the certificate's name in the SSL console (renamed, drift on refresh, shown by the bindings),
// import, delete refused while bound, no duplicate upload on a retry, a certificate already in SSL
// Certificate Management adopted and left there (and not renamed), argument errors as sentences,
// and no key material anywhere.
import { expect } from "chai";
import { UNKNOWN } from "../../provider/unknown";
import { makeChain, otherKey, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const PROVIDER = "seam-text";

describe("LiveCertificate (provider against the emulator)", function () {
  let env: ProviderEnv;
  const h = handlersOf(() => env, "liveCertificate");
  const liveDomainBindingHandlers = handlersOf(() => env, "liveDomainBinding");
  let chain: TestChain;
  let hostedChain: TestChain;
  let expiredChain: TestChain;
  let consoleChain: TestChain;

  before(async function () {
    chain = makeChain({ domains: ["live.example.com", "*.live.example.com"] });
    hostedChain = makeChain({ domains: ["*.hosted.example.com"] });
    expiredChain = makeChain({ domains: ["old.example.com"], notBefore: new Date(Date.now() - 100 * 86400_000), notAfter: new Date(Date.now() - 86400_000) });
    consoleChain = makeChain({ domains: ["console.live.example.com"] });
    env = await startProviderEnv({
      seed: {
        liveDomains: [{ name: "play1.live.example.com", type: 1 }, { name: "play2.live.example.com", type: 1 }],
        sslCertificates: [
          { id: "hosted01", certificate: hostedChain.certificate, from: "trustasia", alias: "free cert" },
          { id: "expired1", certificate: expiredChain.certificate, from: "trustasia", status: 3 },
          // The same material as a self-owned LiveCertificate below, uploaded earlier in the console.
          { id: "console1", certificate: consoleChain.certificate, privateKey: consoleChain.privateKey, from: "upload", alias: "console upload" },
        ],
      },
    });
  });
  after(async () => { await env?.stop(); });
  beforeEach(() => env.clearLogs());

  const selfOwned = (extra: Record<string, unknown> = {}) =>
    ({ certificate: chain.certificate, privateKey: chain.privateKey, alias: "prod live", __provider: PROVIDER, ...extra });

  function expectNoKeyMaterial(text: string) {
    const keyBody = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"))[1];
    expect(text).to.not.include(keyBody);
    expect(text).to.not.include("PRIVATE KEY-----\n");
  }

  describe("check", function () {
    it("accepts a valid self-owned pair without asking the API", async function () {
      const since = (await env.emulator.requests()).length;
      const res = await h.check({}, selfOwned());
      expect(res.failures).to.deep.equal([]);
      expect(res.inputs).to.deep.equal(selfOwned()); // inputs kept as given, __provider included
      expect(await env.emulator.requests(since)).to.have.length(0);
    });

    it("rejects a key that does not belong to the certificate, without echoing the key", async function () {
      const res = await h.check({}, selfOwned({ privateKey: otherKey() }));
      expect(res.failures).to.have.length.greaterThan(0);
      expectNoKeyMaterial(JSON.stringify(res.failures));
    });

    it("asks for exactly one form", async function () {
      const both = await h.check({}, { ...selfOwned(), certificateId: "hosted01" });
      expect(both.failures!.map((f) => f.property)).to.deep.equal(["certificateId"]);
      expect(both.failures![0].reason).to.match(/not both/);
      const neither = await h.check({}, { alias: "x", __provider: PROVIDER });
      expect(neither.failures!.map((f) => f.property)).to.deep.equal(["certificate"]);
      const noKey = await h.check({}, { certificate: chain.certificate, __provider: PROVIDER });
      expect(noKey.failures!.map((f) => f.property)).to.deep.equal(["privateKey"]);
    });

    it("checks a hosted id once: exists, valid, not expired", async function () {
      const since = (await env.emulator.requests()).length;
      expect((await h.check({}, { certificateId: "hosted01", __provider: PROVIDER })).failures).to.deep.equal([]);
      const calls = await env.emulator.requests(since);
      expect(calls.map((c) => c.action)).to.deep.equal(["DescribeCertificateDetail"]);
      const missing = await h.check({}, { certificateId: "nosuch01", __provider: PROVIDER });
      expect(missing.failures![0]).to.include({ property: "certificateId" });
      expect(missing.failures![0].reason).to.match(/nosuch01 does not exist/);
      const expired = await h.check({}, { certificateId: "expired1", __provider: PROVIDER });
      expect(expired.failures![0].reason).to.match(/expired1.*expired/);
    });

    it("answers a wrong type and an unknown argument with a sentence naming it, without asking the API", async function () {
      const since = (await env.emulator.requests()).length;
      const wrongType = await h.check({}, selfOwned({ alias: 42 }));
      expect(wrongType.failures).to.deep.equal([{ property: "alias", reason: "alias must be a string (shown in the SSL console as the certificate's alias)." }]);
      const hostedWrongType = await h.check({}, { certificateId: ["hosted01"], __provider: PROVIDER });
      expect(hostedWrongType.failures!.map((f) => f.property)).to.deep.equal(["certificateId"]);
      expect(hostedWrongType.failures![0].reason).to.match(/^certificateId must be the id of a certificate in SSL Certificate Management.*\.$/);
      const typo = await h.check({}, { cloudCertID: "hosted01", __provider: PROVIDER });
      const unknown = typo.failures!.find((f) => /cloudCertID/.test(f.reason));
      expect(unknown).to.deep.equal({ property: "(arguments)", reason: "Unknown argument(s) cloudCertID: LiveCertificate takes certificate and privateKey (self-owned), or certificateId (hosted), and optionally alias." });
      expect(await env.emulator.requests(since)).to.have.length(0);
    });

    it("does not fail on values unknown at preview", async function () {
      expect((await h.check({}, { certificateId: UNKNOWN, __provider: PROVIDER })).failures).to.deep.equal([]);
      expect((await h.check({}, selfOwned({ certificate: UNKNOWN }))).failures).to.deep.equal([]);
    });
  });

  describe("self-owned lifecycle", function () {
    let id: string;
    let outs: Record<string, any>;

    it("uploads to SSL Certificate Management for LIVE, deduplicated, and outputs no key", async function () {
      const since = (await env.emulator.requests()).length;
      const created = await h.create(selfOwned());
      id = created.id;
      outs = created.outs;
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => w.action)).to.deep.equal(["UploadCertificate"]);
      expect(writes[0].params).to.include({ CertificateType: "SVR", CertificateUse: "LIVE", Repeatable: false, Alias: "prod live" });
      expectNoKeyMaterial(JSON.stringify(writes));
      expect(outs).to.deep.include({ certificateId: id, source: "self-owned", adopted: false, alias: "prod live", fingerprint: chain.fingerprintSha256 });
      expect(outs.dnsNames).to.have.members(["live.example.com", "*.live.example.com"]);
      expect(outs.expiresAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(outs).to.not.have.property("privateKey");
      expectNoKeyMaterial(JSON.stringify(outs));
      expectNoKeyMaterial(JSON.stringify(env.logs));
    });

    it("gets the same id back when the same material is configured again (no duplicate)", async function () {
      const again = await h.create(selfOwned());
      expect(again.id).to.equal(id);
    });

    it("diffs alias as in place, and new material or a new chain as a replacement (create before delete)", async function () {
      const same = await h.diff(id, outs, selfOwned({ certificate: chain.certificate.replace(/\n/g, "\r\n") + "\n\n" }));
      expect(same.changes).to.equal(false);
      const alias = await h.diff(id, outs, selfOwned({ alias: "renamed" }));
      expect(alias).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      const renewed = makeChain({ domains: ["live.example.com", "*.live.example.com"] });
      const material = await h.diff(id, outs, selfOwned({ certificate: renewed.certificate, privateKey: renewed.privateKey }));
      expect(material).to.deep.equal({ changes: true, replaces: ["certificate"], deleteBeforeReplace: false });
      const toHosted = await h.diff(id, outs, { certificateId: "hosted01", __provider: PROVIDER });
      expect(toHosted.replaces).to.deep.equal(["certificateId"]);
    });

    it("diffs the same leaf under other intermediates as a replacement; CRLF and whitespace of that chain are no change", async function () {
      const otherChain = chain.withReissuedIntermediate();
      const newChain = await h.diff(id, outs, selfOwned({ certificate: otherChain }));
      expect(newChain).to.deep.equal({ changes: true, replaces: ["certificate"], deleteBeforeReplace: false });
      const withRoot = await h.diff(id, outs, selfOwned({ certificate: chain.withRoot() }));
      expect(withRoot.replaces).to.deep.equal(["certificate"]);
      const crlf = await h.diff(id, outs, selfOwned({ certificate: `\n${chain.certificate.replace(/\n/g, "\r\n")}  \r\n` }));
      expect(crlf.changes).to.equal(false);
      // A state written before versions and chain fingerprints gets its chain's from the PEM it
      // recorded: the same chain is no change, the same leaf under other intermediates a replacement.
      const { chainFingerprint, __version, ...legacy } = outs;
      expect(chainFingerprint).to.be.a("string");
      expect(__version).to.equal(1);
      expect((await h.diff(id, legacy, selfOwned())).changes).to.equal(false);
      expect(await h.diff(id, legacy, selfOwned({ certificate: otherChain }))).to.deep.equal({ changes: true, replaces: ["certificate"], deleteBeforeReplace: false });
    });

    it("renames the certificate it uploaded in the SSL console when alias change", async function () {
      const since = (await env.emulator.requests()).length;
      const updated = await h.update(id, outs, selfOwned({ alias: "renamed" }));
      expect(updated.outs).to.deep.include({ certificateId: id, adopted: false, alias: "renamed", fingerprint: chain.fingerprintSha256 });
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => [w.action, w.params])).to.deep.equal([["ModifyCertificateAlias", { CertificateId: id, Alias: "renamed" }]]);
      const stored = (await env.emulator.state()).sslCertificates.find((c: any) => c.id === id);
      expect(stored!.alias).to.equal("renamed");
      outs = updated.outs;
    });

    it("shows a rename in the SSL console as drift on refresh, and in the bindings' alias column", async function () {
      const binding = await liveDomainBindingHandlers.create({ certificateId: id, domains: ["play1.live.example.com"], __provider: PROVIDER });
      expect(binding.outs.bindings.map((b: any) => b.alias)).to.deep.equal(["renamed"]);
      const remarksColumn = async () => (await liveDomainBindingHandlers.read(binding.id, binding.outs)).props!.bindings.map((b: any) => b.alias);
      await env.emulator.editSslCertificate(id, { alias: "renamed in the console" });
      const drifted = await h.read(id, outs);
      expect(drifted.props).to.deep.include({ alias: "renamed in the console" });
      expect(await remarksColumn()).to.deep.equal(["renamed in the console"]);
      // The next `up` puts the declared name back, and the bindings show it.
      expect(await h.diff(id, drifted.props!, selfOwned({ alias: "renamed" }))).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      const repaired = await h.update(id, drifted.props!, selfOwned({ alias: "renamed" }));
      expect(await remarksColumn()).to.deep.equal(["renamed"]);
      await liveDomainBindingHandlers.delete(binding.id, binding.outs);
      outs = repaired.outs;
    });

    it("refreshes from the API and imports by id", async function () {
      const refreshed = await h.read(id, outs);
      expect(refreshed.id).to.equal(id);
      expect(refreshed.props).to.deep.equal(outs); // adopted: false kept from state
      const imported = await h.read(id, {});
      // Import cannot know who uploaded it: adopted, so destroying the imported resource keeps it.
      expect(imported.props).to.deep.include({ certificateId: id, source: "self-owned", adopted: true, fingerprint: chain.fingerprintSha256 });
      expect(imported.inputs).to.deep.include({ alias: "renamed" });
      expect(imported.inputs!.certificate).to.include("BEGIN CERTIFICATE");
      expect(imported.inputs).to.not.have.property("privateKey");
      expect(await h.read("nosuch01", outs)).to.deep.equal({});
    });

    it("refuses to delete while another stack's bindings use it, naming the domains, without sending DeleteCertificate; then deletes; already gone is success", async function () {
      // Bound out of band: no resource of this program manages these domains. The API itself would
      // delete the certificate (DeleteCertificate checks nothing unless asked), so the provider looks first.
      await env.emulator.editLiveBinding("play2.live.example.com", { cloudCertId: id, status: 1 });
      await env.emulator.editLiveBinding("play1.live.example.com", { cloudCertId: id, status: 0 });
      const before = (await env.emulator.requests()).at(-1)?.seq ?? 0; // the request log is numbered across resets
      let error: Error | undefined;
      await h.delete(id, outs).catch((e) => { error = e; });
      expect(error?.message).to.match(new RegExp(`Cannot delete certificate ${id}: live domains play1.live.example.com, play2.live.example.com are still bound`));
      expect((await env.emulator.writes(before)).map((w) => w.action)).to.deep.equal([]);
      expect((await env.emulator.state()).sslCertificates.map((c) => c.id)).to.include(id);

      await env.emulator.editLiveBinding("play1.live.example.com", null);
      await env.emulator.editLiveBinding("play2.live.example.com", null);
      const since = (await env.emulator.requests()).length;
      await h.delete(id, outs);
      expect((await env.emulator.writes(since)).map((w) => w.action)).to.deep.equal(["DeleteCertificate"]);
      expect(await h.read(id, outs)).to.deep.equal({});
      await h.delete(id, outs); // already gone
    });
  });

  describe("hosted", function () {
    it("references the certificate without writing, and never deletes it", async function () {
      const since = (await env.emulator.requests()).length;
      const { id, outs } = await h.create({ certificateId: "hosted01", __provider: PROVIDER });
      expect(id).to.equal("hosted01");
      expect(outs).to.deep.include({ certificateId: "hosted01", source: "hosted", adopted: true, fingerprint: hostedChain.fingerprintSha256 });
      expect(outs.dnsNames).to.deep.equal(["*.hosted.example.com"]);
      expect(outs).to.not.have.property("certificate");
      const imported = await h.read("hosted01", {});
      expect(imported.props).to.deep.include({ source: "hosted", certificateId: "hosted01" });
      expect(imported.inputs).to.deep.include({ certificateId: "hosted01" });
      await h.delete(id, outs);
      expect(await env.emulator.writes(since)).to.have.length(0);
      expect(env.logs.map((l) => l.line).join("\n")).to.match(/hosted01 is hosted/);
    });
  });

  describe("material already in SSL Certificate Management", function () {
    it("adopts the existing certificate and leaves it there on delete", async function () {
      const args = { certificate: consoleChain.certificate, privateKey: consoleChain.privateKey, __provider: PROVIDER };
      const { id, outs } = await h.create(args);
      expect(id).to.equal("console1");
      expect(outs).to.deep.include({ certificateId: "console1", source: "self-owned", adopted: true, fingerprint: consoleChain.fingerprintSha256 });
      expect((await h.read(id, outs)).props).to.deep.equal(outs); // refresh keeps the flag

      // Someone else's certificate: alias change in state only, its console name stays.
      const since = (await env.emulator.requests()).length;
      const updated = await h.update(id, outs, { ...args, alias: "renamed" });
      expect(updated.outs).to.include({ adopted: true, alias: "renamed" });
      expect((await h.read(id, updated.outs)).props).to.deep.include({ alias: "renamed" });
      await h.delete(id, updated.outs);
      expect(await env.emulator.writes(since)).to.have.length(0);
      const state = await env.emulator.state();
      expect(state.sslCertificates.find((c: any) => c.id === "console1")).to.include({ alias: "console upload" });
      const logged = env.logs.map((l) => l.line).join("\n");
      expect(logged).to.match(/console1: alias updated in Pulumi state only; its name in the SSL console is left alone/);
      expect(logged).to.match(/console1 was already in SSL Certificate Management before this resource; it is left there/);
    });
  });

  describe("a new chain under the same leaf", function () {
    it("replaces with a new certificate holding the new chain, deletes the old one after, and makes no duplicate on a retry", async function () {
      const leaf = makeChain({ domains: ["chain.live.example.com"] });
      const chainA = leaf.certificate;
      const chainB = leaf.withReissuedIntermediate();
      const copies = async () => (await env.emulator.state()).sslCertificates.filter((c: any) => c.fingerprintSha256 === leaf.fingerprintSha256);
      const args = (certificate: string) => ({ certificate, privateKey: leaf.privateKey, alias: "chain", __provider: PROVIDER });

      const a = await h.create(args(chainA));
      expect(a.outs).to.include({ adopted: false });
      expect((await h.diff(a.id, a.outs, args(chainB))).replaces).to.deep.equal(["certificate"]);

      // The replacement: SSL answers the upload with A's id (same leaf), which holds chain A.
      const since = (await env.emulator.requests()).length;
      const b = await h.create(args(chainB));
      const uploads = (await env.emulator.writes(since)).filter((w) => w.action === "UploadCertificate");
      expect(uploads.map((w) => w.params.Repeatable)).to.deep.equal([false, true]);
      expect(b.id).to.not.equal(a.id);
      expect(b.outs).to.include({ certificateId: b.id, adopted: false, fingerprint: leaf.fingerprintSha256 });
      expect(b.outs.chainFingerprint).to.not.equal(a.outs.chainFingerprint);
      expect((await copies()).find((c: any) => c.id === b.id)!.certificate).to.equal(chainB);
      expect(env.logs.map((l) => l.line).join("\n")).to.include(`certificate ${a.id} in SSL Certificate Management has the same leaf but another chain; uploaded ours as ${b.id}`);

      await h.delete(a.id, a.outs); // the old one goes last
      expect((await copies()).map((c: any) => c.id)).to.deep.equal([b.id]);

      // Unchanged inputs: no change, and a create retried with them finds B instead of uploading again.
      expect((await h.diff(b.id, b.outs, args(chainB.replace(/\n/g, "\r\n")))).changes).to.equal(false);
      const retried = await h.create(args(chainB));
      expect(retried.id).to.equal(b.id);
      expect((await copies()).map((c: any) => c.id)).to.deep.equal([b.id]);
      await h.delete(b.id, b.outs);
      expect(await copies()).to.have.length(0);
    });
  });

  describe("retry after a lost answer", function () {
    it("does not upload a duplicate when the first upload succeeded but its answer was lost, and still owns it", async function () {
      const fresh = makeChain({ domains: ["retry.live.example.com"] });
      const since = (await env.emulator.requests()).length;
      await env.emulator.faults([{ service: "ssl", action: "UploadCertificate", drop: true, count: 1, phase: "after" }]);
      const first = await h.create({ certificate: fresh.certificate, privateKey: fresh.privateKey, __provider: PROVIDER });
      await env.emulator.faults([]);
      const uploads = (await env.emulator.requests(since)).filter((r) => r.action === "UploadCertificate");
      expect(uploads.length).to.equal(2); // the dropped answer really happened and the client retried
      const copies = (await env.emulator.state()).sslCertificates.filter((c: any) => c.fingerprintSha256 === fresh.fingerprintSha256);
      expect(copies.map((c: any) => c.id)).to.deep.equal([first.id]);
      // The retry's RepeatCertId names our own lost upload, not someone else's: not adopted, so
      // destroy deletes it and nothing is left behind.
      expect(first.outs).to.include({ adopted: false });
      await h.delete(first.id, first.outs);
      const left = (await env.emulator.state()).sslCertificates.filter((c: any) => c.fingerprintSha256 === fresh.fingerprintSha256);
      expect(left).to.have.length(0);
    });

    it("treats a RepeatCertId on the first attempt as someone else's certificate", async function () {
      const fresh = makeChain({ domains: ["again.live.example.com"] });
      const mine = await h.create({ certificate: fresh.certificate, privateKey: fresh.privateKey, __provider: PROVIDER });
      // A second stack (or an engine retry after a failed operation) declares the same material.
      const other = await h.create({ certificate: fresh.certificate, privateKey: fresh.privateKey, __provider: PROVIDER });
      expect(other.id).to.equal(mine.id);
      expect(mine.outs).to.include({ adopted: false });
      // Its answer cannot tell the owner apart, so it never deletes a certificate another stack may
      // rely on (an orphan after an engine-level retry is the price, named in the README).
      expect(other.outs).to.include({ adopted: true });
      await h.delete(mine.id, mine.outs);
    });
  });
});
