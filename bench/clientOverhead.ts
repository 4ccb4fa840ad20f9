// Client overhead: requests per second of our client (provider/tencentcloud) and of Tencent Cloud's
// official Node SDK against the same emulator action, in the same run, same concurrency, same
// keep-alive HTTP. Fairness: the emulator's rate limits are off, and our client's process-wide token
// bucket is given a clock running 1e6 times faster, so neither the server nor our bucket throttles
// (the SDK has no bucket). Both sign with TC3 and send the same JSON; what differs is the client code.
import { startEmulator, EmulatorHandle } from "../emulator";
import { TencentCloudClient } from "../provider/tencentcloud";
import { formatStages, liftedBudgets, measureClientStages, pooled } from "./lib/clientStages";
import { agentTo, officialSdkClient } from "./lib/officialSdk";

const ACTION = "live.DescribeLiveDomain";
const DOMAIN = "play.overhead.example.com";

export interface OverheadResult { client: string; requests: number; seconds: number; rps: number; cpuMicrosPerRequest: number }

async function measure(name: string, total: number, concurrency: number, call: () => Promise<unknown>): Promise<OverheadResult> {
  const { seconds, cpuMicrosPerCall } = await pooled(total, concurrency, call);
  return { client: name, requests: total, seconds, rps: total / seconds, cpuMicrosPerRequest: cpuMicrosPerCall };
}

/** Issue 15: our client serves at least the official SDK's requests per second. */
export const CLIENT_RATIO_TARGET = 1.0;

export async function run(options: { requests?: number; concurrency?: number; rounds?: number } = {}): Promise<{ ours: number; sdk: number; ratio: number }> {
  const requests = options.requests ?? 3000;
  const concurrency = options.concurrency ?? 16;
  const rounds = options.rounds ?? 5;
  console.log("== client stages: CPU per call of each stage of our client, against a trivial local server (no emulator)");
  console.log(formatStages(await measureClientStages()));
  console.log("");
  const emulator: EmulatorHandle = await startEmulator({ rateLimits: false, logRequests: false, seed: { liveDomains: [{ name: DOMAIN, type: 1, status: 1 }] } });
  const agent = agentTo(Number(new URL(emulator.url).port));
  try {
    const ours = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url, retry: { maxAttempts: 1 }, budgets: liftedBudgets() });
    const sdk = officialSdkClient({ secretId: emulator.secretId, secretKey: emulator.secretKey }, agent);
    const callOurs = () => ours.live.describeLiveDomain({ DomainName: DOMAIN });
    const callSdk = () => sdk.DescribeLiveDomain({ DomainName: DOMAIN });
    // Both must actually succeed against the emulator before we time them.
    const [a, b] = await Promise.all([callOurs(), callSdk()]);
    if (a.DomainInfo?.Name !== DOMAIN || b.DomainInfo?.Name !== DOMAIN) throw new Error("client overhead: a client did not read the seeded domain");

    const best = { ours: 0, sdk: 0 };
    console.log(`== client overhead: ${ACTION}, ${requests} requests x ${rounds} rounds each, ${concurrency} in flight, keep-alive, emulator rate limits off`);
    for (let r = 0; r < rounds; r++) {
      // Alternate the order so that warm-up and GC do not favour one client.
      const pair = r % 2 === 0
        ? [await measure("ours", requests, concurrency, callOurs), await measure("official SDK", requests, concurrency, callSdk)]
        : [await measure("official SDK", requests, concurrency, callSdk), await measure("ours", requests, concurrency, callOurs)];
      for (const m of pair) {
        console.log(`   round ${r + 1} ${m.client.padEnd(13)} ${m.rps.toFixed(0).padStart(6)} req/s  (${m.seconds.toFixed(2)} s, ${m.cpuMicrosPerRequest.toFixed(0)} us CPU per request incl. the emulator)`);
        if (m.client === "ours") best.ours = Math.max(best.ours, m.rps); else best.sdk = Math.max(best.sdk, m.rps);
      }
    }
    const ratio = best.ours / best.sdk;
    console.log(`   best: ours ${best.ours.toFixed(0)} req/s, official SDK ${best.sdk.toFixed(0)} req/s, ratio ours/SDK ${ratio.toFixed(2)}   (target >= ${CLIENT_RATIO_TARGET.toFixed(2)})`);
    return { ...best, ratio };
  } finally {
    agent.destroy();
    await emulator.stop();
  }
}

if (require.main === module) run().catch((e) => { console.error(e); process.exitCode = 1; });
