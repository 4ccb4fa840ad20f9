// The Tencent Cloud API 3.0 client: TC3-signed JSON over axios, retried, rate-limited, redacted,
// with typed cdn / live / ssl calls. Transport first (one request), then the client around it.
// Nothing from axios escapes: its errors hold the request body and the Authorization header.
import * as http from "node:http";
import * as https from "node:https";
import type { AxiosAdapter, AxiosHeaders, AxiosInstance, AxiosResponse, AxiosStatic } from "axios";
import { Tc3Signer } from "./signer";
import { CLIENT_ERROR, TencentCloudError, isRetryable, isThrottleCode } from "./errors";
import { collectSecrets, makeScrubber, Scrubber } from "./redact";
import {
  isRetryableNetworkCode, NEVER_SENT_NETWORK_CODES, RetryOptions, RetryDeps, realRetryDeps, resolveRetryOptions, ResolvedRetryOptions, withRetry,
} from "./retry";
import { accountOf, LATE_TURN_MS, PaceOutcome, RateBudgets, Turn } from "./pacing";
import { isLoopbackUrl } from "./loopback";
import { DEFAULT_PROGRESS, Heartbeat, ProgressSettings } from "../runtime/progress";
import * as T from "./types";
import { ActionName, REGIONAL, Service, SERVICE_VERSIONS } from "./types";
import type { CredentialsProvider } from "../credentials/types";

export interface Credentials { secretId: string; secretKey: string; token?: string }
export interface ClientOptions {
  /**
   * Keys, or a source the client asks for current ones before it signs each request (temporary
   * credentials renewed before they expire: provider/credentials/), or "unsigned" (Authorization:
   * SKIP, which only sts AssumeRoleWithWebIdentity accepts).
   */
  credentials: Credentials | CredentialsProvider | "unsigned";
  /** The root domain of the hosts: tencentcloudapi.com (default), or intl.tencentcloudapi.com for the international site. */
  domain?: string;
  /** The region regional services (STS) are asked in; default ap-guangzhou. */
  region?: string;
  /** One base URL for all services, e.g. http://127.0.0.1:PORT; default https://<service>.tencentcloudapi.com. */
  endpoint?: string;
  language?: "en-US" | "zh-CN";
  /** Progress and retry lines; never receives secrets or request parameters. */
  log?: (line: string) => void;
  retry?: RetryOptions;
  timeoutMs?: number;
  /**
   * The provider process's rate budgets (one object per process, shared by its clients, keyed by
   * account and action); default: budgets of this client's own.
   */
  budgets?: RateBudgets;
  /** How often a call that waits after throttling says so through `log` (runtime/progress.ts). */
  progress?: ProgressSettings;
  /**
   * Retry a request that found nothing to connect to (refused, unreachable); default true, as the
   * endpoint may come back during a deployment. A command run by hand sets false to fail at once.
   */
  retryUnreachable?: boolean;
}

// ------------------------------------------------------------------------------------ transport

export const CONTENT_TYPE = "application/json";
export const REQUEST_CLIENT = "pulumi-tencentcloud-https";

export interface RequestTarget {
  /** Where the bytes go. */
  url: string;
  /** What is signed and sent as Host: always the real service host, so an emulator routes by Host like the API. */
  host: string;
}

export function serviceHost(service: Service, domain = "tencentcloudapi.com"): string {
  return `${service}.${domain}`;
}

export function targetFor(service: Service, endpoint?: string, domain?: string): RequestTarget {
  const host = serviceHost(service, domain);
  return { url: endpoint ? endpoint.replace(/\/*$/, "/") : `https://${host}/`, host };
}

const keepAliveHttp = new http.Agent({ keepAlive: true, maxSockets: 64 });
const keepAliveHttps = new https.Agent({ keepAlive: true, maxSockets: 64 });

const PROXY_VARIABLES = ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "ALL_PROXY", "all_proxy"];

/**
 * Whether requests to `endpoint` go straight to it (directAdapter, which never uses a proxy): a
 * loopback endpoint (a local emulator must not be reached through a corporate HTTP(S)_PROXY), or
 * no proxy configured.
 */
export function goesDirect(endpoint: string | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  return (!!endpoint && isLoopbackUrl(endpoint)) || !PROXY_VARIABLES.some((v) => env[v]);
}

/**
 * The axios adapter for requests that go direct: one node:http(s) request on the keep-alive agent,
 * the body collected as text. axios's own http adapter also handles proxies, redirects,
 * decompression, progress events, streams and forms, none of which a signed JSON call uses, and
 * that generality was the largest part of the client's time per call (the repository's client
 * bench, `npm run bench`, prints the stages). Requests through a proxy keep axios's adapter.
 */
export const directAdapter: AxiosAdapter = (config) => new Promise((resolve, reject) => {
  const url = new URL(config.url ?? "");
  const secure = url.protocol === "https:";
  const body = typeof config.data === "string" ? config.data : "";
  const headers: Record<string, string | number> = { ...(config.headers as AxiosHeaders).toJSON() as Record<string, string> };
  headers["Content-Length"] = Buffer.byteLength(body);
  const req = (secure ? https : http).request({
    protocol: url.protocol, hostname: url.hostname, port: url.port, path: url.pathname + url.search, method: "POST",
    agent: secure ? keepAliveHttps : keepAliveHttp, headers,
  }, (res) => {
    const chunks: Buffer[] = [];
    res.on("data", (c: Buffer) => chunks.push(c));
    res.on("error", reject);
    res.on("end", () => resolve({
      data: Buffer.concat(chunks).toString("utf8"), status: res.statusCode ?? 0, statusText: res.statusMessage ?? "",
      headers: res.headers as AxiosResponse["headers"], config, request: req,
    }));
  });
  if (config.timeout) {
    // As axios's adapter does: the whole request must finish in time, not just each socket read.
    const timer = setTimeout(() => req.destroy(Object.assign(new Error(`timeout of ${config.timeout} ms exceeded`), { code: "ECONNABORTED" })), config.timeout);
    req.on("close", () => clearTimeout(timer));
  }
  req.on("error", reject);
  req.end(body);
});

/**
 * The axios build an instance is created from. Direct requests go through directAdapter, so they
 * need only axios's core, which its browser build has too, without the Node build's http adapter
 * and what that loads at start (form-data, mime-db, follow-redirects, zlib): about 30 ms of every
 * new provider process, and each deployment starts one. Requests through a proxy need that adapter.
 */
function axiosBuild(direct: boolean): AxiosStatic {
  return (direct ? require("axios/dist/browser/axios.cjs") : require("axios")) as AxiosStatic;
}

/**
 * One axios instance per client, configured to send and receive raw text (we sign exact bytes) and
 * to do as little per request as axios allows: axios merges the instance defaults into every
 * request's config and normalises the headers once per transform, so the defaults hold only what
 * we use (no header buckets: every header is set per request) and there are no transforms at all.
 */
export function createHttp(timeoutMs: number, endpoint?: string): AxiosInstance {
  const direct = goesDirect(endpoint);
  const instance = axiosBuild(direct).create({
    adapter: direct ? directAdapter : "http",
    timeout: timeoutMs,
    responseType: "text",
    transformRequest: [],
    transformResponse: [],
    validateStatus: null,
    maxRedirects: 0,
    // Reuse connections across the many small calls of a fleet (TLS handshakes dominate otherwise).
    httpAgent: keepAliveHttp,
    httpsAgent: keepAliveHttps,
  });
  // axios's default header buckets (Accept and one per method) would be merged into every request.
  instance.defaults.headers = {} as typeof instance.defaults.headers;
  delete instance.defaults.xsrfCookieName; // browser-only settings
  delete instance.defaults.xsrfHeaderName;
  return instance;
}

/** JSON body as the official SDK sends it: null fields dropped. */
export function serializeParams(params: object): string {
  return JSON.stringify(params, (_k, v: unknown) => (v === null ? undefined : v));
}

export interface SendInput {
  http: AxiosInstance;
  target: RequestTarget;
  /** Undefined: unsigned (Authorization: SKIP). */
  credentials: Credentials | undefined;
  signer: Tc3Signer | undefined;
  /** Sent as X-TC-Region for regional services. */
  region?: string;
  service: Service;
  action: string;
  payload: string;
  language: string;
  scrub: Scrubber;
  now?: () => number; // ms since epoch
}

export function buildHeaders(input: Omit<SendInput, "http" | "scrub">): Record<string, string> {
  const timestamp = Math.floor((input.now ?? Date.now)() / 1000);
  const authorization = input.credentials && input.signer
    ? input.signer.sign({
      secretId: input.credentials.secretId,
      service: input.service,
      host: input.target.host,
      timestamp,
      payload: input.payload,
      contentType: CONTENT_TYPE,
    }).authorization
    : "SKIP"; // the spec's form of an unsigned request (AssumeRoleWithWebIdentity)
  const headers: Record<string, string> = {
    Authorization: authorization,
    "Content-Type": CONTENT_TYPE,
    Host: input.target.host,
    "X-TC-Action": input.action,
    "X-TC-Version": SERVICE_VERSIONS[input.service],
    "X-TC-Timestamp": String(timestamp),
    "X-TC-Language": input.language,
    "X-TC-RequestClient": REQUEST_CLIENT,
  };
  if (input.credentials?.token) headers["X-TC-Token"] = input.credentials.token;
  if (input.region && REGIONAL.has(input.service)) headers["X-TC-Region"] = input.region;
  return headers;
}

/** Sends one request; resolves with the envelope's `Response` or rejects with a TencentCloudError. */
export async function send<Res>(input: SendInput): Promise<Res> {
  const { service, action, scrub } = input;
  const fail = (code: string, message: string, extra: { requestId?: string; httpStatus?: number; retryable?: boolean; neverSent?: boolean } = {}) =>
    new TencentCloudError({ code, message: scrub(message), service, action, ...extra });

  // Scrub before cutting, so a secret cut in half cannot slip past the scrubber.
  const snippet = (text: string) => scrub(text).slice(0, 200);
  let status: number;
  let body: string;
  try {
    const res = await input.http.post<string>(input.target.url, input.payload, { headers: buildHeaders(input) });
    status = res.status;
    body = typeof res.data === "string" ? res.data : String(res.data);
  } catch (e) {
    throw networkError(e, fail);
  }
  if (status !== 200) {
    throw fail(CLIENT_ERROR.httpStatus, `HTTP ${status}: ${snippet(body)}`, { httpStatus: status, retryable: status >= 500 });
  }
  let envelope: { Response?: Record<string, unknown> & { Error?: { Code?: string; Message?: string }; RequestId?: string } };
  try {
    envelope = JSON.parse(body);
  } catch {
    throw fail(CLIENT_ERROR.invalidResponse, `response is not JSON: ${snippet(body)}`, { retryable: false });
  }
  const response = envelope?.Response;
  if (!response || typeof response !== "object") {
    throw fail(CLIENT_ERROR.invalidResponse, "response has no Response object", { retryable: false });
  }
  if (response.Error) {
    const code = String(response.Error.Code ?? "InternalError");
    throw fail(code, String(response.Error.Message ?? ""), { requestId: response.RequestId });
  }
  return response as Res;
}

/** Maps whatever axios threw to a NetworkError, keeping only its code and (scrubbed) message. */
function networkError(e: unknown, fail: (code: string, message: string, extra: { retryable: boolean; neverSent: boolean }) => TencentCloudError) {
  const err = e as { code?: unknown; message?: unknown };
  const code = typeof err?.code === "string" ? err.code : undefined;
  const message = typeof err?.message === "string" ? err.message : "request failed";
  const retryable = isRetryableNetworkCode(code) || /socket hang up/i.test(message);
  const neverSent = code !== undefined && NEVER_SENT_NETWORK_CODES.has(code);
  return fail(CLIENT_ERROR.network, code && !message.includes(code) ? `${code}: ${message}` : message, { retryable, neverSent });
}

// ------------------------------------------------------------------------------------ client
export const DEFAULT_TIMEOUT_MS = 60_000;

export interface ClientStats {
  /** Logical calls per `service.Action` (retries not included). */
  calls: Record<string, number>;
  /** Extra attempts made after a retryable failure. */
  retries: number;
  /** Throttling answers (RequestLimitExceeded and kin) absorbed by waiting and retrying. */
  throttled: number;
}

/** A typed call; `turn`: a turn reserved ahead for it (CallOptions.turn). */
type Call<Req, Res> = (request: Req, turn?: Turn) => Promise<Res>;

/** A write's answer, and whether an earlier attempt of it ended without a definite answer. */
export interface WriteOutcome<Res> {
  response: Res;
  /**
   * An attempt before the one answered was lost (connection dropped, HTTP 5xx, InternalError), so
   * the server may have applied it: e.g. a RepeatCertId may then name our own upload.
   */
  earlierAttemptMayHaveApplied: boolean;
}

/** Whether a failed attempt may still have been applied by the server (no definite refusal came back). */
export function mayHaveApplied(error: unknown): boolean {
  if (!(error instanceof TencentCloudError)) return true;
  if (error.neverSent) return false; // no connection was made: the server never saw it
  return error.code === CLIENT_ERROR.network || error.code === CLIENT_ERROR.httpStatus
    || error.code === "InternalError" || error.code.startsWith("InternalError.");
}

/** How a call is retried beyond the defaults. */
export interface CallOptions {
  /**
   * false for a write that is not idempotent (ApplyCertificate, UploadCertificate storing a copy: each
   * attempt that lands makes another): an attempt whose answer was lost (mayHaveApplied) is not
   * repeated, its error is thrown, and the caller looks for what it did. Throttling and attempts never
   * sent are still retried.
   */
  retryLostAnswer?: boolean;
  /**
   * The turn this call takes its first attempt in, reserved ahead (`reserveTurn`); retries take
   * turns of their own. A turn that came more than LATE_TURN_MS before the call could use it is
   * given up for a new one, as the shared budget's late turns are (pacing.ts).
   */
  turn?: Turn;
}
const NOT_IDEMPOTENT: CallOptions = { retryLostAnswer: false };

/** A throttling answer: retried at the pacer's new pace, without backing off (retry.ts withRetry `paced`). */
const isThrottled = (e: unknown): boolean => e instanceof TencentCloudError && isThrottleCode(e.code);

/** What a failed attempt tells the pacer: an API answer other than throttling still counts as answered. */
function paceOutcome(e: unknown): PaceOutcome {
  if (isThrottled(e)) return "throttled";
  return e instanceof TencentCloudError && e.requestId !== undefined ? "answered" : "unanswered";
}

export class TencentCloudClient {
  readonly cdn: {
    describeDomainsConfig: Call<T.DescribeDomainsConfigRequest, T.DescribeDomainsConfigResponse>;
    updateDomainConfig: Call<T.UpdateDomainConfigRequest, T.EmptyResponse>;
  };
  readonly live: {
    describeLiveDomains: Call<T.DescribeLiveDomainsRequest, T.DescribeLiveDomainsResponse>;
    describeLiveDomain: Call<T.DescribeLiveDomainRequest, T.DescribeLiveDomainResponse>;
    describeLiveDomainCertBindings: Call<T.DescribeLiveDomainCertBindingsRequest, T.DescribeLiveDomainCertBindingsResponse>;
    modifyLiveDomainCertBindings: Call<T.ModifyLiveDomainCertBindingsRequest, T.ModifyLiveDomainCertBindingsResponse>;
    unBindLiveDomainCert: Call<T.UnBindLiveDomainCertRequest, T.EmptyResponse>;
  };
  readonly ssl: {
    /**
     * UploadCertificate, telling whether a lost earlier attempt may be what a RepeatCertId names. Only
     * `Repeatable: false` is retried after a lost answer: another upload would store another copy.
     */
    uploadCertificateOutcome: Call<T.UploadCertificateRequest, WriteOutcome<T.UploadCertificateResponse>>;
    describeCertificateDetail: Call<T.DescribeCertificateDetailRequest, T.DescribeCertificateDetailResponse>;
    deleteCertificate: Call<T.DeleteCertificateRequest, T.DeleteCertificateResponse>;
    modifyCertificateAlias: Call<T.ModifyCertificateAliasRequest, T.ModifyCertificateAliasResponse>;
    /** Not repeated when its answer is lost (CallOptions.retryLostAnswer): the caller finds the application. */
    applyCertificate: Call<T.ApplyCertificateRequest, T.ApplyCertificateResponse>;
    describeCertificate: Call<T.CertificateIdRequest, T.DescribeCertificateResponse>;
    completeCertificate: Call<T.CertificateIdRequest, T.CompleteCertificateResponse>;
    checkCertificateDomainVerification: Call<T.CertificateIdRequest, T.CheckCertificateDomainVerificationResponse>;
    describeCertificates: Call<T.DescribeCertificatesRequest, T.DescribeCertificatesResponse>;
  };
  readonly sts: {
    assumeRole: Call<T.AssumeRoleRequest, T.TemporaryCredentialsResponse>;
    assumeRoleWithWebIdentity: Call<T.AssumeRoleWithWebIdentityRequest, T.TemporaryCredentialsResponse>;
    getCallerIdentity: Call<Record<string, never>, T.GetCallerIdentityResponse>;
  };

  /** Undefined: unsigned. */
  private readonly credentials: CredentialsProvider | undefined;
  /** One signer per secret key (temporary credentials change it at each renewal). */
  private signer: Tc3Signer | undefined;
  private readonly endpoint?: string;
  private readonly domain?: string;
  private readonly region: string;
  private readonly language: string;
  private readonly log: (line: string) => void;
  private readonly retry: ResolvedRetryOptions;
  private readonly http: AxiosInstance;
  private readonly targets = new Map<Service, RequestTarget>();
  private readonly deps: RetryDeps;
  private readonly budgets: RateBudgets;
  private readonly progress: ProgressSettings;
  private readonly retryUnreachable: boolean;
  /** The budgets' key for this client's account (accountOf: a hash of the SecretId). */
  private readonly account: string;
  private readonly counters: ClientStats = { calls: {}, retries: 0, throttled: 0 };

  /** `deps` replaces sleep/random/clock in tests; not part of the public options. */
  constructor(opts: ClientOptions, deps: Partial<RetryDeps> = {}) {
    this.credentials = credentialsProvider(opts.credentials);
    this.endpoint = opts.endpoint || undefined;
    this.domain = opts.domain;
    this.region = opts.region ?? "ap-guangzhou";
    this.language = opts.language ?? "en-US";
    this.log = opts.log ?? (() => undefined);
    this.retry = resolveRetryOptions(opts.retry);
    this.deps = { ...realRetryDeps, ...deps };
    this.http = createHttp(opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, this.endpoint);
    this.budgets = opts.budgets ?? new RateBudgets();
    this.progress = opts.progress ?? DEFAULT_PROGRESS;
    this.retryUnreachable = opts.retryUnreachable ?? true;
    this.account = this.credentials?.identity ?? "unsigned";

    // Typed calls name only actions of the one action table (types.ts ACTIONS: rate limits, emulator, spec test).
    const bind = <Req, Res, S extends Service = Service>(service: S, action: ActionName<S>): Call<Req, Res> =>
      (request: Req, turn?: Turn) => this.call<Res>(service, action, request as object, turn ? { turn } : {});
    this.cdn = {
      describeDomainsConfig: bind("cdn", "DescribeDomainsConfig"),
      updateDomainConfig: bind("cdn", "UpdateDomainConfig"),
    };
    this.live = {
      describeLiveDomains: bind("live", "DescribeLiveDomains"),
      describeLiveDomain: bind("live", "DescribeLiveDomain"),
      describeLiveDomainCertBindings: bind("live", "DescribeLiveDomainCertBindings"),
      modifyLiveDomainCertBindings: bind("live", "ModifyLiveDomainCertBindings"),
      unBindLiveDomainCert: bind("live", "UnBindLiveDomainCert"),
    };
    this.ssl = {
      // Repeatable false answers the stored copy's id again; any other upload stores one more copy.
      uploadCertificateOutcome: (request) => this.callWithOutcome("ssl", "UploadCertificate", request, request.Repeatable === false ? {} : NOT_IDEMPOTENT),
      describeCertificateDetail: bind("ssl", "DescribeCertificateDetail"),
      deleteCertificate: bind("ssl", "DeleteCertificate"),
      modifyCertificateAlias: bind("ssl", "ModifyCertificateAlias"),
      applyCertificate: (request) => this.callWithOutcome("ssl", "ApplyCertificate", request, NOT_IDEMPOTENT).then((o) => o.response as T.ApplyCertificateResponse),
      describeCertificate: bind("ssl", "DescribeCertificate"),
      completeCertificate: bind("ssl", "CompleteCertificate"),
      checkCertificateDomainVerification: bind("ssl", "CheckCertificateDomainVerification"),
      describeCertificates: bind("ssl", "DescribeCertificates"),
    };
    this.sts = {
      assumeRole: bind("sts", "AssumeRole"),
      assumeRoleWithWebIdentity: bind("sts", "AssumeRoleWithWebIdentity"),
      getCallerIdentity: bind("sts", "GetCallerIdentity"),
    };
  }

  /** Signed, paced (the process's budget per account and action) and retried call; resolves with `Response`. */
  async call<Res>(service: Service, action: string, params: object, options: CallOptions = {}): Promise<Res> {
    return (await this.callWithOutcome<Res>(service, action, params, options)).response;
  }

  /** As `call`, also telling whether a failed earlier attempt may have been applied (see WriteOutcome). */
  async callWithOutcome<Res>(service: Service, action: string, params: object, options: CallOptions = {}): Promise<WriteOutcome<Res>> {
    const key = `${service}.${action}`;
    this.counters.calls[key] = (this.counters.calls[key] ?? 0) + 1;
    // Built on first use: most calls succeed and never scrub anything. The credentials of every
    // attempt are scrubbed (temporary ones may be renewed between attempts).
    const used: string[] = [];
    let scrubber: Scrubber | undefined;
    let scrubbed = -1;
    const scrub: Scrubber = (text) => {
      if (!scrubber || scrubbed !== used.length) {
        scrubber = makeScrubber([...used, ...collectSecrets(params)]);
        scrubbed = used.length;
      }
      return scrubber(text);
    };
    const payload = serializeParams(params);
    let target = this.targets.get(service);
    if (!target) this.targets.set(service, (target = targetFor(service, this.endpoint, this.domain)));
    let reserved = options.turn;
    if (reserved && (reserved.service !== service || reserved.action !== action)) {
      throw new Error(`a turn reserved for ${reserved.service}.${reserved.action} cannot carry ${key}`);
    }
    const attempt = async () => {
      const turn = reserved;
      reserved = undefined;
      let pass = turn ? await turn.pass : await this.budgets.acquire(this.account, service, action, this.deps.sleep);
      if (turn && this.budgets.now() - pass.at > LATE_TURN_MS) {
        pass.done("unanswered");
        pass = await this.budgets.acquire(this.account, service, action, this.deps.sleep);
      }
      try {
        // Asked after the turn came and right before signing: temporary credentials are never stale when they leave.
        const credentials = await this.credentials?.current();
        if (credentials) used.push(credentials.secretKey, ...(credentials.token ? [credentials.token] : []));
        const answer = await send<Res>({
          http: this.http, target, credentials, signer: credentials && this.signerFor(credentials.secretKey), region: this.region,
          service, action, payload, language: this.language, scrub,
        });
        pass.done("answered");
        return answer;
      } catch (e) {
        pass.done(paceOutcome(e));
        throw e;
      }
    };
    let earlierAttemptMayHaveApplied = false;
    let throttledSince: Heartbeat | undefined;
    let attempts = 0;
    try {
      const response = await withRetry(attempt, this.retry, this.deps, ({ attempt: n, delayMs, error }) => {
        const e = error as TencentCloudError;
        attempts = n;
        if (mayHaveApplied(e)) earlierAttemptMayHaveApplied = true;
        this.counters.retries++;
        if (isThrottleCode(e.code)) {
          this.counters.throttled++;
          throttledSince ??= this.throttleHeartbeat(service, action, () => attempts);
        }
        const rid = e.requestId ? ` (RequestId ${e.requestId})` : "";
        this.log(scrub(isThrottleCode(e.code)
          ? `${key}: ${e.code}${rid}; attempt ${n} throttled, retrying at a slower pace`
          : `${key}: ${e.code}${rid}; attempt ${n}/${this.retry.maxAttempts} failed, retrying in ${delayMs} ms`));
      }, (e) => isRetryable(e) && (this.retryUnreachable || !(e as TencentCloudError).neverSent)
        && (options.retryLostAnswer !== false || !mayHaveApplied(e)), isThrottled);
      return { response, earlierAttemptMayHaveApplied };
    } finally {
      throttledSince?.stop();
    }
  }

  /** Steady lines while a throttled call waits for its turns at the slower pace, until it is answered. */
  private throttleHeartbeat(service: Service, action: string, attempts: () => number): Heartbeat {
    const budget = this.budgets.budget(this.account, service, action);
    return new Heartbeat({
      subject: `${service}.${action}`, out: this.log, settings: this.progress, initial: "throttled, waiting for a turn at the pace the API allows",
      detail: () => `${attempts()} attempt${attempts() === 1 ? "" : "s"} throttled, pace ${budget.rate.toFixed(1)}/s, ${budget.waiting()} call(s) waiting for a turn`,
    });
  }

  private signerFor(secretKey: string): Tc3Signer {
    if (this.signer?.secretKey !== secretKey) this.signer = new Tc3Signer(secretKey);
    return this.signer;
  }

  /** A place in line for one call of `service.action`, to hand to that call (CallOptions.turn) or release. */
  reserveTurn(service: Service, action: string): Turn {
    return this.budgets.reserve(this.account, service, action, this.deps.sleep);
  }

  /** How long until this process's line of `service.action` turns ends (RateBudgets.lineEndsIn). */
  lineEndsIn(service: Service, action: string): number {
    return this.budgets.lineEndsIn(this.account, service, action);
  }

  /** How long this account's last turn of `service.action` took to come, while recent (RateBudgets.recentWait). */
  turnWait(service: Service, action: string): number {
    return this.budgets.recentWait(this.account, service, action);
  }

  stats(): ClientStats {
    return { calls: { ...this.counters.calls }, retries: this.counters.retries, throttled: this.counters.throttled };
  }
}

/** Keys as a source that always has them; a source as it is; "unsigned" as none. */
function credentialsProvider(credentials: ClientOptions["credentials"]): CredentialsProvider | undefined {
  if (credentials === "unsigned") return undefined;
  if ("current" in credentials) return credentials;
  if (!credentials?.secretId || !credentials?.secretKey) throw new Error("TencentCloudClient needs credentials.secretId and credentials.secretKey");
  const held = { ...credentials };
  return { source: "the client's options", identity: accountOf(held), current: async () => held };
}
