// Starts an emulator and points the in-process provider at it, as `pulumi up` would through
// stack config. Used by the provider-against-emulator tests of every resource.
import { startEmulator, EmulatorHandle, EmulatorOptions } from "../../emulator";
import { configure, resetClientForTests } from "../../provider/config";
import { setLogSink, LogLevel } from "../../provider/runtime/log";
import { declarations } from "../../provider/ownership";

export interface ProviderEnv {
  emulator: EmulatorHandle;
  /** Provider log lines captured since start or the last clearLogs(). */
  logs: { level: LogLevel; line: string }[];
  clearLogs(): void;
  stop(): Promise<void>;
}

export function providerConfig(emulator: EmulatorHandle): Record<string, string> {
  return {
    "tencentcloud-https:secretId": emulator.secretId,
    "tencentcloud-https:secretKey": emulator.secretKey,
    "tencentcloud-https:endpoint": emulator.url,
  };
}

export async function startProviderEnv(options: EmulatorOptions = {}): Promise<ProviderEnv> {
  const emulator = await startEmulator({ deployDelayMs: 50, ...options });
  const config = providerConfig(emulator);
  resetClientForTests();
  // A provider env stands for one provider process: no declarations from earlier tests (provider/ownership.ts).
  declarations.clear();
  configure({ config: { get: (key: string) => config[key] } });
  const logs: { level: LogLevel; line: string }[] = [];
  const restore = setLogSink((level, line) => logs.push({ level, line }));
  return {
    emulator,
    logs,
    clearLogs: () => { logs.length = 0; },
    async stop() {
      restore();
      configure({ config: { get: () => undefined } });
      resetClientForTests();
      await emulator.stop();
    },
  };
}
