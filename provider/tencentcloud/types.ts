// Wire models of the Tencent Cloud API 3.0 actions this library uses, with the API's own
// PascalCase field names (see docs/reference/tencentcloud-api.md; the vendored spec/ is the
// authority). Shared by the client, the resource handlers and the emulator, so the three cannot
// drift apart.

export type Service = "cdn" | "live" | "ssl";
export const SERVICE_VERSIONS: Record<Service, string> = {
  cdn: "2018-06-06",
  live: "2018-08-01",
  ssl: "2019-12-05",
};

export interface ActionFacts {
  /** Documented requests per second for the action (the client's token bucket, the emulator's throttle). */
  rateLimit: number;
  /** The action changes state (the emulator's request log marks it a write). */
  write?: true;
}

/**
 * The one action table: every action this library calls and the emulator serves, per service. The
 * emulator's spec test proves each is in the vendored spec (spec/<svc>.api.json) at SERVICE_VERSIONS.
 */
export const ACTIONS = {
  cdn: {
    DescribeDomainsConfig: { rateLimit: 20 },
    DescribeDomains: { rateLimit: 20 },
    UpdateDomainConfig: { rateLimit: 20, write: true },
  },
  live: {
    DescribeLiveDomains: { rateLimit: 20 },
    DescribeLiveDomain: { rateLimit: 20 },
    DescribeLiveDomainCert: { rateLimit: 500 },
    DescribeLiveDomainCertBindings: { rateLimit: 20 },
    ModifyLiveDomainCertBindings: { rateLimit: 20, write: true },
    UnBindLiveDomainCert: { rateLimit: 20, write: true },
  },
  ssl: {
    UploadCertificate: { rateLimit: 10, write: true },
    DescribeCertificateDetail: { rateLimit: 10 },
    // FreeCertificate. guess: the spec states no limits for these; 20/s, the SSL actions' usual one.
    ApplyCertificate: { rateLimit: 20, write: true },
    DescribeCertificate: { rateLimit: 20 },
    CompleteCertificate: { rateLimit: 20, write: true },
    CheckCertificateDomainVerification: { rateLimit: 20 },
    DescribeCertificates: { rateLimit: 20 },
    CancelCertificateOrder: { rateLimit: 20, write: true }, // an application pending validation, cancelled (issue 26)
    DeleteCertificate: { rateLimit: 10, write: true },
    // The API catalogue (1007/36571) says 10; the action's own page (1007/36583) still says 20: the lower.
    ModifyCertificateAlias: { rateLimit: 10, write: true },
  },
} as const satisfies Record<Service, Record<string, ActionFacts>>;

/** The actions of one service in the table: a typed call can name no other. */
export type ActionName<S extends Service> = keyof (typeof ACTIONS)[S] & string;

/** The table's facts of an action, or undefined when the table does not have it. */
export function actionFacts(service: Service, action: string): ActionFacts | undefined {
  const table: Record<string, ActionFacts> = ACTIONS[service];
  return Object.prototype.hasOwnProperty.call(table, action) ? table[action] : undefined;
}

export type OnOff = "on" | "off";

// ---------------------------------------------------------------- cdn 2018-06-06
export interface DomainFilter { Name: string; Value: string[]; Fuzzy?: boolean }

export interface DescribeDomainsConfigRequest {
  Offset?: number;
  Limit?: number;
  Filters?: DomainFilter[];
  Sort?: { Key?: "createTime" | "certExpireTime"; Sequence?: "asc" | "desc" };
}
export interface DescribeDomainsRequest { Offset?: number; Limit?: number; Filters?: DomainFilter[] }

export interface Origin {
  Origins?: string[];
  OriginType?: string;
  ServerName?: string;
  OriginPullProtocol?: string;
  [k: string]: unknown;
}

export interface ServerCert {
  CertId?: string;
  CertName?: string;
  Certificate?: string;
  PrivateKey?: string;
  ExpireTime?: string;
  DeployTime?: string;
  Message?: string;
  From?: string;
}
export interface ClientCert { Certificate: string; CertName?: string; ExpireTime?: string; DeployTime?: string }
export interface Hsts { Switch: OnOff; MaxAge?: number; IncludeSubDomains?: OnOff }

export type SslStatus = "closed" | "deploying" | "deployed" | "failed";
export interface Https {
  Switch: OnOff;
  Http2?: OnOff;
  OcspStapling?: OnOff;
  VerifyClient?: OnOff;
  CertInfo?: ServerCert;
  ClientCertInfo?: ClientCert;
  Spdy?: OnOff;
  SslStatus?: SslStatus; // output only
  Hsts?: Hsts;
  TlsVersion?: string[];
}
export interface ForceRedirect {
  Switch: OnOff;
  RedirectType?: "http" | "https";
  RedirectStatusCode?: number;
  CarryHeaders?: OnOff;
}
/** QUIC access, a top-level block beside Https (billed; needs HTTPS). */
export interface Quic { Switch: OnOff }

export type CdnDomainStatus = "rejected" | "processing" | "closing" | "online" | "offline";
export interface BriefDomain {
  ResourceId: string;
  AppId: number;
  Domain: string;
  Cname: string;
  Status: CdnDomainStatus;
  ProjectId: number;
  ServiceType: string;
  CreateTime: string;
  UpdateTime: string;
  Origin: Origin;
  Disable: string;
  Area: string;
  Readonly: string;
  Product?: string;
}
export interface DetailDomain extends BriefDomain {
  Https?: Https;
  ForceRedirect?: ForceRedirect;
  Quic?: Quic;
  HttpsBilling?: { Switch: OnOff };
  [block: string]: unknown; // the ~60 other config blocks we never touch
}
export interface DescribeDomainsConfigResponse { Domains: DetailDomain[]; TotalNumber: number; RequestId: string }
export interface DescribeDomainsResponse { Domains: BriefDomain[]; TotalNumber: number; RequestId: string }

export interface UpdateDomainConfigRequest {
  Domain: string;
  Https?: Https;
  ForceRedirect?: ForceRedirect;
  Quic?: Quic;
  [block: string]: unknown;
}
export interface EmptyResponse { RequestId: string }

// ---------------------------------------------------------------- live 2018-08-01
export interface LiveDomainInfo {
  Name: string;
  Type: number; // 0 push, 1 play
  Status: number; // 0 disabled, 1 enabled
  CreateTime: string;
  BCName: number;
  TargetDomain: string;
  PlayType: number;
  IsDelayLive: number;
  CurrentCName: string;
  IsMiniProgramLive?: number;
  RentTag?: number;
  RentExpireTime?: string;
}
export interface DescribeLiveDomainsRequest {
  DomainStatus?: number;
  DomainType?: number;
  PageSize?: number;
  PageNum?: number;
  IsDelayLive?: number;
  DomainPrefix?: string;
  PlayType?: number;
}
export interface DescribeLiveDomainsResponse {
  AllCount: number;
  DomainList: LiveDomainInfo[];
  CreateLimitCount?: number;
  PlayTypeCount?: number[];
  RequestId: string;
}
export interface DescribeLiveDomainRequest { DomainName: string }
export interface DescribeLiveDomainResponse { DomainInfo?: LiveDomainInfo | null; RequestId: string }

export interface DomainCertInfo {
  CertId: number;
  CertName: string;
  Description: string;
  CreateTime: string;
  HttpsCrt: string;
  CertType: number; // 0 self-owned, 1 SSL-hosted
  CertExpireTime: string; // "YYYY-MM-DD hh:mm:ss" UTC+8
  DomainName: string;
  Status: number;
  CertDomains: string[];
  CloudCertId: string;
}
export interface DescribeLiveDomainCertRequest { DomainName: string }
export interface DescribeLiveDomainCertResponse { DomainCertInfo: DomainCertInfo; RequestId: string }

export interface LiveDomainCertBinding {
  DomainName: string;
  CertificateAlias: string;
  CertType: number; // 0 self-owned, 1 SSL-hosted
  Status: number; // HTTPS: 1 enabled, 0 disabled
  CertExpireTime: string; // UTC+8
  CertId: number;
  CloudCertId: string;
  UpdateTime?: string;
}
export interface DescribeLiveDomainCertBindingsRequest {
  DomainSearch?: string;
  Offset?: number;
  Length?: number;
  DomainName?: string;
  OrderBy?: "ExpireTimeAsc" | "ExpireTimeDesc";
}
export interface DescribeLiveDomainCertBindingsResponse {
  LiveDomainCertBindings: LiveDomainCertBinding[];
  TotalNum: number;
  RequestId: string;
}

export interface LiveCertDomainInfo { DomainName: string; Status: 1 | 0 | -1 }
export interface ModifyLiveDomainCertBindingsRequest {
  DomainInfos: LiveCertDomainInfo[];
  CloudCertId?: string;
  CertificatePublicKey?: string;
  CertificatePrivateKey?: string;
  CertificateAlias?: string;
}
export interface BatchDomainOperateError { DomainName: string; Code: string; Message: string }
export interface ModifyLiveDomainCertBindingsResponse {
  MismatchedDomainNames?: string[];
  Errors?: BatchDomainOperateError[];
  RequestId: string;
}
export interface UnBindLiveDomainCertRequest { DomainName: string; Type?: "gray" | "formal" }

// ---------------------------------------------------------------- ssl 2019-12-05
export interface UploadCertificateRequest {
  CertificatePublicKey: string;
  CertificatePrivateKey?: string;
  CertificateType?: "SVR" | "CA";
  Alias?: string;
  ProjectId?: number;
  CertificateUse?: string;
  Tags?: { TagKey: string; TagValue: string }[];
  Repeatable?: boolean;
  KeyPassword?: string;
}
export interface UploadCertificateResponse { CertificateId: string; RepeatCertId?: string; RequestId: string }

export interface DescribeCertificateDetailRequest { CertificateId: string }
export interface DescribeCertificateDetailResponse {
  CertificateId?: string;
  OwnerUin?: string;
  ProjectId?: string;
  From?: string; // trustasia | upload | wosign | sheca
  CertificateType?: string;
  Domain?: string;
  SubjectAltName?: string[];
  Alias?: string;
  Status?: number; // 1 valid, 3 expired, ...
  StatusMsg?: string;
  StatusName?: string;
  CertBeginTime?: string; // "YYYY-MM-DD hh:mm:ss" GMT+8
  CertEndTime?: string;
  InsertTime?: string;
  CertificatePublicKey?: string;
  CertificatePrivateKey?: string;
  CertFingerprint?: string;
  Deployable?: boolean;
  /** The tags given at upload (UploadCertificate `Tags`). */
  Tags?: { TagKey: string; TagValue: string }[];
  RequestId: string;
}
export interface DeleteCertificateRequest { CertificateId: string; IsCheckResource?: boolean }
export interface DeleteCertificateResponse { DeleteResult: boolean; TaskId?: string; RequestId: string }
/** Renames a certificate in the SSL console; an absent Alias clears the name. */
export interface ModifyCertificateAliasRequest { CertificateId: string; Alias?: string }
export interface ModifyCertificateAliasResponse { CertificateId: string; RequestId: string }

// ------------------------------------------------------------------ ssl: free certificates
// ApplyCertificate and what follows (FreeCertificate); every answer field may be null (the spec's value_allowed_null).
/** A free TrustAsia certificate (package 83, three months) for one domain. */
export interface ApplyCertificateRequest {
  DvAuthMethod: string;
  DomainName: string;
  CsrEncryptAlgo?: "RSA" | "ECC";
  CsrKeyParameter?: "2048" | "prime256v1";
  Alias?: string;
  OldCertificateId?: string;
  ValidityPeriod?: "3";
}
export interface ApplyCertificateResponse { CertificateId: string; RequestId: string }
export interface CertificateIdRequest { CertificateId: string }
export interface CompleteCertificateResponse { CertificateId: string; RequestId: string }
/** DvAuthDetail / DvAuths of DescribeCertificate (every field may be null). */
export interface DvAuthFields {
  DvAuthKey?: string | null;
  DvAuthValue?: string | null;
  DvAuthDomain?: string | null;
  DvAuthPath?: string | null;
  DvAuthKeySubDomain?: string | null;
  DvAuthSubDomain?: string | null;
  DvAuthVerifyType?: string | null;
}
export interface DvAuthDetail extends DvAuthFields { DvAuths?: DvAuthFields[] | null }
/** DescribeCertificate: status, dates and validation records of a free certificate, never its PEM or key. */
export interface DescribeCertificateResponse {
  CertificateId?: string | null;
  Domain?: string | null;
  Alias?: string | null;
  Status?: number | null;
  StatusMsg?: string | null;
  VerifyType?: string | null;
  CertBeginTime?: string | null;
  CertEndTime?: string | null;
  InsertTime?: string | null;
  SubjectAltName?: string[] | null;
  DvAuthDetail?: DvAuthDetail | null;
  CertificateExtra?: { OriginCertificateId?: string | null; RenewOrder?: string | null } | null;
  PackageType?: string | null;
}
/** One entry of CheckCertificateDomainVerification's VerificationResults. */
export interface DomainValidationResult {
  Domain: string;
  VerifyType?: string;
  LocalCheck?: number;
  CaCheck?: number;
  LocalCheckFailReason?: string;
  CheckValue?: string[];
  Frequently?: boolean;
  Issued?: boolean;
}
export interface CheckCertificateDomainVerificationResponse { VerificationResults?: DomainValidationResult[] | null; RequestId: string }
/** Only the filters this package uses. */
export interface DescribeCertificatesRequest { Offset?: number; Limit?: number; FilterSource?: "upload" | "buy" }
export interface DescribeCertificatesResponse { TotalCount?: number; Certificates?: DescribeCertificateResponse[] | null; RequestId: string }


/** Documented per-action rate limits (requests per second), from ACTIONS. Unlisted actions use DEFAULT_RATE_LIMIT. */
export const RATE_LIMITS: Record<string, number> = Object.fromEntries(
  (Object.keys(ACTIONS) as Service[]).flatMap((svc) => Object.entries(ACTIONS[svc] as Record<string, ActionFacts>).map(([action, f]) => [`${svc}.${action}`, f.rateLimit])),
);
export const DEFAULT_RATE_LIMIT = 20;
export function rateLimitFor(service: Service, action: string): number {
  return RATE_LIMITS[`${service}.${action}`] ?? DEFAULT_RATE_LIMIT;
}
