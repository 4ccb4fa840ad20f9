// The emulator's world: CDN domains, CSS domains with their certificate bindings, the SSL store,
// and a clock that tests can advance. Every lookup is a Map get; no I/O.
import type { DetailDomain, LiveDomainInfo } from "../provider/tencentcloud/types";
import type { ParsedCertificate } from "./certs";
import { chinaTime } from "./format";

export interface PendingDeployment {
  until: number; // emulator-clock ms when it ends
  failMessage?: string;
}

export interface CdnDomainRecord {
  detail: DetailDomain; // exactly what DescribeDomainsConfig returns (never holds a PEM key)
  deployment?: PendingDeployment;
  failNextDeployment?: string;
}

export interface LiveBinding {
  cloudCertId: string;
  httpsOn: boolean;
  updateTime: number;
}

export interface LiveDomainRecord {
  info: LiveDomainInfo;
  binding?: LiveBinding;
}

export interface SslCertificateRecord {
  id: string;
  numericId: number; // what CSS shows as CertId
  cert: ParsedCertificate;
  from: string; // upload | trustasia | ...
  alias: string;
  certificateType: string; // SVR | CA
  certificateUse?: string;
  projectId: number;
  insertTime: number;
  status?: number; // a seeded status overrides the computed one (1 valid / 3 expired)
  /** UploadCertificate's Tags, returned by DescribeCertificateDetail. */
  tags: { TagKey: string; TagValue: string }[];
}

export class EmulatorState {
  readonly cdnDomains = new Map<string, CdnDomainRecord>();
  readonly liveDomains = new Map<string, LiveDomainRecord>();
  readonly sslCertificates = new Map<string, SslCertificateRecord>();
  /** First certificate id per leaf fingerprint, for UploadCertificate with Repeatable false. */
  readonly sslByFingerprint = new Map<string, string>();
  /** Certificates DeleteCertificate removed while domains used them: CSS bindings keep showing them (ssl/model.ts deleteCertificate). */
  readonly keptByBindings = new Map<string, SslCertificateRecord>();
  private clockOffsetMs = 0;
  private nextNumericCertId = 100001;

  constructor(public deployDelayMs: number) {}

  /** The emulator clock: real time plus what tests advanced. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  advanceClock(ms: number): void {
    this.clockOffsetMs += ms;
  }

  allocateNumericCertId(): number {
    return this.nextNumericCertId++;
  }

  addSslCertificate(record: SslCertificateRecord): void {
    this.sslCertificates.set(record.id, record);
    if (!this.sslByFingerprint.has(record.cert.fingerprint)) this.sslByFingerprint.set(record.cert.fingerprint, record.id);
  }

  removeSslCertificate(id: string): void {
    const record = this.sslCertificates.get(id);
    if (!record) return;
    this.sslCertificates.delete(id);
    if (this.sslByFingerprint.get(record.cert.fingerprint) === id) {
      this.sslByFingerprint.delete(record.cert.fingerprint);
      for (const other of this.sslCertificates.values()) {
        if (other.cert.fingerprint === record.cert.fingerprint) {
          this.sslByFingerprint.set(other.cert.fingerprint, other.id);
          break;
        }
      }
    }
  }

  /** Ends a deployment whose time has come (lazily, so advancing the clock needs no timers). */
  cdnDomain(domain: string): CdnDomainRecord | undefined {
    const record = this.cdnDomains.get(domain.toLowerCase());
    if (record) settleDeployment(record, this.now());
    return record;
  }

  allCdnDomains(): CdnDomainRecord[] {
    const now = this.now();
    const all = [...this.cdnDomains.values()];
    for (const r of all) settleDeployment(r, now);
    return all;
  }

  liveDomain(name: string): LiveDomainRecord | undefined {
    return this.liveDomains.get(name.toLowerCase());
  }

  /** Where an SSL certificate is in use: CDN CertInfo and CSS bindings. */
  bindingsOf(certId: string): string[] {
    const names: string[] = [];
    for (const r of this.cdnDomains.values()) if (r.detail.Https?.CertInfo?.CertId === certId) names.push(r.detail.Domain);
    for (const r of this.liveDomains.values()) if (r.binding?.cloudCertId === certId) names.push(r.info.Name);
    return names;
  }
}

export function settleDeployment(record: CdnDomainRecord, now: number): void {
  const d = record.deployment;
  if (!d || now < d.until) return;
  record.deployment = undefined;
  record.detail.Status = "online";
  const https = record.detail.Https;
  if (!https || https.Switch !== "on") return;
  if (d.failMessage !== undefined) {
    https.SslStatus = "failed";
    if (https.CertInfo) https.CertInfo.Message = d.failMessage;
  } else {
    https.SslStatus = "deployed";
    if (https.CertInfo) https.CertInfo.DeployTime = chinaTime(d.until);
  }
}
