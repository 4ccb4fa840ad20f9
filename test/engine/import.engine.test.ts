// `{ import: id }` and `get` through Pulumi's real dynamic-provider host, driven as the engine drives
// them (test/support/engine.ts cites pulumi/pulumi step.go for each request):
// - the engine's own import step (ImportStep: Read with the id, no inputs, no properties) cannot
//   work for a dynamic resource: the host finds no serialized provider. Pulumi's limitation
//   (pulumi/pulumi#11279, #3550, #16175), shown here so the suite fails where a user would;
// - this library's sdk hands `{ import: id }` over as the hidden input `__import`, so the engine runs
//   an ordinary check and create, and create adopts: nothing written when what exists is what the
//   program declares (in every form the README accepts), one sentence naming each field that differs
//   when it is not, a second `up` with no change, and a destroy that removes exactly what the program
//   declared (an adopted certificate is never deleted);
// - `static get(name, id)` (ReadStep: the program's props, with `__provider`, as inputs and state)
//   returns what exists, normalised, for every resource.
import { expect } from "chai";
import { domainToASCII } from "url";
import { RESOURCE_KINDS, RESOURCES, ResourceKind } from "../../provider/registry";
import { makeChain, TestChain } from "../support/certs";
import { Engine, HostError, HostFixture, Props, ProviderHost, startHostFixture, StateEntry, urnFor } from "../support/engine";

const STACK = "proj/dev";
const CDN = "cdn.example.com";
const SHOP = "shop.example.com";
const CDN_IDN = "bücher.example.com";
const P1 = "play1.live.example.com";
const P2 = "play2.live.example.com";
const P3 = "play3.live.example.com";
const P4 = "play4.live.example.com";
const P5 = "play5.live.example.com";
const P_IDN = "直播.live.example.com";
const FREE_IDN = "münchen.example.com";
const LIVE_CERT = "live0001";

const urnOf = (kind: ResourceKind, name: string) => urnFor(`tencentcloud-https:${RESOURCES[kind].type}`, name);
/** What the sdk's props carry beside the arguments (sdk/internal.ts): the name, the stack and, given `{ import }`, `__import`. */
const sdkProps = (name: string, args: Props = {}, importId?: string): Props =>
  ({ ...args, __resourceName: name, __stack: STACK, ...(importId === undefined ? {} : { __import: importId }) });
const crlf = (pem: string) => pem.replace(/\r?\n/g, "\r\n");

describe("import and get through the dynamic-provider host, as the engine sends them", function () {
  let fixture: HostFixture;
  /** The process of the `pulumi up`s: checks and creates. */
  let upHost: ProviderHost;
  /** The process of the `pulumi destroy`s: deletes only, so no check of an `up` declares what they delete. */
  let destroyHost: ProviderHost;
  const seams: Partial<Record<ResourceKind, string>> = {};
  let cdnChain: TestChain;
  let hostedChain: TestChain;
  let liveChain: TestChain;
  let otherChain: TestChain;

  const up = (kind: ResourceKind) => new Engine(upHost, seams[kind]!);
  const destroy = (kind: ResourceKind, entry: StateEntry) => new Engine(destroyHost, seams[kind]!).destroy(entry);
  const seq = async () => (await fixture.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
  const cdnHttps = async (domain: string) => ((await fixture.emulator.state()).cdnDomains as any[]).find((d) => d.Domain === domainToASCII(domain)).Https;
  const liveBindings = async () => Object.fromEntries(((await fixture.emulator.state()).liveDomains as any[])
    .filter((d) => d.binding).map((d) => [d.Name, d.binding.cloudCertId]));
  const sslIds = async () => ((await fixture.emulator.state()).sslCertificates as any[]).map((c) => c.id).sort();
  /** `pulumi up` of a new resource with `{ import: id }` as the sdk hands it over: preview (check), then check and create. */
  async function adopt(kind: ResourceKind, name: string, args: Props, importId: string): Promise<StateEntry> {
    const props = sdkProps(name, args, importId);
    const preview = await up(kind).preview(urnOf(kind, name), props);
    expect(preview.failures, `${kind} preview`).to.deep.equal([]);
    return up(kind).create(urnOf(kind, name), props);
  }

  before(async function () {
    cdnChain = makeChain({ domains: [CDN] });
    hostedChain = makeChain({ domains: ["example.com", "*.example.com"], keySet: 1 });
    liveChain = makeChain({ domains: ["live.example.com", "*.live.example.com"], keySet: 2 });
    otherChain = makeChain({ domains: [CDN], keySet: 3, notAfter: new Date(Date.now() + 40 * 86_400e3) });
    // What exists already, set up in the console or by another stack since forgotten.
    const hostedHttps = { Switch: "on" as const, CertInfo: { CertId: "hosted01" }, Http2: "on" as const, Hsts: { Switch: "on" as const, MaxAge: 3600, IncludeSubDomains: "off" as const } };
    fixture = await startHostFixture({
      deployDelayMs: 5,
      seed: {
        sslCertificates: [
          { id: "hosted01", certificate: hostedChain.certificate, from: "trustasia", alias: "wildcard" },
          { id: LIVE_CERT, certificate: liveChain.certificate, privateKey: liveChain.privateKey, from: "upload", alias: "playback" },
        ],
        cdnDomains: [
          { domain: CDN, https: { Switch: "on" as const, Http2: "on" as const, CertInfo: { Certificate: cdnChain.certificate, PrivateKey: cdnChain.privateKey, Message: "site" } } },
          { domain: SHOP, https: hostedHttps },
          { domain: domainToASCII(CDN_IDN), https: hostedHttps },
        ].map((d) => ({ ...d, status: "online" as const, originType: "domain" })),
        liveDomains: [P1, P2, P3, P4, P5, domainToASCII(P_IDN)].map((name) => ({ name, type: 1 as const })),
        freeCertificates: [
          { id: "free0001", domain: domainToASCII(FREE_IDN), validationMethod: "DNS", keyAlgorithm: "ECC", status: "issued" },
          { id: "free0002", domain: "pending.example.com", validationMethod: "DNS" },
        ],
      },
    });
    for (const d of [P1, P2, P3, P5, domainToASCII(P_IDN)]) await fixture.emulator.editLiveBinding(d, { cloudCertId: LIVE_CERT, status: 1 });
    upHost = fixture.host;
    destroyHost = await fixture.newHost();
    for (const kind of RESOURCE_KINDS) seams[kind] = (await fixture.engine(kind)).provider;
  });
  after(async () => { await fixture?.stop(); });

  it("the engine's import step fails for every resource: the host cannot find __provider (Pulumi's limitation)", async function () {
    const since = await seq();
    for (const kind of RESOURCE_KINDS) {
      const failed = await up(kind).import(urnOf(kind, "imported"), "anything").then(() => undefined, (e) => e);
      expect(failed, kind).to.be.instanceOf(HostError);
      expect(failed.method, kind).to.equal("read");
      expect(failed.message, kind).to.equal("code must be a string, not undefined");
    }
    // Nothing reached the API: the provider never ran.
    expect(await fixture.emulator.requests(since)).to.deep.equal([]);
  });

  describe("get (ReadStep: the program's props as inputs and state)", function () {
    it("CdnHttpsConfig.get returns the domain's HTTPS configuration", async function () {
      const got = await up("cdnHttpsConfig").get(urnOf("cdnHttpsConfig", "got"), "SHOP.example.com.", sdkProps("got"));
      expect(got.id).to.equal(SHOP);
      expect(got.outputs).to.include({ domain: SHOP, certificateId: "hosted01", source: "hosted", httpsEnabled: true, http2: true });
      expect(got.outputs.hsts).to.deep.equal({ maxAge: 3600, includeSubDomains: false });
    });

    it("LiveCertificate.get returns the certificate, adopted", async function () {
      const got = await up("liveCertificate").get(urnOf("liveCertificate", "got"), LIVE_CERT, sdkProps("got"));
      expect(got.outputs).to.include({ certificateId: LIVE_CERT, source: "self-owned", adopted: true, alias: "playback", fingerprint: liveChain.fingerprintSha256 });
      expect(got.outputs.dnsNames).to.have.members(["live.example.com", "*.live.example.com"]);
    });

    it("LiveDomainBinding.get normalises the domains it is given (PLAY3., Unicode) and records them as bound", async function () {
      const given = ["PLAY3.live.example.com.", P_IDN];
      await fixture.emulator.editLiveBinding(domainToASCII(P_IDN), { cloudCertId: LIVE_CERT, status: 1 });
      const got = await up("liveDomainBinding").get(urnOf("liveDomainBinding", "got"), given.join(","), sdkProps("got", { certificateId: LIVE_CERT, domains: given }));
      const domains = [P3, domainToASCII(P_IDN)].sort();
      expect(got.id).to.equal(domains.join(","));
      expect(got.outputs).to.deep.include({ certificateId: LIVE_CERT, domains, enableHttps: true, boundTo: Object.fromEntries(domains.map((d) => [d, LIVE_CERT])) });
      const byId = await up("liveDomainBinding").get(urnOf("liveDomainBinding", "got-id"), given.join(","), sdkProps("got-id"));
      expect(byId.outputs.domains).to.deep.equal(domains);
    });

    it("FreeCertificate.get returns the API's settings (validationMethod, keyAlgorithm), not the program's props", async function () {
      const got = await up("freeCertificate").get(urnOf("freeCertificate", "got"), "free0001", sdkProps("got", { domain: FREE_IDN }));
      expect(got.outputs).to.include({ certificateId: "free0001", domain: domainToASCII(FREE_IDN), validationMethod: "DNS", keyAlgorithm: "ECC", status: "issued", adopted: true });
      expect(got.outputs.fingerprint).to.match(/^[0-9a-f]{64}$/);
      const bare = await up("freeCertificate").get(urnOf("freeCertificate", "got-bare"), "free0002", sdkProps("got-bare"));
      expect(bare.outputs).to.include({ certificateId: "free0002", domain: "pending.example.com", validationMethod: "DNS", keyAlgorithm: "RSA", status: "pendingValidation" });
      expect(bare.outputs.validationRecords).to.have.length(1);
    });

    it("FreeCertificateValidation.get returns the certificate's status", async function () {
      const got = await up("freeCertificateValidation").get(urnOf("freeCertificateValidation", "got"), "free0001", sdkProps("got"));
      expect(got.outputs).to.include({ certificateId: "free0001", status: "issued" });
      expect(got.outputs.expiresAt).to.be.a("string");
      const gone = await up("freeCertificateValidation").get(urnOf("freeCertificateValidation", "gone"), "NoSuch01", sdkProps("gone")).catch((e) => e);
      expect(gone.message).to.equal("resource 'NoSuch01' does not exist");
    });
  });
});
