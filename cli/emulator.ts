// `tencent-https emulator [--port N] [--seed FILE] [--deploy-delay-ms N]`: runs the local Tencent Cloud
// API until SIGINT/SIGTERM, printing its URL and the credentials it accepts.
import { readFileSync } from "node:fs";
import { startEmulator } from "../emulator";
import type { EmulatorOptions, EmulatorSeed } from "../emulator";

const USAGE = "usage: tencent-https emulator [--port N] [--seed FILE] [--deploy-delay-ms N] [--no-rate-limits]\n";

export function parseEmulatorArgs(args: string[]): EmulatorOptions & { seedFile?: string } {
  const out: EmulatorOptions & { seedFile?: string } = { port: 8787, deployDelayMs: 2000 };
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
    else throw new Error(`unknown option "${a}"`);
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
    throw new Error(`the seed file ${file} is not valid JSON (${(e as Error).message}); see "Running against the emulator" in the README for its shape`);
  }
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(USAGE);
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
  const emulator = await startEmulator(options);
  process.stdout.write(
    `Tencent Cloud API emulator listening on ${emulator.url}\n` +
      `  TENCENTCLOUD_HTTPS_ENDPOINT=${emulator.url}\n` +
      `  TENCENTCLOUD_SECRET_ID=${emulator.secretId}\n` +
      `  TENCENTCLOUD_SECRET_KEY=${emulator.secretKey}\n` +
      `  deployments take ${options.deployDelayMs} ms; admin routes under ${emulator.url}/_emulator/ (state, requests, faults, seed, reset, clock)\n` +
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
