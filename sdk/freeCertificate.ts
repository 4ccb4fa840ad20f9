import * as pulumi from "@pulumi/pulumi";
import type { FreeCertificateArgs as ArgumentShape, FreeCertificateOutputs, ValidationRecord } from "../provider/freeCertificate/shape";
import { MODULE, resourceProps } from "./internal";
import { seams } from "./seam";

export type { ValidationRecord } from "../provider/freeCertificate/shape";

/**
 * A free TrustAsia DV certificate for one domain (no wildcard), three months long, applied for in SSL
 * Certificate Management. Arguments: `domain`; `validationMethod` DNS_AUTO (default: needs the domain's
 * DNS in Tencent Cloud DNS under the same account), DNS or FILE; `keyAlgorithm` RSA (2048, default) or
 * ECC (prime256v1); `alias`; `renewBeforeDays` (1..30, default 30); `waitForIssuance` (default true).
 * The types are the provider's own argument shape.
 */
export type FreeCertificateArgs = { [K in keyof ArgumentShape]: pulumi.Input<NonNullable<ArgumentShape[K]>> };

const ARG_KEYS = ["domain", "validationMethod", "keyAlgorithm", "alias", "renewBeforeDays", "waitForIssuance"] as const satisfies readonly (keyof FreeCertificateArgs)[];
const OUTPUT_KEYS = ["certificateId", "status", "validationRecords", "issuedAt", "expiresAt", "daysToExpiry", "sans", "fingerprint", "renews", "adopted"] as const satisfies readonly (keyof FreeCertificateOutputs | "adopted")[];

type Out<K extends keyof FreeCertificateOutputs> = pulumi.Output<FreeCertificateOutputs[K]>;

/**
 * Applies for the certificate and (by default) waits until it is issued; within `renewBeforeDays` of
 * expiry a preview or `up` shows a replacement that renews it, created before the old one is deleted,
 * so a CdnHttpsConfig `certId` or LiveDomainBinding `cloudCertId` taking `certificateId` moves with it.
 * The id is the certificate id; `pulumi import` takes it. Never outputs the private key.
 */
export class FreeCertificate extends pulumi.dynamic.Resource {
  /** The certificate id in SSL Certificate Management (also the resource id): hand it to certId / cloudCertId. */
  declare readonly certificateId: Out<"certificateId">;
  declare readonly domain: Out<"domain">;
  declare readonly validationMethod: Out<"validationMethod">;
  declare readonly keyAlgorithm: Out<"keyAlgorithm">;
  declare readonly alias: Out<"alias">;
  declare readonly renewBeforeDays: Out<"renewBeforeDays">;
  declare readonly waitForIssuance: Out<"waitForIssuance">;
  /** The API's status as a word: pendingValidation, addingDnsRecord, issued, expired, rejected, ... */
  declare readonly status: Out<"status">;
  /** DNS / FILE: what to publish (known at create, kept after issuance); hand it to a DNS record resource. */
  declare readonly validationRecords: pulumi.Output<ValidationRecord[]>;
  /** Validity, ISO 8601 UTC; absent until issued. */
  declare readonly issuedAt: Out<"issuedAt">;
  declare readonly expiresAt: Out<"expiresAt">;
  declare readonly daysToExpiry: Out<"daysToExpiry">;
  declare readonly sans: Out<"sans">;
  /** SHA-256 of the issued leaf, hex. */
  declare readonly fingerprint: Out<"fingerprint">;
  /** The certificate this one renewed, if it is a renewal. */
  declare readonly renews: Out<"renews">;
  /** True when this resource did not apply for it (imported): delete then leaves it in place. */
  declare readonly adopted: pulumi.Output<boolean>;

  constructor(name: string, args: FreeCertificateArgs, opts?: pulumi.CustomResourceOptions) {
    super(seams.freeCertificate, name, resourceProps(args, ARG_KEYS, OUTPUT_KEYS, opts), opts, MODULE, "FreeCertificate");
  }
}
