// Injected faults: matched per service/action and phase, consumed by count, drawn by probability.
import type { Fault } from "../types";

const KNOWN_FIELDS = new Set(["service", "action", "code", "httpStatus", "drop", "latencyMs", "probability", "count", "phase", "message"]);

export function validateFaults(input: unknown): Fault[] {
  if (!Array.isArray(input)) throw new Error("faults must be a JSON array");
  return input.map((f, i) => {
    if (typeof f !== "object" || f === null) throw new Error(`fault ${i} must be an object`);
    for (const k of Object.keys(f)) if (!KNOWN_FIELDS.has(k)) throw new Error(`fault ${i}: unknown field "${k}"`);
    const p = (f as Fault).probability;
    if (p !== undefined && (typeof p !== "number" || p < 0 || p > 1)) throw new Error(`fault ${i}: probability must be within 0..1`);
    const c = (f as Fault).count;
    if (c !== undefined && (!Number.isInteger(c) || c < 0)) throw new Error(`fault ${i}: count must be a non-negative integer`);
    const ph = (f as Fault).phase;
    if (ph !== undefined && ph !== "before" && ph !== "after") throw new Error(`fault ${i}: phase must be "before" or "after"`);
    return { ...(f as Fault) };
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
