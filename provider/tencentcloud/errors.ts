// The typed error of the client and the pure classification of error codes (retryable, not found).
// Codes: docs/reference/tencentcloud-api.md §1.8, §2.5, §3.6, §4.

/** Client-side codes, named like the official SDKs' ones. */
export const CLIENT_ERROR = {
  network: "ClientError.NetworkError",
  httpStatus: "ClientError.HttpStatusCodeError",
  invalidResponse: "ClientError.InvalidResponse",
} as const;

export interface TencentCloudErrorInit {
  code: string;
  message: string;
  service: string;
  action: string;
  requestId?: string;
  httpStatus?: number;
  /** Transport failures decide this themselves; API errors are classified by code. */
  retryable?: boolean;
  /** A transport failure that proves the request never reached the API (e.g. connection refused). */
  neverSent?: boolean;
  attempts?: number;
}

/** Response.Error from the API, or a transport failure; carries no request parameters. */
export class TencentCloudError extends Error {
  code: string;
  requestId?: string;
  service: string;
  action: string;
  httpStatus?: number;
  retryable: boolean;
  /** The request never reached the API, so it cannot have been applied. */
  neverSent: boolean;
  attempts: number;
  /** The API's own message, without the service/action/code prefix. */
  apiMessage: string;

  constructor(init: TencentCloudErrorInit) {
    const rid = init.requestId ? ` (RequestId ${init.requestId})` : "";
    super(`${init.service}.${init.action} failed: ${init.code}: ${init.message}${rid}`);
    this.name = "TencentCloudError";
    this.code = init.code;
    this.apiMessage = init.message;
    this.service = init.service;
    this.action = init.action;
    this.requestId = init.requestId;
    this.httpStatus = init.httpStatus;
    this.retryable = init.retryable ?? isRetryableCode(init.code);
    this.neverSent = init.neverSent ?? false;
    this.attempts = init.attempts ?? 1;
  }
}

/**
 * The throttling answers (spec/errors.json): the common RequestLimitExceeded family, and the
 * actions' own "too often" codes. Not every LimitExceeded.*: LimitExceeded.CdnConfigTooManyCacheRules
 * is a quota, which waiting does not lift.
 */
const THROTTLE_EXACT = new Set([
  "LimitExceeded.RateLimitExceeded", // ssl, live: 单位时间内接口请求频率达到限制
  "LimitExceeded.SslCertRequestLimitExceeded", // SSL请求频率超限
  "LimitExceeded.CdnHostOpTooOften", // cdn UpdateDomainConfig: 域名操作过于频繁
  "UnauthorizedOperation.OperationTooOften", // cdn: 操作超出调用频次限制
]);

/** The throttling answers the client absorbs by waiting its turn (counted in stats().throttled, fed to the pacer). */
export function isThrottleCode(code: string): boolean {
  return code === "RequestLimitExceeded" || code.startsWith("RequestLimitExceeded.") || THROTTLE_EXACT.has(code);
}

const RETRYABLE_EXACT = new Set(["ResourceInUse.CdnOpInProgress"]);

/** Throttling, transient server faults and "operation in progress"; never validation or auth errors. */
export function isRetryableCode(code: string): boolean {
  return isThrottleCode(code) || RETRYABLE_EXACT.has(code) || code === "InternalError" || code.startsWith("InternalError.");
}

const NOT_FOUND_EXACT = new Set([
  "FailedOperation.CertificateNotFound",
  "FailedOperation.SslCertNotFound",
  "InvalidParameter.CrtDateNotFound",
  "InvalidParameter.CrtDomainNotFound",
  "InternalError.CrtDateNotFound",
  "InternalError.CrtDomainNotFound",
]);

/** The thing asked about does not exist (a deleted domain, certificate or binding). */
export function isNotFound(e: unknown): boolean {
  if (!(e instanceof TencentCloudError)) return false;
  return e.code === "ResourceNotFound" || e.code.startsWith("ResourceNotFound.") || NOT_FOUND_EXACT.has(e.code);
}

export function isRetryable(e: unknown): boolean {
  return e instanceof TencentCloudError && e.retryable;
}
