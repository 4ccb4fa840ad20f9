import { expect } from "chai";
import { BatchedReader } from "../../provider/runtime/batchedReader";
import { DeploymentClock } from "../../provider/cdnHttpsConfig/deploymentClock";
import { nextPollDue } from "../../provider/cdnHttpsConfig/deployment";

/** A fake backend: a key/value table, a log of the keys of each call, and optional failures. */
function backend(table: Record<string, number>, opts: { failWhen?: (keys: string[]) => Error | undefined; delayMs?: number } = {}) {
  const calls: string[][] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const readMany = async (keys: string[]): Promise<Map<string, number>> => {
    calls.push([...keys]);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    try {
      // The answer is the state when the call arrives; it travels back afterwards.
      const answer = new Map(keys.filter((k) => k in table).map((k) => [k, table[k]]));
      await new Promise((r) => setTimeout(r, opts.delayMs ?? 1));
      const err = opts.failWhen?.(keys);
      if (err) throw err;
      return answer;
    } finally {
      inFlight--;
    }
  };
  return { readMany, calls, maxInFlight: () => maxInFlight };
}

describe("BatchedReader", () => {
  it("answers many concurrent reads with calls of at most maxBatch keys, a missing key being undefined", async () => {
    const table = Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`k${i}`, i]));
    const b = backend(table);
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2 });
    const keys = [...Object.keys(table), "missing"];
    const values = await Promise.all(keys.map((k) => reader.read(k)));
    expect(values).to.deep.equal([...Array.from({ length: 12 }, (_, i) => i), undefined]);
    expect(b.calls.map((c) => c.length)).to.deep.equal([5, 5, 3]);
    expect(b.calls.flat().sort()).to.deep.equal([...keys].sort());
    expect(reader.callCount()).to.equal(3);
  });

  it("asks once for a key several callers wait for", async () => {
    const b = backend({ a: 1 });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2 });
    expect(await Promise.all([reader.read("a"), reader.read("a"), reader.read("a")])).to.deep.equal([1, 1, 1]);
    expect(b.calls).to.deep.equal([["a"]]);
  });

  it("never answers a read with a call that was already in flight when it was asked (reads after a write stay fresh)", async () => {
    const table: Record<string, number> = { a: 1 };
    const b = backend(table, { delayMs: 20 });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 0 });
    const first = reader.read("a");
    await new Promise((r) => setTimeout(r, 5)); // the first call is in flight now
    table.a = 2; // a write lands
    const second = reader.read("a");
    expect(await first).to.equal(1);
    expect(await second).to.equal(2);
    expect(b.calls).to.deep.equal([["a"], ["a"]]);
  });

  it("keeps at most maxInFlight calls running; reads asked meanwhile leave together", async () => {
    const table = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`k${i}`, i]));
    const b = backend(table, { delayMs: 10 });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 2, windowMs: 0 });
    const reads: Promise<number | undefined>[] = [];
    for (let i = 0; i < 20; i++) {
      reads.push(reader.read(`k${i}`));
      await new Promise((r) => setTimeout(r, 1));
    }
    expect(await Promise.all(reads)).to.deep.equal(Array.from({ length: 20 }, (_, i) => i));
    expect(b.maxInFlight()).to.be.at.most(2);
    expect(b.calls.length).to.be.lessThan(20);
  });

  it("retries a failed batch key by key, so one key's error is reported for that key only", async () => {
    const b = backend({ good: 1, other: 2 }, { failWhen: (keys) => (keys.includes("bad") ? new Error("InvalidParameterValue: bad") : undefined) });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2 });
    const [good, bad, other] = await Promise.allSettled([reader.read("good"), reader.read("bad"), reader.read("other")]);
    expect(good).to.deep.equal({ status: "fulfilled", value: 1 });
    expect(other).to.deep.equal({ status: "fulfilled", value: 2 });
    expect(bad.status).to.equal("rejected");
    expect((bad as PromiseRejectedResult).reason.message).to.contain("bad");
    expect(b.calls[0]).to.have.members(["good", "bad", "other"]);
    expect(b.calls.slice(1).map((c) => c.length)).to.deep.equal([1, 1, 1]);
  });

  it("does not split a batch whose failure splitOnError declines (a transient error already retried): everyone gets it", async () => {
    const b = backend({ a: 1, b: 2 }, { failWhen: () => new Error("InternalError") });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2, splitOnError: () => false });
    const results = await Promise.allSettled([reader.read("a"), reader.read("b")]);
    expect(results.map((r) => r.status)).to.deep.equal(["rejected", "rejected"]);
    expect(b.calls.length).to.equal(1);
  });

  it("rejects options that cannot work", () => {
    const b = backend({});
    expect(() => new BatchedReader({ readMany: b.readMany, maxBatch: 0, maxInFlight: 1, windowMs: 0 })).to.throw(/invalid/);
  });
});

describe("DeploymentClock", () => {
  it("polls at once without history, then first polls shortly before the fastest recent deployment of the same kind ends", () => {
    const clock = new DeploymentClock(20, 0.9);
    clock.wrote("a", "https-on", 0);
    expect(clock.firstPollDelay("a", 0)).to.equal(0);
    clock.finished("a", 1500);
    clock.wrote("b", "https-on", 10_000);
    clock.finished("b", 12_000);
    clock.wrote("c", "https-on", 20_000);
    expect(clock.firstPollDelay("c", 20_100)).to.equal(1350 - 100); // 0.9 * fastest (1500), less the time already gone
    clock.wrote("d", "other", 20_000);
    expect(clock.firstPollDelay("d", 20_000)).to.equal(0); // another kind of write has no history
  });

  it("steps shortly around the expected end and leaves the poll loop's backoff alone otherwise", () => {
    const clock = new DeploymentClock(20, 0.9);
    clock.wrote("a", "https-on", 0);
    clock.finished("a", 2000);
    clock.wrote("b", "https-on", 10_000);
    expect(clock.pollInterval("b", 11_900, 450)).to.equal(100); // 2000 / 20
    expect(clock.pollInterval("b", 11_900, 30)).to.equal(30); // never past the poll's deadline cap
    expect(clock.pollInterval("b", 13_500, 450)).to.equal(450); // well past 1.5 x the fastest: back off
    expect(clock.pollInterval("unknown", 0, 450)).to.equal(450);
  });

  it("learns nothing from a wait that failed or timed out, and forgets old durations", () => {
    const clock = new DeploymentClock(2, 1);
    clock.wrote("a", "https-on", 0);
    clock.forget("a");
    clock.wrote("b", "https-on", 0);
    expect(clock.firstPollDelay("b", 0)).to.equal(0);
    for (const [d, ms] of [["x", 100], ["y", 900], ["z", 800]] as const) { clock.wrote(d, "https-on", 0); clock.finished(d, ms); }
    clock.wrote("b", "https-on", 0);
    expect(clock.firstPollDelay("b", 0)).to.equal(800); // the 100 ms one fell out of a window of 2
  });
});

describe("nextPollDue (CDN deployment polls)", () => {
  it("counts each pause from when the previous poll was due, so a late answer does not shift the later polls", () => {
    // Polls due at 200 and 500 after the write; the first answer came 60 ms late (it waited for a batch).
    expect(nextPollDue(200, 300, 260)).to.equal(500);
    // Two domains written together, one of them answered late each time, stay on the same schedule.
    let a = 0, b = 0;
    for (const pause of [200, 300, 450, 675]) { a = nextPollDue(a, pause, a + 5); b = nextPollDue(b, pause, b + 70); }
    expect(b).to.equal(a);
  });
  it("never polls sooner than half the pause after a very late answer", () => {
    expect(nextPollDue(200, 300, 2000)).to.equal(2150);
  });
});
