// LiveCertificate and LiveDomainBinding through Pulumi's real dynamic-provider host over gRPC: the
// serialized seams load the built library from a project's node_modules, and the engine's call
// sequences drive both resources against the emulator, including preview with unknowns (a binding
// whose certificateId comes from a certificate not created yet) and a certificate replacement that
// moves the bindings before the old certificate is deleted.
import { expect } from "chai";
import type { EmulatorHandle } from "../../emulator";
import { makeChain, TestChain } from "../support/certs";
import { Engine, HostError, HostFixture, ProviderHost, startHostFixture, UNKNOWN, urnFor } from "../support/engine";

const P1 = "play1.live.example.com";
const P2 = "play2.live.example.com";
const OTHER = "play.other.org";

describe("LiveCertificate and LiveDomainBinding through the dynamic-provider host", function () {
  let emulator: EmulatorHandle;
  let fixture: HostFixture;
  let host: ProviderHost;
  let certs: Engine;
  let bindings: Engine;
  let chain: TestChain;
  let renewed: TestChain;
  const certUrn = urnFor("tencentcloud-https:LiveCertificate", "cert");
  const bindingUrn = urnFor("tencentcloud-https:LiveDomainBinding", "playback");

  before(async function () {
    chain = makeChain({ domains: ["live.example.com", "*.live.example.com"] });
    renewed = makeChain({ domains: ["*.live.example.com"], keySet: 1 });
    fixture = await startHostFixture({
      seed: { liveDomains: [{ name: P1, type: 1 }, { name: P2, type: 1 }, { name: OTHER, type: 1 }] },
    });
    emulator = fixture.emulator;
    host = fixture.host;
    certs = await fixture.engine("liveCertificate");
    bindings = await fixture.engine("liveDomainBinding");
  });
  after(async () => { await fixture?.stop(); });

  it("runs preview, create, refresh, replace-and-rebind, import and destroy", async function () {
    // Preview: the certificate's key and the binding's certificate id are not known yet.
    const certPreview = await certs.preview(certUrn, { certificate: chain.certificate, privateKey: UNKNOWN, alias: "prod" });
    expect(certPreview.failures).to.deep.equal([]);
    const bindingPreview = await bindings.preview(bindingUrn, { certificateId: UNKNOWN, domains: [P2, P1] });
    expect(bindingPreview.failures).to.deep.equal([]);
    expect(await emulator.writes()).to.deep.equal([]);
    // A domain that does not exist fails at check even before the certificate is known.
    const missing = await bindings.preview(bindingUrn, { certificateId: UNKNOWN, domains: ["nosuch.live.example.com"] });
    expect(missing.failures.map((f) => f.property)).to.deep.equal(["domains[0]"]);

    const cert = await certs.create(certUrn, { certificate: chain.certificate, privateKey: chain.privateKey, alias: "prod" });
    expect(cert.outputs).to.include({ certificateId: cert.id, source: "self-owned", fingerprint: chain.fingerprintSha256 });
    expect(cert.outputs).to.not.have.property("privateKey");
    const uncovered = await bindings.preview(bindingUrn, { certificateId: cert.id, domains: [P1, OTHER] });
    expect(uncovered.failures.map((f) => f.property)).to.deep.equal(["domains[1]"]);

    let binding = await bindings.create(bindingUrn, { certificateId: cert.id, domains: [P2, P1] });
    expect(binding.id).to.equal(`${P1},${P2}`);
    expect(binding.outputs).to.deep.include({ certificateId: cert.id, domains: [P1, P2], enableHttps: true });
    expect(binding.outputs.bindings.map((b: any) => [b.domain, b.httpsEnabled, b.source, b.alias])).to.deep.equal([
      [P1, true, "self-owned", "prod"], [P2, true, "self-owned", "prod"],
    ]);
    expect(binding.outputs.__provider).to.be.a("string");

    // Same domains in another order and case: no change.
    expect((await bindings.up(binding, { certificateId: cert.id, domains: [P1.toUpperCase(), P2] })).step).to.equal("same");

    // HTTPS turned off in the console shows at refresh; the next up turns it back on.
    await emulator.editLiveBinding(P2, { status: 0 });
    binding = (await bindings.refresh(binding))!;
    expect(binding.inputs).to.include({ enableHttps: false });
    const repaired = await bindings.up(binding, { certificateId: cert.id, domains: [P1, P2] });
    expect(repaired.step).to.equal("update");
    expect(repaired.state.outputs.bindings.every((b: any) => b.httpsEnabled)).to.equal(true);
    binding = repaired.state;

    // New material replaces the certificate, created before the old one is deleted.
    const newArgs = { certificate: renewed.certificate, privateKey: renewed.privateKey, alias: "prod" };
    const newInputs = (await host.check(certUrn, cert.inputs, { ...newArgs, __provider: certs.provider })).inputs;
    const diff = await host.diff(cert.id, certUrn, cert.outputs, newInputs, cert.inputs);
    expect(diff).to.deep.equal({ changes: "some", replaces: ["certificate"], deleteBeforeReplace: false });
    const replacement = await host.create(certUrn, newInputs);
    expect(replacement.id).to.not.equal(cert.id);
    // The old one is still bound: deleting it now is refused with the domains named.
    const refused = await host.delete(cert.id, certUrn, cert.outputs, cert.inputs).catch((e) => e);
    expect(refused).to.be.instanceOf(HostError);
    expect(refused.message).to.include(`live domains ${P1}, ${P2} are still bound`);
    // The binding follows the new id as an in-place update, then the old certificate goes.
    const moved = await bindings.up(binding, { certificateId: replacement.id, domains: [P1, P2] });
    expect(moved.step).to.equal("update");
    expect(moved.state.outputs.bindings.map((b: any) => b.certificateId)).to.deep.equal([replacement.id, replacement.id]);
    await host.delete(cert.id, certUrn, cert.outputs, cert.inputs);
    binding = moved.state;

    // Import both by id.
    const importedCert = await certs.import(urnFor("tencentcloud-https:LiveCertificate", "imported"), replacement.id);
    expect(importedCert?.outputs).to.include({ certificateId: replacement.id, source: "self-owned", fingerprint: renewed.fingerprintSha256 });
    const importedBinding = await bindings.import(urnFor("tencentcloud-https:LiveDomainBinding", "imported"), `${P2},${P1}`);
    expect(importedBinding?.outputs).to.deep.include({ certificateId: replacement.id, domains: [P1, P2] });
    expect(importedBinding?.inputs).to.deep.include({ certificateId: replacement.id, domains: [P1, P2], enableHttps: true });

    // Destroy: the domains lose their certificate (and HTTPS), then the certificate is deleted.
    await bindings.destroy(binding);
    const state = await emulator.state();
    expect(state.liveDomains.filter((d: any) => d.binding).map((d: any) => d.Name)).to.deep.equal([]);
    await certs.destroy({ urn: certUrn, id: replacement.id, inputs: newInputs, outputs: replacement.outs });
    expect((await emulator.state()).sslCertificates).to.deep.equal([]);

    // No key material in what the host printed or the emulator logged.
    const keyLine = (pem: string) => pem.split("\n")[2];
    const seen = host.logs().join("\n") + JSON.stringify(await emulator.requests());
    for (const key of [chain.privateKey, renewed.privateKey]) expect(seen).to.not.include(keyLine(key));
  });

  it("records partial state when some domains fail, and the next up completes the binding", async function () {
    const cert = await certs.create(certUrn, { certificate: chain.certificate, privateKey: chain.privateKey });
    // Create directly (as if the certificate had been unknown at check): OTHER is not covered.
    const inputs = { certificateId: cert.id, domains: [P1, OTHER], __provider: bindings.provider };
    const error = await host.create(bindingUrn, inputs).catch((e) => e);
    expect(error).to.be.instanceOf(HostError);
    expect(error.message).to.include(`${OTHER}: not covered by the names of certificate ${cert.id}`);
    expect(error.initFailed?.id).to.equal(`${P1},${OTHER}`.split(",").sort().join(","));
    expect(error.initFailed?.properties).to.deep.include({ domains: [P1], certificateId: cert.id, __provider: bindings.provider });
    const partial = { urn: bindingUrn, id: error.initFailed!.id, inputs, outputs: error.initFailed!.properties };
    const next = await bindings.up(partial, { certificateId: cert.id, domains: [P1, P2] });
    expect(next.step).to.equal("update");
    expect(next.state.outputs.domains).to.deep.equal([P1, P2]);
    await bindings.destroy(next.state);
    await certs.destroy(cert);
  });
});
