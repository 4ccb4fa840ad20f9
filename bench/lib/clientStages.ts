// What one call of our client costs, stage by stage, in CPU microseconds (process.cpuUsage, so a
// loaded machine slows every stage alike instead of skewing the wall clock). Printed by the client
// overhead benchmark before the throughput race, to say where the time goes.
import * as http from "node:http";
import axios, { AxiosAdapter, AxiosInstance } from "axios";
import { buildHeaders, createHttp, serializeParams, targetFor } from "../../provider/tencentcloud/client";
import { signTc3, Tc3Signer } from "../../provider/tencentcloud/signer";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { RateBudgets } from "../../provider/tencentcloud/pacing";
import { realRetryDeps, resolveRetryOptions, withRetry } from "../../provider/tencentcloud/retry";
import { agentTo, officialSdkClient } from "./officialSdk";

export interface Stage { name: string; cpuMicros: number }

/** Rate budgets on a clock a million times faster than real time: pacing's cost without its waits. */
export function liftedBudgets(): RateBudgets {
  return new RateBudgets({ deps: { now: () => performance.now() * 1e6, random: Math.random } });
}

async function cpuPerCall(n: number, f: () => unknown): Promise<number> {
  for (let i = 0; i < Math.min(n, 2000); i++) await f(); // warm up the JIT
  const c0 = process.cpuUsage();
  for (let i = 0; i < n; i++) await f();
  const c = process.cpuUsage(c0);
  return (c.user + c.system) / n;
}

/** `n` calls of `f`, `inFlight` at a time: the wall seconds and the process's CPU microseconds per call. */
export async function pooled(n: number, inFlight: number, f: () => Promise<unknown>): Promise<{ seconds: number; cpuMicrosPerCall: number }> {
  let next = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: inFlight }, async () => { while (next++ < n) await f(); }));
  const c = process.cpuUsage(c0);
  return { seconds: (performance.now() - t0) / 1000, cpuMicrosPerCall: (c.user + c.system) / n };
}

/** `inFlight` requests at a time; CPU of client and server together, per request. */
async function cpuPerRequest(n: number, inFlight: number, f: () => Promise<unknown>): Promise<number> {
  await Promise.all(Array.from({ length: inFlight * 4 }, f));
  return (await pooled(n, inFlight, f)).cpuMicrosPerCall;
}

const ANSWER = JSON.stringify({ Response: { DomainInfo: { Name: "play.overhead.example.com", Type: 1, Status: 1, CreateTime: "2026-01-01 00:00:00", PlayType: 1 }, RequestId: "stage" } });

/** The instance configuration the client used before issue 15: axios's defaults plus identity transforms. */
function axiosAsBefore(adapter: AxiosAdapter | "http", agent: http.Agent): AxiosInstance {
  return axios.create({
    adapter, responseType: "text", transformRequest: [(d: unknown) => d], transformResponse: [(d: unknown) => d],
    validateStatus: () => true, maxRedirects: 0, httpAgent: agent, proxy: false,
  });
}

export async function measureClientStages(n = 20_000): Promise<Stage[]> {
  const credentials = { secretId: "AKIDstages0000000000000000000000000000", secretKey: "s".repeat(32) };
  const params = { DomainName: "play.overhead.example.com" };
  const payload = serializeParams(params);
  const server = http.createServer((req, res) => { req.resume(); req.on("end", () => { res.writeHead(200, { "Content-Type": "application/json" }); res.end(ANSWER); }); });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
  const target = targetFor("live", url);
  const signer = new Tc3Signer(credentials.secretKey);
  const headers = buildHeaders({ target, credentials, signer, service: "live", action: "DescribeLiveDomain", payload, language: "en-US" });
  const stub: AxiosAdapter = async (config) => ({ data: ANSWER, status: 200, statusText: "OK", headers: {}, config, request: {} });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const ours = createHttp(10_000, url);
  const oursWithStub = createHttp(10_000, url);
  oursWithStub.defaults.adapter = stub;
  const before = axiosAsBefore("http", agent);
  const beforeWithStub = axiosAsBefore(stub, agent);
  const budgets = liftedBudgets();
  const noSleep = async () => undefined;
  const retry = resolveRetryOptions({});
  try {
    const stages: Stage[] = [];
    const add = async (name: string, f: () => Promise<number>) => stages.push({ name, cpuMicros: await f() });
    await add("JSON: serialize the request", () => cpuPerCall(n, () => serializeParams(params)));
    await add("JSON: parse the answer", () => cpuPerCall(n, () => JSON.parse(ANSWER)));
    await add("signing, key derived per call (as the SDK does)", () => cpuPerCall(n, () =>
      signTc3({ ...credentials, service: "live", host: target.host, timestamp: 1_780_000_000, payload, contentType: "application/json" })));
    await add("signing + headers, key cached per day (ours)", () => cpuPerCall(n, () =>
      buildHeaders({ target, credentials, signer, service: "live", action: "DescribeLiveDomain", payload, language: "en-US" })));
    await add("rate budget: acquire and report the answer", () => cpuPerCall(n, async () => (await budgets.acquire("account", "live", "DescribeLiveDomain", noSleep)).done("answered")));
    await add("retry wrapper around an answered call", () => cpuPerCall(n, () => withRetry(async () => 1, retry, realRetryDeps)));
    await add("axios config merge + headers, defaults as before (stub adapter)", () => cpuPerCall(n, () => beforeWithStub.post(url, payload, { headers })));
    await add("axios config merge + headers, trimmed defaults (stub adapter)", () => cpuPerCall(n, () => oursWithStub.post(url, payload, { headers })));
    const rounds = Math.max(2000, Math.floor(n / 4));
    await add("transport: node:http alone, incl. server (16 in flight)", () => cpuPerRequest(rounds, 16, () => new Promise((resolve, reject) => {
      const req = http.request(url, { method: "POST", agent, headers }, (res) => { res.resume(); res.on("end", resolve); });
      req.on("error", reject);
      req.end(payload);
    })));
    await add("transport: axios as before (its http adapter), incl. server", () => cpuPerRequest(rounds, 16, () => before.post(url, payload, { headers })));
    await add("transport: axios, trimmed + direct adapter (ours), incl. server", () => cpuPerRequest(rounds, 16, () => ours.post(url, payload, { headers })));
    const client = new TencentCloudClient({ credentials, endpoint: url, retry: { maxAttempts: 1 }, budgets: liftedBudgets() });
    await add("whole client: ours (rate limits lifted), incl. server", () => cpuPerRequest(rounds, 16, () => client.live.describeLiveDomain(params)));
    const sdkAgent = agentTo(Number(new URL(url).port));
    const sdk = officialSdkClient(credentials, sdkAgent);
    await add("whole client: official SDK, incl. server", () => cpuPerRequest(rounds, 16, () => sdk.DescribeLiveDomain(params)));
    sdkAgent.destroy();
    return stages;
  } finally {
    agent.destroy();
    await new Promise((r) => server.close(r));
  }
}

export function formatStages(stages: Stage[]): string {
  return stages.map((s) => `   ${s.name.padEnd(68)} ${s.cpuMicros.toFixed(1).padStart(7)} us CPU`).join("\n");
}
