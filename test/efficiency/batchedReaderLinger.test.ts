// BatchedReader's lingerMs (issue 15): a trickle of reads, one every few milliseconds as deletes
// paced by their write's rate limit ask them, shares calls; a burst that has ended, and an isolated
// read, do not wait.
import { expect } from "chai";
import { BatchedReader } from "../../provider/runtime/batchedReader";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function reader(lingerMs: number) {
  const calls: string[][] = [];
  const r = new BatchedReader<string>({
    readMany: async (keys) => { calls.push(keys); await sleep(1); return new Map(keys.map((k) => [k, k])); },
    maxBatch: 5, maxInFlight: 1, windowMs: 2, lingerMs,
  });
  return { r, calls };
}

/** `n` reads, one every `gapMs`; resolves with how long each waited for its answer. */
async function trickle(r: BatchedReader<string>, n: number, gapMs: number): Promise<number[]> {
  const waits: Promise<number>[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    waits.push(r.read(`k${i}`).then(() => performance.now() - t0));
    await sleep(gapMs);
  }
  return Promise.all(waits);
}

describe("BatchedReader lingerMs", () => {
  it("fills calls from a trickle of reads that would otherwise leave one by one", async () => {
    const without = reader(0);
    await trickle(without.r, 20, 15);
    const lingering = reader(150);
    const waits = await trickle(lingering.r, 20, 15);
    expect(without.calls.length).to.be.greaterThan(15);
    expect(lingering.calls.length).to.be.at.most(8);
    expect(lingering.calls.flat().sort()).to.deep.equal(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
    expect(Math.max(...waits)).to.be.below(400); // bounded by lingerMs plus a call and timer slack
  });

  it("sends a lone read at once, and the rest of a burst long before lingerMs", async () => {
    const { r, calls } = reader(1_000);
    let t0 = performance.now();
    await r.read("alone");
    expect(performance.now() - t0).to.be.below(100); // no company was coming
    t0 = performance.now();
    await Promise.all(Array.from({ length: 7 }, (_, i) => r.read(`b${i}`)));
    expect(calls.map((c) => c.length)).to.deep.equal([1, 5, 2]);
    expect(performance.now() - t0).to.be.below(900); // the burst ended: no waiting out the 1 s linger
  });
});
