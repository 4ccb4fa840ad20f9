// A real Redis for the shared rate-limit tests and the stacks benchmark: the one `.ci/run` started
// (its URL in TENCENTCLOUD_HTTPS_TEST_REDIS_URL), else a `redis-server` of our own on a free port
// when the binary is installed, else an error saying what to install. Never a mock, never a skip.
import { spawn, spawnSync } from "node:child_process";
import * as net from "node:net";
import * as readline from "node:readline";

export const TEST_REDIS_URL_VARIABLE = "TENCENTCLOUD_HTTPS_TEST_REDIS_URL";

export interface TestRedis {
  url: string;
  stop(): Promise<void>;
}

export const REDIS_MISSING_MESSAGE = "The shared rate-limit tests need a real Redis: install redis-server (Debian/Ubuntu: " +
  `apt-get install redis-server) so the tests can start one, or set ${TEST_REDIS_URL_VARIABLE} to the URL of a running one.`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function installed(binary: string): boolean {
  return spawnSync(binary, ["--version"], { stdio: "ignore" }).status === 0;
}

/** A redis-server of our own: in memory only, on loopback, stopped by stop() or when this process exits. */
export async function startRedisServer(binary = "redis-server"): Promise<TestRedis> {
  if (!installed(binary)) throw new Error(REDIS_MISSING_MESSAGE);
  const port = await freePort();
  const child = spawn(binary, ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  const kill = () => child.kill("SIGKILL");
  process.once("exit", kill);
  const output: string[] = [];
  await new Promise<void>((resolve, reject) => {
    const lines = readline.createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      output.push(line);
      if (/Ready to accept connections/.test(line)) resolve();
    });
    child.stderr!.on("data", (d: Buffer) => output.push(d.toString()));
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}) before it was ready:\n${output.join("\n")}`)));
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.removeListener("exit", kill);
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The Redis the tests use: CI's, or one started here. */
export async function testRedis(env: NodeJS.ProcessEnv = process.env): Promise<TestRedis> {
  const url = env[TEST_REDIS_URL_VARIABLE]?.trim();
  if (url) return { url, stop: async () => undefined };
  return startRedisServer();
}
