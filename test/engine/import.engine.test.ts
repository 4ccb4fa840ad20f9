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
import { STACK } from "../ownership/deployment";
import { makeChain, TestChain } from "../support/certs";
import { CheckFailedError, Engine, HostError, HostFixture, Props, ProviderHost, startHostFixture, StateEntry, urnFor } from "../support/engine";

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
          { id: "free0003", domain: "waiting.example.com", validationMethod: "FILE" },
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

  describe("{ import: id } as the sdk hands it over: a check and a create that adopts", function () {
    it("CdnHttpsConfig: a self-owned configuration, written as DOMAIN. with a CRLF PEM and certRemark, adopted without a write; destroy turns its HTTPS off", async function () {
      const since = await seq();
      const args = { domain: "CDN.Example.COM.", certificate: crlf(cdnChain.certificate), privateKey: crlf(cdnChain.privateKey), certRemark: "site" };
      const site = await adopt("cdnHttpsConfig", "site", args, "CDN.example.com");
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
      expect(site.id).to.equal(CDN);
      expect(site.outputs).to.include({ domain: CDN, source: "self-owned", fingerprint: cdnChain.fingerprintSha256, httpsEnabled: true, alias: "site" });
      // What it adopted is what it set: the certificate served now.
      const served = (await cdnHttps(CDN)).CertInfo;
      expect(site.outputs.deployedCert).to.deep.equal({ certName: served.CertName, expireTime: served.ExpireTime });

      expect((await up("cdnHttpsConfig").up(site, sdkProps("site", args, "CDN.example.com"))).step).to.equal("same");
      expect((await up("cdnHttpsConfig").up(site, sdkProps("site", args))).step, "the import option removed").to.equal("same");
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);

      await destroy("cdnHttpsConfig", site);
      expect((await cdnHttps(CDN)).Switch).to.equal("off");
      expect((await cdnHttps(SHOP)).Switch, "another domain is untouched").to.equal("on");
    });

    it("CdnHttpsConfig: a hosted certificate by its former argument name certId, on an IDN domain written in Unicode, not waiting for deployment", async function () {
      const since = await seq();
      const args = { domain: CDN_IDN.toUpperCase(), certId: "hosted01", hsts: { maxAge: 3600 }, waitForDeployment: false };
      const idn = await adopt("cdnHttpsConfig", "idn", args, CDN_IDN);
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
      expect(idn.id).to.equal(domainToASCII(CDN_IDN));
      expect(idn.outputs).to.include({ certificateId: "hosted01", source: "hosted", waitForDeployment: false });
      expect(idn.outputs.deployedCert).to.include({ certId: "hosted01" });
      expect((await up("cdnHttpsConfig").up(idn, sdkProps("idn", args, CDN_IDN))).step).to.equal("same");
      await destroy("cdnHttpsConfig", idn);
      expect((await cdnHttps(CDN_IDN)).Switch).to.equal("off");
      expect(await sslIds(), "the hosted certificate stays").to.include("hosted01");
    });

    it("LiveCertificate: an uploaded certificate from a CRLF PEM, and a hosted one by cloudCertId, adopted; destroy deletes neither", async function () {
      const since = await seq();
      const ownArgs = { certificate: crlf(liveChain.certificate), privateKey: liveChain.privateKey, remarks: "playback" };
      const own = await adopt("liveCertificate", "play-cert", ownArgs, LIVE_CERT);
      expect(own.outputs).to.include({ certificateId: LIVE_CERT, source: "self-owned", adopted: true, alias: "playback", fingerprint: liveChain.fingerprintSha256 });
      const hostedArgs = { cloudCertId: "hosted01", alias: "wildcard" };
      const hosted = await adopt("liveCertificate", "wildcard", hostedArgs, "hosted01");
      expect(hosted.outputs).to.include({ certificateId: "hosted01", source: "hosted", adopted: true });
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
      expect((await up("liveCertificate").up(own, sdkProps("play-cert", ownArgs, LIVE_CERT))).step).to.equal("same");
      expect((await up("liveCertificate").up(hosted, sdkProps("wildcard", hostedArgs))).step).to.equal("same");

      await destroy("liveCertificate", own);
      await destroy("liveCertificate", hosted);
      expect(await sslIds()).to.include.members([LIVE_CERT, "hosted01"]);
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
    });

    it("LiveDomainBinding: domains as PLAY1., play2. and Unicode adopted as found (boundTo); destroy unbinds exactly those, not a third bound alike", async function () {
      const since = await seq();
      const args = { cloudCertId: LIVE_CERT, domains: [P1.toUpperCase(), `${P2}.`, P_IDN] };
      const importId = `${P2}., ${domainToASCII(P_IDN)},${P1.toUpperCase()}`; // the id in punycode, the argument in Unicode
      const binding = await adopt("liveDomainBinding", "play-https", args, importId);
      // HTTPS declared left alone (enableHttps false) adopts whatever HTTPS state the domain has.
      const leftAlone = await adopt("liveDomainBinding", "play5-https", { certificateId: LIVE_CERT, domains: [P5], enableHttps: false }, P5);
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
      const declared = [P1, P2, domainToASCII(P_IDN)].sort();
      expect(binding.id).to.equal(declared.join(","));
      expect(binding.outputs.domains).to.deep.equal(declared);
      expect(binding.outputs.boundTo).to.deep.equal(Object.fromEntries(declared.map((d) => [d, LIVE_CERT])));
      expect(leftAlone.outputs).to.deep.include({ domains: [P5], enableHttps: false, boundTo: { [P5]: LIVE_CERT } });
      expect((await up("liveDomainBinding").up(binding, sdkProps("play-https", args, importId))).step).to.equal("same");

      await destroy("liveDomainBinding", binding);
      await destroy("liveDomainBinding", leftAlone);
      expect(await liveBindings()).to.deep.equal({ [P3]: LIVE_CERT });
    });

    it("FreeCertificate: an issued certificate for a Unicode domain adopted with its method and key; destroy leaves it", async function () {
      const since = await seq();
      const args = { domain: `${FREE_IDN.toUpperCase()}.`, validationMethod: "DNS", keyAlgorithm: "ECC", renewBeforeDays: 20 };
      const cert = await adopt("freeCertificate", "free", args, "free0001");
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
      expect(cert.outputs).to.include({ certificateId: "free0001", domain: domainToASCII(FREE_IDN), validationMethod: "DNS", keyAlgorithm: "ECC", renewBeforeDays: 20, status: "issued", adopted: true });
      expect((await up("freeCertificate").up(cert, sdkProps("free", args, "free0001"))).step).to.equal("same");
      await destroy("freeCertificate", cert);
      expect(await sslIds()).to.include("free0001");
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
    });

    it("FreeCertificate: one still awaiting validation is adopted and waited for, as its create would; never applied for again", async function () {
      const since = await seq();
      await fixture.emulator.markValidationRecordPresent("free0002");
      const args = { domain: "pending.example.com", validationMethod: "DNS" };
      const cert = await adopt("freeCertificate", "pending", args, "free0002");
      expect(cert.outputs).to.include({ certificateId: "free0002", status: "issued", adopted: true });
      expect(cert.outputs.validationRecords).to.have.length(1);
      expect((await up("freeCertificate").up(cert, sdkProps("pending", args, "free0002"))).step).to.equal("same");
      expect((await fixture.emulator.writes(since)).map((w) => w.action)).to.not.include("ApplyCertificate");
    });

    it("FreeCertificateValidation: adopted by its certificate id without a write; destroy sends nothing", async function () {
      const since = await seq();
      const args = { certificateId: "free0001", validationRecordIds: ["rec-1"] };
      const validation = await adopt("freeCertificateValidation", "free-validation", args, "free0001");
      expect(validation.outputs).to.include({ certificateId: "free0001", status: "issued" });
      expect(validation.outputs.validationRecordIds).to.deep.equal(["rec-1"]);
      expect((await up("freeCertificateValidation").up(validation, sdkProps("free-validation", args, "free0001"))).step).to.equal("same");
      await destroy("freeCertificateValidation", validation);
      expect(await fixture.emulator.writes(since)).to.deep.equal([]);
    });
  });

  describe("{ import: id } of what is not as the program declares: refused at preview, one sentence per differing argument, nothing written", function () {
    let since: number;
    beforeEach(async () => { since = await seq(); });
    afterEach(async () => { expect(await fixture.emulator.writes(since)).to.deep.equal([]); });
    const IMPORT_HINT = " Change the program to what exists, or remove the import option and let `pulumi up` make it so.";
    /** The preview's check failures, by property; `pulumi up` stops at the same check, before any create. */
    async function refused(kind: ResourceKind, name: string, args: Props, importId: string): Promise<Record<string, string>> {
      const props = sdkProps(name, args, importId);
      const { failures } = await up(kind).preview(urnOf(kind, name), props);
      expect(await up(kind).create(urnOf(kind, name), props).catch((e) => e)).to.be.instanceOf(CheckFailedError);
      return Object.fromEntries(failures.map((f) => [f.property, f.reason]));
    }
    const sentence = (type: string, id: string, phrase: string) => `${type} ${id} cannot be imported as the program declares it: ${phrase}.${IMPORT_HINT}`;

    it("CdnHttpsConfig: settings and certificate", async function () {
      const settings = await refused("cdnHttpsConfig", "shop", { domain: SHOP, certificateId: "hosted01", http2: false, hsts: { maxAge: 7200 } }, SHOP);
      expect(settings).to.deep.equal({
        http2: sentence("CdnHttpsConfig", SHOP, "true at the API, false in the program"),
        hsts: sentence("CdnHttpsConfig", SHOP, '{"maxAge":3600,"includeSubDomains":false} at the API, {"maxAge":7200,"includeSubDomains":false} in the program'),
      });
      const own = makeChain({ domains: [SHOP], keySet: 3 }); // a key already made (keySet 3): no key generation here
      const certificate = await refused("cdnHttpsConfig", "shop", { domain: SHOP, certificate: own.certificate, privateKey: own.privateKey }, SHOP);
      expect(certificate).to.deep.equal({
        certificate: sentence("CdnHttpsConfig", SHOP, "the deployed certificate is hosted in SSL Certificate Management (hosted01), the program's is self-owned"),
        hsts: sentence("CdnHttpsConfig", SHOP, '{"maxAge":3600,"includeSubDomains":false} at the API, not set in the program'),
      });
      expect((await cdnHttps(SHOP)).Switch).to.equal("on");
    });

    it("LiveCertificate: other material and another alias", async function () {
      const failures = await refused("liveCertificate", "play-cert", { certificate: otherChain.certificate, privateKey: otherChain.privateKey, alias: "renamed" }, LIVE_CERT);
      expect(failures).to.deep.equal({
        certificate: sentence("LiveCertificate", LIVE_CERT, `self-owned certificate ${LIVE_CERT} (SHA-256 ${liveChain.fingerprintSha256}) at the API, a self-owned certificate (SHA-256 ${otherChain.fingerprintSha256}) in the program`),
        alias: sentence("LiveCertificate", LIVE_CERT, '"playback" at the API, "renamed" in the program'),
      });
    });

    it("LiveDomainBinding: a declared domain not bound to the certificate", async function () {
      const failures = await refused("liveDomainBinding", "play-https", { certificateId: LIVE_CERT, domains: [P3, P4] }, `${P3},${P4}`);
      expect(failures).to.deep.equal({ domains: sentence("LiveDomainBinding", `${P3},${P4}`, `["${P3}"] bound to ${LIVE_CERT} at the API, ["${P3}","${P4}"] in the program`) });
    });

    it("FreeCertificate: another validation method and key algorithm; an id that does not exist", async function () {
      expect(await refused("freeCertificate", "free", { domain: FREE_IDN }, "free0001")).to.deep.equal({
        validationMethod: sentence("FreeCertificate", "free0001", '"DNS" at the API, "DNS_AUTO" in the program'),
        keyAlgorithm: sentence("FreeCertificate", "free0001", '"ECC" at the API, "RSA" in the program'),
      });
      expect(await refused("freeCertificate", "free", { domain: FREE_IDN }, "NoSuch01")).to.deep.equal({ "(import)": "FreeCertificate NoSuch01 cannot be imported: it does not exist." });
    });

    it("FreeCertificateValidation: another certificate; and at create, should it differ by then, every differing argument in one sentence", async function () {
      expect(await refused("freeCertificateValidation", "free-validation", { certificateId: "free0002" }, "free0001")).to.deep.equal({
        certificateId: sentence("FreeCertificateValidation", "free0001", '"free0001" at the API, "free0002" in the program'),
      });
      // What changed between check and create (or was unknown at check) is refused by the create itself.
      const failed = await upHost.create(urnOf("liveCertificate", "play-cert"),
        { ...sdkProps("play-cert", { certificate: otherChain.certificate, privateKey: otherChain.privateKey, alias: "renamed" }, LIVE_CERT), __provider: seams.liveCertificate }).catch((e) => e);
      expect(failed.message).to.equal(sentence("LiveCertificate", LIVE_CERT, [
        `certificate: self-owned certificate ${LIVE_CERT} (SHA-256 ${liveChain.fingerprintSha256}) at the API, a self-owned certificate (SHA-256 ${otherChain.fingerprintSha256}) in the program`,
        'alias: "playback" at the API, "renamed" in the program'].join("; ")));
    });
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
      const bare = await up("freeCertificate").get(urnOf("freeCertificate", "got-bare"), "free0003", sdkProps("got-bare"));
      expect(bare.outputs).to.include({ certificateId: "free0003", domain: "waiting.example.com", validationMethod: "FILE", keyAlgorithm: "RSA", status: "pendingValidation" });
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
