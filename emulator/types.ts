// Public types of the emulator (see docs/contracts.md "emulator").
import type { CdnDomainStatus, ForceRedirect, Https, Service } from "../provider/tencentcloud/types";

export interface EmulatorSeed {
  cdnDomains?: { domain: string; status?: CdnDomainStatus; originType?: string; serviceType?: string; https?: Partial<Https>; forceRedirect?: ForceRedirect }[];
  liveDomains?: { name: string; type: 0 | 1; status?: 0 | 1 }[];
  sslCertificates?: { id: string; certificate: string; privateKey?: string; from?: string; alias?: string; status?: number }[];
  credentials?: { secretId: string; secretKey: string }[];
  /** Domains whose free-certificate DNS or FILE validation record counts as published from the start. */
  validationRecordsPresent?: string[];
}

export interface EmulatorOptions {
  port?: number;
  seed?: EmulatorSeed;
  /** How long an HTTPS deployment takes on the emulator clock; default 0 (the CLI uses 2000). */
  deployDelayMs?: number;
  /** Per-action throttling at rateLimitFor(); default true. */
  rateLimits?: boolean;
  /** Free certificates: how long DNS_AUTO takes to validate, and the shortest gap between two checks
   *  before CheckCertificateDomainVerification answers Frequently. Both default 0. */
  freeCertificates?: { dnsAutoDelayMs?: number; checkIntervalMs?: number };
  /** Keep the request log; default true. */
  logRequests?: boolean;
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
