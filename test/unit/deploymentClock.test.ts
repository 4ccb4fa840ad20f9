// When CDN deployments are polled (provider/cdnHttpsConfig/deploymentClock.ts): only the oldest
// deployments poll before the expected end, they narrow what is learned, and the others poll
// just after their own expected end.
import { expect } from "chai";
import { DeploymentClock } from "../../provider/runtime/deploymentClock";
import { onGrid } from "../../provider/services/cdnDeployments";

/** Writes `domains` at `at` (HTTPS switched on). */
function wave(clock: DeploymentClock, domains: string[], at: number): void {
  for (const d of domains) clock.wrote(d, "https-on", at);
}

const names = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
/** A previous poll asked at `at` and answered 5 ms later. */
const asked = (at: number) => ({ askedAt: at, answeredAt: at + 5 });

describe("DeploymentClock", () => {
  it("with nothing learned, lets the five oldest poll on the loop's schedule and the others wait", () => {
    const clock = new DeploymentClock({ probeGroup: 5 });
    const domains = names("d", 8);
    domains.forEach((d, i) => clock.wrote(d, "https-on", i)); // d0 oldest
    expect(clock.nextPoll("d0", 10, undefined, 200)).to.deep.equal({ due: 0, align: "nearest" }); // at once
    expect(clock.nextPoll("d4", 10, asked(400), 300)).to.deep.equal({ due: 700, align: "nearest" }); // the loop's pause
    expect(clock.nextPoll("d5", 10, undefined, 200).due).to.equal(5 + 2000); // a follower: now and then only
    expect(clock.nextPoll("d7", 3000, asked(2007), 450).due).to.equal(2007 + 4 * 450);
  });

  it("once a probe saw a deployment end, the others poll just after their own write is as old", async () => {
    const clock = new DeploymentClock({ probeGroup: 2 });
    wave(clock, names("d", 4), 0);
    const changed = clock.changed();
    clock.finished("d0", 1500);
    await changed; // a waiting follower re-plans now
    expect(clock.estimate("https-on")).to.deep.equal({ fastest: 1500, floor: 0 });
    clock.wrote("late", "https-on", 40);
    expect(clock.nextPoll("late", 100, undefined, 200)).to.deep.equal({ due: 1540, align: "later" }); // never early
    expect(clock.nextPoll("d3", 1600, undefined, 200)).to.deep.equal({ due: 1600, align: "later" }); // past it: now
  });

  it("lets the probe group halve the bracket (floor, fastest] while it is wider than the resolution", () => {
    const clock = new DeploymentClock({ probeGroup: 2, resolutionMs: 50 });
    wave(clock, ["a"], 0);
    clock.stillDeploying("a", 1000);
    clock.finished("a", 1800); // the duration lies in (1000, 1800]
    wave(clock, ["p1", "p2", "f1"], 10_000);
    expect(clock.nextPoll("p1", 10_000, undefined, 200)).to.deep.equal({ due: 11_400, align: "nearest" }); // the middle
    expect(clock.nextPoll("f1", 10_000, undefined, 200)).to.deep.equal({ due: 11_800, align: "later" }); // not a probe
    clock.stillDeploying("p1", 11_400);
    expect(clock.estimate("https-on")).to.deep.equal({ fastest: 1800, floor: 1400 });
    expect(clock.nextPoll("p1", 11_410, asked(11_400), 200).due).to.equal(11_600);
    clock.finished("p2", 11_520); // (1400, 1520]: narrow enough
    clock.stillDeploying("p1", 11_480);
    expect(clock.estimate("https-on")).to.deep.equal({ fastest: 1520, floor: 1480 });
    expect(clock.nextPoll("f1", 11_500, undefined, 200)).to.deep.equal({ due: 11_520, align: "later" });
  });

  it("polls a deployment slower than the fastest in short steps up to 1.5 x the fastest, then on the loop's schedule", () => {
    const clock = new DeploymentClock({ probeGroup: 1 });
    wave(clock, ["a"], 0);
    clock.finished("a", 2000);
    wave(clock, ["b"], 10_000);
    expect(clock.nextPoll("b", 12_010, asked(12_000), 450).due).to.equal(12_100); // 2000 / 20
    expect(clock.nextPoll("b", 12_010, asked(12_000), 30).due).to.equal(12_030); // never past the loop's (deadline-capped) pause
    expect(clock.nextPoll("b", 13_100, asked(13_000), 450).due).to.equal(13_450); // past 1.5 x: back off
  });

  it("counts a pause from when the previous poll was asked, but waits at least half of it after a very late answer", () => {
    const clock = new DeploymentClock({ probeGroup: 1 });
    clock.wrote("a", "https-on", 0);
    // Asked at 200 and answered at 260 (it waited for a batch): the next poll stays on the schedule.
    expect(clock.nextPoll("a", 260, { askedAt: 200, answeredAt: 260 }, 300).due).to.equal(500);
    // Answered 1.8 s late (rate-limited): not at once, half a pause after the answer.
    expect(clock.nextPoll("a", 2000, { askedAt: 200, answeredAt: 2000 }, 300).due).to.equal(2150);
  });

  it("ignores a lower bound at or above the fastest (durations vary), and learns nothing from a failed wait", () => {
    const clock = new DeploymentClock({ window: 2 });
    wave(clock, ["slow", "fast", "failed"], 0);
    clock.stillDeploying("slow", 1900);
    clock.finished("fast", 1500);
    clock.forget("failed");
    expect(clock.estimate("https-on")).to.deep.equal({ fastest: 1500, floor: 0 });
    expect(clock.estimate("other")).to.deep.equal({ floor: 0 });
    for (const [d, ms] of [["x", 100], ["y", 900], ["z", 800]] as const) { clock.wrote(d, "https-on", 0); clock.finished(d, ms); }
    expect(clock.estimate("https-on").fastest).to.equal(800); // the 100 ms one fell out of a window of 2
  });

  it("promotes the next oldest into the probe group when a probe's wait ends, and plans a domain it does not know on the loop's schedule", () => {
    const clock = new DeploymentClock({ probeGroup: 1 });
    wave(clock, ["first"], 0);
    wave(clock, ["second"], 10);
    expect(clock.nextPoll("second", 20, undefined, 200).due).to.equal(10 + 2000);
    clock.forget("first");
    expect(clock.nextPoll("second", 20, undefined, 200).due).to.equal(10);
    const again = new DeploymentClock({ probeGroup: 1 });
    again.wrote("a", "https-on", 0);
    again.wrote("b", "https-on", 10);
    again.wrote("a", "https-on", 20); // written again while waiting: now the youngest
    expect(again.nextPoll("b", 30, undefined, 200).due).to.equal(10);
    expect(again.nextPoll("a", 30, undefined, 200).due).to.equal(20 + 2000);
    expect(clock.nextPoll("unknown", 500, undefined, 200)).to.deep.equal({ due: 500, align: "nearest" });
    expect(clock.nextPoll("unknown", 500, asked(400), 200)).to.deep.equal({ due: 600, align: "nearest" });
  });
});

describe("onGrid (CDN poll times)", () => {
  it("rounds to the nearest point of the 50 ms grid, or up to the 20 ms grid when the poll must not be early, and never into the past", () => {
    expect(onGrid({ due: 1_020, align: "nearest" }, 900)).to.equal(1_000);
    expect(onGrid({ due: 1_025, align: "later" }, 900)).to.equal(1_040);
    expect(onGrid({ due: 1_010, align: "nearest" }, 1_005)).to.equal(1_005); // woke at the point: now
    expect(onGrid({ due: 800, align: "later" }, 900)).to.equal(900);
  });
});
