// A rate budget shared by every provider process on every machine, kept in Redis: one token bucket
// per (account, action) with reservations, taken in one Lua script (one round trip, atomic, on the
// store's clock). Why not rate-limiter-flexible: its Redis limiter counts fixed windows, which let
// twice the rate through across a window's edge, where the API's own bucket throttles; and a caller
// it refuses must poll again, while a reservation tells each caller its turn, in order of asking.
// docs/pacing.md says more. When the store cannot be reached the caller paces alone (adaptive), and
// the process says so once.
import type Redis from "ioredis";
import type { SharedBudget } from "./pacing";
import type { Service } from "./types";

/**
 * KEYS[1]: the bucket; ARGV: rate per second, burst, idle lifetime in ms. Takes one token (the
 * balance may go negative: later callers queue behind) and answers the wait in ms until it is there.
 */
const TAKE = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + tonumber(t[2]) / 1000
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local state = redis.call('HMGET', KEYS[1], 'tokens', 'last')
local tokens = tonumber(state[1]) or burst
local last = tonumber(state[2]) or now
tokens = math.min(burst, tokens + (now - last) * rate / 1000) - 1
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'last', tostring(now))
redis.call('PEXPIRE', KEYS[1], ARGV[3])
if tokens >= 0 then return 0 end
return math.ceil(-tokens * 1000 / rate)
`;

type WithTake = Redis & { takeToken(key: string, rate: number, burst: number, lifetimeMs: number): Promise<number> };

/**
 * How long the first call waits for the store before pacing alone, and each command's limit. Not
 * less: a provider process busy checking certificates may not look at its sockets for hundreds of
 * milliseconds, and a timer that fires first would call a healthy store unreachable.
 */
export const STORE_CONNECT_TIMEOUT_MS = 2000;
export const STORE_COMMAND_TIMEOUT_MS = 2000;
/** After a failure the store is left alone this long (each call would wait for it otherwise). */
export const STORE_RETRY_AFTER_MS = 5000;
/** The connection closes after this long unused (it reopens on the next call), so it never keeps a process alive. */
export const STORE_IDLE_CLOSE_MS = 10_000;
/**
 * The shared bucket holds 0.15 s of calls fewer than the API's (burst = one second's rate): calls
 * leave in the order the store gave their turns, but reach the API a little sooner or later (a busy
 * event loop, a new connection; a turn come to more than pacing.ts LATE_TURN_MS late is taken anew);
 * the headroom absorbs that instead of a throttling answer.
 */
export const SHARED_HEADROOM_SECONDS = 0.15;

/** The store as a person may read it in a log: scheme, host and port, never a user or password. */
export function describeStore(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.hostname}${u.port ? `:${u.port}` : ""}`;
  } catch {
    return "(not a URL)";
  }
}

/** The reason a store failed, without anything of its URL but host and port. */
function reasonOf(e: unknown, url: string): string {
  const err = e as { code?: string; message?: string };
  let text = err?.code ?? err?.message ?? String(e);
  try {
    const u = new URL(url);
    for (const secret of [u.password, u.username].filter((s) => s.length > 0)) text = text.split(secret).join("***");
  } catch { /* no URL, nothing to hide */ }
  return text.slice(0, 120);
}

export class RedisBudget implements SharedBudget {
  private redis: WithTake | undefined;
  private connecting: Promise<boolean> | undefined;
  private idle: NodeJS.Timeout | undefined;
  private saidUnreachable = false;
  private failedAt = -Infinity;

  constructor(private readonly url: string, private readonly warn: (line: string) => void) {}

  async reserve(account: string, service: Service, action: string, rate: number): Promise<number | undefined> {
    if (performance.now() - this.failedAt < STORE_RETRY_AFTER_MS) return undefined;
    if (!(await this.connected())) return undefined;
    this.touch();
    try {
      const burst = Math.max(1, rate * (1 - SHARED_HEADROOM_SECONDS));
      return await this.redis!.takeToken(`tencentcloud-https:budget:${account}:${service}.${action}`, rate, burst, 10_000);
    } catch (e) {
      this.unreachable(e);
      return undefined;
    }
  }

  /** Whether the store can take a call now: the first call (and the first after an idle close) waits for the connection. */
  private async connected(): Promise<boolean> {
    if (this.redis?.status === "ready") return true;
    if (this.redis && this.redis.status !== "wait" && this.redis.status !== "end") return false; // reconnecting: pace alone meanwhile
    this.connecting ??= this.connect().finally(() => { this.connecting = undefined; });
    return this.connecting;
  }

  private async connect(): Promise<boolean> {
    let url: URL;
    try {
      url = new URL(this.url);
      if (url.protocol !== "redis:" && url.protocol !== "rediss:") throw new Error(`a redis:// or rediss:// URL is expected, not ${url.protocol}//`);
    } catch (e) {
      this.unreachable(e);
      return false;
    }
    if (!this.redis || this.redis.status === "end") {
      // Loaded on first use: a process without a store never pays for loading the client.
      const RedisClient = (require("ioredis") as { default: typeof Redis }).default;
      this.redis = new RedisClient(this.url, {
        lazyConnect: true,
        enableOfflineQueue: false,
        maxRetriesPerRequest: 0,
        connectTimeout: STORE_CONNECT_TIMEOUT_MS,
        commandTimeout: STORE_COMMAND_TIMEOUT_MS,
        retryStrategy: (times) => Math.min(times * 1000, 10_000),
      }) as WithTake;
      this.redis.defineCommand("takeToken", { numberOfKeys: 1, lua: TAKE });
      this.redis.on("error", (e) => this.unreachable(e));
    }
    try {
      await this.redis.connect();
      return true;
    } catch (e) {
      this.unreachable(e);
      return false;
    }
  }

  /** Restarts the idle timer; an unused connection is closed (and reopened on the next call). */
  private touch(): void {
    if (this.idle) clearTimeout(this.idle);
    this.idle = setTimeout(() => { this.idle = undefined; this.redis?.disconnect(); }, STORE_IDLE_CLOSE_MS);
    this.idle.unref();
  }

  private unreachable(e: unknown): void {
    this.failedAt = performance.now();
    if (this.saidUnreachable) return;
    this.saidUnreachable = true;
    this.warn(`the rate-limit store ${describeStore(this.url)} cannot be used (${reasonOf(e, this.url)}): ` +
      "this process paces its calls alone (adaptive pacing), and uses the store again once it answers.");
  }

  async close(): Promise<void> {
    if (this.idle) clearTimeout(this.idle);
    this.idle = undefined;
    this.redis?.disconnect();
    this.redis = undefined;
  }
}
