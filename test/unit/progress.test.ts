// The progress lines of a wait (issue 29): one on each new state, one at a steady interval while the
// state holds, each with the time waited and how far the wait is, driven by a fake clock.
import { expect } from "chai";
import { logTo } from "../../provider/runtime/log";
import { pollUntil } from "../../provider/runtime/poll";
import { formatDuration, Heartbeat } from "../../provider/runtime/progress";
import { FakeProgressClock } from "../support/fakeClock";

describe("progress lines while waiting", () => {
  it("prints durations as Go and Terraform do, without zero parts", () => {
    expect([0, 999, 42_000, 60_000, 190_000, 1_800_000, 3_600_000, 3_725_000].map(formatDuration))
      .to.deep.equal(["0s", "0s", "42s", "1m", "3m10s", "30m", "1h", "1h2m5s"]);
  });

  it("says each new state at once and the same state again at a steady interval, until stopped", () => {
    const clock = new FakeProgressClock();
    const lines: string[] = [];
    let checks = 1;
    const beat = new Heartbeat({
      subject: "CDN domain cdn.example.com", out: (l) => lines.push(l), settings: { clock, intervalMs: 30_000 },
      limitMs: 1_800_000, detail: () => `${checks} checks`,
    });
    beat.update("HTTPS deploying (domain processing)");
    clock.advance(29_000);
    checks = 5;
    beat.update("HTTPS deploying (domain processing)"); // the same state: not a line
    expect(lines).to.deep.equal(["CDN domain cdn.example.com: HTTPS deploying (domain processing), 0s of 30m, 1 checks"]);
    clock.advance(1_000);
    clock.advance(45_000);
    beat.update("HTTPS deployed (domain online)");
    clock.advance(60_000);
    beat.stop();
    clock.advance(120_000);
    expect(lines.slice(1)).to.deep.equal([
      "CDN domain cdn.example.com: HTTPS deploying (domain processing), 30s of 30m, 5 checks",
      "CDN domain cdn.example.com: HTTPS deploying (domain processing), 1m of 30m, 5 checks",
      "CDN domain cdn.example.com: HTTPS deployed (domain online), 1m15s of 30m, 5 checks",
      "CDN domain cdn.example.com: HTTPS deployed (domain online), 1m45s of 30m, 5 checks",
      "CDN domain cdn.example.com: HTTPS deployed (domain online), 2m15s of 30m, 5 checks",
    ]);
    expect(clock.running()).to.equal(0);
  });

  it("before the first state, only the steady lines say what it waits for", () => {
    const clock = new FakeProgressClock();
    const lines: string[] = [];
    const beat = new Heartbeat({ subject: "x", out: (l) => lines.push(l), settings: { clock, intervalMs: 10_000 }, initial: "waiting for the first check" });
    clock.advance(9_000);
    expect(lines).to.deep.equal([]);
    clock.advance(1_000);
    expect(lines).to.deep.equal(["x: waiting for the first check, 10s"]);
    beat.stop();
  });

  it("pollUntil keeps a heartbeat while a slow read or a long pause goes on, counting its checks", async () => {
    const clock = new FakeProgressClock();
    const lines: string[] = [];
    const log = logTo((_level, line) => lines.push(line), { clock, intervalMs: 30_000 });
    const states = ["deploying", "deploying", "deployed"];
    let release!: () => void;
    const poll = pollUntil({
      read: async () => states.shift()!,
      judge: (s) => (s === "deployed" ? "done" : "pending"),
      describe: (s) => `HTTPS ${s}`,
      timeoutMs: 600_000,
      what: "x",
      // The pause between checks lasts until the test lets it end: meanwhile the fake clock moves.
      sleep: () => new Promise<void>((r) => { release = r; }),
      progress: { subject: "CDN domain a.example.com", log },
    });
    await new Promise((r) => setImmediate(r));
    expect(lines).to.deep.equal(["CDN domain a.example.com: HTTPS deploying, 0s of 10m, 1 check"]);
    clock.advance(65_000);
    release();
    await new Promise((r) => setImmediate(r));
    clock.advance(30_000);
    release();
    await poll;
    clock.advance(60_000);
    expect(lines.slice(1)).to.deep.equal([
      "CDN domain a.example.com: HTTPS deploying, 30s of 10m, 1 check",
      "CDN domain a.example.com: HTTPS deploying, 1m of 10m, 1 check",
      "CDN domain a.example.com: HTTPS deploying, 1m30s of 10m, 2 checks",
      "CDN domain a.example.com: HTTPS deployed, 1m35s of 10m, 3 checks",
    ]);
    expect(clock.running(), "the heartbeat stops with the wait").to.equal(0);
  });
});
