// Issue 24's gaps, one test each: key material hidden in certificate text (a damaged BEGIN line, a block
// whose labels differ), raw text sent and stored instead of what was parsed, a 20 MB certificate value,
// a FreeCertificate domain a public CA refuses (underscore, length counted on the punycode form), a
// hosted server certificate given as the mTLS client CA, and redaction that only knew field names.
import { expect } from "chai";
import { domainToASCII } from "node:url";
import { makeScrubber } from "../../provider/tencentcloud/redact";
import { redactSecrets } from "../../emulator/core/redact";
import { cachedKey, makeCa, makeCertificate, makeChain, toPem } from "../support/certs";
import { startProviderEnv, ProviderEnv } from "../support/providerEnv";
import { Needle, pemNeedles, scanForSecrets } from "../../bench/lib/secretScan";
import type { CheckFailure } from "../../provider/runtime/validate";

const ZONE = "hostile.example.com";
const CDN = `www.${ZONE}`;
const MTLS = `mtls.${ZONE}`;
const HOSTED_CA_SERVER = "HOSTCA01";
const PLAY = `play.live.${ZONE}`;
const HOSTED_LIVE = "HOSTLIV1";
const TWENTY_MB = 20 * 1024 * 1024;

/** A self-signed server certificate with CA:TRUE, as `openssl req -x509` makes by default. */
function selfSignedCaServerCertificate(domain: string): string {
  const key = cachedKey("rsa", 640);
  const subject: [string, string][] = [["2.5.4.3", domain]];
  return toPem(makeCertificate({
    subject, issuer: subject, publicKey: key.publicKey, issuerPublicKey: key.publicKey, signingKey: key.privateKey,
    notBefore: new Date(Date.now() - 86_400_000), notAfter: new Date(Date.now() + 90 * 86_400_000), isCa: true, sans: [domain],
  }));
}

describe("proof: hostile input (issue 24)", function () {
  this.timeout(60_000);
  const chain = makeChain({ domains: [`*.${ZONE}`, ZONE], keySet: 9 });
  const keyRows = pemNeedles("key", chain.privateKey, 24, [chain.certificate]);
  const hostedServer = selfSignedCaServerCertificate(MTLS);
  const liveChain = makeChain({ domains: [`*.live.${ZONE}`], keySet: 9 });
  let env: ProviderEnv;

  /** The key under a BEGIN line one dash short, as a hand-edited combined file often has it. */
  const damagedKey = chain.privateKey.replace("-----BEGIN PRIVATE KEY-----", "----BEGIN PRIVATE KEY-----");
  /** The key under labels that disagree. */
  const mismatchedKey = chain.privateKey.replace("-----END PRIVATE KEY-----", "-----END RSA PRIVATE KEY-----");

  before(async () => {
    env = await startProviderEnv({
      seed: {
        cdnDomains: [{ domain: CDN, status: "online", originType: "domain" }, { domain: MTLS, status: "online", originType: "domain" }],
        sslCertificates: [{ id: HOSTED_CA_SERVER, certificate: hostedServer, from: "upload", status: 1 },
          { id: HOSTED_LIVE, certificate: liveChain.certificate, from: "trustasia", status: 1 }],
        liveDomains: [{ name: PLAY, type: 1, status: 1 }],
      },
      deployDelayMs: 0,
      rateLimits: false,
    });
  });
  after(async () => { await env?.stop(); });

  async function lastSeq(): Promise<number> {
    const all = await env.emulator.requests();
    return all.length ? all[all.length - 1].seq : 0;
  }

  /**
   * check, with the calls it made: refused on `property`, every reason free of the key, nothing written
   * and nothing of the refused text sent. A check may still read the domain (or a hosted certificate) by
   * name, so that a missing domain is reported in the same answer (issue 29); such a read carries only
   * that name, which the size bound proves for the 20 MB value too.
   */
  async function expectRefusedOffline(check: () => Promise<{ failures?: CheckFailure[] }>, property: string, reason: RegExp): Promise<void> {
    const since = await lastSeq();
    const failures = (await check()).failures ?? [];
    expect(failures.find((f) => f.property === property && reason.test(f.reason)), JSON.stringify(failures).slice(0, 800)).to.not.equal(undefined);
    expect(scanForSecrets([{ name: "failures", text: JSON.stringify(failures) }], keyRows)).to.deep.equal([]);
    const calls = await env.emulator.requests(since);
    expect(calls.filter((c) => c.write), "nothing written for input refused offline").to.deep.equal([]);
    for (const c of calls) expect(JSON.stringify(c.params).length, `${c.action} carries only a name`).to.be.below(1_000);
    expect(scanForSecrets([{ name: "requests", text: JSON.stringify(calls) }], keyRows)).to.deep.equal([]);
  }

  describe("key material in a certificate field is refused at check", () => {
    for (const [what, tail] of [["a key under a damaged BEGIN line", damagedKey], ["a key block whose labels differ", mismatchedKey]] as const) {
      it(`CdnHttpsConfig certificate: ${what}`, () => expectRefusedOffline(
        () => env.provider.cdnHttpsConfig.check({}, { domain: CDN, certificate: `${chain.certificate}\n${tail}`, privateKey: chain.privateKey }),
        "certificate", /private key/i));
      it(`LiveCertificate certificate: ${what}`, () => expectRefusedOffline(
        () => env.provider.liveCertificate.check({}, { certificate: `${chain.certificate}\n${tail}`, privateKey: chain.privateKey }),
        "certificate", /private key/i));
      it(`CdnHttpsConfig clientCertificate.caCertificates: ${what}`, () => expectRefusedOffline(
        () => env.provider.cdnHttpsConfig.check({}, { domain: CDN, certificate: chain.certificate, privateKey: chain.privateKey,
          clientCertificate: { caCertificates: `${chain.intermediatePems[0]}\n${tail}` } }),
        "clientCertificate.caCertificates", /private key/i));
    }
    it("a key's base64 body without any PEM lines", () => {
      const body = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----")).join("\n");
      return expectRefusedOffline(
        () => env.provider.liveCertificate.check({}, { certificate: `${chain.certificate}\n${body}\n`, privateKey: chain.privateKey }),
        "certificate", /private key/i);
    });
  });

  describe("a 20 MB certificate value is refused at check, before anything is parsed or sent", () => {
    const padding = `\n${"# padding\n".repeat(TWENTY_MB / 10)}`;
    const huge = `${chain.certificate}${padding}`;
    it("CdnHttpsConfig", () => expectRefusedOffline(
      () => env.provider.cdnHttpsConfig.check({}, { domain: CDN, certificate: huge, privateKey: chain.privateKey }), "certificate", /too large|at most/i));
    it("LiveCertificate", () => expectRefusedOffline(
      () => env.provider.liveCertificate.check({}, { certificate: huge, privateKey: chain.privateKey }), "certificate", /too large|at most/i));
    it("the client CA", () => expectRefusedOffline(
      () => env.provider.cdnHttpsConfig.check({}, { domain: CDN, certificate: chain.certificate, privateKey: chain.privateKey, clientCertificate: { caCertificates: `${chain.intermediatePems[0]}${padding}` } }),
      "clientCertificate.caCertificates", /too large|at most/i));
  });

  describe("what is sent and stored is what was parsed", () => {
    // What `openssl pkcs12 -nokeys` writes around each certificate, with CRLF line ends.
    const bagged = [chain.leafPem, chain.intermediatePems[0]].map((pem, i) =>
      `Bag Attributes\r\n    localKeyID: 0${i} 00 00 00\r\nsubject=CN = block ${i}\r\nissuer=CN = issuer ${i}\r\n${pem.replace(/\n/g, "\r\n")}`).join("");
    const canonical = chain.certificate; // the test factory writes canonical PEM: 64 columns, LF, nothing around the blocks

    it("CdnHttpsConfig: the output and the UpdateDomainConfig request hold the canonical chain", async () => {
      const args = { domain: CDN, certificate: bagged, privateKey: chain.privateKey };
      expect((await env.provider.cdnHttpsConfig.check({}, args)).failures ?? []).to.deep.equal([]);
      const since = await lastSeq();
      const { outs } = await env.provider.cdnHttpsConfig.create!(args);
      try {
        expect(outs.certificate).to.equal(canonical);
        const write = (await env.emulator.writes(since)).find((r) => r.action === "UpdateDomainConfig");
        expect(write?.params?.Https?.CertInfo?.Certificate).to.equal(canonical);
        // A diff against state written before this fix (the raw text) shows no change.
        expect((await env.provider.cdnHttpsConfig.diff!(CDN, { ...outs, certificate: bagged }, args)).changes).to.equal(false);
      } finally {
        await env.provider.cdnHttpsConfig.delete!(CDN, outs);
      }
    });

    // What `openssl pkcs12 -nocerts -nodes` writes around the key, with CRLF line ends.
    const baggedKey = `Bag Attributes\r\n    localKeyID: 00 00 00 00\r\nKey Attributes: <No Attributes>\r\n${chain.privateKey.replace(/\n/g, "\r\n")}`;

    // The engine stores check's returned inputs as the resource's inputs in the state file.
    it("check returns the parsed chain, key and client CA: the inputs the engine stores hold no pasted text", async () => {
      const clientCa = makeCa();
      const baggedCa = `subject=O = Test PKI\r\nissuer=O = Test PKI\r\n${clientCa.replace(/\n/g, "\r\n")}`;
      const cdn = await env.provider.cdnHttpsConfig.check({}, { domain: CDN, certificate: bagged, privateKey: baggedKey, clientCertificate: { caCertificates: baggedCa } });
      expect(cdn.failures ?? []).to.deep.equal([]);
      expect(cdn.inputs.certificate).to.equal(canonical);
      expect(cdn.inputs.privateKey).to.equal(chain.privateKey);
      expect((cdn.inputs.clientCertificate as { caCertificates: string }).caCertificates).to.equal(clientCa);
      const live = await env.provider.liveCertificate.check({}, { certificate: bagged, privateKey: baggedKey });
      expect(live.failures ?? []).to.deep.equal([]);
      expect([live.inputs.certificate, live.inputs.privateKey]).to.deep.equal([canonical, chain.privateKey]);
    });

    it("LiveCertificate: the output, the UploadCertificate request and the emulator's state hold the canonical chain", async () => {
      const args = { certificate: bagged, privateKey: chain.privateKey };
      const since = await lastSeq();
      const { id, outs } = await env.provider.liveCertificate.create!(args);
      try {
        expect(outs.certificate).to.equal(canonical);
        const write = (await env.emulator.writes(since)).find((r) => r.action === "UploadCertificate");
        expect(write?.params?.CertificatePublicKey).to.equal(canonical);
        const stored = (await env.emulator.state()).sslCertificates.find((c) => c.id === id);
        expect(stored?.certificate).to.equal(canonical);
      } finally {
        await env.provider.liveCertificate.delete!(id, outs);
      }
    });
  });

  describe("FreeCertificate domains a public CA refuses", () => {
    it("an underscore label", () => expectRefusedOffline(
      async () => env.provider.freeCertificate.check({}, { domain: "bad_label.example.com" }), "domain", /underscore/i));
    it("64 characters counted on the punycode form the CA counts, not the Unicode form", () => {
      const domain = `${"日本語".repeat(13)}.example.com`;
      expect(domain.length).to.be.at.most(64);
      expect(domainToASCII(domain).length).to.be.above(64);
      return expectRefusedOffline(async () => env.provider.freeCertificate.check({}, { domain }), "domain", /64/);
    });
  });

  it("a name or id holding a key's ciphertext (an encrypted key stripped of its armor) is refused: found by the fuzz campaign", () => {
    const encrypted = chain.encryptedKeyPem("pass", "pkcs1");
    const ciphertext = encrypted.split("\n").filter((l) => l && !l.startsWith("-----") && !l.includes(":")).join("\n");
    const rows = pemNeedles("encrypted key", encrypted, 24);
    return expectRefusedOffline(async () => {
      const result = await env.provider.freeCertificateValidation.check({}, { certificateId: "a9TsmZkL", validationRecordIds: [`\n${ciphertext}\n`] });
      expect(scanForSecrets([{ name: "failures", text: JSON.stringify(result.failures) }], rows)).to.deep.equal([]);
      return result;
    }, "validationRecordIds.0", /base64/);
  });

  it("a playback domain with two trailing dots is refused at check, not accepted and then left unbound: found by the fuzz campaign", async () => {
    const since = await lastSeq();
    const { failures } = await env.provider.liveDomainBinding.check({}, { certificateId: HOSTED_LIVE, domains: [`${PLAY}..`] });
    expect((failures ?? []).find((f) => f.property === "domains[0]" && /not a domain name/.test(f.reason)), JSON.stringify(failures)).to.not.equal(undefined);
    // It may still read the hosted certificate (issue 29: every problem in one answer); it writes nothing.
    expect(await env.emulator.writes(since)).to.deep.equal([]);
  });

  it("mTLS: a hosted server certificate (certificateId) given as the client CA is refused, as it is as PEM", async () => {
    const since = await lastSeq();
    const { failures } = await env.provider.cdnHttpsConfig.check({}, { domain: MTLS, certificateId: HOSTED_CA_SERVER, clientCertificate: { caCertificates: hostedServer } });
    expect((failures ?? []).map((f) => f.property)).to.include("clientCertificate.caCertificates");
    expect((failures ?? []).find((f) => /server certificate/.test(f.reason))).to.not.equal(undefined);
    expect(await env.emulator.writes(since)).to.deep.equal([]);
    // The same certificate as PEM (control): refused offline, as before.
    const pem = await env.provider.cdnHttpsConfig.check({}, { domain: MTLS, certificate: hostedServer, privateKey: cachedKey("rsa", 640).privateKey.export({ type: "pkcs8", format: "pem" }) as string, clientCertificate: { caCertificates: hostedServer } });
    expect((pem.failures ?? []).find((f) => f.property === "clientCertificate.caCertificates" && /server certificate/.test(f.reason))).to.not.equal(undefined);
  });

  describe("redaction finds key material by content, not only by field name", () => {
    const body = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----")).join("\n");
    const texts: [string, string][] = [
      ["a key under a damaged BEGIN line", `certificate follows\n${damagedKey}`],
      ["a key block whose labels differ", mismatchedKey],
      ["a key's base64 body alone", `data: ${body}\n`],
      ["a key JSON-escaped in an answer", JSON.stringify({ Certificate: `${chain.certificate}${damagedKey}` })],
    ];
    const leaks = (text: string, needles: Needle[]) => scanForSecrets([{ name: "redacted", text }], needles).map((l) => l.needle);
    for (const [what, text] of texts) {
      it(`provider scrubber: ${what}`, () => {
        expect(leaks(makeScrubber([])(text), keyRows)).to.deep.equal([]);
      });
      it(`emulator request log: ${what}`, () => {
        const redacted = redactSecrets({ Https: { CertInfo: { Certificate: text } }, Alias: text });
        expect(leaks(JSON.stringify(redacted), keyRows)).to.deep.equal([]);
      });
    }
    it("control: a certificate alone is left as it is", () => {
      expect(makeScrubber([])(chain.certificate)).to.equal(chain.certificate);
      expect(redactSecrets({ Certificate: chain.certificate })).to.deep.equal({ Certificate: chain.certificate });
    });
  });
});
