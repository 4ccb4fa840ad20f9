// The SSL backend of one account (moto's models.py): every certificate it holds (uploads, seeded
// ones, issued free certificates) and every free-certificate application, pending or issued, under
// one id space. An application that issues joins the certificates, so CDN and CSS use it by id like
// any hosted certificate. Never holds a private key.
import { BaseBackend } from "../../core/backend";
import { parseCertificate, ParsedCertificate } from "../../core/certs";
import { shortId } from "../../core/format";
import { ApiError } from "../../core/errors";
import { certificateStatus } from "./certificates";
import {
  ageFreeCertificate, applyFreeCertificate, FreeApplication, FreeCertificateSettings, FreeKeyAlgorithm, freeStatus, FreeValidationMethod,
  isPending, renewalRefusal, settleFreeCertificate,
} from "./free";
import { EVENT_STATUSES } from "./statuses";

/** A renewal in one of these (2 failed review or validation, 7 cancelled) no longer stands. */
const FAILED_CODES: ReadonlySet<number> = new Set([2, 7]);

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

  get freeSettings(): FreeCertificateSettings {
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

  /** A stored certificate's status: its application's when it is a free certificate (an event such as a revocation shows). */
  statusOf(record: SslCertificateRecord): number {
    const app = this.application(record.id);
    return app ? freeStatus(app, this.now()).code : certificateStatus(record, this.now());
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

  /**
   * A new application (ApplyCertificate, or the console's renewal and reissue), within the account's quota; a
   * renewal or reissue is linked both ways. The caller has checked that `renews` may be renewed.
   */
  apply(input: { domain: string; method: FreeValidationMethod; keyAlgorithm: FreeKeyAlgorithm; alias?: string; renews?: FreeApplication; reissueOf?: FreeApplication }): FreeApplication {
    const domain = input.domain.toLowerCase();
    const { limit, perMainDomain } = this.freeSettings;
    const held = [...this.applications.values()];
    if (held.length >= limit) throw new ApiError("FailedOperation.ExceedsFreeLimit", `The account holds ${held.length} free certificates, its limit: delete one before applying.`);
    const main = mainDomainOf(domain);
    if (held.filter((a) => mainDomainOf(a.domain) === main).length >= perMainDomain) {
      throw new ApiError("FailedOperation.MainDomainCertificateCountLimit", `The free certificates applied for under the main domain ${main} reached the limit of ${perMainDomain}.`);
    }
    const app = applyFreeCertificate({
      id: this.newCertificateId(), domain, method: input.method, keyAlgorithm: input.keyAlgorithm, alias: input.alias,
      renews: input.renews?.id, reissueOf: input.reissueOf?.id, recordPresent: this.recordsPresent.has(domain),
    }, this.now());
    return this.addLinked(app, input);
  }

  /** Adds an application and links it to the certificate it renews or reissues (which shows "reissuing" until it issues). */
  addLinked(app: FreeApplication, links: { renews?: FreeApplication; reissueOf?: FreeApplication }): FreeApplication {
    if (links.renews) links.renews.renewedBy = app.id;
    if (links.reissueOf) {
      links.reissueOf.reissuedAs = app.id;
      links.reissueOf.event = { status: "reissuing", message: "" };
    }
    return this.addApplication(app);
  }

  /** Why `old` cannot be renewed now, or undefined (its renewal stands unless it was deleted, cancelled or failed). */
  renewalRefusal(old: FreeApplication): ApiError | undefined {
    const renewal = old.renewedBy ? this.application(old.renewedBy) : undefined;
    const stands = renewal && !(renewal.event && FAILED_CODES.has(EVENT_STATUSES[renewal.event.status].code));
    return renewalRefusal(old, this.now(), stands ? renewal.id : undefined);
  }

  /** The renewal of an application that has not issued yet (DeleteCertificate's RenewNotIssued). */
  pendingRenewalOf(app: FreeApplication): FreeApplication | undefined {
    const renewal = app.renewedBy ? this.application(app.renewedBy) : undefined;
    return renewal && isPending(renewal) ? renewal : undefined;
  }

  /** Deletes an application; the certificate it renewed may be renewed again. */
  removeApplication(id: string): void {
    const app = this.applications.get(id);
    const renewed = app?.renews ? this.applications.get(app.renews) : undefined;
    if (renewed?.renewedBy === id) renewed.renewedBy = undefined;
    this.applications.delete(id);
  }

  /**
   * The application after what the clock made of it; an issuance adds the certificate to the store, and a reissue
   * that issues ends its original's "reissuing" (guess: the original is its own certificate again, valid to its end).
   */
  private settle(app: FreeApplication): FreeApplication {
    const wasIssued = app.issued !== undefined;
    settleFreeCertificate(app, this.now(), this.freeSettings);
    if (!wasIssued && app.issued) {
      this.addCertificate({
        id: app.id, numericId: this.allocateNumericId(), cert: parseCertificate(app.issued.pem), from: "trustasia",
        alias: app.alias, certificateType: "SVR", projectId: 0, insertTime: app.appliedAt, tags: [],
      });
      const original = app.reissueOf ? this.applications.get(app.reissueOf) : undefined;
      if (original?.event?.status === "reissuing") original.event = undefined;
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
    const app = this.application(id); // settled first: a record published after the validation window closed comes too late
    if (!app) throw new Error(`free certificate ${id} does not exist`);
    app.recordPresent = true;
    this.settle(app);
  }
}

/** The main domain a quota counts by: the last two labels (guess: like the DV record's zone, free.ts). */
function mainDomainOf(domain: string): string {
  return domain.split(".").slice(-2).join(".");
}
