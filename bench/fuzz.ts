// `npm run fuzz`: the fuzz campaign of issue 24 (bench/lib/fuzz/campaign.ts), 10,000 generated inputs
// per resource by default. FUZZ_RUNS sets the number per resource, FUZZ_SEED the seed (case i of each
// resource is generated from seed + i, so one case can be replayed: FUZZ_SEED=<seed + i> FUZZ_RUNS=1),
// FUZZ_RESOURCES a comma-separated subset, FUZZ_CREATE_EVERY takes every n-th accepted input through
// create and delete (default 1: all). Prints the figures per resource; exits 1 on any violation.
import { formatFigures, RESOURCES, runCampaign } from "./lib/fuzz/campaign";
import type { ResourceKind } from "../sdk/seam";

async function main(): Promise<number> {
  const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
  const seed = Number(process.env.FUZZ_SEED ?? Date.now() % 2_147_483_647);
  const createEvery = Number(process.env.FUZZ_CREATE_EVERY ?? 1);
  const resources = (process.env.FUZZ_RESOURCES?.split(",").filter(Boolean) as ResourceKind[] | undefined) ?? RESOURCES;
  console.log(`== fuzz: ${runs} cases per resource, seed ${seed} (FUZZ_SEED=${seed} FUZZ_RUNS=${runs} reproduces it), every ${createEvery === 1 ? "" : `${createEvery}th `}accepted input through create and delete`);
  const started = performance.now();
  const { figures, seamLeaks } = await runCampaign({ runs, seed, resources, createEvery, onProgress: (l) => console.log(l) });
  console.log(formatFigures(figures));
  console.log(`serialized provider: ${seamLeaks.length} leaks${seamLeaks.length ? `: ${seamLeaks.join("; ")}` : ""}`);
  const violations = figures.flatMap((f) => f.violations.map((v) => `${f.resource} ${v}`));
  for (const v of violations) console.log(`VIOLATION ${v}`);
  console.log(`${figures.reduce((n, f) => n + f.tried, 0)} cases in ${((performance.now() - started) / 1000).toFixed(0)} s, seed ${seed}`);
  return violations.length + seamLeaks.length > 0 ? 1 : 0;
}

main().then((code) => { process.exitCode = code; }, (e) => { console.error(e); process.exitCode = 1; });
