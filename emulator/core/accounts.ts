// Accounts, as moto's BackendDict keys backends by account: each account owns one backend per
// service (all of that service's state) and its own rate limits; a request belongs to the account
// of its SecretId. Tencent Cloud's cdn, live and ssl APIs are not regional (they take Region ""),
// so there is no region level. Today a world has the default account and any the seed's
// `accounts` adds; an account is made on first use, so a credential outliving a reset still
// reaches an (empty) account of its own.
import type { Service } from "../../provider/tencentcloud/types";
import { Backends, SERVICES, SEED_ORDER } from "../backends";
import type { FreeCertificateSettings } from "../backends/ssl/free";
import type { AccountSeed, EmulatorSnapshot } from "../types";
import type { Clock } from "./clock";
import { RateLimiter } from "./rateLimit";

/** The account of the top-level seed and of every admin route that names none (the OwnerUin the SSL answers show). */
export const DEFAULT_ACCOUNT = "100000000001";

/** What every account of one world shares: the clock and the emulator's timing options. */
export interface WorldSettings {
  clock: Clock;
  /** How long a CDN HTTPS deployment takes on the clock. */
  deployDelayMs: number;
  freeCertificates: FreeCertificateSettings;
}

export class Account {
  readonly ssl: Backends["ssl"];
  readonly cdn: Backends["cdn"];
  readonly live: Backends["live"];
  /** guess: the documented per-action limits count per account (the common codes RequestLimitExceeded.UinLimitExceeded
   *  and .GlobalRegionUinLimitExceeded count by uin; the limits themselves name no scope). */
  readonly limiter = new RateLimiter();

  constructor(readonly uin: string, readonly world: WorldSettings) {
    this.ssl = SERVICES.ssl.create(this);
    this.cdn = SERVICES.cdn.create(this);
    this.live = SERVICES.live.create(this);
  }

  now(): number {
    return this.world.clock.now();
  }

  backend<S extends Service>(service: S): Backends[S] {
    return this[service] as Backends[S];
  }

  /** Adds an account seed's resources, service by service (SSL first, so CDN and CSS can refer to its certificates). */
  seed(seed: AccountSeed): void {
    for (const s of SEED_ORDER) (SERVICES[s].seed as (b: unknown, seed: AccountSeed) => void)(this.backend(s), seed);
  }

  /** The account's world as GET /_emulator/state shows it, but for the clock and the faults. */
  snapshot(): Omit<EmulatorSnapshot, "now" | "faults"> {
    const parts = (["cdn", "live", "ssl"] as const).map((s) => (SERVICES[s].snapshot as (b: unknown) => Partial<EmulatorSnapshot>)(this.backend(s)));
    return Object.assign({ account: this.uin }, ...parts);
  }
}

/** The accounts of one world by uin, each made on first use. */
export class Accounts {
  private readonly byUin = new Map<string, Account>();
  constructor(readonly world: WorldSettings) {}

  get(uin: string): Account {
    let account = this.byUin.get(uin);
    if (!account) {
      account = new Account(uin, this.world);
      this.byUin.set(uin, account);
    }
    return account;
  }

  /** An account that exists already (admin routes never make one). */
  find(uin: string): Account | undefined {
    return this.byUin.get(uin);
  }

  uins(): string[] {
    return [...this.byUin.keys()];
  }

  all(): Account[] {
    return [...this.byUin.values()];
  }
}
