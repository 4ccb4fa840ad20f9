// The benchmarks' emulator in a process of its own: the Tencent Cloud API is never in the engine's
// process, and an emulator sharing the harness's event loop would delay the engine's calls to the
// provider host whenever it shapes an answer. The handle reaches it over its admin routes, as it
// reaches one in this process (emulator/index.ts emulatorAt).
import { fork } from "node:child_process";
import { emulatorAt, EmulatorHandle, EmulatorOptions, startEmulator } from "../../emulator";

interface Ready { port: number; secretId: string; secretKey: string }

const runningFromSource = __filename.endsWith(".ts");

export async function startEmulatorProcess(options: EmulatorOptions): Promise<EmulatorHandle> {
  const child = fork(__filename, ["--child"], {
    execArgv: runningFromSource ? ["-r", require.resolve("ts-node/register/transpile-only")] : [],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const ready = await new Promise<Ready>((resolve, reject) => {
    child.once("message", (m) => resolve(m as Ready));
    child.once("exit", (code) => reject(new Error(`the emulator process exited (${code}) before it listened`)));
    child.send(options);
  });
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  return emulatorAt(ready.port, ready, async () => {
    child.kill("SIGTERM");
    await exited;
  });
}

// The child: start the emulator the parent describes, say where it listens, stop on SIGTERM.
if (require.main === module && process.argv.includes("--child")) {
  process.once("message", async (options) => {
    const emulator = await startEmulator({ ...(options as EmulatorOptions), port: 0 });
    const port = Number(new URL(emulator.url).port);
    process.send!({ port, secretId: emulator.secretId, secretKey: emulator.secretKey } satisfies Ready);
    process.once("SIGTERM", () => { void emulator.stop().then(() => process.exit(0)); });
  });
}

