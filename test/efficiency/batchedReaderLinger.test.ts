// BatchedReader's lingerMs (issue 15): a trickle of patient reads, one every few milliseconds as
// deletes paced by their write's rate limit ask them, shares calls; a burst that has ended, an
// isolated read, and a read that is not patient (a deployment poll) do not wait.
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

/** `n` reads, one every `gapMs`, all answered. */
async function trickle(r: BatchedReader<string>, n: number, gapMs: number, patient = true): Promise<void> {
  const answers: Promise<unknown>[] = [];
  for (let i = 0; i < n; i++) {
    answers.push(r.read(`k${i}`, patient));
    await sleep(gapMs);
  }
  await Promise.all(answers);
}

/** Whether `answer` comes before the reader's linger could have run out. */
const beforeLinger = (answer: Promise<unknown>, lingerMs: number) =>
  Promise.race([answer.then(() => true), sleep(lingerMs).then(() => false)]);

describe("BatchedReader lingerMs", () => {
  it("fills calls from a trickle of reads that would otherwise leave one by one", async () => {
    const without = reader(0);
    await trickle(without.r, 20, 15);
    const lingering = reader(150);
    await trickle(lingering.r, 20, 15);
    expect(without.calls.length).to.be.greaterThan(15);
    expect(lingering.calls.length).to.be.at.most(8);
    expect(lingering.calls.flat().sort()).to.deep.equal(Array.from({ length: 20 }, (_, i) => `k${i}`).sort());
  });

  it("lets a read that is not patient leave after windowMs, taking the patient ones queued with it", async () => {
    const impatient = reader(150);
    await trickle(impatient.r, 20, 15, false);
    expect(impatient.calls.length, "reads that are not patient waited for company").to.be.greaterThan(15);
    const { r, calls } = reader(1_000);
    const patient = Promise.all([r.read("p", true), r.read("q", true)]);
    await sleep(20); // two patient reads wait for the company a trickle promises
    expect(calls).to.deep.equal([]);
    expect(await beforeLinger(Promise.all([r.read("now"), patient]), 200), "the impatient read waited").to.equal(true);
    expect(calls).to.deep.equal([["p", "q", "now"]]);
  });

  it("sends a lone read at once, and the rest of a burst before lingerMs", async () => {
    const { r, calls } = reader(1_000);
    expect(await beforeLinger(r.read("alone", true), 1_000), "the lone read waited for company").to.equal(true);
    expect(await beforeLinger(Promise.all(Array.from({ length: 7 }, (_, i) => r.read(`b${i}`, true))), 1_000), "the burst's rest waited out the linger").to.equal(true);
    expect(calls.map((c) => c.length)).to.deep.equal([1, 5, 2]);
  });
});
