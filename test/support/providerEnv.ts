// Starts an emulator and a provider pointed at it, as `pulumi up` would through stack config: the
// provider is a fresh one (createProvider), standing for one provider process of one deployment.
// `newProcess()` replaces it with another, as the next `pulumi up` runs in a process of its own.
import { startEmulator, EmulatorHandle, EmulatorOptions } from "../../emulator";
import { createProvider, Provider, ResourceKind, ResourceProvider } from "../../provider";
import type { ProviderOptions } from "../../provider/context";
import type { LogLevel } from "../../provider/runtime/log";

export interface ProviderEnv {
  emulator: EmulatorHandle;
  /** The provider of the current simulated process. */
  provider: Provider;
  /** The stack config each new provider process is configured with. */
  config: Record<string, string>;
  /** A new provider process (nothing remembered from the last one), configured with `config`; also becomes `provider`. */
  newProcess(): Provider;
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

/** `processOptions`: what every provider process of the env is made with besides its log sink. */
export async function startProviderEnv(options: EmulatorOptions = {}, processOptions: Omit<ProviderOptions, "logSink"> = {}): Promise<ProviderEnv> {
  const emulator = await startEmulator({ deployDelayMs: 50, ...options });
  const logs: { level: LogLevel; line: string }[] = [];
  const env: ProviderEnv = {
    emulator,
    provider: undefined as unknown as Provider,
    config: providerConfig(emulator),
    newProcess() {
      const config = { ...env.config };
      env.provider = createProvider({ ...processOptions, logSink: (level, line) => logs.push({ level, line }) });
      env.provider.configure({ config: { get: (key: string) => config[key] } });
      return env.provider;
    },
    logs,
    clearLogs: () => { logs.length = 0; },
    stop: () => emulator.stop(),
  };
  env.newProcess();
  return env;
}

/**
 * One resource kind's handlers of the env's current provider process, looked up at each call, so a
 * test that starts a new process (`newProcess()`) keeps calling the same name.
 */
export function handlersOf(env: () => ProviderEnv, kind: ResourceKind): ResourceProvider {
  return new Proxy({} as ResourceProvider, {
    get: (_target, method: string) => (...args: unknown[]) => (env().provider[kind] as unknown as Record<string, (...a: unknown[]) => unknown>)[method](...args),
  });
}
