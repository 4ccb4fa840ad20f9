// Client overhead: requests per second of our client (provider/tencentcloud) and of Tencent Cloud's
// official Node SDK against the same emulator action, in the same run, same concurrency, same
// keep-alive HTTP. Fairness: the emulator's rate limits are off, and our client's process-wide token
// bucket is given a clock running 1e6 times faster, so neither the server nor our bucket throttles
// (the SDK has no bucket). Both sign with TC3 and send the same JSON; what differs is the client code.
import http from "node:http";
import net from "node:net";
import { startEmulator, EmulatorHandle } from "../emulator";
import { TencentCloudClient, resetRateLimitsForTests } from "../provider/tencentcloud";

// The official SDK derives the signing service and Host from its endpoint, so it is given the real
// host name and an agent that connects every request to the emulator instead.
function agentTo(port: number): http.Agent {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  (agent as unknown as { createConnection: () => net.Socket }).createConnection = () => net.connect(port, "127.0.0.1");
  return agent;
}

const ACTION = "live.DescribeLiveDomain";
const DOMAIN = "play.overhead.example.com";

export interface OverheadResult { client: string; requests: number; seconds: number; rps: number }

async function measure(name: string, total: number, concurrency: number, call: () => Promise<unknown>): Promise<OverheadResult> {
  let next = 0;
  const worker = async () => { while (next++ < total) await call(); };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - t0) / 1000;
  return { client: name, requests: total, seconds, rps: total / seconds };
}

export async function run(options: { requests?: number; concurrency?: number; rounds?: number } = {}): Promise<{ ours: number; sdk: number; ratio: number }> {
  const requests = options.requests ?? 3000;
  const concurrency = options.concurrency ?? 16;
  const rounds = options.rounds ?? 3;
  const emulator: EmulatorHandle = await startEmulator({ rateLimits: false, logRequests: false, seed: { liveDomains: [{ name: DOMAIN, type: 1, status: 1 }] } });
  resetRateLimitsForTests(() => performance.now() * 1e6);
  const agent = agentTo(Number(new URL(emulator.url).port));
  try {
    const ours = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url, retry: { maxAttempts: 1 } });
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { live } = require("tencentcloud-sdk-nodejs/tencentcloud/services/live");
    const sdk = new live.v20180801.Client({
      credential: { secretId: emulator.secretId, secretKey: emulator.secretKey },
      region: "",
      profile: { language: "en-US", httpProfile: { endpoint: "live.tencentcloudapi.com", protocol: "http://", agent } },
    });
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
        console.log(`   round ${r + 1} ${m.client.padEnd(13)} ${m.rps.toFixed(0).padStart(6)} req/s  (${m.seconds.toFixed(2)} s)`);
        if (m.client === "ours") best.ours = Math.max(best.ours, m.rps); else best.sdk = Math.max(best.sdk, m.rps);
      }
    }
    const ratio = best.ours / best.sdk;
    console.log(`   best: ours ${best.ours.toFixed(0)} req/s, official SDK ${best.sdk.toFixed(0)} req/s, ratio ours/SDK ${ratio.toFixed(2)}`);
    return { ...best, ratio };
  } finally {
    resetRateLimitsForTests();
    agent.destroy();
    await emulator.stop();
  }
}

if (require.main === module) run().catch((e) => { console.error(e); process.exitCode = 1; });
