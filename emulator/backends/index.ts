// The services the emulator serves, one module each (backends/<svc>/index.ts): its backend, its
// action handlers, seed, snapshot and admin routes. Adding a service is a folder and a line here.
import type { Service } from "../../provider/tencentcloud/types";
import type { ServiceModule } from "../core/backend";
import { cdnService, CdnBackend } from "./cdn";
import { liveService, LiveBackend } from "./live";
import { sslService, SslBackend } from "./ssl";

export interface Backends {
  cdn: CdnBackend;
  live: LiveBackend;
  ssl: SslBackend;
}

export const SERVICES: { [S in Service]: ServiceModule<S, Backends[S]> } = { cdn: cdnService, live: liveService, ssl: sslService };

/** Seeding order: SSL first, so CDN CertInfo and CSS bindings can refer to its certificates. */
export const SEED_ORDER: readonly Service[] = ["ssl", "cdn", "live"];
