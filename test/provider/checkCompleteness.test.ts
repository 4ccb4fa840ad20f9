// A failed check reports every problem it can find at once (issue 29), each naming its field, in the
// order of the arguments, and for one argument what the domain is before what a certificate says
// about it: a typo in a domain reads as a missing domain, not only as a certificate problem. Bad
// input still never reaches the API: a value that failed is never sent, the others are asked about.
import { expect } from "chai";
import type { CheckFailure } from "../../provider/runtime/validate";
import { makeChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DAY = 86_400_000;

describe("check reports every problem at once, domain before certificate", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const cdn = handlersOf(() => env, "cdnHttpsConfig");
  const binding = handlersOf(() => env, "liveDomainBinding");
  const liveCert = handlersOf(() => env, "liveCertificate");
  const other = makeChain({ domains: ["other.example.org"] });
  const covering = makeChain({ domains: ["*.example.com"], keySet: 1 });

  before(async () => {
    env = await startProviderEnv({
      seed: {
        cdnDomains: [{ domain: "off.example.com", status: "offline", originType: "domain" }],
        liveDomains: [
          { name: "play.example.org", type: 1, status: 1 },
          { name: "push.example.com", type: 0, status: 1 },
          { name: "play.example.com", type: 1, status: 1 },
        ],
        sslCertificates: [{ id: "wildcard1", certificate: covering.certificate, from: "trustasia" }],
      },
    });
  });
  after(async () => { await env?.stop(); });

  const actions = async (since: number) => (await env.emulator.requests(since)).map((r) => r.action);
  const lastSeq = async () => (await env.emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
  const properties = (failures: { property: string }[]) => failures.map((f) => f.property);
  const failuresOf = (result: { failures?: CheckFailure[] }): CheckFailure[] => result.failures ?? [];

  it("CdnHttpsConfig: a domain that does not exist, then the certificate that does not cover it", async () => {
    const failures = failuresOf(await cdn.check({}, { domain: "nope.example.com", certificate: other.certificate, privateKey: other.privateKey }));
    expect(properties(failures)).to.deep.equal(["domain", "certificate"]);
    expect(failures[0].reason).to.match(/CDN domain nope\.example\.com does not exist/);
    expect(failures[1].reason).to.match(/nope\.example\.com/);
  });

  it("CdnHttpsConfig: the domain's status, the certificate and a bad argument, in the order of the arguments", async () => {
    const failures = failuresOf(await cdn.check({}, {
      domain: "off.example.com", certificate: other.certificate, privateKey: other.privateKey, hsts: { maxAge: -1 },
    }));
    expect(properties(failures)).to.deep.equal(["domain", "certificate", "hsts.maxAge"]);
    expect(failures[0].reason).to.match(/offline/);
  });

  it("CdnHttpsConfig hosted: the missing domain and the missing certificate both; a value that failed is never sent", async () => {
    let since = await lastSeq();
    const both = failuresOf(await cdn.check({}, { domain: "nope.example.com", certificateId: "missing1" }));
    expect(properties(both)).to.deep.equal(["domain", "certificateId"]);
    expect(await actions(since)).to.include.members(["DescribeDomainsConfig", "DescribeCertificateDetail"]);

    since = await lastSeq();
    const badDomain = failuresOf(await cdn.check({}, { domain: "https://nope.example.com/x", certificateId: "missing1" }));
    expect(properties(badDomain)).to.deep.equal(["domain", "certificateId"]);
    expect(await actions(since), "the malformed domain is not asked about").to.deep.equal(["DescribeCertificateDetail"]);

    since = await lastSeq();
    const badId = failuresOf(await cdn.check({}, { domain: "nope.example.com", certificateId: "../../etc" }));
    expect(properties(badId)).to.deep.equal(["domain", "certificateId"]);
    expect(await actions(since), "the malformed id is not asked about").to.deep.equal(["DescribeDomainsConfig"]);
  });

  it("LiveDomainBinding: every domain that does not exist or is a push domain, then those the certificate does not cover, beside a bad argument", async () => {
    const failures = failuresOf(await binding.check({}, {
      certificateId: "wildcard1",
      domains: ["play.example.org", "missing.example.com", "push.example.com", "play.example.com"],
      enableHttps: "yes",
    }));
    expect(failures.map((f) => `${f.property}: ${f.reason.split(" ").slice(0, 4).join(" ")}`)).to.deep.equal([
      "domains[1]: Live domain missing.example.com does",
      "domains[2]: Live domain push.example.com is",
      "domains[0]: Live domain play.example.org is",
      "enableHttps: enableHttps must be true",
    ]);
    expect(failures[2].reason).to.match(/not covered by certificate wildcard1/);
  });

  it("LiveCertificate: a bad alias does not hide an expired certificate", async () => {
    const expired = makeChain({ domains: ["play.example.com"], notBefore: new Date(Date.now() - 100 * DAY), notAfter: new Date(Date.now() - DAY), keySet: 2 });
    const failures = failuresOf(await liveCert.check({}, { alias: 42, certificate: expired.certificate, privateKey: expired.privateKey }));
    expect(properties(failures)).to.deep.equal(["alias", "certificate"]);
    expect(failures[1].reason).to.match(/expired/);
  });
});
