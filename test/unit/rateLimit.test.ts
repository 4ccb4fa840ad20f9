// Token buckets per service.action, with an injected clock instead of wall time.
import { expect } from "chai";
import { TokenBucket, bucketFor, acquire, resetRateLimitsForTests, PACING_MARGIN_MS } from "../../provider/tencentcloud/rateLimit";

function fakeClock() {
  let now = 0;
  return { clock: () => now, advance: (ms: number) => { now += ms; } };
}

describe("TokenBucket", () => {
  it("lets a burst through, then spaces callers at the rate, in order", () => {
    const { clock } = fakeClock();
    const b = new TokenBucket(20, 20, clock);
    const waits = Array.from({ length: 24 }, () => b.take());
    expect(waits.slice(0, 20)).to.deep.equal(new Array(20).fill(0));
    expect(waits.slice(20)).to.deep.equal([50, 100, 150, 200]);
  });

  it("refills with time, up to the burst only", () => {
    const { clock, advance } = fakeClock();
    const b = new TokenBucket(10, 10, clock);
    for (let i = 0; i < 10; i++) b.take();
    advance(250); // 2.5 tokens back
    expect([b.take(), b.take(), b.take()]).to.deep.equal([0, 0, 50]);
    advance(60_000);
    expect(Array.from({ length: 11 }, () => b.take()).filter((w) => w > 0)).to.have.length(1);
  });

  it("never starts more than burst + rate x window in any window (counting 200 queued callers)", () => {
    const { clock } = fakeClock();
    const rate = 20;
    const b = new TokenBucket(rate, rate, clock);
    const starts = Array.from({ length: 200 }, () => b.take()).sort((x, y) => x - y);
    for (const from of [0, 250, 1000, 3333, 8000]) {
      const inWindow = starts.filter((t) => t >= from && t < from + 1000).length;
      expect(inWindow, `window at ${from}`).to.be.at.most(rate + rate);
    }
    // Steady state after the burst: exactly `rate` starts per second.
    expect(starts.filter((t) => t >= 2000 && t < 3000)).to.have.length(rate);
    expect(starts[199]).to.equal(((200 - rate) * 1000) / rate);
  });

  it("rejects nonsense rates", () => {
    expect(() => new TokenBucket(0, 1, () => 0)).to.throw(/invalid rate/);
  });
});

describe("process-wide registry", () => {
  afterEach(() => resetRateLimitsForTests());

  it("shares one bucket per service.action at the documented rate", () => {
    resetRateLimitsForTests(fakeClock().clock);
    expect(bucketFor("cdn", "UpdateDomainConfig")).to.equal(bucketFor("cdn", "UpdateDomainConfig"));
    expect(bucketFor("cdn", "UpdateDomainConfig")).to.not.equal(bucketFor("cdn", "DescribeDomainsConfig"));
    expect(bucketFor("ssl", "UploadCertificate").ratePerSecond).to.equal(10);
    expect(bucketFor("ssl", "UploadCertificate").burst).to.equal(10);
    expect(bucketFor("live", "DescribeLiveDomainCert").ratePerSecond).to.equal(500);
    expect(bucketFor("live", "SomethingUnlisted").ratePerSecond).to.equal(20);
  });

  it("acquire sleeps only once the burst is used up", async () => {
    resetRateLimitsForTests(fakeClock().clock);
    const slept: number[] = [];
    const sleep = async (ms: number) => { slept.push(ms); };
    for (let i = 0; i < 12; i++) await acquire("ssl", "UploadCertificate", sleep);
    expect(slept).to.deep.equal([100 + PACING_MARGIN_MS, 200 + PACING_MARGIN_MS]);
  });

  it("leaves a paced call a little after its token, without letting the margin accumulate", async () => {
    resetRateLimitsForTests(fakeClock().clock);
    const slept: number[] = [];
    const sleep = async (ms: number) => { slept.push(ms); };
    for (let i = 0; i < 30; i++) await acquire("live", "UnBindLiveDomainCert", sleep); // 20/s, burst 20
    // The 10 paced calls keep the 50 ms schedule of their tokens, each the same margin behind it.
    expect(slept).to.deep.equal(Array.from({ length: 10 }, (_, k) => (k + 1) * 50 + PACING_MARGIN_MS));
  });
});
