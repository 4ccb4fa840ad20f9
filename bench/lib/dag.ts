// Runs a set of operations the way the Pulumi engine runs steps: each starts once the operations it
// depends on have finished, and at most `concurrency` are in flight at once (`pulumi up --parallel N`).
// An operation whose dependency failed is skipped, as the engine skips dependents of a failed step.

export interface Operation {
  id: string;
  dependsOn?: string[];
  run(): Promise<void>;
}

export interface OperationFailure { id: string; error: unknown }
export interface DagResult { failures: OperationFailure[]; skipped: string[]; maxInFlight: number }

export async function runDag(ops: Operation[], concurrency: number): Promise<DagResult> {
  const byId = new Map(ops.map((op) => [op.id, op]));
  for (const op of ops) {
    for (const dep of op.dependsOn ?? []) if (!byId.has(dep)) throw new Error(`operation ${op.id} depends on unknown ${dep}`);
  }
  const state = new Map<string, "pending" | "running" | "done" | "failed" | "skipped">(ops.map((op) => [op.id, "pending"]));
  const failures: OperationFailure[] = [];
  const skipped: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  return new Promise<DagResult>((resolve) => {
    const skipDependentsOfFailures = (): void => {
      for (let changed = true; changed;) {
        changed = false;
        for (const op of ops) {
          if (state.get(op.id) !== "pending") continue;
          if ((op.dependsOn ?? []).some((d) => state.get(d) === "failed" || state.get(d) === "skipped")) {
            state.set(op.id, "skipped"); skipped.push(op.id); changed = true;
          }
        }
      }
    };
    const pump = (): void => {
      skipDependentsOfFailures();
      for (const op of ops) {
        if (state.get(op.id) !== "pending") continue;
        const deps = (op.dependsOn ?? []).map((d) => state.get(d));
        if (inFlight >= concurrency || deps.some((s) => s !== "done")) continue;
        state.set(op.id, "running");
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        op.run().then(
          () => state.set(op.id, "done"),
          (error) => { state.set(op.id, "failed"); failures.push({ id: op.id, error }); },
        ).finally(() => { inFlight--; pump(); });
      }
      if (inFlight === 0 && [...state.values()].every((s) => s !== "pending" && s !== "running")) {
        resolve({ failures, skipped, maxInFlight });
      }
    };
    pump();
  });
}
