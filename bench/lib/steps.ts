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

/** The engine's Check (and Diff of an existing resource), stopping as the engine does when Check fails. */
export async function previewOrThrow(engine: Engine, urn: string, args: Props, old?: StateEntry) {
  const previewed = await engine.preview(urn, args, old);
  if (previewed.failures.length > 0) throw new CheckFailedError(previewed.failures);
  return previewed;
}

export async function upDeferringDelete(engine: Engine, old: StateEntry, args: Props): Promise<UpOutcome> {
  const { inputs, diff } = await previewOrThrow(engine, old.urn, args, old);
  if (!diff) throw new CheckFailedError([]);
  if (diff.changes === "none") return { state: old, step: "same" };
  if (diff.replaces.length === 0) {
    const { outs } = await engine.host.update(old.id, old.urn, old.outputs, inputs, old.inputs);
    return { state: { ...old, inputs, outputs: outs }, step: "update" };
  }
  if (diff.deleteBeforeReplace) await engine.destroy(old);
  const { id, outs } = await engine.host.create(old.urn, inputs);
  return { state: { urn: old.urn, id, inputs, outputs: outs }, step: "replace", replaced: diff.deleteBeforeReplace ? undefined : old };
}
