// `npm run bench`: the certificate benchmark (another part's, when present), then the fleet
// benchmark and the client overhead benchmark. Prints figures; exits non-zero only on errors.
import * as fs from "node:fs";
import * as path from "node:path";

async function runCertificateBench(): Promise<void> {
  const file = ["certificate.js", "certificate.ts"].map((f) => path.join(__dirname, f)).find((f) => fs.existsSync(f));
  if (!file) { console.log("== certificate benchmark: bench/certificate.ts not present, skipped"); return; }
  const mod = require(file) as { run?: () => Promise<unknown> };
  if (typeof mod.run !== "function") { console.log("== certificate benchmark: bench/certificate.ts exports no run(), skipped"); return; }
  await mod.run();
}

async function main(): Promise<void> {
  await runCertificateBench();
  console.log("");
  const fleet = await import("./fleet");
  await fleet.run();
  console.log("");
  const overhead = await import("./clientOverhead");
  await overhead.run();
}

main().catch((e) => { console.error(e instanceof Error ? e.stack ?? e.message : e); process.exitCode = 1; });
