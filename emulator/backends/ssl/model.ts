// The SSL backend of one account (moto's models.py): every certificate it holds (uploads, seeded
// ones, issued free certificates) and every free-certificate application, pending or issued, under
// one id space. An application that issues joins the certificates, so CDN and CSS use it by id like
// any hosted certificate. Never holds a private key.
import { BaseBackend } from "../../core/backend";
import { parseCertificate, ParsedCertificate } from "../../core/certs";
import { shortId } from "../../core/format";
import { ageFreeCertificate, FreeApplication, FreeCertificateTiming, settleFreeCertificate } from "./free";

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

export class SslBackend extends BaseBackend {
  private readonly certificates = new Map<string, SslCertificateRecord>();
  /** First certificate id per leaf fingerprint, for UploadCertificate with Repeatable false. */
  private readonly byFingerprint = new Map<string, string>();
  /** Certificates DeleteCertificate removed while domains used them: CSS bindings keep showing them (certificates.ts deleteCertificate). */
  private readonly kept = new Map<string, SslCertificateRecord>();
  private readonly applications = new Map<string, FreeApplication>();
  /** Seed option: domains whose free-certificate DNS or FILE record counts as published from the start. */
  readonly recordsPresent = new Set<string>();
  private nextNumericId = 100001;

  get timing(): FreeCertificateTiming {
    return this.account.world.freeCertificates;
  }

  // ------------------------------------------------------------------ certificates

  certificate(id: string): SslCertificateRecord | undefined {
    return this.certificates.get(id);
  }

  allCertificates(): SslCertificateRecord[] {
    return [...this.certificates.values()];
  }

  /** The first certificate stored with this leaf fingerprint. */
  withFingerprint(fingerprint: string): SslCertificateRecord | undefined {
    const id = this.byFingerprint.get(fingerprint);
    return id === undefined ? undefined : this.certificates.get(id);
  }

  addCertificate(record: SslCertificateRecord): void {
    this.certificates.set(record.id, record);
    if (!this.byFingerprint.has(record.cert.fingerprint)) this.byFingerprint.set(record.cert.fingerprint, record.id);
  }

  removeCertificate(id: string): void {
    const record = this.certificates.get(id);
    if (!record) return;
    this.certificates.delete(id);
    if (this.byFingerprint.get(record.cert.fingerprint) === id) {
      this.byFingerprint.delete(record.cert.fingerprint);
      const other = [...this.certificates.values()].find((c) => c.cert.fingerprint === record.cert.fingerprint);
      if (other) this.byFingerprint.set(other.cert.fingerprint, other.id);
    }
  }

  /** Keeps a deleted certificate for the CSS bindings that still name it. */
  keepForBindings(record: SslCertificateRecord): void {
    this.kept.set(record.id, record);
  }

  keptByBindings(id: string): SslCertificateRecord | undefined {
    return this.kept.get(id);
  }

  allocateNumericId(): number {
    return this.nextNumericId++;
  }

  /** A fresh 8-character id, unused by any certificate or application. */
  newCertificateId(): string {
    let id = shortId();
    while (this.certificates.has(id) || this.applications.has(id)) id = shortId();
    return id;
  }

  /** Where a certificate is in use in this account: CDN CertInfo and CSS bindings. */
  usersOf(id: string): string[] {
    return [...this.account.cdn.usersOf(id), ...this.account.live.usersOf(id)];
  }

  // ------------------------------------------------------------------ free-certificate applications

  /** An application by id, after what the clock made of it. */
  application(id: string): FreeApplication | undefined {
    const app = this.applications.get(id);
    return app && this.settle(app);
  }

  /** Every application, settled. */
  allApplications(): FreeApplication[] {
    return [...this.applications.values()].map((a) => this.settle(a));
  }

  hasApplication(id: string): boolean {
    return this.applications.has(id);
  }

  addApplication(app: FreeApplication): FreeApplication {
    this.applications.set(app.id, app);
    return this.settle(app);
  }

  removeApplication(id: string): void {
    this.applications.delete(id);
  }

  /** The application after what the clock made of it; an issuance adds the certificate to the store. */
  private settle(app: FreeApplication): FreeApplication {
    const wasIssued = app.issued !== undefined;
    settleFreeCertificate(app, this.now(), this.timing);
    if (!wasIssued && app.issued) {
      this.addCertificate({
        id: app.id, numericId: this.allocateNumericId(), cert: parseCertificate(app.issued.pem), from: "trustasia",
        alias: app.alias, certificateType: "SVR", projectId: 0, insertTime: app.appliedAt, tags: [],
      });
    }
    return app;
  }

  /** Every application as if made `ms` earlier (the clock route); an issued certificate in the store follows. */
  ageFreeCertificates(ms: number): void {
    for (const app of this.allApplications()) {
      ageFreeCertificate(app, ms);
      const record = this.certificates.get(app.id);
      if (record && app.issued) {
        this.removeCertificate(app.id);
        this.addCertificate({ ...record, cert: parseCertificate(app.issued.pem) });
      }
    }
  }

  /** The owner published the DNS or FILE record of this application. */
  markRecordPresent(id: string): void {
    const app = this.applications.get(id);
    if (!app) throw new Error(`free certificate ${id} does not exist`);
    app.recordPresent = true;
    this.settle(app);
  }
}
