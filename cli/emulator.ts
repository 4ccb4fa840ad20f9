// `tencent-https emulator [--port N] [--seed FILE] [--deploy-delay-ms N]`: runs the local Tencent Cloud
// API until SIGINT/SIGTERM, printing its URL, the credentials it accepts and a ready line.
import { readFileSync } from "node:fs";
import { startEmulator } from "../emulator";
import type { EmulatorOptions, EmulatorSeed } from "../emulator";
import { SeedError } from "../emulator/core/seed";

const USAGE = "usage: tencent-https emulator [--port N] [--seed FILE] [--deploy-delay-ms N] [--no-rate-limits]\n";

export const DEFAULT_PORT = 8787;
export const DEFAULT_DEPLOY_DELAY_MS = 2000;

export const HELP = `${USAGE}
Runs a local emulator of the Tencent Cloud API (cdn, live, ssl; TC3 signatures, error codes, rate
limits, deployment delays) on 127.0.0.1 until Ctrl+C or SIGTERM, and prints its URL, the
credentials it accepts and, once it serves, a line starting "ready:" with its process id. Point
the provider at it with TENCENTCLOUD_HTTPS_ENDPOINT. GET <url>/_emulator/ready answers 200 once it
serves: a script polls it before the first call (see "The emulator for CI" in the README).

options:
  --port N             the port on 127.0.0.1 (default ${DEFAULT_PORT}; 0 picks a free one)
  --seed FILE          a JSON file with the world to start from (default: empty, random credentials)
  --deploy-delay-ms N  how long a CDN HTTPS deployment takes (default ${DEFAULT_DEPLOY_DELAY_MS})
  --no-rate-limits     do not throttle requests per action
  --help, -h           this text

seed file (every field optional):
  {
    "cdnDomains": [{ "domain": "cdn.example.com", "status": "online", "originType": "domain" }],
    "liveDomains": [{ "name": "play.example.com", "type": 1, "status": 1 }],
    "sslCertificates": [{ "id": "abc12345", "certificate": "-----BEGIN CERTIFICATE-----..." }],
    "credentials": [{ "secretId": "AKIDexample...", "secretKey": "..." }]
  }
  "credentials" fixes the id and key the emulator accepts (the first is printed at start), so CI can
  set TENCENTCLOUD_SECRET_ID / TENCENTCLOUD_SECRET_KEY before it starts; without it they are random.
  liveDomains "type": 1 is a playback domain, 0 a push domain. A key the emulator does not know, or a
  value outside its set, stops it with every problem and the accepted keys or values.

exit codes:
  0  stopped by Ctrl+C or SIGTERM
  1  failed while running
  2  a usage error, an unreadable or invalid seed file (every problem is printed), or a port already in use

example:
  tencent-https emulator --seed seed.json --port 8787 --deploy-delay-ms 200
`;

export function parseEmulatorArgs(args: string[]): EmulatorOptions & { seedFile?: string } {
  const out: EmulatorOptions & { seedFile?: string } = { port: DEFAULT_PORT, deployDelayMs: DEFAULT_DEPLOY_DELAY_MS };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    const value = () => {
      const v = args[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (v: string) => {
      if (!/^\d+$/.test(v)) throw new Error(`${a} needs a non-negative integer, got "${v}"`);
      return Number(v);
    };
    if (a === "--port") out.port = int(value());
    else if (a === "--seed") out.seedFile = value();
    else if (a === "--deploy-delay-ms") out.deployDelayMs = int(value());
    else if (a === "--no-rate-limits") out.rateLimits = false;
    else throw new Error(`unknown option "${a}"; the options are --port, --seed, --deploy-delay-ms and --no-rate-limits`);
  }
  return out;
}

function readSeedFile(file: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new Error(`cannot read the seed file ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  try {
    return JSON.parse(text) as EmulatorSeed;
  } catch (e) {
    throw new Error(`the seed file ${file} is not valid JSON (${(e as Error).message}); see "The emulator for CI" in the README for its shape`);
  }
}

/** One sentence for a listen failure (a busy port is the common one). */
export function startFailure(e: NodeJS.ErrnoException, port: number): string {
  if (e.code === "EADDRINUSE") {
    return `port ${port} on 127.0.0.1 is already in use (another emulator still running?): stop that process, or pick another port with --port N (--port 0 picks a free one).`;
  }
  if (e.code === "EACCES") return `not allowed to listen on port ${port}: use a port above 1023 with --port N.`;
  return e.message;
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(HELP);
    return 0;
  }
  let options: ReturnType<typeof parseEmulatorArgs>;
  try {
    options = parseEmulatorArgs(args);
    if (options.seedFile) options.seed = readSeedFile(options.seedFile);
  } catch (e) {
    process.stderr.write(`tencent-https emulator: ${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator(options);
  } catch (e) {
    const message = e instanceof SeedError
      ? `the seed file ${options.seedFile ?? "(none)"}: ${e.message}`
      : startFailure(e as NodeJS.ErrnoException, options.port ?? DEFAULT_PORT);
    process.stderr.write(`tencent-https emulator: ${message}\n`);
    return 2;
  }
  process.stdout.write(
    `Tencent Cloud API emulator listening on ${emulator.url}\n` +
      `  TENCENTCLOUD_HTTPS_ENDPOINT=${emulator.url}\n` +
      `  TENCENTCLOUD_SECRET_ID=${emulator.secretId}\n` +
      `  TENCENTCLOUD_SECRET_KEY=${emulator.secretKey}\n` +
      `  deployments take ${options.deployDelayMs} ms; admin routes under ${emulator.url}/_emulator/ (state, requests, faults, seed, reset, clock)\n` +
      `ready: GET ${emulator.url}/_emulator/ready answers 200; stop it with kill ${process.pid}\n` +
      `Press Ctrl+C to stop.\n`,
  );
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
  await emulator.stop();
  process.stdout.write("emulator stopped\n");
  return 0;
}
