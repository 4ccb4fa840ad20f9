// The shape every service's actions module exports: action name -> handler over the state. Which
// actions are writes comes from the action table (provider/tencentcloud/types.ts ACTIONS).
import type { EmulatorState } from "./state";

export type Params = Record<string, unknown>;
export interface ActionContext {
  state: EmulatorState;
}
export type ActionHandler = (params: Params, ctx: ActionContext) => Record<string, unknown>;
export interface ServiceActions {
  handlers: Record<string, ActionHandler>;
}
