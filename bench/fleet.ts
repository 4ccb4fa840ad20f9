// Fleet benchmark (`npm run bench`): 200 CdnHttpsConfig and 20 LiveDomainBinding (5 playback
// domains each, with their LiveCertificates) created, rotated to new certificates and destroyed
// through Pulumi's real dynamic-provider host with 16 operations in flight, against the emulator
// with its documented rate limits on and a deployment delay. Prints figures per phase.
import { FULL_FLEET, FleetSize, issueFleetCerts } from "./lib/fleet";
import { runFleetBench, ENGINE_PARALLEL } from "./lib/fleetBench";
import { formatPhase } from "./lib/report";
import { testCertIssuer } from "./lib/certs";

export const BENCH_DEPLOY_DELAY_MS = 1500;
/** Issue 7: wall time within 15% of the lower bound the rate limits and deployment delay impose. */
export const FLEET_RATIO_TARGET = 1.15;

export async function run(size: FleetSize = FULL_FLEET, deployDelayMs = BENCH_DEPLOY_DELAY_MS): Promise<void> {
  console.log(`== fleet benchmark: --parallel ${ENGINE_PARALLEL}, emulator rate limits on, deployment delay ${deployDelayMs} ms`);
  console.log("   lower bound = max over independent constraints: per action ((minimum calls - burst) / documented rate;");
  console.log("   the emulator's buckets start full), and ceil(deployments / 16) * delay (the emulator deploys when HTTPS is");
  console.log("   switched on, not when it is switched off). Minimum calls: each write, plus one DescribeDomainsConfig per CDN");
  console.log("   domain; check reads, read-modify-write reads and extra polls are not counted.");
  console.log("   Declaration order: per site, its LiveCertificate and LiveDomainBinding, then its 10 CDN domains.");
  const t = performance.now();
  const certs = issueFleetCerts(size, testCertIssuer());
  console.log(`   (issued ${2 + 2 * size.bindings} test certificates in ${((performance.now() - t) / 1000).toFixed(1)} s)`);
  await runFleetBench({
    size, certs, deployDelayMs, rateLimits: true,
    onPhase: (r) => console.log(formatPhase(r, size, FLEET_RATIO_TARGET)),
  });
}

if (require.main === module) run().catch((e) => { console.error(e); process.exitCode = 1; });
