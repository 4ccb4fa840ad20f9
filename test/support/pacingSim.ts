// A discrete-event simulation of provider processes sharing one account: each process has its own
// RateBudgets (no store), `inFlight` operations at a time, each one paced write with its throttled
// attempts retried through the budget; the API is one token bucket (rate 20/s, burst 20). Time is
// simulated, so the unit tests run it in milliseconds and get the same figures every time.
import { accountOf, RateBudgets } from "../../provider/tencentcloud/pacing";

export interface SimOptions { processes: number; callsPerProcess: number; inFlight: number; seed: number; rate?: number }
export interface SimResult { calls: number; throttled: number; wallMs: number; boundMs: number; failedToFinish: number }

/** A small seeded generator (Numerical Recipes' LCG): the same run for the same seed. */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => { s = (Math.imul(s, 1664525) + 1013904223) >>> 0; return s / 2 ** 32; };
}

export async function simulateProcesses(o: SimOptions): Promise<SimResult> {
  const rate = o.rate ?? 20;
  const random = seededRandom(o.seed);
  let now = 0;
  let seq = 0;
  const timers: { at: number; seq: number; wake(): void }[] = [];
  const sleep = (ms: number) => new Promise<void>((wake) => { timers.push({ at: now + Math.max(0, ms), seq: seq++, wake }); });
  const api = { tokens: rate, last: 0 };
  let calls = 0;
  let throttled = 0;
  const arrive = (): boolean => {
    api.tokens = Math.min(rate, api.tokens + ((now - api.last) * rate) / 1000);
    api.last = now;
    calls++;
    if (api.tokens >= 1) { api.tokens -= 1; return true; }
    throttled++;
    return false;
  };
  let finished = 0;
  const ends: number[] = [];
  const run = Promise.all(Array.from({ length: o.processes }, async () => {
    const budgets = new RateBudgets({ deps: { now: () => now, random } });
    const account = accountOf({ secretId: "AKIDsimulated" });
    let next = 0;
    await sleep(random() * 20); // processes start within a few milliseconds of each other
    await Promise.all(Array.from({ length: o.inFlight }, async () => {
      while (next < o.callsPerProcess) {
        next++;
        for (;;) {
          const pass = await budgets.acquire(account, "cdn", "UpdateDomainConfig", sleep);
          await sleep(1 + random() * 3); // on the way
          const answered = arrive();
          await sleep(1 + random() * 3); // the answer on its way back
          pass.done(answered ? "answered" : "throttled");
          if (answered) break;
        }
        await sleep(100); // the deployment this write started
      }
    }));
    finished++;
    ends.push(now);
  }));
  let done = false;
  void run.then(() => { done = true; });
  for (let steps = 0; !done && steps < 1_000_000; steps++) {
    for (let i = 0; i < 4 && !done; i++) await new Promise((r) => setImmediate(r));
    if (done) break;
    timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
    const t = timers.shift();
    if (t) { now = Math.max(now, t.at); t.wake(); }
  }
  const writes = o.processes * o.callsPerProcess;
  return { calls, throttled, wallMs: Math.max(...ends, now), boundMs: (Math.max(0, writes - rate) / rate) * 1000, failedToFinish: o.processes - finished };
}
