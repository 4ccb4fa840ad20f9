// The shape every service's actions module exports: action name -> handler over the state, one for
// each action of the service in the action table (provider/tencentcloud/types.ts ACTIONS), which
// also says which are writes.
import type { ActionName, Service } from "../provider/tencentcloud/types";
import type { EmulatorState } from "./state";

export type Params = Record<string, unknown>;
export interface ActionContext {
  state: EmulatorState;
}
export type ActionHandler = (params: Params, ctx: ActionContext) => Record<string, unknown>;
export interface ServiceActions<S extends Service = Service> {
  handlers: Record<ActionName<S>, ActionHandler>;
}
