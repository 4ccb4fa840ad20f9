// read for refresh (the recorded state) and lookup for a `get` or an adoption (the program's
// checked inputs, or none): the API's truth. The API never returns the PEM or key, so the
// certificate we recorded is kept only while the API still serves the same certificate (same
// CertId / CertName / ExpireTime as recorded); otherwise the outputs and reconstructed inputs show
// what the API has, and the next diff shows the drift. What the resource *set* (deployedCert) is
// never rewritten by a refresh: a delete after it still leaves another owner's certificate on.
import { inspectCertificate, inspectClientCa, normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { servedCertificateDifferences } from "../rules/deployedCertificate";
import { sameDeployedCert, servedCertSource } from "../rules/cdn";
import { chinaTimeToIso } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import { NotImportableError } from "../runtime/resource";
import type { DetailDomain, ServerCert } from "../tencentcloud/types";
import { messages } from "../messages";
import { clientCaAfterRead, quicAfterRead } from "./mtlsQuic";
import { apiSettings, CdnHttpsConfigOutputs, CertFacts, hostedFacts, selfOwnedFacts } from "./outputs";
import { cdnHttpsConfigSchema, CdnHttpsConfigInputs, CdnHttpsConfigState } from "./definition";

type State = Partial<CdnHttpsConfigState>;

/** The certificate fields of the outputs: kept from state while the API still serves that certificate. */
const CERT_KEYS = ["certificate", "certificateId", "source", "expiresAt", "fingerprint", "chainFingerprint", "dnsNames"] as const;
type RecordedCert = Pick<CdnHttpsConfigOutputs, (typeof CERT_KEYS)[number]>;

function recordedCert(old: State): RecordedCert {
  return Object.fromEntries(CERT_KEYS.map((k) => [k, old[k]])) as RecordedCert;
}

/** The certificate part when the API serves something other than what we recorded (or on import). */
async function certFromApi(ctx: Context, detail: DetailDomain): Promise<Pick<CdnHttpsConfigOutputs, "certificateId" | "certificate"> & CertFacts> {
  const info = detail.Https?.CertInfo;
  if (servedCertSource(info) === "hosted") {
    const hosted = await ctx.ssl.findCertificate(info!.CertId!);
    return { certificateId: info!.CertId, ...(hosted ? hostedFacts(hosted) : { source: "hosted", expiresAt: chinaTimeToIso(info!.ExpireTime) }) };
  }
  // A certificate uploaded with the domain: the API keeps neither PEM nor fingerprint for us.
  return { source: "self-owned", expiresAt: chinaTimeToIso(info?.ExpireTime) };
}

/**
 * A lookup with the program's certificate: that certificate when the served one is it (judged by
 * rules/deployedCertificate.ts), else what the API has (an import then names the difference, see
 * describeDifference).
 */
async function certForImport(ctx: Context, detail: DetailDomain, program: CdnHttpsConfigInputs): Promise<Pick<CdnHttpsConfigOutputs, "certificateId" | "certificate"> & CertFacts> {
  const certificate = program.certificate;
  const leaf = certificate ? inspectCertificate({ certificate }).facts : undefined;
  if (certificate && leaf && servedCertificateDifferences(detail.Https?.CertInfo, leaf).length === 0) return { certificate, ...selfOwnedFacts(certificate) };
  return certFromApi(ctx, detail);
}

/**
 * The outputs from what the API has now, given what was recorded (refresh) or the program's
 * arguments (lookup). What the API does not hold (whether to wait for deployments, whether QUIC is
 * managed) is the record's, else the program's.
 */
async function outputsFromApi(ctx: Context, domain: string, detail: DetailDomain, old: State | undefined, program: CdnHttpsConfigInputs | undefined): Promise<CdnHttpsConfigState> {
  const api = apiSettings(detail);
  const unchangedCert = !!old && api.httpsEnabled && sameDeployedCert(old.deployedCert, api.deployedCert);
  const cert = unchangedCert
    ? recordedCert(old!)
    : program ? await certForImport(ctx, detail, program) : await certFromApi(ctx, detail);
  if (old && !unchangedCert) {
    const what = api.httpsEnabled ? "serves another certificate than the one recorded" : "has HTTPS off";
    ctx.log.warn(`CDN domain ${domain} ${what}; \`pulumi up\` will restore the declared configuration.`);
  }
  return withoutUndefined({
    domain,
    ...cert,
    alias: old?.alias ?? (detail.Https?.CertInfo?.Message || undefined),
    ...api,
    // What the resource set stays; only an import (nothing set yet) takes what the API serves.
    deployedCert: old ? old.deployedCert ?? api.deployedCert : api.deployedCert,
    ...clientCaAfterRead(ctx.log, old, detail),
    quic: quicAfterRead(old ?? program, detail),
    waitForDeployment: cdnHttpsConfigSchema.shape.waitForDeployment.parse((old ?? program)?.waitForDeployment),
  }) as CdnHttpsConfigState;
}

/** Refresh; undefined when the domain is gone. */
export async function read(ctx: Context, id: string, state: CdnHttpsConfigState): Promise<CdnHttpsConfigState | undefined> {
  const domain = normalizeDomain(id);
  const detail = await ctx.cdn.findDomain(domain, true); // a refresh reads every resource: they share calls
  return detail ? outputsFromApi(ctx, domain, detail, state, undefined) : undefined;
}

/** A `get` or an adoption: the HTTPS configuration the domain has, with the program's certificate when it is the one served. */
export async function lookup(ctx: Context, id: string, program: CdnHttpsConfigInputs | undefined): Promise<CdnHttpsConfigState | undefined> {
  const domain = normalizeDomain(id);
  const detail = await ctx.cdn.findDomain(domain, true);
  if (!detail) return undefined;
  // There is no HTTPS configuration to adopt, and making one up would hide that.
  if (!apiSettings(detail).httpsEnabled) throw new NotImportableError(messages.cdnNothingToImport(domain));
  return outputsFromApi(ctx, domain, detail, undefined, program);
}

/** The served certificate as DescribeDomainsConfig reported it, from what a state recorded of it. */
function servedCertInfo(state: CdnHttpsConfigState): ServerCert | undefined {
  const c = state.deployedCert;
  return c && { CertId: c.certId, CertName: c.certName, ExpireTime: c.expireTime, From: state.source === "hosted" ? "ssl" : "upload" };
}

const clientCaShown = (fingerprint: string | undefined, name: string | undefined) =>
  fingerprint ? `verification against the CA ${name ?? "(unnamed)"} (SHA-256 ${fingerprint})` : "verification off";

/** An import's phrase for the certificate and the client CA, which the API describes otherwise than the program. */
export function describeDifference(argument: string, found: CdnHttpsConfigState, declared: CdnHttpsConfigInputs): string | undefined {
  if (argument === "certificate" || argument === "certificateId") {
    const leaf = declared.certificate ? inspectCertificate({ certificate: declared.certificate }).facts : undefined;
    const differences = leaf ? servedCertificateDifferences(servedCertInfo(found), leaf) : [];
    if (differences.length > 0) return differences.join("; ");
    if (declared.certificateId !== undefined && found.source === "self-owned") {
      return messages.importDifference("a self-owned certificate", `the hosted certificate ${declared.certificateId}`);
    }
    return undefined;
  }
  if (argument === "clientCertificate") {
    const ca = declared.clientCertificate && inspectClientCa({ caCertificates: declared.clientCertificate.caCertificates }).facts;
    return messages.importDifference(clientCaShown(found.clientCaFingerprint, found.clientCaName), clientCaShown(ca?.fingerprintSha256, ca?.name));
  }
  return undefined;
}
