// The SSL service (ssl 2019-12-05) as the core sees it: backend, actions, seed, snapshot, admin routes.
import type { ServiceModule } from "../../core/backend";
import { sslActions } from "./actions";
import { sslAdminRoutes } from "./admin";
import { SslBackend } from "./model";
import { seedSsl, SSL_SEED_SHAPE } from "./seed";
import { sslSnapshot } from "./snapshot";

export { SslBackend } from "./model";

export const sslService: ServiceModule<"ssl", SslBackend> = {
  service: "ssl",
  create: (account) => new SslBackend(account),
  actions: sslActions,
  seedShape: SSL_SEED_SHAPE,
  seed: seedSsl,
  snapshot: sslSnapshot,
  adminRoutes: sslAdminRoutes,
};
