// The shape every service module exports: action name -> handler over the state.
import type { EmulatorState } from "./state";

export type Params = Record<string, unknown>;
export interface ActionContext {
  state: EmulatorState;
}
export type ActionHandler = (params: Params, ctx: ActionContext) => Record<string, unknown>;
export interface ServiceActions {
  handlers: Record<string, ActionHandler>;
  /** Actions that change state (the request log's `write` flag). */
  writes: ReadonlySet<string>;
}
