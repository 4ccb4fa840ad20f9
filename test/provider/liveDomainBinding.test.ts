// LiveDomainBinding handlers against the emulator, following docs/product/live-certificates.md step by step: bind several
// playback domains, take over from another certificate (logged), keep the HTTPS state with the
// toggle off, reject or report a mismatched domain, the view outputs, update, refresh drift,
// import, and delete (only domains still bound to this certificate lose HTTPS).
import { expect } from "chai";
import { PartialStateError } from "../../provider/runtime/partialState";
import { UNKNOWN } from "../../provider/unknown";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const PROVIDER = "seam-text";
const P1 = "play1.live.example.com";
const P2 = "play2.live.example.com";
const P3 = "play3.live.example.com";
const PUSH = "push.live.example.com";
const OTHER = "play.other.org";

describe("LiveDomainBinding (provider against the emulator)", function () {
  let env: ProviderEnv;
  const liveCertificateHandlers = handlersOf(() => env, "liveCertificate");
  const h = handlersOf(() => env, "liveDomainBinding");
  let chain: TestChain;
  let certificateId: string;
  let certOuts: Record<string, any>;

  before(async function () {
    chain = makeChain({ domains: ["live.example.com", "*.live.example.com"] });
    const hosted = makeChain({ domains: ["*.live.example.com", "play.other.org"], keySet: 1 });
    env = await startProviderEnv({
      seed: {
        liveDomains: [
          { name: P1, type: 1 }, { name: P2, type: 1 }, { name: P3, type: 1 }, { name: PUSH, type: 0 }, { name: OTHER, type: 1 },
        ],
        sslCertificates: [{ id: "hosted01", certificate: hosted.certificate, from: "trustasia", alias: "free cert" }],
      },
    });
    const created = await liveCertificateHandlers.create({ certificate: chain.certificate, privateKey: chain.privateKey, alias: "prod live", __provider: PROVIDER });
    certificateId = created.id;
    certOuts = created.outs;
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => {
    env.clearLogs();
    for (const d of [P1, P2, P3, OTHER]) await env.emulator.editLiveBinding(d, null);
  });

  const args = (extra: Record<string, unknown> = {}) => ({ certificateId: certificateId, domains: [P1, P2], __provider: PROVIDER, ...extra });
  const logText = () => env.logs.map((l) => l.line).join("\n");

  async function bindingOf(domain: string) {
    const state = await env.emulator.state();
    const rows: any[] = JSON.parse(JSON.stringify(state)).live?.bindings ?? [];
    return Array.isArray(rows) ? rows.find((r) => r.domain === domain || r.DomainName === domain) : (rows as any)[domain];
  }

  describe("check", function () {
    it("asks once for the domains (case variants are one domain) and once for the certificate", async function () {
      const since = (await env.emulator.requests()).length;
      const res = await h.check({}, args({ domains: [P1, P1.toUpperCase(), `${P2}.`] }));
      expect(res.failures).to.deep.equal([]);
      const actions = (await env.emulator.requests(since)).map((r) => r.action).sort();
      // The account's 5 domains fit one DescribeLiveDomains page, shared by both domains (issue 15).
      expect(actions).to.deep.equal(["DescribeCertificateDetail", "DescribeLiveDomains"]);
    });

    it("rejects a missing domain, a push domain and a domain the certificate does not cover", async function () {
      const res = await h.check({}, args({ domains: [P1, "nosuch.live.example.com", PUSH, OTHER] }));
      const byProperty = Object.fromEntries(res.failures!.map((f) => [f.property, f.reason]));
      expect(Object.keys(byProperty).sort()).to.deep.equal(["domains[1]", "domains[2]", "domains[3]"]);
      expect(byProperty["domains[1]"]).to.match(/nosuch\.live\.example\.com does not exist in CSS/);
      expect(byProperty["domains[2]"]).to.match(/push domain/);
      expect(byProperty["domains[3]"]).to.match(new RegExp(`${OTHER} is not covered by certificate ${certificateId}`));
    });

    it("skips certificate checks when certificateId is unknown at preview, and never writes", async function () {
      const since = (await env.emulator.requests()).length;
      const res = await h.check({}, args({ certificateId: UNKNOWN, domains: [P1, OTHER] }));
      expect(res.failures).to.deep.equal([]);
      const actions = (await env.emulator.requests(since)).map((r) => r.action);
      expect(actions).to.not.include("DescribeCertificateDetail");
      expect(actions.every((a) => a.startsWith("Describe"))).to.equal(true);
      expect((await h.check({}, args({ domains: UNKNOWN }))).failures).to.deep.equal([]);
    });

    it("answers a wrong type and an unknown argument with a sentence naming it, before any API call", async function () {
      const since = (await env.emulator.requests()).length;
      const wrongType = await h.check({}, args({ enableHttps: "yes" }));
      expect(wrongType.failures).to.deep.equal([{ property: "enableHttps", reason: "enableHttps must be true or false." }]);
      const typo = await h.check({}, { certificateId: certificateId, domain: [P1], __provider: PROVIDER });
      expect(typo.failures).to.deep.include({
        property: "(arguments)",
        reason: "Unknown argument(s) domain: LiveDomainBinding takes certificateId, domains and optionally enableHttps.",
      });
      expect(typo.failures).to.deep.include({ property: "domains", reason: "domains is required: the CSS playback domains to bind, such as [\"play.example.com\"]." });
      const notAList = await h.check({}, args({ domains: P1 }));
      expect(notAList.failures).to.deep.equal([{ property: "domains", reason: "domains must be a list of CSS playback domains, such as [\"play.example.com\"]." }]);
      expect(await env.emulator.requests(since)).to.have.length(0);
    });

    it("rejects a certificateId that is not an SSL certificate id with a sentence, before any API call", async function () {
      const since = (await env.emulator.requests()).length;
      const bad = await h.check({}, args({ certificateId: "bad id/../x" }));
      expect(bad.failures).to.deep.equal([{ property: "certificateId", reason: "certificateId must be the id of a certificate in SSL Certificate Management, such as \"0VpOXiPz\"." }]);
      const missing = await h.check({}, { domains: [P1], __provider: PROVIDER });
      expect(missing.failures).to.deep.equal([{ property: "certificateId", reason: "certificateId is required: the id of the SSL certificate to bind, usually liveCertificate.certificateId." }]);
      expect((await h.check({}, args({ certificateId: "" }))).failures!.map((f) => f.property)).to.deep.equal(["certificateId"]);
      expect(await env.emulator.requests(since)).to.have.length(0);
    });

    it("rejects an empty domain list and a malformed domain before any API call", async function () {
      const since = (await env.emulator.requests()).length;
      expect((await h.check({}, args({ domains: [] }))).failures![0].property).to.equal("domains");
      expect((await h.check({}, args({ domains: ["not a domain"] }))).failures![0].property).to.equal("domains[0]");
      expect(await env.emulator.requests(since)).to.have.length(0);
    });
  });

  describe("configure, view, update, delete", function () {
    it("binds several domains with HTTPS on and outputs the console's view", async function () {
      const since = (await env.emulator.requests()).length;
      const { id, outs } = await h.create(args({ domains: [P2, P1.toUpperCase()] }));
      expect(id).to.equal(`${P1},${P2}`);
      const modify = (await env.emulator.writes(since)).filter((w) => w.action === "ModifyLiveDomainCertBindings");
      expect(modify).to.have.length(1);
      expect(modify[0].params.DomainInfos).to.deep.equal([{ DomainName: P1, Status: 1 }, { DomainName: P2, Status: 1 }]);
      expect(outs).to.deep.include({ certificateId: certificateId, domains: [P1, P2], enableHttps: true });
      expect(outs.bindings).to.deep.equal([P1, P2].map((domain) => ({
        domain, httpsEnabled: true, certificateId: certificateId, alias: "prod live", source: "self-owned", expiresAt: outs.bindings[0].expiresAt,
      })));
      // Second precision: the API reports expiry as "YYYY-MM-DD hh:mm:ss" UTC+8.
      expect(outs.bindings[0].expiresAt.slice(0, 19)).to.equal(certOuts.expiresAt.slice(0, 19));
    });

    it("diffs order, case and trailing dots as no change; domains and certificate as in-place updates", async function () {
      const olds = { certificateId: certificateId, domains: [P1, P2], enableHttps: true, bindings: [] };
      expect((await h.diff("x", olds, args({ domains: [`${P2.toUpperCase()}.`, P1] }))).changes).to.equal(false);
      expect(await h.diff("x", olds, args({ domains: [P1, P2, P3] }))).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      expect(await h.diff("x", olds, args({ certificateId: "hosted01" }))).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      expect((await h.diff("x", olds, args({ enableHttps: false }))).changes).to.equal(true);
      expect((await h.diff("x", olds, args({ enableHttps: true }))).changes).to.equal(false);
      expect((await h.diff("x", olds, args({ certificateId: UNKNOWN }))).changes).to.equal(true);
    });

    it("updates: adds and removes domains (the removed one is unbound) and rebinds to another certificate", async function () {
      const { id, outs } = await h.create(args());
      const added = await h.update(id, outs, args({ domains: [P2, P3] }));
      expect(added.outs.domains).to.deep.equal([P2, P3]);
      expect((await h.read(id, { ...outs, domains: [P1] })).id).to.equal(undefined); // P1 unbound: gone for it
      const moved = await h.update(id, added.outs, args({ certificateId: "hosted01", domains: [P2, P3] }));
      expect(moved.outs).to.deep.include({ certificateId: "hosted01", domains: [P2, P3] });
      expect(moved.outs.bindings.map((b: any) => [b.domain, b.certificateId, b.source, b.alias])).to.deep.equal([
        [P2, "hosted01", "hosted", "free cert"], [P3, "hosted01", "hosted", "free cert"],
      ]);
    });

    it("deletes: unbinds domains still bound to this certificate, leaves one rebound elsewhere", async function () {
      const { id, outs } = await h.create(args({ domains: [P1, P2, P3] }));
      await env.emulator.editLiveBinding(P3, { cloudCertId: "hosted01", status: 1 });
      const since = (await env.emulator.requests()).length;
      await h.delete(id, outs);
      const unbinds = (await env.emulator.writes(since)).filter((w) => w.action === "UnBindLiveDomainCert").map((w) => w.params.DomainName);
      expect(unbinds.sort()).to.deep.equal([P1, P2]);
      expect(logText()).to.match(new RegExp(`${P3} is bound to another certificate \\(hosted01\\)`));
      const after = await h.read(id, {}); // import view of the same domains: only P3, on hosted01
      expect(after.props).to.deep.include({ certificateId: "hosted01", domains: [P3] });
      await h.delete(id, outs); // nothing of ours left: success, no error
    });
  });

  describe("takeover and the HTTPS toggle", function () {
    it("moves a domain bound to another certificate, and says so in the log", async function () {
      await env.emulator.editLiveBinding(P1, { cloudCertId: "hosted01", status: 1 });
      const { outs } = await h.create(args());
      expect(outs.bindings.map((b: any) => b.certificateId)).to.deep.equal([certificateId, certificateId]);
      expect(logText()).to.include(`live domain ${P1} moves from certificate hosted01 ("free cert") to ${certificateId}`);
    });

    it("with enableHttps false updates only the certificate: HTTPS off stays off, on stays on", async function () {
      await env.emulator.editLiveBinding(P1, { cloudCertId: "hosted01", status: 0 });
      await env.emulator.editLiveBinding(P2, { cloudCertId: "hosted01", status: 1 });
      const since = (await env.emulator.requests()).length;
      const { outs } = await h.create(args({ enableHttps: false }));
      const modify = (await env.emulator.writes(since)).find((w) => w.action === "ModifyLiveDomainCertBindings")!;
      expect(modify.params.DomainInfos.map((i: any) => i.Status)).to.deep.equal([-1, -1]);
      expect(outs.enableHttps).to.equal(false);
      expect(outs.bindings.map((b: any) => [b.domain, b.certificateId, b.httpsEnabled])).to.deep.equal([[P1, certificateId, false], [P2, certificateId, true]]);
    });
  });

  describe("per-domain failures", function () {
    it("reports a mismatched domain per domain when the certificate was not known at check", async function () {
      let error: any;
      await h.create(args({ domains: [P1, OTHER] })).catch((e) => { error = e; });
      expect(error).to.be.instanceOf(PartialStateError);
      expect(error.message).to.match(new RegExp(`Could not bind 1 of 2 live domain\\(s\\) to certificate ${certificateId}: ${OTHER.replace(/\./g, "\\.")}: `));
      expect(error.message).to.match(/The other domains are bound/);
      // The host records what is really bound, so the next `up` diffs against it and completes.
      expect(error.id).to.equal(`${OTHER},${P1}`); // sorted: stable across reorderings
      expect(error.properties).to.deep.include({ certificateId: certificateId, domains: [P1], __provider: PROVIDER });
      expect(error.reasons).to.have.length(1);
      const next = await h.diff(error.id, error.properties, args({ domains: [P1, P3] }));
      expect(next.changes).to.equal(true);
      const fixed = await h.update(error.id, error.properties, args({ domains: [P1, P3] }));
      expect(fixed.outs.domains).to.deep.equal([P1, P3]);
    });

    it("fails a create that bound nothing with a plain error (nothing recorded)", async function () {
      const error = await h.create(args({ domains: [OTHER] })).catch((e) => e);
      expect(error).to.be.instanceOf(Error).and.not.instanceOf(PartialStateError);
      expect(error.message).to.include(OTHER);
    });
  });

  describe("refresh and import", function () {
    it("shows a domain rebound elsewhere and HTTPS turned off elsewhere as drift", async function () {
      const { id, outs } = await h.create(args({ domains: [P1, P2, P3] }));
      await env.emulator.editLiveBinding(P1, { cloudCertId: "hosted01", status: 1 });
      await env.emulator.editLiveBinding(P2, { status: 0 });
      const r = await h.read(id, outs);
      expect(r.id).to.equal(id);
      expect(r.props).to.deep.include({ domains: [P2, P3], enableHttps: false });
      expect(r.inputs).to.deep.equal({ certificateId: certificateId, domains: [P2, P3], enableHttps: false });
      expect(r.props!.bindings.find((b: any) => b.domain === P1)).to.include({ certificateId: "hosted01" });
      const d = await h.diff(id, r.props!, args({ domains: [P1, P2, P3] }));
      expect(d.changes).to.equal(true);
      const repaired = await h.update(id, r.props!, args({ domains: [P1, P2, P3] }));
      expect(repaired.outs).to.deep.include({ domains: [P1, P2, P3], enableHttps: true });
    });

    it("is gone when every domain was unbound", async function () {
      const { id, outs } = await h.create(args());
      await env.emulator.editLiveBinding(P1, null);
      await env.emulator.editLiveBinding(P2, null);
      expect(await h.read(id, outs)).to.deep.equal({});
    });

    it("imports a comma-separated domain list", async function () {
      await h.create(args());
      const r = await h.read(` ${P2.toUpperCase()},${P1} `, {});
      expect(r.props).to.deep.include({ certificateId: certificateId, domains: [P1, P2], enableHttps: true });
      expect(r.inputs).to.deep.equal({ certificateId: certificateId, domains: [P1, P2], enableHttps: true });
      await env.emulator.editLiveBinding(P2, { cloudCertId: "hosted01", status: 1 });
      const mixed = await h.read(`${P1},${P2}`, {}).catch((e) => e);
      expect(mixed.message).to.match(/bound to different certificates/);
      expect(await h.read("play9.live.example.com", {})).to.deep.equal({});
    });
  });
});
