// CdnHttpsConfig through Pulumi's real dynamic-provider host over gRPC: the serialized seam loads
// the built library from a project's node_modules, the engine's call sequences drive it against
// the emulator (Configure, Check with unknowns as in preview, Create, Read, Diff, Update, Delete).
import { expect } from "chai";
import type { EmulatorHandle } from "../../emulator";
import { makeCa, makeChain, TestChain } from "../support/certs";
import { Engine, HostFixture, ProviderHost, startHostFixture, UNKNOWN, urnFor } from "../support/engine";

const DOMAIN = "cdn.example.com";

describe("CdnHttpsConfig through the dynamic-provider host", function () {
  let emulator: EmulatorHandle;
  let fixture: HostFixture;
  let host: ProviderHost;
  let engine: Engine;
  let chain: TestChain;
  let rotated: TestChain;
  const urn = urnFor("tencentcloud-https:CdnHttpsConfig", "site");

  before(async function () {
    chain = makeChain({ domains: [DOMAIN] });
    rotated = makeChain({ domains: ["*.example.com"], keySet: 1 });
    fixture = await startHostFixture({ deployDelayMs: 20, seed: { cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }] } });
    emulator = fixture.emulator;
    host = fixture.host;
    engine = await fixture.engine("cdnHttpsConfig");
  });
  after(async () => { await fixture?.stop(); });

  it("runs preview, create, refresh, update, import and destroy", async function () {
    // Preview with values not known yet: no failure, no API write.
    const preview = await engine.preview(urn, { domain: DOMAIN, certificate: UNKNOWN, privateKey: UNKNOWN, forceRedirect: { statusCode: UNKNOWN } });
    expect(preview.failures).to.deep.equal([]);
    expect(await emulator.writes()).to.deep.equal([]);

    // A bad argument fails at check with its sentence.
    const bad = await engine.preview(urn, { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, tlsVersions: ["TLSv1", "TLSv1.3"] });
    expect(bad.failures.map((f) => f.property)).to.deep.equal(["tlsVersions"]);

    const args = { domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, forceRedirect: { statusCode: 301 } };
    const created = await engine.create(urn, args);
    expect(created.id).to.equal(DOMAIN);
    expect(created.outputs).to.include({ sslStatus: "deployed", source: "self-owned", fingerprint: chain.fingerprintSha256 });
    expect(created.outputs).to.not.have.property("privateKey");
    expect(created.outputs.__provider).to.be.a("string");

    const refreshed = await engine.refresh(created);
    expect(refreshed?.id).to.equal(DOMAIN);
    const same = await engine.up(refreshed!, { ...args, certificate: chain.certificate.replace(/\n/g, "\r\n") });
    expect(same.step).to.equal("same");

    const rotatedArgs = { ...args, certificate: rotated.certificate, privateKey: rotated.privateKey };
    const updated = await engine.up(refreshed!, rotatedArgs);
    expect(updated.step).to.equal("update");
    expect(updated.state.outputs.fingerprint).to.equal(rotated.fingerprintSha256);
    expect(updated.state.outputs.forceRedirect).to.deep.equal({ statusCode: 301, carryHeaders: false });

    const imported = await engine.import(urnFor("tencentcloud-https:CdnHttpsConfig", "imported"), DOMAIN);
    expect(imported?.outputs).to.include({ domain: DOMAIN, httpsEnabled: true });

    await engine.destroy(updated.state);
    const writes = await emulator.writes();
    const tail = writes.slice(-2).map((w) => (w.params.ForceRedirect ? `redirect ${w.params.ForceRedirect.Switch}` : `https ${w.params.Https.Switch}`));
    expect(tail).to.deep.equal(["redirect off", "https off"]);
    // No private key ever reached the host's log lines.
    expect(host.logs().join("\n")).to.not.contain("PRIVATE KEY");
  });
  it("deploys a client CA and QUIC, refreshes without a diff, rotates the CA in place, shows console drift and destroys", async function () {
    const MTLS = "mtls.example.com";
    await emulator.seed({ cdnDomains: [{ domain: MTLS, status: "online", originType: "domain" }] });
    const server = makeChain({ domains: [MTLS] });
    const mtlsUrn = urnFor("tencentcloud-https:CdnHttpsConfig", "mtls");
    const args = { domain: MTLS, certificate: server.certificate, privateKey: server.privateKey, clientCertificate: { caCertificates: makeCa({ cn: "Engine Clients CA" }) }, quic: true };
    const since = (await emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);

    // A leaf given as the client CA fails at preview, and nothing is written.
    const bad = await engine.preview(mtlsUrn, { ...args, clientCertificate: { caCertificates: makeChain({ domains: ["alice.example.com"] }).leafPem } });
    expect(bad.failures.map((f) => f.property)).to.deep.equal(["clientCertificate.caCertificates"]);
    expect(bad.failures[0].reason).to.match(/is a leaf/);
    expect(await emulator.writes(since)).to.deep.equal([]);

    const created = await engine.create(mtlsUrn, args);
    expect(created.outputs).to.include({ quic: true, clientCaName: "Engine Clients CA", sslStatus: "deployed" });
    const refreshed = await engine.refresh(created);
    expect((await engine.up(refreshed!, args)).step).to.equal("same");

    const rotatedArgs = { ...args, clientCertificate: { caCertificates: makeCa({ cn: "Engine Clients CA 2", slot: 1 }) } };
    const rotatedUp = await engine.up(refreshed!, rotatedArgs);
    expect(rotatedUp.step).to.equal("update");
    expect(rotatedUp.state.outputs.clientCaName).to.equal("Engine Clients CA 2");

    await emulator.editCdnDomain(MTLS, { https: { VerifyClient: "off" } });
    const drifted = await engine.refresh(rotatedUp.state);
    expect(drifted!.outputs).to.not.have.property("clientCaFingerprint");
    const repaired = await engine.up(drifted!, rotatedArgs);
    expect(repaired.step).to.equal("update");
    expect(repaired.state.outputs.clientCaFingerprint).to.equal(rotatedUp.state.outputs.clientCaFingerprint);

    await engine.destroy(repaired.state);
    const last = (await emulator.writes(since)).slice(-1)[0].params;
    expect(last.Https).to.include({ Switch: "off", VerifyClient: "off" });
    expect(last.Quic).to.deep.equal({ Switch: "off" });
  });
});
