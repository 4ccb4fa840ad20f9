// CdnHttpsConfig handlers against the emulator: every documented rule rejected at check without a
// write, the create / update / read / delete flows and their ordering, drift, import, failures.
import { expect } from "chai";
import { UNKNOWN } from "../../provider/unknown";
import type { EmulatorSeed } from "../../emulator";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DOMAIN = "cdn.example.com";
const PROVIDER = "serialized-provider-text"; // check must hand __provider back untouched

describe("CdnHttpsConfig against the emulator", function () {
  let env: ProviderEnv;
  const h = handlersOf(() => env, "cdnHttpsConfig");
  let chain: TestChain;
  let rotated: TestChain;
  let hostedChain: TestChain;
  let expiredChain: TestChain;
  let otherNames: TestChain;

  function seed(): EmulatorSeed {
    return {
      cdnDomains: [
        { domain: DOMAIN, status: "online", originType: "domain" },
        { domain: "offline.example.com", status: "offline", originType: "domain" },
        { domain: "thirdparty.example.com", status: "online", originType: "third_party" },
        { domain: "cos.example.com", status: "online", originType: "cos" },
        { domain: "bucket-1250000000.file.myqcloud.com", status: "online", originType: "cos" },
        { domain: "old.qcloudcdn.com", status: "online", originType: "domain" },
      ],
      sslCertificates: [
        { id: "hosted01", certificate: hostedChain.certificate, privateKey: hostedChain.privateKey, from: "trustasia", status: 1 },
        { id: "expired1", certificate: expiredChain.certificate, privateKey: expiredChain.privateKey, from: "trustasia", status: 3 },
        { id: "othernm1", certificate: otherNames.certificate, privateKey: otherNames.privateKey, from: "trustasia", status: 1 },
      ],
    };
  }

  before(async function () {
    chain = makeChain({ domains: [DOMAIN, "*.example.com"] });
    rotated = makeChain({ domains: ["*.example.com"], keySet: 1 });
    hostedChain = makeChain({ domains: ["*.example.com"], keySet: 2 });
    expiredChain = makeChain({ domains: ["*.example.com"], notBefore: new Date(Date.now() - 100 * 86400e3), notAfter: new Date(Date.now() - 86400e3) });
    otherNames = makeChain({ domains: ["other.test"] });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 20 });
  });
  after(async function () { await env?.stop(); });
  beforeEach(async function () {
    await env.emulator.faults([]);
    await env.emulator.reset(seed());
    env.clearLogs();
  });

  const lastSeq = async () => (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
  const selfOwned = (extra: Record<string, unknown> = {}) =>
    ({ domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __provider: PROVIDER, ...extra });
  const hosted = (extra: Record<string, unknown> = {}) => ({ domain: DOMAIN, certificateId: "hosted01", __provider: PROVIDER, ...extra });
  const domainState = async (d = DOMAIN) => {
    const state = await env.emulator.state();
    const list: any[] = state.cdnDomains;
    return list.find((x: any) => (x.Domain ?? x.domain) === d);
  };
  const httpsWrites = (writes: any[]) => writes.filter((w) => w.action === "UpdateDomainConfig");

  describe("check: each documented rule, rejected with its sentence and no write", function () {
    async function rejects(news: Record<string, unknown>, property: string, ...fragments: string[]) {
      const since = await lastSeq();
      const { inputs, failures } = await h.check({}, news);
      expect(inputs).to.deep.equal(news);
      const failure = failures!.find((f) => f.property === property);
      expect(failure, JSON.stringify(failures)).to.not.equal(undefined);
      for (const f of fragments) expect(failure!.reason).to.contain(f);
      expect(await env.emulator.writes(since)).to.deep.equal([]);
      return since;
    }

    it("accepts a valid self-owned and a valid hosted configuration", async function () {
      expect((await h.check({}, selfOwned({ forceRedirect: { statusCode: 301 } }))).failures).to.deep.equal([]);
      expect((await h.check({}, hosted())).failures).to.deep.equal([]);
      expect((await h.check({}, { ...hosted(), domain: "cos.example.com" })).failures).to.deep.equal([]);
    });

    it("the domain must exist", async function () {
      await rejects(selfOwned({ domain: "missing.example.com" }), "domain", "missing.example.com", "does not exist");
    });
    it("the domain must be Deploying or Activated", async function () {
      await rejects(hosted({ domain: "offline.example.com" }), "domain", "offline.example.com", '"offline"', "Deploying");
    });
    it("the origin must be self-owned, COS or FTP", async function () {
      await rejects(hosted({ domain: "thirdparty.example.com" }), "domain", "third_party", "self-owned");
    });
    it("never a .file.myqcloud.com COS default domain, judged before any API call", async function () {
      const since = await rejects(hosted({ domain: "bucket-1250000000.file.myqcloud.com" }), "domain", ".file.myqcloud.com");
      expect(await env.emulator.requests(since)).to.deep.equal([]);
    });
    it("the .qcloudcdn.com Tencent Cloud certificate cannot be newly configured", async function () {
      await rejects({ domain: "old.qcloudcdn.com", __provider: PROVIDER }, "certificate", "old.qcloudcdn.com", "closed");
    });
    it("exactly one certificate form", async function () {
      await rejects(selfOwned({ certificateId: "hosted01" }), "certificateId", "not both");
      await rejects({ domain: DOMAIN, __provider: PROVIDER }, "certificate", "certificateId");
      await rejects({ domain: DOMAIN, certificate: chain.certificate, __provider: PROVIDER }, "privateKey", "required");
    });
    it("a self-owned certificate must cover the domain and match its key", async function () {
      await rejects(selfOwned({ certificate: otherNames.certificate, privateKey: otherNames.privateKey }), "certificate", DOMAIN);
      await rejects(selfOwned({ privateKey: rotated.privateKey }), "privateKey");
    });
    it("a hosted certificate must exist, be valid and cover the domain", async function () {
      await rejects(hosted({ certificateId: "nosuch01" }), "certificateId", "nosuch01", "does not exist");
      await rejects(hosted({ certificateId: "expired1" }), "certificateId", "expired1", "expired");
      await rejects(hosted({ certificateId: "othernm1" }), "certificateId", "other.test", DOMAIN);
    });
    it("TLS versions must be consecutive known versions", async function () {
      await rejects(hosted({ tlsVersions: ["TLSv1", "TLSv1.2"] }), "tlsVersions", "consecutive");
      await rejects(hosted({ tlsVersions: ["TLSv1.2", "TLSv1.2"] }), "tlsVersions", "more than once");
    });
    it("bad values name their argument", async function () {
      await rejects(hosted({ hsts: { maxAge: 40_000_000 } }), "hsts.maxAge", "31536000");
      await rejects(hosted({ forceRedirect: { statusCode: 303 } }), "forceRedirect.statusCode", "301, 302, 307, 308");
      await rejects(hosted({ http2: "yes" }), "http2", "true or false");
      await rejects(hosted({ domain: "https://cdn.example.com/" }), "domain", "without scheme");
    });
    it("the redirect needs the wait for deployment", async function () {
      await rejects(hosted({ forceRedirect: {}, waitForDeployment: false }), "waitForDeployment", "deployed");
    });
    it("values unknown at preview are skipped, not failed, and skip the backend checks that need them", async function () {
      const since = await lastSeq();
      const news = { domain: UNKNOWN, certificate: UNKNOWN, privateKey: UNKNOWN, http2: UNKNOWN, hsts: { maxAge: UNKNOWN }, __provider: PROVIDER };
      const { inputs, failures } = await h.check({}, news);
      expect(failures).to.deep.equal([]);
      expect(inputs).to.deep.equal(news);
      expect(await env.emulator.requests(since)).to.deep.equal([]);
      // A known domain is still checked while the certificate is unknown.
      expect((await h.check({}, { domain: "offline.example.com", certificateId: UNKNOWN, __provider: PROVIDER })).failures!.map((f) => f.property))
        .to.deep.equal(["domain"]);
    });
  });

  describe("create, update, read, delete", function () {
    it("creates with a self-owned certificate: Https written whole, deployed, outputs without the key", async function () {
      const { id, outs } = await h.create(selfOwned({ alias: "ours", hsts: { maxAge: 3600 } }));
      expect(id).to.equal(DOMAIN);
      expect(outs).to.include({ domain: DOMAIN, source: "self-owned", fingerprint: chain.fingerprintSha256, sslStatus: "deployed", http2: true, ocspStapling: false, httpsEnabled: true });
      expect(outs.dnsNames).to.include(DOMAIN);
      expect(outs.expiresAt).to.match(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(JSON.stringify(outs)).to.not.contain("PRIVATE KEY");
      const [write] = httpsWrites(await env.emulator.writes());
      expect(write.params.Https).to.include({ Switch: "on", Http2: "on", OcspStapling: "off" });
      expect(write.params.Https.Hsts).to.deep.equal({ Switch: "on", MaxAge: 3600, IncludeSubDomains: "off" });
      expect(write.params.ForceRedirect).to.equal(undefined);
      expect(JSON.stringify(await env.emulator.requests())).to.not.contain(chain.privateKey.split("\n")[1]);
    });

    it("creates with a hosted certificate", async function () {
      const { outs } = await h.create(hosted());
      expect(outs).to.include({ certificateId: "hosted01", source: "hosted", sslStatus: "deployed" });
      expect(outs.fingerprint).to.equal(hostedChain.fingerprintSha256);
      expect(outs.dnsNames).to.include("*.example.com");
      const [write] = httpsWrites(await env.emulator.writes());
      expect(write.params.Https.CertInfo).to.deep.equal({ CertId: "hosted01" });
    });

    it("enables the forced redirect only after the deployed state was read", async function () {
      await h.create(selfOwned({ forceRedirect: { statusCode: 301, carryHeaders: true } }));
      const log = await env.emulator.requests();
      const httpsAt = log.findIndex((r) => r.action === "UpdateDomainConfig" && r.params.Https);
      const redirectAt = log.findIndex((r) => r.action === "UpdateDomainConfig" && r.params.ForceRedirect);
      expect(httpsAt).to.be.greaterThan(-1);
      expect(redirectAt).to.be.greaterThan(httpsAt);
      expect(log.slice(httpsAt + 1, redirectAt).some((r) => r.action === "DescribeDomainsConfig")).to.equal(true);
      expect(log[httpsAt].params.ForceRedirect).to.equal(undefined);
      expect(log[redirectAt].params.ForceRedirect).to.deep.equal({ Switch: "on", RedirectType: "https", RedirectStatusCode: 301, CarryHeaders: "on" });
      const lines = env.logs.map((l) => l.line);
      const deployedLine = lines.findIndex((l) => /online, HTTPS deployed/.test(l));
      const redirectLine = lines.findIndex((l) => /redirecting HTTP to HTTPS/.test(l));
      expect(deployedLine).to.be.greaterThan(-1);
      expect(redirectLine).to.be.greaterThan(deployedLine);
      expect((await domainState()).ForceRedirect).to.include({ Switch: "on", RedirectStatusCode: 301 });
    });

    it("rotates the certificate in place: one Https write, redirect untouched, HTTPS never off", async function () {
      const created = await h.create(selfOwned({ forceRedirect: {} }));
      const since = await lastSeq();
      const news = selfOwned({ certificate: rotated.certificate, privateKey: rotated.privateKey, forceRedirect: {} });
      const diff = await h.diff!(DOMAIN, created.outs, news);
      expect(diff).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      const { outs } = await h.update!(DOMAIN, created.outs, news);
      expect(outs.fingerprint).to.equal(rotated.fingerprintSha256);
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => Object.keys(w.params).filter((k) => k !== "Domain"))).to.deep.equal([["Https"]]);
      expect(writes[0].params.Https.Switch).to.equal("on");
      expect((await domainState()).ForceRedirect.Switch).to.equal("on");
    });

    it("keeps settings it does not manage (read-modify-write of the whole Https block)", async function () {
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "off", Spdy: "on", VerifyClient: "off", TlsVersion: ["TLSv1.2", "TLSv1.3"] } });
      await h.create(hosted({ ocspStapling: true }));
      const https = (await domainState()).Https;
      expect(https).to.include({ Switch: "on", Spdy: "on", OcspStapling: "on", Http2: "on" });
      expect(https.TlsVersion).to.deep.equal(["TLSv1.2", "TLSv1.3"]);
    });

    it("updates only what changed: a redirect added later is one ForceRedirect write", async function () {
      const created = await h.create(hosted());
      const since = await lastSeq();
      const news = hosted({ forceRedirect: { statusCode: 308 } });
      expect((await h.diff!(DOMAIN, created.outs, news)).changes).to.equal(true);
      const { outs } = await h.update!(DOMAIN, created.outs, news);
      expect(outs.forceRedirect).to.deep.equal({ statusCode: 308, carryHeaders: false });
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => Object.keys(w.params).filter((k) => k !== "Domain"))).to.deep.equal([["ForceRedirect"]]);
      // And removing it turns it off.
      const since2 = await lastSeq();
      await h.update!(DOMAIN, outs, hosted());
      const off = await env.emulator.writes(since2);
      expect(off.map((w) => w.params.ForceRedirect?.Switch)).to.deep.equal(["off"]);
    });

    it("diff: no change for PEM whitespace, domain case or a trailing dot; the domain is a replace", async function () {
      const { outs } = await h.create(selfOwned());
      const crlf = chain.certificate.replace(/\n/g, "\r\n") + "\n\n";
      expect(await h.diff!(DOMAIN, outs, selfOwned({ certificate: crlf, domain: "CDN.Example.com." }))).to.deep.equal({ changes: false, replaces: [], deleteBeforeReplace: false });
      expect(await h.diff!(DOMAIN, outs, selfOwned({ waitForDeployment: true, http2: true, __timeouts: { create: "5m" } }))).to.include({ changes: false });
      expect(await h.diff!(DOMAIN, outs, selfOwned({ domain: "cos.example.com" }))).to.deep.include({ changes: true, replaces: ["domain"] });
      expect(await h.diff!(DOMAIN, outs, selfOwned({ alias: "x" }))).to.deep.include({ changes: true, replaces: [] });
      expect(await h.diff!(DOMAIN, outs, selfOwned({ certificate: UNKNOWN }))).to.deep.include({ changes: true, replaces: [] });
    });

    it("read shows HTTPS turned off in the console as drift", async function () {
      const created = await h.create(selfOwned());
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "off" } });
      const r = await h.read!(DOMAIN, created.outs);
      expect(r.id).to.equal(DOMAIN);
      expect(r.props).to.include({ httpsEnabled: false });
      expect((await h.diff!(DOMAIN, r.props, selfOwned())).changes).to.equal(true);
      // The next update repairs it.
      const { outs } = await h.update!(DOMAIN, r.props, selfOwned());
      expect(outs).to.include({ httpsEnabled: true, sslStatus: "deployed" });
    });

    it("read shows another certificate set in the console as drift", async function () {
      const created = await h.create(hosted());
      expect((await h.read!(DOMAIN, created.outs)).props).to.deep.equal(created.outs); // no drift: same state
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { CertId: "othernm1" } } });
      const r = await h.read!(DOMAIN, created.outs);
      expect(r.props!.certificateId).to.equal("othernm1");
      expect(r.inputs!.certificateId).to.equal("othernm1");
      expect(r.inputs).to.not.have.property("privateKey");
      expect((await h.diff!(DOMAIN, r.props, hosted())).changes).to.equal(true);
    });

    it("read returns no id when the domain is gone", async function () {
      const created = await h.create(hosted());
      await env.emulator.removeCdnDomain(DOMAIN);
      expect(await h.read!(DOMAIN, created.outs)).to.deep.equal({});
    });

    it("imports by domain: the API's truth as outputs and inputs", async function () {
      await h.create(hosted({ forceRedirect: { statusCode: 301 }, hsts: { maxAge: 600, includeSubDomains: true } }));
      const r = await h.read!("CDN.example.com", {});
      expect(r.id).to.equal(DOMAIN);
      expect(r.props).to.include({ domain: DOMAIN, certificateId: "hosted01", source: "hosted", httpsEnabled: true, sslStatus: "deployed" });
      expect(r.inputs).to.deep.include({ domain: DOMAIN, certificateId: "hosted01", forceRedirect: { statusCode: 301, carryHeaders: false }, hsts: { maxAge: 600, includeSubDomains: true } });
      expect((await h.diff!(DOMAIN, r.props, hosted({ forceRedirect: { statusCode: 301 }, hsts: { maxAge: 600, includeSubDomains: true } }))).changes).to.equal(false);
    });

    it("deletes: redirect off before HTTPS off, keeping other settings; gone is success", async function () {
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "off", Spdy: "on" } });
      const created = await h.create(selfOwned({ forceRedirect: {} }));
      const since = await lastSeq();
      await h.delete!(DOMAIN, created.outs);
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => (w.params.ForceRedirect ? `redirect ${w.params.ForceRedirect.Switch}` : `https ${w.params.Https.Switch}`)))
        .to.deep.equal(["redirect off", "https off"]);
      const state = await domainState();
      expect(state.Https).to.include({ Switch: "off", Spdy: "on" });
      const since2 = await lastSeq();
      await h.delete!(DOMAIN, created.outs); // already off: nothing to write
      expect(await env.emulator.writes(since2)).to.deep.equal([]);
      await env.emulator.removeCdnDomain(DOMAIN);
      await h.delete!(DOMAIN, created.outs);
    });

    it("a failed deployment is an error with the domain and what to do; its state is kept and the next up repairs it", async function () {
      await env.emulator.editCdnDomain(DOMAIN, { failNextDeployment: "certificate chain incomplete" });
      let error: any;
      try { await h.create(selfOwned({ forceRedirect: {} })); } catch (e) { error = e; }
      expect(error?.message).to.contain(DOMAIN).and.contain("failed").and.contain("certificate chain incomplete");
      expect(error?.message).to.not.contain("PRIVATE KEY");
      expect((await domainState()).ForceRedirect?.Switch ?? "off").to.equal("off");
      // HTTPS was written, so the engine records what the API has (ErrorResourceInitFailed): destroy
      // knows to clean it up, and the next up sees the unfinished work in its diff.
      expect(error.id).to.equal(DOMAIN);
      expect(error.properties).to.include({ domain: DOMAIN, sslStatus: "failed", source: "self-owned", __provider: PROVIDER });
      expect(error.properties).to.not.have.property("forceRedirect");
      expect(JSON.stringify(error.properties)).to.not.contain(chain.privateKey.split("\n")[1]);
      expect((await h.diff!(DOMAIN, error.properties, selfOwned({ forceRedirect: {} }))).changes).to.equal(true);
      const { outs } = await h.update!(DOMAIN, error.properties, selfOwned({ forceRedirect: {} }));
      expect(outs).to.include({ sslStatus: "deployed" });
      expect((await domainState()).ForceRedirect.Switch).to.equal("on");
    });

    it("a failure before anything was written leaves no state", async function () {
      await env.emulator.faults([{ action: "UpdateDomainConfig", code: "InvalidParameter.ParamError", count: 1 }]);
      let error: any;
      try { await h.create(hosted()); } catch (e) { error = e; }
      expect(error?.message).to.contain("InvalidParameter.ParamError");
      expect(error).to.not.have.property("id");
    });

    it("diff: a deployment an interrupted run did not see finish is work to do, unless the user never waits", async function () {
      const { outs } = await h.create(hosted());
      const interrupted = { ...outs, sslStatus: "deploying" };
      expect((await h.diff!(DOMAIN, interrupted, hosted())).changes).to.equal(true);
      expect((await h.diff!(DOMAIN, { ...interrupted, waitForDeployment: false }, hosted({ waitForDeployment: false }))).changes).to.equal(false);
    });

    it("a new chain under the same leaf is an update that writes it; CRLF of that chain is still no change", async function () {
      const created = await h.create(selfOwned());
      const withRoot = chain.certificate.trimEnd() + "\n" + chain.rootPem;
      const news = selfOwned({ certificate: withRoot });
      expect(await h.diff!(DOMAIN, created.outs, news)).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
      const since = await lastSeq();
      const { outs } = await h.update!(DOMAIN, created.outs, news);
      const writes = await env.emulator.writes(since);
      expect(writes).to.have.length(1);
      expect(writes[0].params.Https.CertInfo.Certificate).to.contain(chain.rootPem!.split("\n")[1]);
      expect(outs.fingerprint).to.equal(created.outs.fingerprint); // same leaf
      expect(outs.chainFingerprint).to.not.equal(created.outs.chainFingerprint);
      expect((await h.diff!(DOMAIN, outs, selfOwned({ certificate: withRoot.replace(/\n/g, "\r\n") }))).changes).to.equal(false);
    });

    it("delete leaves HTTPS on when the domain now serves a certificate someone else set", async function () {
      const created = await h.create(selfOwned());
      await env.emulator.editCdnDomain(DOMAIN, { https: { Switch: "on", CertInfo: { CertId: "othernm1" } } });
      const since = await lastSeq();
      await h.delete!(DOMAIN, created.outs);
      expect(await env.emulator.writes(since)).to.deep.equal([]);
      expect((await domainState()).Https.Switch).to.equal("on");
      expect(env.logs.map((l) => l.line).join("\n")).to.match(/now serves another certificate \(othernm1.*left on/);
    });

    it("removing the redirect while the certificate changes turns it off first, even without waiting", async function () {
      const created = await h.create(selfOwned({ forceRedirect: {} }));
      const since = await lastSeq();
      await h.update!(DOMAIN, created.outs, selfOwned({ certificate: rotated.certificate, privateKey: rotated.privateKey, waitForDeployment: false }));
      const writes = await env.emulator.writes(since);
      expect(writes.map((w) => (w.params.ForceRedirect ? `redirect ${w.params.ForceRedirect.Switch}` : `https ${w.params.Https.Switch}`)))
        .to.deep.equal(["redirect off", "https on"]);
      expect((await env.emulator.requests(since)).filter((r) => r.errorCode === "ResourceInUse.CdnOpInProgress")).to.deep.equal([]);
    });

    it("import of a domain with HTTPS off says there is nothing to import and what to do", async function () {
      const error = await h.read!(DOMAIN, {}).then(() => undefined, (e: Error) => e);
      expect(error?.message).to.equal(`CDN domain ${DOMAIN} has HTTPS off, so there is no HTTPS configuration to import; ` +
        "declare the CdnHttpsConfig without importing it, and `pulumi up` will configure HTTPS.");
    });

    it("rides out a transient fault while waiting for the deployment", async function () {
      await env.emulator.faults([{ action: "DescribeDomainsConfig", code: "InternalError", count: 2 }]);
      const { outs } = await h.create(hosted());
      expect(outs.sslStatus).to.equal("deployed");
      expect((await env.emulator.requests()).filter((r) => r.errorCode === "InternalError")).to.have.length(2);
    });

    it("serialises operations on one domain and runs different domains side by side", async function () {
      const [a, b] = await Promise.all([h.create(hosted()), h.create(hosted({ domain: "cos.example.com" }))]);
      expect([a.id, b.id]).to.deep.equal([DOMAIN, "cos.example.com"]);
      // Two updates of one domain at once: without the lock the second write would overlap the first deployment.
      const since = await lastSeq();
      const [x, y] = await Promise.all([
        h.update!(DOMAIN, a.outs, hosted({ http2: false })),
        h.update!(DOMAIN, a.outs, hosted({ ocspStapling: true })),
      ]);
      expect([x.outs.sslStatus, y.outs.sslStatus]).to.deep.equal(["deployed", "deployed"]);
      expect((await env.emulator.requests(since)).filter((r) => r.errorCode === "ResourceInUse.CdnOpInProgress")).to.deep.equal([]);
    });

    it("does not wait when waitForDeployment is false", async function () {
      const { outs } = await h.create(hosted({ waitForDeployment: false }));
      expect(outs.sslStatus).to.be.oneOf(["deploying", "deployed"]);
      expect(outs.waitForDeployment).to.equal(false);
    });
  });
});
