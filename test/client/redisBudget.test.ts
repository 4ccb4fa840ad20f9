// The budget shared through Redis, against a real redis-server (test/support/redis.ts: CI's, or one
// started here): two clients with connections of their own draw one budget, providers sharing it
// against the emulator are not throttled, and an unreachable store is said once and paced around.
import { expect } from "chai";
import * as net from "node:net";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { accountOf, RateBudgets } from "../../provider/tencentcloud/pacing";
import { describeStore, RedisBudget, SHARED_HEADROOM_SECONDS } from "../../provider/tencentcloud/redisBudget";
import { isThrottleCode } from "../../provider/tencentcloud/errors";
import { rateLimitStore, readConfig } from "../../provider/config";
import { testRedis, TestRedis } from "../support/redis";

/** A port on loopback where nothing listens (a store that is down). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

describe("rate budget shared through Redis", function () {
  this.timeout(30_000);
  let redis: TestRedis;
  const opened: RedisBudget[] = [];
  const store = (url = redis.url, warnings: string[] = []) => {
    const s = new RedisBudget(url, (line) => warnings.push(line));
    opened.push(s);
    return s;
  };

  before(async () => { redis = await testRedis(); });
  after(async () => { await redis?.stop(); });
  afterEach(async () => { await Promise.all(opened.splice(0).map((s) => s.close())); });

  it("gives two clients with connections of their own one bucket: the burst, then turns in order of asking", async () => {
    const account = accountOf({ secretId: `AKIDshared${Date.now()}` });
    const [a, b] = [store(), store()];
    const waits: number[] = [];
    for (let i = 0; i < 30; i++) waits.push((await (i % 2 ? a : b).reserve(account, "cdn", "UpdateDomainConfig", 20))!);
    const burst = 20 * (1 - SHARED_HEADROOM_SECONDS);
    expect(waits.filter((w) => w === 0).length).to.be.within(burst, burst + 1); // 30 asks take a few ms: at most one token more
    for (let i = 1; i < waits.length; i++) expect(waits[i]).to.be.at.least(waits[i - 1]);
    expect(waits[29]).to.be.within(((29 - burst) * 1000) / 20 - 60, ((30 - burst) * 1000) / 20); // 20/s after the burst
    // Another account, another action: buckets of their own.
    expect(await a.reserve(accountOf({ secretId: `AKIDother${Date.now()}` }), "cdn", "UpdateDomainConfig", 20)).to.equal(0);
    expect(await b.reserve(account, "cdn", "DescribeDomainsConfig", 20)).to.equal(0);
  });

  describe("providers against the emulator (20/s, burst 20)", () => {
    let emulator: EmulatorHandle;
    before(async () => { emulator = await startEmulator({ seed: { cdnDomains: [{ domain: "shared.example.com" }] } }); });
    after(async () => { await emulator.stop(); });

    /** Two processes' clients (own budgets, same account), 15 reads each at once; the throttling answers the API gave. */
    async function readTogether(shared: boolean): Promise<{ calls: number; throttled: number }> {
      await emulator.reset();
      const clients = [0, 1].map(() => new TencentCloudClient({
        credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url,
        budgets: new RateBudgets({ shared: shared ? store() : undefined }),
      }));
      await Promise.all(clients.flatMap((c) => Array.from({ length: 15 }, () => c.cdn.describeDomainsConfig({ Limit: 1 }))));
      const log = await emulator.requests();
      return { calls: log.length, throttled: log.filter((e) => e.errorCode && isThrottleCode(e.errorCode)).length };
    }

    it("draw one budget: no throttling answer, where pacing alone meets some", async () => {
      const alone = await readTogether(false);
      expect(alone.throttled).to.be.greaterThan(0);
      await new Promise((r) => setTimeout(r, 1000)); // the emulator's bucket fills again
      const shared = await readTogether(true);
      expect(shared).to.deep.equal({ calls: 30, throttled: 0 });
    });
  });

  describe("when the store is unreachable", () => {
    it("says so once, naming the store without its password, and lets the caller pace alone", async () => {
      const warnings: string[] = [];
      const url = `redis://pacer:s3cret-pw@127.0.0.1:${await closedPort()}/0`;
      const s = store(url, warnings);
      expect(await s.reserve("acct", "cdn", "UpdateDomainConfig", 20)).to.equal(undefined);
      expect(await s.reserve("acct", "cdn", "UpdateDomainConfig", 20)).to.equal(undefined);
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain(describeStore(url)).and.contain("paces its calls alone").and.not.contain("s3cret-pw").and.not.contain("pacer:");
      expect(describeStore(url)).to.match(/^redis:\/\/127\.0\.0\.1:\d+$/);
    });

    it("still answers the provider's calls, paced by its own budget", async () => {
      const emulator = await startEmulator({ seed: { cdnDomains: [{ domain: "alone.example.com" }] } });
      try {
        const warnings: string[] = [];
        const client = new TencentCloudClient({
          credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url,
          budgets: new RateBudgets({ shared: store(`redis://127.0.0.1:${await closedPort()}`, warnings) }),
        });
        const answers = await Promise.all(Array.from({ length: 5 }, () => client.cdn.describeDomainsConfig({ Limit: 1 })));
        expect(answers.every((a) => a.TotalNumber === 1)).to.equal(true);
        expect(warnings).to.have.length(1);
      } finally {
        await emulator.stop();
      }
    });

    it("treats a URL that is not redis:// as unreachable, not as a failed deployment", async () => {
      const warnings: string[] = [];
      expect(await store("http://127.0.0.1:6379", warnings).reserve("acct", "cdn", "UpdateDomainConfig", 20)).to.equal(undefined);
      expect(warnings[0]).to.contain("redis://");
    });
  });

  describe("configuration", () => {
    const saved = process.env.TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE;
    afterEach(() => {
      if (saved === undefined) delete process.env.TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE; else process.env.TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE = saved;
    });

    it("takes the store from tencentcloud-https:rateLimitStore, else TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE, else none", () => {
      delete process.env.TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE;
      const none = readConfig({ config: { get: () => undefined } });
      expect(rateLimitStore(none)).to.equal(undefined);
      process.env.TENCENTCLOUD_HTTPS_RATE_LIMIT_STORE = "redis://env:6379";
      expect(rateLimitStore(none)).to.equal("redis://env:6379");
      const configured = readConfig({ config: { get: (k: string) => (k === "tencentcloud-https:rateLimitStore" ? "redis://config:6379" : undefined) } });
      expect(rateLimitStore(configured)).to.equal("redis://config:6379");
    });
  });
});
