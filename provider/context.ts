// The per-process context: what one provider process (one deployment) shares between its
// resources. It reads the configuration `configure` hands over and keeps, per account, the API
// clients and the services built on them (with their shared readers and the CDN deployment clock),
// the locks, the ownership records and the notes a diff leaves; beside them the process's log and
// the rate budgets. An account is the configured identity's, or one a resource's `assumeRole`
// names: a domain of the same name in two accounts is two domains. Nothing of it lives in a module:
// the provider entry makes one context per process, and each test makes its own.
import { createHash } from "node:crypto";
import { ConfigureRequest, DEFAULT_REGION, expiryWarningDays, metadataEndpoint, rateLimitStore, readConfig, resolveConnection, StoredConfig } from "./config";
import { accountKeyOf, assumedRole, credentialsFor, CredentialDeps, roleAccount } from "./credentials/build";
import { chooseCredentials, Choice } from "./credentials/choose";
import { CredentialsError, type CredentialsProvider } from "./credentials/types";
import { Declarations } from "./ownership";
import type { AssumeRoleArgs } from "./runtime/argumentSchemas";
import { DEFAULT_SESSION_NAME, DEFAULT_SESSION_SECONDS } from "./runtime/argumentSchemas";
import { KeyedLock } from "./runtime/keyedLock";
import { consoleSink, Log, LogSink, logTo } from "./runtime/log";
import type { ProgressSettings } from "./runtime/progress";
import { CdnService } from "./services/cdn";
import { LiveService } from "./services/live";
import { SslService } from "./services/ssl";
import { StsService } from "./services/sts";
import { TencentCloudClient } from "./tencentcloud/client";
import { TencentCloudError } from "./tencentcloud/errors";
import { RateBudgets, type PacingDeps } from "./tencentcloud/pacing";
import { RedisBudget } from "./tencentcloud/redisBudget";
import type { RetryDeps } from "./tencentcloud/retry";

/**
 * What a resource's handlers work with, in one account: its client and services (made on first
 * use, so a check that asks nothing of the API needs no credentials) and the process's records for
 * that account.
 */
export interface Context {
  readonly log: Log;
  readonly client: TencentCloudClient;
  readonly cdn: CdnService;
  readonly live: LiveService;
  readonly ssl: SslService;
  /** One operation at a time per domain. */
  readonly locks: KeyedLock;
  /** What each resource of the deployment declared at check (ownership.ts). */
  readonly declarations: Declarations;
  /** Notes a diff leaves for the create of the replacement it asked for (the engine tells create nothing). */
  readonly handOvers: HandOvers;
  /** The account's UIN (sts:GetCallerIdentity), asked once; undefined when STS will not say (a warning says why). */
  accountId(): Promise<string | undefined>;
  /** How many days before expiry a certificate the program deploys is a warning at preview (config; throws when invalid). */
  readonly expiryWarningDays: number;
}

/** The contexts of a process, by the account a resource names (its `assumeRole`; none: the configured identity's). */
export interface Accounts {
  readonly log: Log;
  forAccount(assumeRole: AssumeRoleArgs | undefined): Context;
}

/** Notes from one handler to a later one of the same process, taken once. */
export class HandOvers {
  private readonly notes = new Map<string, unknown[]>();

  leave<T>(key: string, note: T, same: (a: T, b: T) => boolean = (a, b) => a === b): void {
    const list = (this.notes.get(key) ?? []) as T[];
    if (!list.some((n) => same(n, note))) list.push(note);
    this.notes.set(key, list);
  }

  take<T>(key: string): T | undefined {
    const list = this.notes.get(key) as T[] | undefined;
    const note = list?.shift();
    if (list && list.length === 0) this.notes.delete(key);
    return note;
  }
}

export interface ProviderOptions {
  /** The environment credentials and the endpoint may come from (default: the process's). */
  env?: NodeJS.ProcessEnv;
  /** Where progress and warnings go (default: stdout and stderr, which the engine shows). */
  logSink?: LogSink;
  /** Replaces the clients' sleep/random/clock (tests). */
  clientDeps?: Partial<RetryDeps>;
  /** The clock and interval of the progress lines while waiting (default: every 30 s; tests use a fake clock). */
  progress?: ProgressSettings;
  /** Replaces the rate budgets' clock and random source (tests: a clock running fast paces nothing). */
  pacing?: PacingDeps;
  /** Retry a request that found nothing to connect to (default true); a command run by hand fails at once. */
  retryUnreachable?: boolean;
}

/** One set of credentials (and where requests go): its client, the services on it, and whose account it is. */
interface Session { client: TencentCloudClient; cdn: CdnService; live: LiveService; ssl: SslService; credentials: CredentialsProvider; accountId(): Promise<string | undefined> }
/** What the process records per account. */
interface Records { locks: KeyedLock; declarations: Declarations; handOvers: HandOvers }

const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex");

/** A plain GET with a deadline (the metadata service, GitHub Actions' token endpoint): the body, or a rejection. */
async function httpGet(url: string, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(url, { headers, signal: AbortSignal.timeout(5000) });
  const body = await res.text();
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return body;
}

export class ProviderContext implements Context, Accounts {
  readonly log: Log;
  private config: StoredConfig | undefined;
  /** Counts configures: a context's session is looked up again after one. */
  private generation = 0;
  private readonly sessions = new Map<string, Session>();
  private readonly records = new Map<string, Records>();
  /** The rate budgets every client of the process draws from, per (account, action); made with the first client. */
  private budgets: RateBudgets | undefined;
  private readonly base: Context;

  constructor(private readonly options: ProviderOptions = {}) {
    this.log = logTo(options.logSink ?? consoleSink, options.progress);
    this.base = this.forAccount(undefined);
  }

  /** Synchronous on purpose: the host caches the provider before an async configure would resolve. */
  configure(req: ConfigureRequest): void {
    this.config = readConfig(req);
    this.generation++;
  }

  get client(): TencentCloudClient { return this.base.client; }
  get cdn(): CdnService { return this.base.cdn; }
  get live(): LiveService { return this.base.live; }
  get ssl(): SslService { return this.base.ssl; }
  get locks(): KeyedLock { return this.base.locks; }
  get declarations(): Declarations { return this.base.declarations; }
  get handOvers(): HandOvers { return this.base.handOvers; }
  accountId(): Promise<string | undefined> { return this.base.accountId(); }
  get expiryWarningDays(): number { return expiryWarningDays(this.config); }

  /** The context of one account: the configured identity's, or the role `assumeRole` names, assumed with it. */
  forAccount(assumeRole: AssumeRoleArgs | undefined): Context {
    let cached: { generation: number; session: Session } | undefined;
    const session = () => {
      if (cached?.generation !== this.generation) cached = { generation: this.generation, session: this.session(assumeRole) };
      return cached.session;
    };
    const records = () => this.recordsOf(assumeRole ? roleAccount(assumeRole.roleArn) : this.baseAccountKey());
    const warningDays = () => expiryWarningDays(this.config);
    return {
      log: this.log,
      get client() { return session().client; },
      get cdn() { return session().cdn; },
      get live() { return session().live; },
      get ssl() { return session().ssl; },
      get locks() { return records().locks; },
      get declarations() { return records().declarations; },
      get handOvers() { return records().handOvers; },
      accountId: () => session().accountId(),
      get expiryWarningDays() { return warningDays(); },
    };
  }

  private get env(): NodeJS.ProcessEnv {
    return this.options.env ?? process.env;
  }

  /** The configured identity's account key: the uin of the role it ends with, else "base" (also while no credentials are configured). */
  private baseAccountKey(): string {
    try {
      return accountKeyOf(chooseCredentials(this.config, this.env));
    } catch {
      return "base";
    }
  }

  private recordsOf(account: string): Records {
    let r = this.records.get(account);
    if (!r) this.records.set(account, (r = { locks: new KeyedLock(), declarations: new Declarations(), handOvers: new HandOvers() }));
    return r;
  }

  /** The process's budgets: shared through the configured store (README "Many stacks, one account"), else paced alone. */
  private rateBudgets(): RateBudgets {
    if (!this.budgets) {
      const store = rateLimitStore(this.config, this.env);
      this.budgets = new RateBudgets({ deps: this.options.pacing, shared: store ? new RedisBudget(store, (line) => this.log.warn(line)) : undefined });
    }
    return this.budgets;
  }

  /** Lets go of what outlives a deployment's calls (a rate-limit store's connection). */
  async close(): Promise<void> {
    await this.budgets?.close();
  }

  /** A session's credentials, connection and key: config first, then the environment (credentials/choose.ts). */
  private session(assumeRole: AssumeRoleArgs | undefined): Session {
    const choice: Choice = chooseCredentials(this.config, this.env);
    const connection = resolveConnection(this.config, this.env);
    const region = connection.region ?? choice.region ?? DEFAULT_REGION;
    const key = hashOf([choice, connection, region, assumeRole ?? null]);
    let session = this.sessions.get(key);
    if (session) return session;
    const clientOptions = {
      endpoint: connection.endpoint, domain: connection.domain, region, log: (line: string) => this.log.info(line), budgets: this.rateBudgets(), progress: this.log.progress,
      retryUnreachable: this.options.retryUnreachable,
    };
    const newClient = (credentials: CredentialsProvider | "unsigned") => new TencentCloudClient({ ...clientOptions, credentials }, this.options.clientDeps);
    const deps: CredentialDeps = {
      sts: (credentials) => new StsService(newClient(credentials)),
      metadataEndpoint: metadataEndpoint(this.config, this.env),
      httpGet,
      now: Date.now,
    };
    let credentials = credentialsFor(choice, deps);
    if (assumeRole) {
      credentials = assumedRole(credentials, {
        source: `the assumeRole argument (role ${assumeRole.roleArn})`, roleArn: assumeRole.roleArn,
        sessionName: assumeRole.sessionName ?? DEFAULT_SESSION_NAME, sessionDuration: assumeRole.sessionDuration ?? DEFAULT_SESSION_SECONDS,
        ...(assumeRole.policy ? { policy: assumeRole.policy } : {}), ...(assumeRole.externalId ? { externalId: assumeRole.externalId } : {}),
      }, deps);
    }
    const client = newClient(credentials);
    const sts = new StsService(client);
    let accountId: Promise<string | undefined> | undefined;
    session = {
      client, credentials, cdn: new CdnService(client, this.log), live: new LiveService(client), ssl: new SslService(client),
      accountId: () => (accountId ??= sts.callerIdentity().then((who) => who.AccountId, (e) => {
        if (e instanceof CredentialsError || !(e instanceof TencentCloudError)) { accountId = undefined; throw e; }
        this.log.warn(`The account of ${credentials.source} is not known: sts:GetCallerIdentity answered ${e.code}; the accountId output stays empty.`);
        return undefined;
      })),
    };
    this.sessions.set(key, session);
    return session;
  }
}
