import { expect } from "chai";
import { z } from "zod";
import { KeyedLock } from "../../provider/runtime/keyedLock";
import { withoutUndefined } from "../../provider/runtime/outputs";
import { parseDuration, timeoutFor, DEFAULT_TIMEOUT_MS } from "../../provider/runtime/timeouts";
import { pollUntil, PollTimeoutError } from "../../provider/runtime/poll";
import { validateArgs } from "../../provider/runtime/validate";
import { UNKNOWN } from "../../provider/unknown";

describe("provider runtime helpers", () => {
  const locks = new KeyedLock();
  const withKeyLock = <T>(key: string, fn: () => Promise<T>) => locks.run(key, fn);
  const withKeyLocks = <T>(keys: string[], fn: () => Promise<T>) => locks.runAll(keys, fn);

  it("serialises operations on one key and runs different keys in parallel", async () => {
    const events: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const a1 = withKeyLock("a", async () => { events.push("a1 start"); await gate; events.push("a1 end"); });
    const a2 = withKeyLock("a", async () => { events.push("a2 start"); });
    const b = withKeyLock("b", async () => { events.push("b"); });
    await b;
    expect(events).to.deep.equal(["a1 start", "b"]);
    release();
    await Promise.all([a1, a2]);
    expect(events).to.deep.equal(["a1 start", "b", "a1 end", "a2 start"]);
  });

  it("keeps the lock chain going after a failure", async () => {
    const failed = withKeyLock("k", async () => { throw new Error("boom"); });
    const next = withKeyLock("k", async () => "ran");
    expect(await failed.then(() => "ok", (e: Error) => e.message)).to.equal("boom");
    expect(await next).to.equal("ran");
  });

  it("locks several keys without deadlock when sets overlap in different orders", async () => {
    const results = await Promise.all([
      withKeyLocks(["x", "y"], async () => "xy"),
      withKeyLocks(["y", "x"], async () => "yx"),
    ]);
    expect(results).to.deep.equal(["xy", "yx"]);
  });

  it("drops undefined fields deeply for Struct encoding", () => {
    expect(withoutUndefined({ a: 1, b: undefined, c: { d: undefined, e: [1, { f: undefined }] } }))
      .to.deep.equal({ a: 1, c: { e: [1, {}] } });
  });

  it("parses Pulumi duration strings", () => {
    expect(parseDuration("30s")).to.equal(30_000);
    expect(parseDuration("1h30m")).to.equal(5_400_000);
    expect(parseDuration("1.5h")).to.equal(5_400_000);
    expect(parseDuration("soon")).to.equal(undefined);
    expect(timeoutFor("create", { create: "2m" })).to.equal(120_000);
    expect(timeoutFor("update", { create: "2m" })).to.equal(DEFAULT_TIMEOUT_MS);
  });

  it("polls until done, logging each new state once", async () => {
    const states = ["deploying", "deploying", "deployed"];
    const lines: string[] = [];
    const value = await pollUntil({
      read: async () => states.shift()!, judge: (s) => (s === "deployed" ? "done" : "pending"),
      describe: (s) => s, onProgress: (l) => lines.push(l), timeoutMs: 60_000, what: "x", sleep: async () => undefined,
    });
    expect(value).to.equal("deployed");
    expect(lines).to.deep.equal(["deploying", "deployed"]);
  });

  it("waits twice as long after an answer that asks to slow down (a rate-limited check)", async () => {
    const answers = ["pending", "frequently", "pending", "done"];
    const sleeps: number[] = [];
    await pollUntil({
      read: async () => answers.shift()!, judge: (s) => (s === "done" ? "done" : "pending"), slowDown: (s) => s === "frequently",
      describe: (s) => s, timeoutMs: 600_000, intervalMs: 1000, maxIntervalMs: 30_000, what: "x", sleep: async (ms) => { sleeps.push(ms); },
    });
    expect(sleeps).to.deep.equal([1000, 3000, 4500]); // 1000, then 1500 doubled, then 3000 * 1.5
  });

  it("fails a poll with the terminal message, and times out with a sentence", async () => {
    try {
      await pollUntil({ read: async () => "failed", judge: () => ({ failed: "deployment failed: bad cert" }),
        describe: (s) => s, timeoutMs: 1000, what: "x", sleep: async () => undefined });
      expect.fail("should throw");
    } catch (e) { expect((e as Error).message).to.equal("deployment failed: bad cert"); }
    let t = 0;
    try {
      await pollUntil({ read: async () => "deploying", judge: () => "pending", describe: (s) => s, timeoutMs: 5000,
        what: "the HTTPS deployment of a.com", now: () => t, sleep: async (ms) => { t += ms; } });
      expect.fail("should time out");
    } catch (e) {
      expect(e).to.be.instanceOf(PollTimeoutError);
      expect((e as Error).message).to.match(/Timed out after 5s waiting for the HTTPS deployment of a\.com \(last state: deploying\)/);
    }
  });

  it("validates arguments, skipping values unknown at preview", () => {
    const schema = z.strictObject({ domain: z.string().min(1, "domain must not be empty"), n: z.number() });
    expect(validateArgs(schema, { domain: "", n: 1 }).failures)
      .to.deep.equal([{ property: "domain", reason: "domain must not be empty" }]);
    const preview = validateArgs(schema, { domain: "a.com", n: UNKNOWN });
    expect(preview.failures).to.deep.equal([]);
    expect(preview.hasUnknowns).to.equal(true);
    const ok = validateArgs(schema, { domain: "a.com", n: 2 });
    expect(ok.value).to.deep.equal({ domain: "a.com", n: 2 });
    expect(ok.hasUnknowns).to.equal(false);
  });
});
