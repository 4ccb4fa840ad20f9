// The crash harness in the suite (issue 26): an operation of test/crash/operations.ts is run once
// without a kill (its writes are the kill points), then once per kill point with Pulumi's real
// dynamic-provider host SIGKILLed right after that write landed, followed by the next `up` in a fresh
// process and a further one (test/crash/harness.ts says what is checked). The suite runs a CI profile
// (CI_PROFILE); `npm run crash` (CRASH_SWEEP=full) kills at every point of every operation. Both print
// the table of kill points per operation.
import { expect } from "chai";
import { Fault, Harness, KillOutcome, Plan, startHarness } from "./harness";
import { operations } from "./operations";

const FULL = process.env.CRASH_SWEEP === "full";

/**
 * The suite's profile: every write action the provider makes, struck once each way at its first point
 * in the cheapest operation that makes it, the renewal's ApplyCertificate and the upload of a copy of
 * our chain (the second upload) included. The full sweep (`npm run crash`) strikes at every point of
 * every operation.
 */
const CI_PROFILE: Record<string, string[]> = {
  "LiveCertificate, LiveDomainBinding: create": ["UploadCertificate", "ModifyLiveDomainCertBindings"],
  "LiveCertificate, LiveDomainBinding: rotation to another chain under the same leaf": ["UploadCertificate#2"],
  "LiveCertificate, LiveDomainBinding: alias": ["ModifyCertificateAlias"],
  "LiveCertificate, LiveDomainBinding: delete": ["UnBindLiveDomainCert", "DeleteCertificate"],
  "CdnHttpsConfig (self-owned): create": ["UpdateDomainConfig"],
  "FreeCertificateValidation: create": ["ApplyCertificate", "CompleteCertificate"],
  "FreeCertificate (CDN, live): renewal": ["ApplyCertificate"],
};

/** The kill points of an operation the run covers. */
function pointsOf(name: string, plan: Plan): number[] {
  if (FULL) return plan.writes.map((_, i) => i + 1);
  // "Action" is its first write of that action, "Action#n" its n-th.
  return (CI_PROFILE[name] ?? []).map((entry) => {
    const [action, nth] = entry.split("#");
    const points = plan.writes.flatMap((w, i) => (w.endsWith(`.${action}`) ? [i + 1] : []));
    const point = points[Number(nth ?? 1) - 1];
    if (point === undefined) throw new Error(`${name} no longer makes write ${entry}: choose another point for it in CI_PROFILE`);
    return point;
  });
}

const FAULTS: Fault[] = ["kill", "lost"];

function table(rows: { operation: string; plan: Plan; outcomes: KillOutcome[] }[]): string {
  const width = Math.max(...rows.map((r) => r.operation.length), "operation".length);
  const line = (cells: string[]) => `${cells[0].padEnd(width)}  ${cells[1].padStart(6)}  ${cells[2].padStart(15)}  ${cells[3].padStart(15)}  ${cells[4]}`;
  const out = [line(["operation", "writes", "killed: conv.", "lost: conv.", "kill points (the write the fault struck after; * = struck in this run)"])];
  const tally = (os: KillOutcome[], fault: Fault) => {
    const of = os.filter((o) => o.fault === fault);
    return { n: of.length, ok: of.filter((o) => o.problems.length === 0).length };
  };
  const cell = (t: { n: number; ok: number }) => `${t.n}: ${t.ok}`;
  for (const r of rows) {
    const struck = new Set(r.outcomes.map((o) => o.point));
    const points = r.plan.writes.map((w, i) => `${i + 1}:${w.replace(/^\w+\./, "")}${struck.has(i + 1) ? "*" : ""}`).join(" ");
    out.push(line([r.operation, String(r.plan.writes.length), cell(tally(r.outcomes, "kill")), cell(tally(r.outcomes, "lost")), points]));
  }
  const all = rows.flatMap((r) => r.outcomes);
  out.push(line(["total", String(rows.reduce((n, r) => n + r.plan.writes.length, 0)), cell(tally(all, "kill")), cell(tally(all, "lost")), ""]));
  return out.join("\n");
}

describe(`crash harness: the provider killed right after each write, the next up converges (${FULL ? "every kill point" : "CI profile; npm run crash for every point"})`, function () {
  this.timeout(FULL ? 900_000 : 120_000);
  let harness: Harness;
  const rows: { operation: string; plan: Plan; outcomes: KillOutcome[] }[] = [];
  before(async () => { harness = await startHarness(); });
  after(async () => {
    if (rows.length > 0) console.log(`\n${table(rows)}\n`);
    await harness?.stop();
  });

  for (const op of operations().filter((o) => FULL || o.name in CI_PROFILE)) {
    it(op.name, async () => {
      const plan = await harness.plan(op);
      expect(plan.writes.length, "the operation writes").to.be.above(0);
      const outcomes: KillOutcome[] = [];
      for (const point of pointsOf(op.name, plan)) for (const fault of FAULTS) outcomes.push(await harness.breakAt(op, plan, point, fault));
      rows.push({ operation: op.name, plan, outcomes });
      const failed = outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.fault} after write ${o.point} (${o.write}): ${o.problems.join("; ")}`);
      expect(failed, failed.join("\n")).to.deep.equal([]);
    });
  }
});
