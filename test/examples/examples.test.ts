// Each program in examples/ runs under pulumi.runtime.setMocks with its dynamic resources forwarded
// to the real provider (through the serialized seam) against the emulator; the assertions are on
// the emulator's final state, read back through the API as a user's console would show it.
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { makeChain, TestChain } from "../support/certs";
import { providerConfig, ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import type { DetailDomain, LiveDomainCertBinding } from "../../provider/tencentcloud/types";
import { runProgram } from "./mockEngine";

const EXAMPLES = path.join(__dirname, "..", "..", "examples");
const HOSTED_CERT_ID = "wildcard01";
const FLEET = Array.from({ length: 12 }, (_, i) => `f${String(i + 1).padStart(2, "0")}.example.com`);
const PLAY = ["play1.example.com", "play2.example.com", "play3.example.com"];

describe("examples/ (run under setMocks against the emulator)", function () {
  this.timeout(120_000);
  let env: ProviderEnv;
  let api: TencentCloudClient;
  let chain: TestChain;
  let tmp: string;

  before(async function () {
    chain = makeChain({ domains: ["example.com", "*.example.com"] });
    const hosted = makeChain({ domains: ["example.com", "*.example.com"], keySet: 1 });
    const cdn = (domain: string) => ({ domain, status: "online" as const, originType: "domain" });
    env = await startProviderEnv({
      deployDelayMs: 20,
      seed: {
        cdnDomains: [cdn("self.example.com"), cdn("hosted.example.com"), cdn("free.example.com"), ...FLEET.map(cdn)],
        liveDomains: [...PLAY, "freeplay.example.com"].map((name) => ({ name, type: 1 as const, status: 1 as const })),
        sslCertificates: [{ id: HOSTED_CERT_ID, certificate: hosted.certificate, from: "trustasia", alias: "wildcard" }],
      },
    });
    api = new TencentCloudClient({ credentials: { secretId: env.emulator.secretId, secretKey: env.emulator.secretKey }, endpoint: env.emulator.url });
    // Certificates and keys exist only for the test's lifetime, in a private temp directory.
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "tc-https-examples-"));
    fs.writeFileSync(path.join(tmp, "fullchain.pem"), chain.certificate);
    fs.writeFileSync(path.join(tmp, "privkey.pem"), chain.privateKey, { mode: 0o600 });
  });

  after(async function () {
    await env?.stop();
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  async function cdnDomain(domain: string): Promise<DetailDomain> {
    const r = await api.cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: [domain] }] });
    expect(r.Domains, domain).to.have.length(1);
    return r.Domains[0];
  }

  async function liveBindings(): Promise<Map<string, LiveDomainCertBinding>> {
    const r = await api.live.describeLiveDomainCertBindings({ Length: 100 });
    return new Map(r.LiveDomainCertBindings.map((b) => [b.DomainName, b]));
  }

  async function assertNoKeyInRequestLog() {
    const log = JSON.stringify(await env.emulator.requests());
    const keyBody = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"))[1];
    expect(log).to.not.include(keyBody);
  }

  const run = (name: string, config: Record<string, string>) =>
    runProgram({ program: path.join(EXAMPLES, name), project: name, config, providerConfig: providerConfig(env.emulator) });

  it("cdn-self-owned: reads the certificate and key from files and turns HTTPS on with them", async function () {
    process.env.CDN_PRIVATE_KEY_FILE = path.join(tmp, "privkey.pem"); // one from env, one from config
    try {
      const { exports } = await run("cdn-self-owned", { domain: "self.example.com", certificateFile: path.join(tmp, "fullchain.pem") });
      expect(exports.sslStatus).to.equal("deployed");
      expect(exports.fingerprint).to.equal(chain.fingerprintSha256);
    } finally {
      delete process.env.CDN_PRIVATE_KEY_FILE;
    }
    const d = await cdnDomain("self.example.com");
    expect(d.Https?.Switch).to.equal("on");
    expect(d.Https?.SslStatus).to.equal("deployed");
    expect(d.Https?.Http2).to.equal("on");
    expect(d.Https?.TlsVersion).to.have.members(["TLSv1.2", "TLSv1.3"]);
    expect(d.ForceRedirect?.Switch ?? "off").to.equal("off");
    await assertNoKeyInRequestLog();
  });

  it("cdn-hosted: hosted certificate, HSTS and a forced 301 redirect", async function () {
    const { exports } = await run("cdn-hosted", { domain: "hosted.example.com", certificateId: HOSTED_CERT_ID });
    expect(exports.source).to.equal("hosted");
    const d = await cdnDomain("hosted.example.com");
    expect(d.Https?.Switch).to.equal("on");
    expect(d.Https?.SslStatus).to.equal("deployed");
    expect(d.Https?.CertInfo?.CertId).to.equal(HOSTED_CERT_ID);
    expect(d.Https?.Hsts).to.include({ Switch: "on", MaxAge: 31536000 });
    expect(d.ForceRedirect).to.include({ Switch: "on", RedirectType: "https", RedirectStatusCode: 301 });
  });

  it("live-bindings: uploads the certificate and binds every playback domain with HTTPS on", async function () {
    const { exports } = await run("live-bindings", {
      playDomains: JSON.stringify(PLAY),
      certificateFile: path.join(tmp, "fullchain.pem"),
      privateKeyFile: path.join(tmp, "privkey.pem"),
    });
    const certificateId = exports.certificateId as string;
    expect(certificateId).to.be.a("string").and.not.equal("");
    const bindings = await liveBindings();
    for (const domain of PLAY) {
      expect(bindings.get(domain), domain).to.include({ CloudCertId: certificateId, Status: 1 });
    }
    const detail = await api.ssl.describeCertificateDetail({ CertificateId: certificateId });
    expect(detail.SubjectAltName).to.include("*.example.com");
    expect((exports.bindings as { domain: string }[]).map((b) => b.domain)).to.have.members(PLAY);
    await assertNoKeyInRequestLog();
  });

  it("cdn-fleet: one certificate on every domain of the list, redirect on", async function () {
    const { exports, resources } = await run("cdn-fleet", { certificateId: HOSTED_CERT_ID, domains: JSON.stringify(FLEET) });
    expect(resources).to.have.length(FLEET.length);
    expect(exports.domainCount).to.equal(FLEET.length);
    const all = await api.cdn.describeDomainsConfig({ Limit: 100 });
    const byName = new Map(all.Domains.map((d) => [d.Domain, d]));
    for (const domain of FLEET) {
      const d = byName.get(domain)!;
      expect(d.Https, domain).to.include({ Switch: "on", SslStatus: "deployed" });
      expect(d.Https?.CertInfo?.CertId, domain).to.equal(HOSTED_CERT_ID);
      expect(d.ForceRedirect?.Switch, domain).to.equal("on");
    }
  });

  it("free-certificate: a free certificate per domain, validated, then deployed to the CDN domain and the playback domain in one run", async function () {
    const { exports, resources } = await run("free-certificate", { cdnDomain: "free.example.com", playDomain: "freeplay.example.com" });
    const certificates = exports.certificates as { domain: string; id: string; status: string; expiresAt: string }[];
    expect(certificates.map((c) => [c.domain, c.status])).to.deep.equal([["free.example.com", "issued"], ["freeplay.example.com", "issued"]]);
    expect(certificates.every((c) => Date.parse(c.expiresAt) - Date.now() > 80 * 86_400_000)).to.equal(true);
    const validations = resources.filter((r) => r.type.endsWith(":FreeCertificateValidation")).map((r) => r.id);
    expect(validations).to.have.members(certificates.map((c) => c.id));
    expect(exports.validationRecords).to.deep.equal([]); // DNS_AUTO: Tencent Cloud DNS holds them
    const d = await cdnDomain("free.example.com");
    expect(d.Https).to.include({ Switch: "on", SslStatus: "deployed" });
    expect(d.Https?.CertInfo?.CertId).to.equal(certificates[0].id);
    expect((await liveBindings()).get("freeplay.example.com")).to.include({ CloudCertId: certificates[1].id, Status: 1 });
  });
});
