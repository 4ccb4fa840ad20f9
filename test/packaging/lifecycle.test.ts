// What users get: the library `npm pack`ed and installed into a fresh project, its resource classes
// loaded FROM THAT INSTALLED COPY to produce the `__provider` text Pulumi would store, and Pulumi's
// real dynamic-provider host started in that project driven through the whole lifecycle of all
// three resources (Configure, Check, Create, Read, Diff, Update, Delete) against the emulator.
import { expect } from "chai";
import { execFile } from "child_process";
import { promisify } from "util";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { makeChain, TestChain } from "../support/certs";
import { Engine, ProviderHost, startProviderHost, UNKNOWN, urnFor } from "../support/engine";
import { packedProject, PackedProject } from "../support/packed";

const run = promisify(execFile);
const TYPES = ["CdnHttpsConfig", "LiveCertificate", "LiveDomainBinding"] as const;
type TypeName = (typeof TYPES)[number];

const CDN_DOMAIN = "pkg.example.com";
const PLAY = ["pkg-play1.example.com", "pkg-play2.example.com"];

/**
 * Constructs each resource class from the installed package under setMocks, in the project's own
 * node process, and returns the `__provider` text each one hands to the engine.
 */
async function providerTextsFromInstalledSdk(project: PackedProject): Promise<Record<TypeName, string>> {
  const script = `
    const pulumi = require("@pulumi/pulumi");
    const texts = {};
    pulumi.runtime.setMocks({
      newResource(a) { texts[a.type.split(":").pop()] = a.inputs.__provider; return { id: a.name, state: {} }; },
      call: (a) => a.inputs,
    }, "proj", "dev");
    const sdk = require("pulumi-tencentcloud-https");
    new sdk.CdnHttpsConfig("c", { domain: "x.example.com", certificateId: "abc" });
    new sdk.LiveCertificate("l", { certificateId: "abc" });
    new sdk.LiveDomainBinding("b", { certificateId: "abc", domains: ["p.example.com"] });
    const started = Date.now();
    const timer = setInterval(() => {
      if (Object.keys(texts).length === 3 || Date.now() - started > 20000) {
        clearInterval(timer);
        process.stdout.write(JSON.stringify({ texts, from: require.resolve("pulumi-tencentcloud-https") }) + "\\n");
        process.exit(0);
      }
    }, 10);`;
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: project.dir, maxBuffer: 4 * 1024 * 1024 });
  const { texts, from } = JSON.parse(stdout.trim().split("\n").pop()!);
  expect(from, "the sdk must load from the installed copy").to.include(`${project.dir}/node_modules/pulumi-tencentcloud-https/`);
  expect(Object.keys(texts)).to.have.members([...TYPES]);
  return texts;
}

describe("packaged library: full lifecycle through Pulumi's dynamic-provider host", function () {
  this.timeout(300_000);
  let project: PackedProject;
  let emulator: EmulatorHandle;
  let host: ProviderHost;
  let engines: Record<TypeName, Engine>;
  let api: TencentCloudClient;
  let chainA: TestChain;
  let chainB: TestChain;
  const urn = (type: TypeName, name: string) => urnFor(`tencentcloud-https:${type}`, name);

  before(async function () {
    project = await packedProject();
    const texts = await providerTextsFromInstalledSdk(project);
    for (const [type, text] of Object.entries(texts)) {
      console.log(`      serialized ${type} seam from the installed sdk: ${Buffer.byteLength(text)} bytes`);
      expect(Buffer.byteLength(text)).to.be.below(2048);
      expect(text).to.not.include(project.dir);
    }
    chainA = makeChain({ domains: ["example.com", "*.example.com"] });
    chainB = makeChain({ domains: ["example.com", "*.example.com"], keySet: 1 });
    emulator = await startEmulator({
      deployDelayMs: 20,
      seed: {
        cdnDomains: [{ domain: CDN_DOMAIN, status: "online", originType: "domain" }],
        liveDomains: PLAY.map((name) => ({ name, type: 1 as const, status: 1 as const })),
      },
    });
    api = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url });
    host = await startProviderHost({ cwd: project.dir });
    // Configure first, as the engine does: the whole stack config, the key as a secret.
    const { acceptSecrets } = await host.configure({
      "tencentcloud-https:secretId": emulator.secretId,
      "tencentcloud-https:secretKey": emulator.secretKey,
      "tencentcloud-https:endpoint": emulator.url,
    }, { secretKeys: ["tencentcloud-https:secretKey"] });
    expect(acceptSecrets).to.equal(false);
    engines = Object.fromEntries(TYPES.map((t) => [t, new Engine(host, texts[t])])) as Record<TypeName, Engine>;
  });

  after(async function () {
    await host?.stop();
    await emulator?.stop();
  });

  async function cdnDomain() {
    const r = await api.cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: [CDN_DOMAIN] }] });
    return r.Domains[0];
  }

  async function bindingsByDomain() {
    const r = await api.live.describeLiveDomainCertBindings({ Length: 100 });
    return new Map(r.LiveDomainCertBindings.map((b) => [b.DomainName, b]));
  }

  function keyMaterialIn(text: string, chain: TestChain): boolean {
    const body = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"));
    return body.some((line) => text.includes(line));
  }

  it("CdnHttpsConfig: check, create, read, diff, update (redirect, rotation), delete", async function () {
    const e = engines.CdnHttpsConfig;
    const u = urn("CdnHttpsConfig", "site");
    const args = { domain: CDN_DOMAIN, certificate: chainA.certificate, privateKey: chainA.privateKey };

    const preview = await e.preview(u, { ...args, certificate: UNKNOWN });
    expect(preview.failures).to.deep.equal([]);

    let state = await e.create(u, args);
    expect(state.id).to.equal(CDN_DOMAIN);
    expect(state.outputs).to.include({ sslStatus: "deployed", source: "self-owned", fingerprint: chainA.fingerprintSha256 });
    expect(state.outputs).to.not.have.property("privateKey");
    expect((await cdnDomain()).Https).to.include({ Switch: "on", SslStatus: "deployed" });

    const refreshed = await e.refresh(state);
    expect(refreshed?.id).to.equal(CDN_DOMAIN);
    expect((await e.up(refreshed!, args)).step).to.equal("same");

    const redirected = await e.up(refreshed!, { ...args, forceRedirect: { statusCode: 301 } });
    expect(redirected.step).to.equal("update");
    expect((await cdnDomain()).ForceRedirect).to.include({ Switch: "on", RedirectStatusCode: 301 });
    state = redirected.state;

    const rotated = await e.up(state, { ...args, certificate: chainB.certificate, privateKey: chainB.privateKey, forceRedirect: { statusCode: 301 } });
    expect(rotated.step).to.equal("update");
    expect(rotated.state.outputs.fingerprint).to.equal(chainB.fingerprintSha256);
    state = rotated.state;

    await e.destroy(state);
    const after = await cdnDomain();
    expect(after.Https?.Switch ?? "off").to.equal("off");
    expect(after.ForceRedirect?.Switch ?? "off").to.equal("off");

    const traffic = JSON.stringify(await emulator.requests()) + host.logs().join("\n");
    expect(keyMaterialIn(traffic, chainA) || keyMaterialIn(traffic, chainB)).to.equal(false);
  });

  it("LiveCertificate and LiveDomainBinding: check with unknowns, create, read, diff, update, delete", async function () {
    const certs = engines.LiveCertificate;
    const binds = engines.LiveDomainBinding;
    const cu = urn("LiveCertificate", "play-cert");
    const bu = urn("LiveDomainBinding", "play-https");
    const certArgs = { alias: "packaged", certificate: chainA.certificate, privateKey: chainA.privateKey };

    // Preview: the binding's certificateId comes from a certificate not created yet.
    expect((await certs.preview(cu, certArgs)).failures).to.deep.equal([]);
    expect((await binds.preview(bu, { certificateId: UNKNOWN, domains: [PLAY[0]] })).failures).to.deep.equal([]);

    let cert = await certs.create(cu, certArgs);
    const certificateId = cert.outputs.certificateId as string;
    expect(cert.id).to.equal(certificateId);
    expect(cert.outputs).to.include({ source: "self-owned", fingerprint: chainA.fingerprintSha256 });
    expect(cert.outputs).to.not.have.property("privateKey");
    expect((await certs.refresh(cert))?.id).to.equal(certificateId);

    const renamed = await certs.up(cert, { ...certArgs, alias: "packaged, renamed" });
    expect(renamed.step).to.equal("update");
    expect(renamed.state.id).to.equal(certificateId);
    cert = renamed.state;

    let binding = await binds.create(bu, { certificateId, domains: [PLAY[0]] });
    expect((await bindingsByDomain()).get(PLAY[0])).to.include({ CloudCertId: certificateId, Status: 1 });

    const refreshed = await binds.refresh(binding);
    expect(refreshed?.outputs.bindings).to.have.length(1);
    expect((await binds.up(refreshed!, { certificateId, domains: [PLAY[0]] })).step).to.equal("same");

    const grown = await binds.up(refreshed!, { certificateId, domains: [PLAY[0], PLAY[1]] });
    expect(grown.step).to.equal("update");
    binding = grown.state;
    const bound = await bindingsByDomain();
    for (const d of PLAY) expect(bound.get(d), d).to.include({ CloudCertId: certificateId, Status: 1 });

    await binds.destroy(binding);
    const unbound = await bindingsByDomain();
    for (const d of PLAY) expect(unbound.get(d)?.CloudCertId, d).to.not.equal(certificateId);

    await certs.destroy(cert);
    let gone = false;
    try {
      await api.ssl.describeCertificateDetail({ CertificateId: certificateId });
    } catch {
      gone = true;
    }
    expect(gone, "the uploaded certificate is deleted").to.equal(true);

    const traffic = JSON.stringify(await emulator.requests()) + host.logs().join("\n");
    expect(keyMaterialIn(traffic, chainA)).to.equal(false);
  });
});
