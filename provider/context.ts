// The per-process context: what one provider process (one deployment) shares between its
// resources. It reads the configuration `configure` hands over, and holds, per account, the API
// client, the services built on it (with their shared readers and the CDN deployment clock), the
// locks and the ownership records; beside them the process's log and the hand-overs from a diff to
// the create that follows it. Nothing of it lives in a module: the provider entry makes one context
// per process, and each test makes its own (provider/index.ts createProvider).
import { ConfigureRequest, clientKey, readConfig, resolveClientOptions, StoredConfig } from "./config";
import { Declarations } from "./ownership";
import { KeyedLock } from "./runtime/keyedLock";
import { consoleSink, Log, LogSink, logTo } from "./runtime/log";
import { CdnService } from "./services/cdn";
import { LiveService } from "./services/live";
import { SslService } from "./services/ssl";
import { TencentCloudClient } from "./tencentcloud/client";
import type { RetryDeps } from "./tencentcloud/retry";

/**
 * What a resource's handlers work with: the account's client and services (made on first use, so
 * a check that asks nothing of the API needs no credentials) and this process's records.
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
}

/** One account's client and the services built on it. */
interface Account { client: TencentCloudClient; cdn: CdnService; live: LiveService; ssl: SslService }

export class ProviderContext implements Context {
  readonly log: Log;
  readonly locks = new KeyedLock();
  readonly declarations = new Declarations();
  readonly handOvers = new HandOvers();
  private config: StoredConfig | undefined;
  /** Per account (resolved credentials and endpoint, hashed): its client and services. */
  private readonly accounts = new Map<string, Account>();

  constructor(private readonly options: ProviderOptions = {}) {
    this.log = logTo(options.logSink ?? consoleSink);
  }

  /** Synchronous on purpose: the host caches the provider before an async configure would resolve. */
  configure(req: ConfigureRequest): void {
    this.config = readConfig(req);
  }

  get client(): TencentCloudClient { return this.account().client; }
  get cdn(): CdnService { return this.account().cdn; }
  get live(): LiveService { return this.account().live; }
  get ssl(): SslService { return this.account().ssl; }

  /** The configured account's client and services, made on first use (config first, then the environment). */
  private account(): Account {
    const opts = resolveClientOptions(this.config, this.options.env ?? process.env);
    const key = clientKey(opts);
    let account = this.accounts.get(key);
    if (!account) {
      const client = new TencentCloudClient({ ...opts, log: (line) => this.log.info(line) }, this.options.clientDeps);
      account = { client, cdn: new CdnService(client, this.log), live: new LiveService(client), ssl: new SslService(client) };
      this.accounts.set(key, account);
    }
    return account;
  }
}
