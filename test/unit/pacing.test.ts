// Adaptive pacing's maths on a fake clock and a fixed random source: the documented limit at the
// start, one multiplicative decrease per round of throttling, the share measured, additive growth,
// jitter, and waiting callers taking up a new pace. Then processes sharing one API bucket.
import { expect } from "chai";
import { accountOf, AdaptiveBudget, PACING, RateBudgets, SharedBudget, Slot } from "../../provider/tencentcloud/pacing";
import { simulateProcesses } from "../support/pacingSim";

function fakeTime(random = 0.5) {
  const t = { now: 0 };
  return {
    t,
    deps: { now: () => t.now, random: () => random },
    sleep: async (ms: number) => { t.now += ms; },
  };
}

/** Takes `n` turns one after another (each caller asks once the previous one left). */
async function departures(budget: AdaptiveBudget, sleep: (ms: number) => Promise<void>, n: number): Promise<Slot[]> {
  const slots: Slot[] = [];
  for (let i = 0; i < n; i++) slots.push(await budget.take(sleep));
  return slots;
}

describe("AdaptiveBudget", () => {
  it("starts at the documented limit: one second's burst, at most four times the rate, then the rate", async () => {
    const { deps, sleep } = fakeTime();
    const b = new AdaptiveBudget(20, deps);
    const sent = (await departures(b, sleep, 40)).map((s) => s.sentAt);
    const gaps = sent.slice(1).map((x, i) => x - sent[i]);
    expect(sent[0]).to.equal(0);
    expect(Math.min(...gaps)).to.be.at.least(1000 / (20 * PACING.peakFactor));
    expect(sent.filter((x) => x < 1000).length).to.be.within(20, 40); // the burst plus the first second's rate
    expect(gaps.slice(-5).every((g) => g >= 50 && g <= 50 + PACING.marginMs)).to.equal(true); // then 20/s
  });

  it("cuts the rate once per round: answers to calls sent before the cut do not cut it again", async () => {
    const { t, deps, sleep } = fakeTime();
    const b = new AdaptiveBudget(20, deps);
    const early = await departures(b, sleep, 40);
    for (const s of early.slice(0, 38)) b.answered(s, "answered");
    // 38 answered over the 1.75 s so far plus the API's one-second burst: a share above 0.7 x 20.
    b.answered(early[38], "throttled");
    expect(b.rate).to.be.closeTo(20 * PACING.decrease, 1e-9);
    b.answered(early[39], "throttled"); // sent before the cut: old news
    expect(b.rate).to.be.closeTo(20 * PACING.decrease, 1e-9);
    const after = await b.take(sleep);
    expect(after.sentAt).to.be.at.least(t.now - 1);
    b.answered(after, "throttled"); // sent after the cut, nothing answered since: the deepest cut
    expect(b.rate).to.be.closeTo(20 * PACING.decrease * PACING.deepestDecrease, 1e-9);
  });

  it("cuts to the share the API gave at the start, counting its full bucket as one more second", async () => {
    const { t, deps, sleep } = fakeTime();
    const b = new AdaptiveBudget(20, deps);
    const burst = await departures(b, sleep, 8);
    for (const s of burst.slice(0, 5)) b.answered(s, "answered");
    t.now = 100;
    b.answered(burst[5], "throttled");
    expect(b.rate).to.be.closeTo(5 / 1.1, 1e-9); // 5 answered in 0.1 s + 1 s of burst
  });

  it("never goes below the floor", async () => {
    const { deps, sleep } = fakeTime();
    const b = new AdaptiveBudget(20, deps);
    for (let i = 0; i < 10; i++) b.answered(await b.take(sleep), "throttled");
    expect(b.rate).to.equal(PACING.floor);
  });

  it("grows additively while calls are answered, faster the longer it is quiet, up to the documented limit", async () => {
    const { t, deps, sleep } = fakeTime();
    const b = new AdaptiveBudget(20, deps);
    b.answered(await b.take(sleep), "throttled");
    const start = b.rate;
    const perSecond: number[] = [];
    let second = Math.floor(t.now / 1000);
    while (t.now < 12_000) {
      b.answered(await b.take(sleep), "answered");
      if (Math.floor(t.now / 1000) > second) { perSecond.push(b.rate); second = Math.floor(t.now / 1000); }
    }
    expect(perSecond[0] - start).to.be.within(0, 2 * PACING.increasePerSecond); // the first second: a creep
    for (let i = 1; i < perSecond.length; i++) expect(perSecond[i]).to.be.at.least(perSecond[i - 1]);
    expect(perSecond[perSecond.length - 1]).to.equal(20); // back at the documented limit, never above
  });

  it("takes back the burst after a cut and adds a random part of one new interval", async () => {
    for (const random of [0, 0.5, 0.9]) {
      const { t, deps, sleep } = fakeTime(random);
      const b = new AdaptiveBudget(20, deps);
      const first = await b.take(sleep);
      b.answered(first, "throttled"); // nothing answered yet: the deepest cut, 2/s
      const cutAt = t.now;
      const next = await b.take(sleep);
      const interval = 1000 / b.rate;
      expect(next.sentAt - cutAt).to.be.within((1 + random) * interval, (1 + random) * interval + PACING.marginMs + 1);
    }
  });

  it("makes callers already waiting take the new pace", async () => {
    const { deps } = fakeTime();
    const clock = { now: 0 };
    const b = new AdaptiveBudget(20, { ...deps, now: () => clock.now });
    // 30 callers at once; time moves only as the earliest sleeper wakes.
    const sleepers: { at: number; wake(): void }[] = [];
    const sleep = (ms: number) => new Promise<void>((wake) => sleepers.push({ at: clock.now + ms, wake }));
    const sent: number[] = [];
    const all = Promise.all(Array.from({ length: 30 }, async () => {
      const slot = await b.take(sleep);
      sent.push(slot.sentAt);
      if (sent.length === 22) b.answered(slot, "throttled");
    }));
    for (let i = 0; i < 10_000 && sent.length < 30; i++) {
      await new Promise((r) => setImmediate(r));
      sleepers.sort((x, y) => x.at - y.at);
      const s = sleepers.shift();
      if (s) { clock.now = Math.max(clock.now, s.at); s.wake(); }
    }
    await all;
    const after = sent.slice(23);
    const gaps = after.slice(1).map((x, i) => x - after[i]);
    expect(Math.min(...gaps)).to.be.at.least(1000 / b.rate - 1); // 2/s after the cut, not 20/s
  });
});

describe("RateBudgets", () => {
  it("keys budgets by account and action", () => {
    const budgets = new RateBudgets();
    const a = accountOf({ secretId: "AKIDaaaa" });
    const b = accountOf({ secretId: "AKIDbbbb" });
    expect(budgets.budget(a, "cdn", "UpdateDomainConfig")).to.equal(budgets.budget(a, "cdn", "UpdateDomainConfig"));
    expect(budgets.budget(a, "cdn", "UpdateDomainConfig")).to.not.equal(budgets.budget(b, "cdn", "UpdateDomainConfig"));
    expect(budgets.budget(a, "cdn", "UpdateDomainConfig")).to.not.equal(budgets.budget(a, "cdn", "DescribeDomainsConfig"));
    expect(budgets.budget(a, "ssl", "UploadCertificate").ceiling).to.equal(10);
  });

  it("names an account by a hash of its SecretId, never the SecretId", () => {
    const id = "AKIDsecretidentifier0000";
    expect(accountOf({ secretId: id })).to.match(/^[0-9a-f]{16}$/).and.not.contain(id);
    expect(accountOf({ secretId: id })).to.equal(accountOf({ secretId: id }));
    expect(accountOf({ secretId: id })).to.not.equal(accountOf({ secretId: `${id}1` }));
  });

  it("waits for the shared budget's turn after its own, and paces alone when the store cannot answer", async () => {
    const { deps, sleep: advance } = fakeTime();
    const slept: number[] = [];
    const sleep = async (ms: number) => { slept.push(ms); await advance(ms); };
    const answers: (number | undefined)[] = [120, undefined];
    const shared: SharedBudget = { reserve: async () => answers.shift(), close: async () => undefined };
    const budgets = new RateBudgets({ deps, shared });
    await budgets.acquire("acct", "cdn", "UpdateDomainConfig", sleep);
    expect(slept).to.deep.equal([120 + PACING.marginMs]);
    await budgets.acquire("acct", "cdn", "UpdateDomainConfig", sleep);
    expect(slept).to.have.length(1); // its own budget had a token and the store no answer: it left at once
  });
});

describe("RateBudgets turns reserved ahead", () => {
  it("keeps the place in line taken at reservation, says when the turn is due, and how long the line is", async () => {
    const { t, deps, sleep } = fakeTime();
    const budgets = new RateBudgets({ deps });
    for (let i = 0; i < 40; i++) await budgets.acquire("acct", "cdn", "UpdateDomainConfig", sleep); // the burst spent: 20/s from here
    const start = t.now;
    // Time stands still until the test lets the sleepers wake, earliest first.
    const sleepers: { at: number; wake(): void }[] = [];
    const held = (ms: number) => new Promise<void>((wake) => sleepers.push({ at: t.now + ms, wake }));
    const reserved = budgets.reserve("acct", "cdn", "UpdateDomainConfig", held);
    const due = await reserved.dueIn();
    expect(due).to.be.within(30, 50); // one interval at 20/s, less the credit since the last call
    expect(budgets.lineEndsIn("acct", "cdn", "UpdateDomainConfig")).to.equal(due);
    const later = budgets.acquire("acct", "cdn", "UpdateDomainConfig", held); // asked after the reservation (its sleeps held too: an instant sleep would spin while it waits behind the reserved turn)
    const order: string[] = [];
    void reserved.pass.then(() => order.push("reserved"));
    void later.then(() => order.push("later"));
    for (let i = 0; i < 100 && order.length < 2; i++) {
      await new Promise((r) => setImmediate(r));
      sleepers.sort((a, b) => a.at - b.at);
      const s = sleepers.shift();
      if (s) { t.now = Math.max(t.now, s.at); s.wake(); }
    }
    expect(order).to.deep.equal(["reserved", "later"]);
    expect((await reserved.pass).at - start).to.be.within(30, 50 + PACING.marginMs);
    expect(budgets.lineEndsIn("acct", "cdn", "UpdateDomainConfig")).to.equal(0); // nobody waits
  });

  it("lets a released turn go by unused: it neither cuts nor grows the rate", async () => {
    const { deps, sleep } = fakeTime();
    const budgets = new RateBudgets({ deps });
    const budget = budgets.budget("acct", "cdn", "UpdateDomainConfig");
    const turn = budgets.reserve("acct", "cdn", "UpdateDomainConfig", sleep);
    turn.release();
    turn.release(); // twice is once
    await turn.pass;
    expect(budget.rate).to.equal(20);
    expect(budget.waiting()).to.equal(0);
  });

  it("places a reserved turn in the shared budget's line and says when that turn is due", async () => {
    const { t, deps } = fakeTime();
    const wakes: (() => void)[] = [];
    const sleep = (ms: number) => new Promise<void>((wake) => wakes.push(() => { t.now += ms; wake(); }));
    const shared: SharedBudget = { reserve: async () => 300, close: async () => undefined };
    const budgets = new RateBudgets({ deps, shared });
    const turn = budgets.reserve("acct", "cdn", "UpdateDomainConfig", sleep);
    expect(await turn.dueIn()).to.equal(300); // placed: the shared budget answered, its wait not over
    expect(budgets.lineEndsIn("acct", "cdn", "UpdateDomainConfig")).to.equal(300);
    wakes.shift()!();
    expect((await turn.pass).at).to.equal(300 + PACING.marginMs);
  });
});

describe("processes pacing alone against one API bucket (simulated)", () => {
  // Each pacing at the documented limit regardless (main before issue 27) had half its calls
  // throttled with four processes; settling on shares keeps it to a few per process.
  for (const processes of [4, 8]) {
    it(`${processes} processes settle on their shares: few throttling answers, the quota used`, async () => {
      for (const seed of [1, 2, 3]) {
        const r = await simulateProcesses({ processes, callsPerProcess: 30, inFlight: 16, seed });
        expect(r.failedToFinish, `seed ${seed}`).to.equal(0);
        expect(r.throttled / r.calls, `seed ${seed}`).to.be.below(0.15);
        expect(r.wallMs / r.boundMs, `seed ${seed}`).to.be.below(1.6);
      }
    });
  }
});
