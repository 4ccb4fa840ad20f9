// Injected faults: matched per service/action and phase, consumed by count, drawn by probability.
import type { Fault } from "../types";
import { assertShape, boolean, integer, listOf, number, object, oneOf, SeedError, text } from "./seed";

const FAULTS_SHAPE = listOf(object({
  service: oneOf("cdn", "live", "ssl"), action: text, code: text, httpStatus: integer, drop: boolean, latencyMs: number,
  probability: number, count: integer, phase: oneOf("before", "after"), message: text,
}));

/** The body of POST /_emulator/faults, checked whole (every problem at once). */
export function validateFaults(input: unknown): Fault[] {
  assertShape(input, FAULTS_SHAPE, "faults");
  return (input as Fault[]).map((f, i) => {
    if (f.probability !== undefined && (f.probability < 0 || f.probability > 1)) throw new SeedError(`faults[${i}].probability: must be within 0..1, got ${f.probability}.`);
    if (f.count !== undefined && f.count < 0) throw new SeedError(`faults[${i}].count: must be 0 or more, got ${f.count}.`);
    return { ...f };
  });
}

export class FaultSet {
  private faults: Fault[] = [];
  constructor(private readonly random: () => number = Math.random) {}

  replace(faults: Fault[]): void {
    this.faults = faults.map((f) => ({ ...f }));
  }

  list(): Fault[] {
    return this.faults.map((f) => ({ ...f }));
  }

  /** The fault to apply to this request in this phase, if any (its count is consumed). */
  draw(service: string, action: string, phase: "before" | "after"): Fault | undefined {
    for (const f of this.faults) {
      if ((f.phase ?? "before") !== phase) continue;
      if (f.service !== undefined && f.service !== service) continue;
      if (f.action !== undefined && f.action !== action) continue;
      if (f.count !== undefined && f.count <= 0) continue;
      if (f.probability !== undefined && this.random() >= f.probability) continue;
      if (f.count !== undefined) f.count -= 1;
      return f;
    }
    return undefined;
  }
}
