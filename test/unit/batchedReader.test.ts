import { expect } from "chai";
import { BatchedReader } from "../../provider/runtime/batchedReader";

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

  it("with partialWhenIdle, sends full batches side by side and holds a partial one until no call is in flight", async () => {
    const table = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
    const b = backend(table, { delayMs: 15 });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 4, windowMs: 0, partialWhenIdle: true });
    const burst = Promise.all(Array.from({ length: 17 }, (_, i) => reader.read(`k${i}`)));
    await new Promise((r) => setTimeout(r, 5)); // three full calls are out, the partial rest (2) waits
    const trickle: Promise<number | undefined>[] = [];
    for (let i = 17; i < 21; i++) trickle.push(reader.read(`k${i}`)); // joins the waiting partial batch
    expect(await burst).to.deep.equal(Array.from({ length: 17 }, (_, i) => i));
    expect(await Promise.all(trickle)).to.deep.equal([17, 18, 19, 20]);
    expect(b.maxInFlight()).to.equal(4);
    expect(b.calls.map((c) => c.length)).to.deep.equal([5, 5, 5, 5, 1]);
  });

  it("tops a call with room up with offered keys, whose answers go to the offer, never asking them again when the call fails", async () => {
    const offeredAnswers: Record<string, number | undefined> = {};
    const offer = (room: number, taken: ReadonlySet<string>) => ["a", "x", "y", "z", "w"].filter((k) => !taken.has(k)).slice(0, room)
      .map((key) => ({ key, answer: (v: number | undefined) => { offeredAnswers[key] = v; } }));
    const b = backend({ a: 1, x: 10, y: 20, z: 30 });
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2, topUp: offer });
    expect(await reader.read("a")).to.equal(1);
    expect(b.calls).to.deep.equal([["a", "x", "y", "z", "w"]]);
    expect(offeredAnswers).to.deep.equal({ x: 10, y: 20, z: 30, w: undefined });

    const failing = backend({ a: 1 }, { failWhen: (keys) => (keys.includes("x") ? new Error("InvalidParameterValue: x") : undefined) });
    const again = new BatchedReader<number>({ readMany: failing.readMany, maxBatch: 5, maxInFlight: 1, windowMs: 2, topUp: offer });
    expect(await again.read("a"), "the asked key is asked alone after a call its companions broke").to.equal(1);
    expect(failing.calls).to.deep.equal([["a", "x", "y", "z", "w"], ["a"]]);
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

  it("lets reads whose callers wait anyway (a patience in ms) wait for their call to fill, whatever the trickle", async () => {
    const table = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, i]));
    const b = backend(table);
    const reader = new BatchedReader<number>({ readMany: b.readMany, maxBatch: 5, maxInFlight: 4, windowMs: 2, lingerMs: 20, partialWhenIdle: true });
    const lone = reader.read("k0", 60_000); // alone: nothing says company is coming, but its caller waits a minute anyway
    await new Promise((r) => setTimeout(r, 50));
    expect(b.calls).to.deep.equal([]);
    const rest = ["k1", "k2", "k3", "k4"].map((k) => reader.read(k, 60_000));
    expect(await Promise.all([lone, ...rest])).to.deep.equal([0, 1, 2, 3, 4]); // the fifth filled the call: it left at once
    expect(b.calls).to.deep.equal([["k0", "k1", "k2", "k3", "k4"]]);
    // A patience shorter than the linger is that patience, not the linger's trickle rule.
    const short = await reader.read("k5", 30);
    expect(short).to.equal(5);
    expect(b.calls).to.have.length(2);
  });
});
