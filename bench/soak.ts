// `npm run soak`: the full fleet with ~20% of API calls failing transiently (throttling,
// InternalError, HTTP 502, dropped connections, slow answers, lost answers on writes). Prints each
// phase and the state problems found; exits non-zero when any.
import { FULL_FLEET, FleetSize, issueFleetCerts } from "./lib/fleet";
import { runFleetBench } from "./lib/fleetBench";
import { formatPhase } from "./lib/report";
import { soakFaults, stateProblems } from "./lib/soak";
import { viewOf } from "./lib/emulatorView";
import { testCertIssuer } from "./lib/certs";

export async function soak(size: FleetSize, deployDelayMs: number, print: (line: string) => void): Promise<string[]> {
  const problems: string[] = [];
  await runFleetBench({
    size,
    certs: issueFleetCerts(size, testCertIssuer()),
    deployDelayMs,
    rateLimits: true,
    faults: soakFaults(),
    onPhase: async (report, emulator) => {
      print(formatPhase(report, size));
      const found = stateProblems(report, size, viewOf(await emulator.state()));
      for (const p of found) print(`   PROBLEM ${p}`);
      problems.push(...found.map((p) => `${report.phase}: ${p}`));
    },
  });
  return problems;
}

if (require.main === module) {
  console.log("== soak: full fleet, ~20% of API calls failing transiently");
  soak(FULL_FLEET, 1000, (l) => console.log(l)).then(
    (problems) => { console.log(problems.length ? `soak: ${problems.length} problems` : "soak: no failure surfaced, state as declared"); process.exitCode = problems.length ? 1 : 0; },
    (e) => { console.error(e); process.exitCode = 1; },
  );
}
