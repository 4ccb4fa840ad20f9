// Public types of the emulator (see docs/contracts.md "emulator").
import type { CdnDomainStatus, DetailDomain, ForceRedirect, Https, LiveDomainInfo, Service } from "../provider/tencentcloud/types";

/** What one account holds at the start: its resources and the credentials that reach it. */
export interface AccountSeed {
  cdnDomains?: { domain: string; status?: CdnDomainStatus; originType?: string; serviceType?: string; https?: Partial<Https>; forceRedirect?: ForceRedirect }[];
  liveDomains?: { name: string; type: 0 | 1; status?: 0 | 1 }[];
  sslCertificates?: { id: string; certificate: string; privateKey?: string; from?: string; alias?: string; status?: number; tags?: { TagKey: string; TagValue: string }[] }[];
  credentials?: { secretId: string; secretKey: string }[];
  /** Domains whose free-certificate DNS or FILE validation record counts as published from the start. */
  validationRecordsPresent?: string[];
  /**
   * Free-certificate applications under given ids, pending validation (recordPresent: the record is published), or
   * issued, or in an event's status (statusMessage: its StatusMsg); renews / reissues: the id of an application seeded
   * before it that this one renews (OldCertificateId) or reissues.
   */
  freeCertificates?: {
    id: string; domain: string; validationMethod?: "DNS_AUTO" | "DNS" | "FILE"; keyAlgorithm?: "RSA" | "ECC"; alias?: string; recordPresent?: boolean;
    status?: "issued" | FreeCertificateEvent; statusMessage?: string; renews?: string; reissues?: string;
  }[];
}

/**
 * What the CA, the console or an API call can do to a free certificate (POST /_emulator/free-certificate/status, a
 * seed), by the status it shows (the spec's 0-15): rejected 2, validationExpired 2 (not validated within seven days),
 * awaitingCompanyInformation 5, cancelling 6, cancelled 7, awaitingConfirmationLetter 8, revoking 9, revoked 10,
 * reissuing 11, awaitingRevocationLetter 12, awaitingInformation 13, refunded 14, migrating 15.
 */
export type FreeCertificateEvent =
  | "rejected" | "validationExpired" | "awaitingCompanyInformation" | "cancelling" | "cancelled" | "awaitingConfirmationLetter"
  | "revoking" | "revoked" | "reissuing" | "awaitingRevocationLetter" | "awaitingInformation" | "refunded" | "migrating";

/**
 * The world at the start: the top level is the default account (uin 100000000001, the OwnerUin the
 * SSL answers show); `accounts` adds others, each reached by its own credentials and holding its own
 * resources and rate limits. Admin routes act on the default account unless they name another.
 */
export interface EmulatorSeed extends AccountSeed {
  accounts?: (AccountSeed & { uin: string })[];
}

export interface EmulatorOptions {
  port?: number;
  seed?: EmulatorSeed;
  /** How long an HTTPS deployment takes on the emulator clock; default 0 (the CLI uses 2000). */
  deployDelayMs?: number;
  /** Per-action throttling at rateLimitFor(); default true. */
  rateLimits?: boolean;
  /** Free certificates: how long DNS_AUTO takes to validate, and the shortest gap between two checks
   *  before CheckCertificateDomainVerification answers Frequently (both default 0); how many applications an
   *  account may hold (limit, default 50: then ExceedsFreeLimit) and how many for one main domain
   *  (perMainDomain, default 20: then MainDomainCertificateCountLimit). */
  freeCertificates?: { dnsAutoDelayMs?: number; checkIntervalMs?: number; limit?: number; perMainDomain?: number };
  /** Keep the request log; default true. */
  logRequests?: boolean;
  /**
   * Robustness test mode: every answer member the spec marks value_allowed_null is null whenever it
   * holds no valid value (absent, "", an empty list, a switch that is "off", or an object left with
   * nothing but nulls), as the real API may answer. Default false: null only where an output_required
   * member has no value.
   */
  nullMode?: boolean;
}

export interface Fault {
  service?: Service;
  action?: string;
  code?: string; // answered as Response.Error with HTTP 200
  httpStatus?: number; // answered with this status and an HTML body
  drop?: boolean; // destroy the socket without an answer
  latencyMs?: number;
  probability?: number; // 0..1, default 1
  count?: number; // how many times it fires; default unlimited
  /** "before" (default): instead of the action. "after": the action runs (state changes), then the answer is lost/replaced. */
  phase?: "before" | "after";
  message?: string;
}

export interface RequestLogEntry {
  seq: number;
  time: string;
  service: string;
  action: string;
  params: any;
  errorCode?: string;
  write: boolean;
}

export interface CdnDomainPatch {
  status?: CdnDomainStatus;
  https?: Partial<Https> | null;
  forceRedirect?: ForceRedirect | null;
  /** The next HTTPS deployment of this domain ends with SslStatus "failed" and this text in Https.CertInfo.Message. */
  failNextDeployment?: string;
  originType?: string;
  [k: string]: unknown;
}

export interface LiveBindingPatch {
  cloudCertId?: string;
  status?: 0 | 1;
}

/** A rename in the SSL console. */
export interface SslCertificatePatch {
  alias?: string;
}

/** What GET /_emulator/state (EmulatorHandle.state()) shows: the whole world, keys redacted. */
export interface EmulatorSnapshot {
  now: string; // emulator clock, "YYYY-MM-DD hh:mm:ss" UTC+8
  /** The account shown (GET /_emulator/state?account=UIN; the default account otherwise). */
  account: string;
  /** Each domain as the model holds it (DescribeDomainsConfig before shaping), with its pending deployment. */
  cdnDomains: (DetailDomain & { _deployment?: { endsAt: string; willFail: boolean }; _failNextDeployment?: string })[];
  liveDomains: (LiveDomainInfo & { binding: { cloudCertId: string; status: 0 | 1; updateTime: string } | null })[];
  sslCertificates: {
    id: string; from: string; alias: string; certificateType: string; certificateUse: string | null;
    fingerprintSha256: string; commonName: string; sans: string[]; certificate: string;
    notBefore: string; notAfter: string; // ISO 8601
    status: number; boundTo: string[]; // CDN and CSS domains using it
  }[];
  /** Free-certificate applications: the record to publish, the status, the renewal relation; never a key. */
  freeCertificates: FreeCertificateView[];
  faults: Fault[];
}

export interface FreeCertificateView {
  id: string; domain: string; validationMethod: string; keyAlgorithm: string; alias: string;
  status: number; statusName: string; statusMessage: string; appliedAt: string; validationDeadline: string; recordPresent: boolean;
  record: { key: string; value: string; domain: string; path?: string };
  renews: string | null; renewedBy: string | null; reissueOf: string | null; reissuedAs: string | null;
  notBefore: string | null; notAfter: string | null; // ISO 8601, once issued
}
