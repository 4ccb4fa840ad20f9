// The one engine step the harness's Engine does not model: a create-before-delete replacement whose
// old resource is deleted only after its dependents have moved (the engine defers those deletes to
// the end of the update). Everything else uses Engine from test/support/engine.ts.
import { CheckFailedError, Engine, Props, StateEntry } from "../../test/support/engine";

export interface UpOutcome {
  state: StateEntry;
  step: "same" | "update" | "replace";
  /** The replaced resource, still to be deleted once its dependents no longer use it. */
  replaced?: StateEntry;
}

export async function upDeferringDelete(engine: Engine, old: StateEntry, args: Props): Promise<UpOutcome> {
  const { inputs, failures, diff } = await engine.preview(old.urn, args, old);
  if (failures.length > 0 || !diff) throw new CheckFailedError(failures);
  if (diff.changes === "none") return { state: old, step: "same" };
  if (diff.replaces.length === 0) {
    const { outs } = await engine.host.update(old.id, old.urn, old.outputs, inputs, old.inputs);
    return { state: { ...old, inputs, outputs: outs }, step: "update" };
  }
  if (diff.deleteBeforeReplace) await engine.destroy(old);
  const { id, outs } = await engine.host.create(old.urn, inputs);
  return { state: { urn: old.urn, id, inputs, outputs: outs }, step: "replace", replaced: diff.deleteBeforeReplace ? undefined : old };
}
