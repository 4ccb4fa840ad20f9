// The CSS service (live 2018-08-01) as the core sees it: backend, actions, seed, snapshot, admin routes.
import type { ServiceModule } from "../../core/backend";
import { liveActions } from "./actions";
import { liveAdminRoutes } from "./admin";
import { LiveBackend } from "./model";
import { LIVE_SEED_SHAPE, seedLive } from "./seed";
import { liveSnapshot } from "./snapshot";

export { LiveBackend } from "./model";

export const liveService: ServiceModule<"live", LiveBackend> = {
  service: "live",
  create: (account) => new LiveBackend(account),
  actions: liveActions,
  seedShape: LIVE_SEED_SHAPE,
  seed: seedLive,
  snapshot: liveSnapshot,
  adminRoutes: liveAdminRoutes,
};
