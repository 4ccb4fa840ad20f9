// Public types of the offline certificate inspection (docs/contracts.md "provider/certificate").
export type Severity = "error" | "warning";

/** One problem found offline. `message` names the certificate (subject, serial) and says what to do. */
export interface Finding { severity: Severity; code: string; message: string }

export interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** hex, lowercase, colon-free, of the leaf DER */
  fingerprintSha256: string;
  /** DNS names (lowercase, as in the certificate) */
  sans: string[];
  /** ISO 8601 UTC */
  notBefore: string;
  notAfter: string;
  /** "other" only for keys we cannot use (a KEY_UNSUPPORTED finding says which) */
  keyType: "RSA" | "EC" | "other";
  /** bits for RSA, curve size (256/384) for EC */
  keySize: number;
  chainLength: number;
  /** hex SHA-256 over every certificate's DER in bundle order: tells a new intermediate from the same chain */
  chainFingerprintSha256: string;
}

export interface InspectInput { certificate: string; privateKey?: string; domains?: string[]; now?: Date }

/** `facts` is absent only when the certificate cannot be parsed. */
export interface InspectResult { facts?: CertificateFacts; findings: Finding[] }
