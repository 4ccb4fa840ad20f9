// CdnHttpsConfig's client-certificate verification (mutual TLS) and QUIC: the offline check of the
// client CA, its identity in the outputs, what read reports when the console changed it, and which
// of the two settings a diff finds changed. The wire rules are in ../rules/cdnMtlsQuic.ts.
import { CLIENT_CA_CODES, inspectClientCa } from "../certificate";
import {
  clientCaIdentity, decodeClientCertificate, sameClientCa, servedClientCaOf, type ClientCaIdentity,
} from "../rules/clientCertificate";
import type { Log } from "../runtime/log";
import type { CheckFailure } from "../runtime/validate";
import type { DescribeCertificateDetailResponse, DetailDomain } from "../tencentcloud/types";
import { containsUnknown, isUnknown } from "../unknown";

type Props = Record<string, any>;

export const CLIENT_CA_PROPERTY = "clientCertificate.caCertificates";

/** The client CA's identity in the outputs (absent when verification is off). */
export interface ClientCaOutputs {
  clientCertificate?: { caCertificates: string };
  /** SHA-256 over the CA bundle's certificates (for one CA: its fingerprint), lowercase hex. */
  clientCaFingerprint?: string;
  /** The CA's name as the API reports it (the first certificate's CN). */
  clientCaName?: string;
  /** When the (first) CA certificate expires, ISO 8601 UTC. */
  clientCaExpiresAt?: string;
}

const NO_CLIENT_CA: ClientCaOutputs = { clientCertificate: undefined, clientCaFingerprint: undefined, clientCaName: undefined, clientCaExpiresAt: undefined };

const caText = (args: Props): string | undefined => {
  const ca = args.clientCertificate?.caCertificates;
  return typeof ca === "string" && !isUnknown(ca) ? ca : undefined;
};

/** Offline, at preview: every error finding about the client CA as a failure; warnings are logged. */
export function clientCaFailures(ctx: { log: Log }, args: Props, domain: string | undefined): CheckFailure[] {
  const ca = caText(args);
  if (ca === undefined) return [];
  const serverCertificate = typeof args.certificate === "string" && !isUnknown(args.certificate) ? args.certificate : undefined;
  const { findings } = inspectClientCa({ caCertificates: ca, serverCertificate });
  for (const w of findings.filter((f) => f.severity === "warning")) ctx.log.warn(`CDN domain ${domain ?? "(unknown yet)"}: ${w.message}`);
  return findings.filter((f) => f.severity === "error").map((f) => ({ property: CLIENT_CA_PROPERTY, reason: f.message }));
}

/**
 * At check, once the hosted certificate (`certId`) has been read: the client CA must not be that
 * server certificate, as it must not be a PEM server certificate (clientCaFailures). Only this
 * finding: the others were judged offline. A certificate the API returns without its PEM cannot be compared.
 */
export function hostedServerCertFailures(args: Props, hosted: DescribeCertificateDetailResponse | undefined): CheckFailure[] {
  const ca = caText(args);
  const serverCertificate = hosted?.CertificatePublicKey ?? undefined;
  if (ca === undefined || serverCertificate === undefined) return [];
  return inspectClientCa({ caCertificates: ca, serverCertificate }).findings
    .filter((f) => f.code === CLIENT_CA_CODES.CLIENT_CA_IS_SERVER_CERT)
    .map((f) => ({ property: CLIENT_CA_PROPERTY, reason: f.message }));
}

/** The outputs for the CA we set, from its own facts. */
export function clientCaOutputs(caCertificates: string | undefined): ClientCaOutputs {
  const facts = caCertificates === undefined ? undefined : inspectClientCa({ caCertificates }).facts;
  if (!facts) return {};
  return { clientCertificate: { caCertificates: caCertificates! }, clientCaFingerprint: facts.fingerprintSha256, clientCaName: facts.name, clientCaExpiresAt: facts.notAfter };
}

function identityIn(outs: Props | undefined): ClientCaIdentity | undefined {
  if (!outs || (!outs.clientCaFingerprint && !outs.clientCaName)) return undefined;
  return { fingerprintSha256: outs.clientCaFingerprint, name: outs.clientCaName, notAfter: outs.clientCaExpiresAt };
}

/** Whether the domain verifies clients against exactly the CA declared (or does not verify, when none is). */
export function clientVerificationMatches(detail: DetailDomain, caCertificates: string | undefined): boolean {
  const facts = caCertificates === undefined ? undefined : inspectClientCa({ caCertificates }).facts;
  return sameClientCa(facts && clientCaIdentity(facts), servedClientCaOf(detail.Https));
}

/**
 * For read: the recorded client CA while the domain still verifies against it; otherwise what the
 * API serves (its certificate decoded when answered, so the reconstructed inputs hold it), which the
 * next diff shows as drift. Verification turned off is no client CA. Every key is present (undefined
 * when absent), so spreading the result over desired outputs replaces theirs.
 */
export function clientCaAfterRead(log: Log, old: Props | undefined, detail: DetailDomain): ClientCaOutputs {
  const served = servedClientCaOf(detail.Https);
  const recorded = identityIn(old);
  if (sameClientCa(recorded, served)) {
    return recorded ? { clientCertificate: old!.clientCertificate, clientCaFingerprint: old!.clientCaFingerprint, clientCaName: old!.clientCaName, clientCaExpiresAt: old!.clientCaExpiresAt } : NO_CLIENT_CA;
  }
  if (old) {
    const what = served ? "verifies client certificates against another CA than recorded" : "no longer verifies client certificates";
    log.warn(`CDN domain ${detail.Domain} ${what}; \`pulumi up\` will restore the declared setting.`);
  }
  if (!served) return NO_CLIENT_CA;
  const pem = decodeClientCertificate(detail.Https?.ClientCertInfo?.Certificate);
  return { clientCertificate: pem ? { caCertificates: pem } : undefined, clientCaFingerprint: served.fingerprintSha256, clientCaName: served.name, clientCaExpiresAt: served.notAfter };
}

/** For read: QUIC as the API has it, reported only when declared (an undeclared setting is left alone). */
export function quicAfterRead(old: Props | undefined, detail: DetailDomain): boolean | undefined {
  return old?.quic === undefined ? undefined : detail.Quic?.Switch === "on";
}

/** The changed property names among clientCertificate and quic (old outputs against new inputs). */
export function mtlsQuicChanges(olds: Props, news: Props): string[] {
  const changed: string[] = [];
  if (news.clientCertificate !== undefined && containsUnknown(news.clientCertificate)) changed.push("clientCertificate");
  else {
    const ca = caText(news);
    const facts = ca === undefined ? undefined : inspectClientCa({ caCertificates: ca }).facts;
    if (!sameClientCa(identityIn(olds), facts && clientCaIdentity(facts))) changed.push("clientCertificate");
  }
  if (news.quic !== undefined && (isUnknown(news.quic) || olds.quic !== news.quic)) changed.push("quic");
  return changed;
}
