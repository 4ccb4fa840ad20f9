// The CDN service (cdn 2018-06-06) as the core sees it: backend, actions, seed, snapshot, admin routes.
import type { ServiceModule } from "../../core/backend";
import { cdnActions } from "./actions";
import { cdnAdminRoutes } from "./admin";
import { CdnBackend } from "./model";
import { CDN_SEED_SHAPE, seedCdn } from "./seed";
import { cdnSnapshot } from "./snapshot";

export { CdnBackend } from "./model";

export const cdnService: ServiceModule<"cdn", CdnBackend> = {
  service: "cdn",
  create: (account) => new CdnBackend(account),
  actions: cdnActions,
  seedShape: CDN_SEED_SHAPE,
  seed: seedCdn,
  snapshot: cdnSnapshot,
  adminRoutes: cdnAdminRoutes,
};
