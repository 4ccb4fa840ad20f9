// Our client against the real emulator over HTTP: transient faults and throttling are absorbed with
// a visible retry count, a validation error is answered once and never retried, and a failure that
// carries a private key in its request leaks it nowhere.
import { expect } from "chai";
import { inspect } from "node:util";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { TencentCloudClient, TencentCloudError } from "../../provider/tencentcloud";
import { makeChain } from "../support/certs";

const DOMAIN = "cdn.example.com";

describe("client against the emulator", function () {
  let emulator: EmulatorHandle;
  let lines: string[];
  let client: TencentCloudClient;

  before(async function () {
    emulator = await startEmulator({ seed: { cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }] } });
  });
  after(async function () { await emulator?.stop(); });
  beforeEach(async function () {
    await emulator.faults([]);
    lines = [];
    client = new TencentCloudClient({
      credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey },
      endpoint: emulator.url,
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      log: (l) => lines.push(l),
    });
  });

  const lastSeq = async () => (await emulator.requests()).reduce((m, r) => Math.max(m, r.seq), 0);
  const describe1 = () => client.cdn.describeDomainsConfig({ Filters: [{ Name: "domain", Value: [DOMAIN] }] });

  it("absorbs throttling, InternalError, HTTP 502 and a dropped connection, counting each retry", async function () {
    await emulator.faults([
      { action: "DescribeDomainsConfig", code: "RequestLimitExceeded", count: 1 },
      { action: "DescribeDomainsConfig", code: "InternalError", count: 1 },
      { action: "DescribeDomainsConfig", httpStatus: 502, count: 1 },
      { action: "DescribeDomainsConfig", drop: true, count: 1 },
    ]);
    const res = await describe1();
    expect(res.Domains.map((d) => d.Domain)).to.deep.equal([DOMAIN]);
    const stats = client.stats();
    expect(stats.retries).to.equal(4);
    expect(stats.throttled).to.equal(1);
    expect(stats.calls["cdn.DescribeDomainsConfig"]).to.equal(1);
    expect(lines.filter((l) => /retry/i.test(l))).to.have.length(4);
  });

  it("answers a validation error once and never retries it", async function () {
    const since = await lastSeq();
    await emulator.faults([{ action: "UpdateDomainConfig", code: "InvalidParameter.CdnParamError", count: 5 }]);
    const error = await client.cdn.updateDomainConfig({ Domain: DOMAIN, Https: { Switch: "on" } }).then(() => undefined, (e) => e);
    expect(error).to.be.instanceOf(TencentCloudError);
    expect((error as TencentCloudError).code).to.equal("InvalidParameter.CdnParamError");
    expect((error as TencentCloudError).requestId).to.be.a("string");
    expect(client.stats().retries).to.equal(0);
    const sent = (await emulator.requests(since)).filter((r) => r.action === "UpdateDomainConfig");
    expect(sent).to.have.length(1);
  });

  it("keeps the private key out of an error whose request carried it", async function () {
    const chain = makeChain({ domains: [DOMAIN] });
    await emulator.faults([{ action: "UpdateDomainConfig", httpStatus: 502 }]);
    const error = await client.cdn.updateDomainConfig({
      Domain: DOMAIN, Https: { Switch: "on", CertInfo: { Certificate: chain.certificate, PrivateKey: chain.privateKey } },
    }).then(() => undefined, (e) => e);
    expect(error).to.be.instanceOf(TencentCloudError);
    const everything = [JSON.stringify(error), inspect(error, { depth: 10 }), String((error as Error).stack), ...lines].join("\n");
    const keyBody = chain.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"));
    for (const line of keyBody) expect(everything).to.not.include(line);
    expect(everything).to.not.include(emulator.secretKey);
  });
});
