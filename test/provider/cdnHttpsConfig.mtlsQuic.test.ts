// CdnHttpsConfig with client-certificate verification (mTLS) and QUIC, handlers against the emulator:
// the write on the wire, refresh without a diff, CA rotation in place, console drift, a QUIC-only
// change, the delete order, and each bad client CA refused at check with no write.
import { expect } from "chai";
import { UNKNOWN } from "../../provider/unknown";
import { makeCa, makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";
import { Declared, describeResult, up } from "../ownership/deployment";

const DOMAIN = "mtls.example.com";
const DAY = 24 * 3600 * 1000;
const b64 = (pem: string) => Buffer.from(pem, "utf8").toString("base64");

describe("CdnHttpsConfig: client-certificate verification and QUIC against the emulator", function () {
  let env: ProviderEnv;
  const h = handlersOf(() => env, "cdnHttpsConfig");
  let chain: TestChain;
  let ca: string;
  let rotatedCa: string;
  const seed = () => ({ cdnDomains: [{ domain: DOMAIN, status: "online" as const, originType: "domain" }] });

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    ca = makeCa({ cn: "Clients CA" });
    rotatedCa = makeCa({ cn: "Clients CA 2026", slot: 1 });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 20 });
  });
  after(async function () { await env?.stop(); });
  beforeEach(async function () { await env.emulator.reset(seed()); env.clearLogs(); });

  const args = (extra: Record<string, unknown> = {}) =>
    ({ domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, clientCertificate: { caCertificates: ca }, quic: true, ...extra });
  const lastSeq = async () => (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
  const domainState = async () => {
    const state = await env.emulator.state();
    const list: any[] = Array.isArray(state.cdnDomains) ? state.cdnDomains : Object.values(state.cdnDomains ?? {});
    return list.find((x: any) => (x.Domain ?? x.domain) === DOMAIN);
  };
  const blocksOf = (writes: any[]) => writes.map((w) => Object.keys(w.params).filter((k) => k !== "Domain"));
  const refresh = async (outs: Record<string, any>) => (await h.read!(DOMAIN, outs)).props!;

  it("deploys verification and QUIC in one call, with the CA base64-encoded, and refreshes without a diff", async function () {
    const { outs } = await h.create(args());
    const writes = await env.emulator.writes();
    expect(blocksOf(writes)).to.deep.equal([["Https", "Quic"]]);
    const sent = writes[0].params;
    expect(sent.Https).to.include({ Switch: "on", VerifyClient: "on" });
    expect(sent.Https.ClientCertInfo).to.deep.equal({ Certificate: b64(ca) });
    expect(sent.Quic).to.deep.equal({ Switch: "on" });
    expect(outs).to.include({ quic: true, clientCaName: "Clients CA", sslStatus: "deployed" });
    expect(outs.clientCaFingerprint).to.match(/^[0-9a-f]{64}$/);
    expect(outs.clientCaExpiresAt).to.match(/Z$/);

    const served = await domainState();
    expect(served.Quic).to.deep.equal({ Switch: "on" });
    expect(served.Https.ClientCertInfo).to.include({ Certificate: b64(ca), CertName: "Clients CA" });

    const read = await refresh(outs);
    expect(read).to.include({ quic: true, clientCaFingerprint: outs.clientCaFingerprint, clientCaName: "Clients CA" });
    expect((await h.diff!(DOMAIN, read, args())).changes).to.equal(false);
  });

  it("rotates the CA in place: one Https write with the new CA, HTTPS and verification never off", async function () {
    const created = await h.create(args());
    const since = await lastSeq();
    const news = args({ clientCertificate: { caCertificates: rotatedCa } });
    expect(await h.diff!(DOMAIN, created.outs, news)).to.deep.equal({ changes: true, replaces: [], deleteBeforeReplace: false });
    const { outs } = await h.update!(DOMAIN, created.outs, news);
    const writes = await env.emulator.writes(since);
    expect(blocksOf(writes)).to.deep.equal([["Https"]]); // QUIC already on: not sent again
    expect(writes[0].params.Https).to.deep.include({ Switch: "on", VerifyClient: "on", ClientCertInfo: { Certificate: b64(rotatedCa) } });
    expect(outs).to.include({ clientCaName: "Clients CA 2026" });
    expect(outs.clientCaFingerprint).not.to.equal(created.outs.clientCaFingerprint);
  });

  it("shows a console change of the CA, and of VerifyClient, as drift on refresh, and up restores it", async function () {
    const created = await h.create(args());
    await env.emulator.editCdnDomain(DOMAIN, { https: { ClientCertInfo: { Certificate: b64(rotatedCa), CertName: "Clients CA 2026", ExpireTime: "2031-01-01 00:00:00" } } });
    const swapped = await refresh(created.outs);
    expect(swapped.clientCaName).to.equal("Clients CA 2026");
    expect(swapped.clientCertificate).to.deep.equal({ caCertificates: rotatedCa });
    expect((await h.diff!(DOMAIN, swapped, args())).changes).to.equal(true);

    await env.emulator.editCdnDomain(DOMAIN, { https: { VerifyClient: "off" } });
    const off = await refresh(created.outs);
    expect(off).not.to.have.property("clientCaFingerprint");
    expect(off).not.to.have.property("clientCertificate");
    expect((await h.diff!(DOMAIN, off, args())).changes).to.equal(true);

    const { outs } = await h.update!(DOMAIN, off, args());
    expect(outs.clientCaFingerprint).to.equal(created.outs.clientCaFingerprint);
    expect((await domainState()).Https).to.include({ VerifyClient: "on" });
    expect((await h.diff!(DOMAIN, await refresh(outs), args())).changes).to.equal(false);
  });

  it("changes QUIC alone with a Quic-only write, and leaves an undeclared QUIC setting alone", async function () {
    const created = await h.create(args());
    const since = await lastSeq();
    const { outs } = await h.update!(DOMAIN, created.outs, args({ quic: false }));
    expect(blocksOf(await env.emulator.writes(since))).to.deep.equal([["Quic"]]);
    expect(outs.quic).to.equal(false);
    expect((await domainState()).Quic).to.deep.equal({ Switch: "off" });

    const { quic: _q, ...undeclared } = args();
    const read = await refresh(outs);
    expect((await h.diff!(DOMAIN, read, undeclared)).changes).to.equal(false);
  });

  it("removing clientCertificate turns verification off in the Https write, without a CA", async function () {
    const created = await h.create(args());
    const since = await lastSeq();
    const { clientCertificate: _c, ...without } = args();
    await h.update!(DOMAIN, created.outs, without);
    const [write] = await env.emulator.writes(since);
    expect(write.params.Https.VerifyClient).to.equal("off");
    expect(write.params.Https).not.to.have.property("ClientCertInfo");
  });

  it("import reads the client CA the domain verifies against into the inputs; QUIC stays unmanaged", async function () {
    await h.create(args());
    const imported = await h.read!(DOMAIN, {});
    expect(imported.inputs!.clientCertificate).to.deep.equal({ caCertificates: ca });
    expect(imported.props).to.include({ clientCaName: "Clients CA" });
    expect(imported.inputs).not.to.have.property("quic");
  });

  it("destroys cleanly: redirect off first, then HTTPS off with verification and QUIC in one call", async function () {
    const created = await h.create(args({ forceRedirect: { statusCode: 301 } }));
    const since = await lastSeq();
    await h.delete!(DOMAIN, created.outs);
    const writes = await env.emulator.writes(since);
    expect(blocksOf(writes)).to.deep.equal([["ForceRedirect"], ["Https", "Quic"]]);
    expect(writes[1].params.Https).to.include({ Switch: "off", VerifyClient: "off" });
    expect(writes[1].params.Quic).to.deep.equal({ Switch: "off" });
    const served = await domainState();
    expect(served.Https).to.include({ Switch: "off", VerifyClient: "off" });
    expect(served.Quic).to.deep.equal({ Switch: "off" });
  });

  it("a rename keeps verification and QUIC on: the old name's delete leaves the domain to the new one", async function () {
    const site = (name: string): Declared => ({ kind: "cdnHttpsConfig", name, args: args() });
    const first = await up(env, [site("site")], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const renamed = await up(env, [site("site-renamed")], first.state);
    expect(renamed.ok, describeResult(renamed)).to.equal(true);
    expect(renamed.steps).to.include({ "site-renamed": "create", "site (delete)": "delete" });
    const served = await domainState();
    expect(served.Https).to.include({ Switch: "on", VerifyClient: "on" });
    expect(served.Quic).to.deep.equal({ Switch: "on" });
  });

  describe("check: each bad client CA fails at preview with a sentence and no write", function () {
    const cases: [string, () => Record<string, unknown>, RegExp][] = [
      ["a leaf given by mistake", () => args({ clientCertificate: { caCertificates: makeChain({ domains: ["alice.example.com"] }).leafPem } }), /is a leaf .*not a CA/],
      ["the server certificate", () => args({ clientCertificate: { caCertificates: chain.leafPem } }), /this domain's server certificate/],
      ["an expired CA", () => args({ clientCertificate: { caCertificates: makeCa({ notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) }) } }), /expired on/],
      ["a CA without keyCertSign", () => args({ clientCertificate: { caCertificates: makeCa({ keyCertSign: false }) } }), /without keyCertSign/],
      ["text that is not PEM", () => args({ clientCertificate: { caCertificates: "my ca" } }), /not PEM text/],
      ["an empty bundle", () => args({ clientCertificate: { caCertificates: "" } }), /is empty/],
    ];
    for (const [name, news, reason] of cases) {
      it(name, async function () {
        const { failures } = await h.check!({}, news());
        expect(failures!.map((f) => f.property)).to.deep.equal(["clientCertificate.caCertificates"]);
        expect(failures![0].reason).to.match(reason);
        expect(await env.emulator.writes()).to.deep.equal([]);
      });
    }

    it("a good CA and QUIC pass, and an unknown CA is skipped at preview", async function () {
      expect((await h.check!({}, args())).failures).to.deep.equal([]);
      expect((await h.check!({}, args({ clientCertificate: { caCertificates: UNKNOWN }, quic: UNKNOWN }))).failures).to.deep.equal([]);
      expect((await h.check!({}, args({ quic: "yes" }))).failures!.map((f) => f.property)).to.deep.equal(["quic"]);
      expect(await env.emulator.writes()).to.deep.equal([]);
    });
  });
});
