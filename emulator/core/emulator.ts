// The emulator's parts wired together: the accounts (each with its backends and rate limits), the
// credentials that reach them, the clock, faults and the request log. Seeding and reset happen here.
import { randomBytes } from "node:crypto";
import { SERVICES } from "../backends";
import type { AccountSeed, EmulatorOptions, EmulatorSeed } from "../types";
import { Account, Accounts, DEFAULT_ACCOUNT } from "./accounts";
import { Clock } from "./clock";
import { FaultSet } from "./faults";
import { RequestLog } from "./requestLog";
import { assertShape, Credential, CREDENTIALS_SHAPE, credentialsOf, listOf, object, SeedError, Shape, text } from "./seed";

export function generateCredentials(): Credential {
  return { secretId: `AKIDemu${randomBytes(12).toString("hex")}`, secretKey: randomBytes(24).toString("base64url") };
}

/**
 * guess: an account holds at most 50 free certificates, 20 of them for one main domain (Tencent Cloud's console
 * states these quotas; the spec names only the codes, ExceedsFreeLimit and MainDomainCertificateCountLimit).
 */
const FREE_CERTIFICATE_DEFAULTS = { dnsAutoDelayMs: 0, checkIntervalMs: 0, limit: 50, perMainDomain: 20 };

let seedShape: Shape | undefined;
/** A seed: an account's keys (credentials and each service's), alphabetically, and `accounts` of the same plus a uin. */
function emulatorSeedShape(): Shape {
  if (!seedShape) {
    const account: Record<string, Shape> = { credentials: CREDENTIALS_SHAPE, ...SERVICES.cdn.seedShape, ...SERVICES.live.seedShape, ...SERVICES.ssl.seedShape };
    const sorted = Object.fromEntries(Object.keys(account).sort().map((k) => [k, account[k]]));
    seedShape = object({ accounts: listOf(object({ uin: text, ...sorted }, ["uin"])), ...sorted });
  }
  return seedShape;
}

/** Each account's seed under its uin: the top level for the default account, then `accounts`. */
function accountSeeds(seed: EmulatorSeed): { uin: string; seed: AccountSeed }[] {
  assertShape(seed, emulatorSeedShape(), "seed");
  const { accounts, ...own } = seed;
  const others = (accounts ?? []).map((a, i) => {
    if (!/^\d+$/.test(a.uin)) throw new SeedError(`seed.accounts[${i}].uin: expected digits (the account id), got ${JSON.stringify(a.uin)}.`);
    if (a.uin === DEFAULT_ACCOUNT) throw new SeedError(`seed.accounts[${i}].uin: ${DEFAULT_ACCOUNT} is the default account, which the top level of the seed describes.`);
    const { uin, ...rest } = a;
    return { uin, seed: rest };
  });
  return [{ uin: DEFAULT_ACCOUNT, seed: own }, ...others];
}

export class Emulator {
  accounts: Accounts;
  /** Accepted credentials: secret id -> its key and the account it reaches. */
  private readonly credentials = new Map<string, Credential & { uin: string }>();
  readonly faults = new FaultSet();
  readonly log: RequestLog;
  readonly rateLimits: boolean;
  /** Answer null for every member the spec lets be null whenever it has no value (EmulatorOptions.nullMode). */
  readonly nullMode: boolean;
  /** The pair handed to the caller: the seed's first credential, or one generated for this start. */
  readonly primary: Credential;
  private readonly initialSeed: EmulatorSeed;

  constructor(private readonly options: EmulatorOptions) {
    this.rateLimits = options.rateLimits ?? true;
    this.nullMode = options.nullMode ?? false;
    this.log = new RequestLog(options.logRequests ?? true);
    this.initialSeed = structuredClone(options.seed ?? {});
    const seeded = credentialsOf(accountSeeds(this.initialSeed)[0].seed);
    this.primary = seeded[0] ?? generateCredentials();
    this.credentials.set(this.primary.secretId, { ...this.primary, uin: DEFAULT_ACCOUNT });
    this.accounts = this.seeded(this.initialSeed);
  }

  /** A new world (accounts, clock) holding what the seed describes; the seed's credentials are accepted from now on. */
  private seeded(seed: EmulatorSeed): Accounts {
    const accounts = new Accounts({
      clock: new Clock(),
      deployDelayMs: this.options.deployDelayMs ?? 0,
      freeCertificates: { ...FREE_CERTIFICATE_DEFAULTS, ...this.options.freeCertificates },
    });
    this.seedInto(accounts, seed);
    return accounts;
  }

  private seedInto(accounts: Accounts, seed: EmulatorSeed): void {
    for (const { uin, seed: own } of accountSeeds(seed)) {
      accounts.get(uin).seed(own);
      for (const c of credentialsOf(own)) this.credentials.set(c.secretId, { ...c, uin });
    }
  }

  get defaultAccount(): Account {
    return this.accounts.get(DEFAULT_ACCOUNT);
  }

  secretKeyFor(secretId: string): string | undefined {
    return this.credentials.get(secretId)?.secretKey;
  }

  /** The account a verified request belongs to, by its secret id. */
  accountOf(secretId: string): Account {
    return this.accounts.get(this.credentials.get(secretId)?.uin ?? DEFAULT_ACCOUNT);
  }

  /** Adds a seed's resources and credentials to the current world, account by account. */
  seed(seed: EmulatorSeed): void {
    this.seedInto(this.accounts, seed);
  }

  /** Back to the start-up seed (or the given one): accounts, clock, faults, rate limits and the log are new; credentials stay. */
  reset(seed?: EmulatorSeed): void {
    this.accounts = this.seeded(seed ?? this.initialSeed);
    this.faults.replace([]);
    this.log.clear();
  }
}
