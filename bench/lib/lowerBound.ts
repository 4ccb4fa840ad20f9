// The least wall time the documented rate limits and the deployment delay allow for a phase of fleet
// work, whatever the provider does. Independent constraints, so the bound is their maximum:
//   per action a:   (minCalls(a) - burst(a)) / rate(a)  (the API answers at most rate(a) calls per second
//                                                        after a full bucket of burst(a) = rate(a) tokens)
//   deployment:     ceil(waits / inFlight) * delay   (each wait lasts the delay; only inFlight run at once)
// minCalls counts what the work cannot do without (each write, one read that observes the result),
// never the provider's actual polls, so a wasteful provider shows up as a ratio above 1.

export interface PhaseWork {
  /** Minimum API calls the phase needs, by `service.Action`. */
  minCalls: Record<string, number>;
  /** Operations that must each wait out a deployment delay. */
  deploymentWaits: number;
}

export interface BoundInput extends PhaseWork {
  rateFor(action: string): number; // requests per second
  deployDelayMs: number;
  inFlight: number;
}

/** The name of the deployment-delay constraint. */
export const DEPLOYMENT_DELAY = "deployment delay";

export interface Constraint { name: string; ms: number; formula: string }
export interface LowerBound { ms: number; binding: string; constraints: Constraint[] }

export function lowerBound(input: BoundInput): LowerBound {
  const constraints: Constraint[] = [];
  for (const [action, calls] of Object.entries(input.minCalls)) {
    if (calls <= 0) continue;
    const rate = input.rateFor(action);
    // The buckets (emulator/core/rateLimit.ts, per account; the client's provider/tencentcloud/rateLimit.ts) hold one second's worth
    // of tokens, and each phase starts with them full (fleet.ts BUCKET_REFILL_MS).
    const burst = rate;
    constraints.push({ name: action, ms: (Math.max(0, calls - burst) / rate) * 1000, formula: `(${calls} calls - ${burst} burst) / ${rate}/s` });
  }
  if (input.deploymentWaits > 0 && input.deployDelayMs > 0) {
    const rounds = Math.ceil(input.deploymentWaits / input.inFlight);
    constraints.push({
      name: DEPLOYMENT_DELAY,
      ms: rounds * input.deployDelayMs,
      formula: `ceil(${input.deploymentWaits} / ${input.inFlight}) * ${input.deployDelayMs} ms`,
    });
  }
  const binding = constraints.reduce<Constraint | undefined>((a, c) => (!a || c.ms > a.ms ? c : a), undefined);
  return { ms: binding?.ms ?? 0, binding: binding?.name ?? "none", constraints };
}
