// Runs one fleet (optionally with injected faults) through the real host against an emulator, and
// hands back the phase reports; shared by the fleet benchmark, the soak entry and the soak test.
import type { EmulatorHandle, Fault } from "../../emulator";
import { startEmulatorProcess } from "./emulatorProcess";
import { rateLimitFor, Service } from "../../provider/tencentcloud/types";
import { FleetCerts, FleetRun, FleetRunOptions, FleetSize, PhaseReport, fleetSeed, runFleet } from "./fleet";
import { FleetHost, startFleetHost } from "./providerHost";

export const ENGINE_PARALLEL = 16; // `pulumi up --parallel 16`

export interface FleetBenchOptions {
  size: FleetSize;
  certs: FleetCerts;
  deployDelayMs: number;
  rateLimits: boolean;
  faults?: Fault[];
  onPhase?(report: PhaseReport, emulator: EmulatorHandle): void | Promise<void>;
  echoHost?: boolean;
  /** What to drive: create, preview, rotate and destroy (default), or a new stack's preview. */
  runner?: (o: FleetRunOptions) => Promise<FleetRun>;
}

export interface FleetBenchResult extends FleetRun { hostLogs: string[]; finalState: unknown }

export function rateOfAction(action: string): number {
  const [service, name] = action.split(".");
  return rateLimitFor(service as Service, name);
}

export async function runFleetBench(o: FleetBenchOptions): Promise<FleetBenchResult> {
  const emulator = await startEmulatorProcess({ seed: fleetSeed(o.size), deployDelayMs: o.deployDelayMs, rateLimits: o.rateLimits, logRequests: true });
  try {
    let fleetHost: FleetHost | undefined;
    const hostLogs: string[] = [];
    const stopHost = async () => {
      if (!fleetHost) return;
      await fleetHost.stop();
      hostLogs.push(...fleetHost.host.logs());
      fleetHost = undefined;
    };
    // Each phase is a deployment of its own, in a provider process of its own, as the CLI runs it.
    const deployment = async () => {
      await stopHost();
      fleetHost = await startFleetHost(emulator, { echo: o.echoHost });
      return fleetHost.engines;
    };
    try {
      if (o.faults?.length) await emulator.faults(o.faults);
      const run = await (o.runner ?? runFleet)({
        deployment,
        emulator,
        size: o.size,
        certs: o.certs,
        concurrency: ENGINE_PARALLEL,
        deployDelayMs: o.deployDelayMs,
        rateFor: rateOfAction,
        onPhase: (r) => o.onPhase?.(r, emulator),
      });
      await emulator.faults([]);
      await stopHost();
      return { ...run, hostLogs, finalState: await emulator.state() };
    } finally {
      await stopHost();
    }
  } finally {
    await emulator.stop();
  }
}
