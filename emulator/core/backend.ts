// What the core knows of a service: moto's per-service package (models.py's backend, responses.py's
// handlers, the seed and admin parts) as one record. The core routes a request to the handler of
// its action with the backend of the account the request belongs to; it seeds, snapshots and edits
// an account only through these.
import type { ActionName, Service } from "../../provider/tencentcloud/types";
import type { AccountSeed, EmulatorSnapshot } from "../types";
import type { Account } from "./accounts";
import type { Emulator } from "./emulator";
import type { Shape } from "./seed";

export type Params = Record<string, unknown>;
/** One action: the request's parameters (already checked against the spec) in, the answer's fields out; throws ApiError. */
export type ActionHandler<B> = (params: Params, backend: B) => Record<string, unknown>;

export interface AdminAnswer { status: number; body: unknown }
/** What an admin route acts on: the emulator, and the account the request names (the default one unless it says otherwise). */
export interface AdminContext { emu: Emulator; account: Account }
export interface AdminRoute {
  method: "GET" | "POST";
  path: string; // under /_emulator/
  body?: string;
  does: string;
  run(ctx: AdminContext, query: URLSearchParams, body: any): AdminAnswer;
}

export const OK: AdminAnswer = { status: 200, body: { ok: true } };

/** What every backend is (moto's BaseBackend): one service's state for one account, on the world's clock. */
export abstract class BaseBackend {
  constructor(readonly account: Account) {}

  now(): number {
    return this.account.now();
  }
}

export interface ServiceModule<S extends Service, B> {
  service: S;
  /** A fresh backend for one account (moto's backend class, one per account). */
  create(account: Account): B;
  /** One handler per action of the service in the action table (provider/tencentcloud/types.ts ACTIONS). */
  actions: Record<ActionName<S>, ActionHandler<B>>;
  /** The keys this service reads from an account's seed (AccountSeed), each with its shape (checked before seeding). */
  seedShape: Partial<Record<keyof AccountSeed, Shape>>;
  /** Adds what the seed describes (its shape already checked); throws SeedError with a sentence saying what to fix. */
  seed(backend: B, seed: AccountSeed): void;
  /** This service's part of GET /_emulator/state. */
  snapshot(backend: B): Partial<EmulatorSnapshot>;
  /** Console edits of this service (no API rules), under /_emulator/. */
  adminRoutes: AdminRoute[];
}
