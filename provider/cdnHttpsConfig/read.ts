// read for refresh (the recorded state) and lookup for a `get` or an adoption (the program's
// checked inputs, or none): the API's truth. The API never returns the PEM or key, so the
// certificate we recorded is kept only while the API still serves the same certificate (same
// CertId / CertName / ExpireTime as recorded); otherwise the outputs and reconstructed inputs show
// what the API has, and the next diff shows the drift. What the resource *set* (deployedCert) is
// never rewritten by a refresh: a delete after it still leaves another owner's certificate on.
import { inspectCertificate, normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { servedCertificateDifferences } from "../rules/deployedCertificate";
import { sameDeployedCert, servedCertSource } from "../rules/cdn";
import { chinaTimeToIso } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import type { DetailDomain } from "../tencentcloud/types";
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
 * Import of a configuration whose certificate the program holds: the program's certificate when
 * the served one is it (judged by rules/deployedCertificate.ts), else what the API has, saying
 * precisely what differs; the engine then reports the import's difference.
 */
async function certForImport(ctx: Context, detail: DetailDomain, program: CdnHttpsConfigInputs): Promise<Pick<CdnHttpsConfigOutputs, "certificateId" | "certificate"> & CertFacts> {
  const certificate = program.certificate;
  const leaf = certificate ? inspectCertificate({ certificate }).facts : undefined;
  if (!certificate || !leaf) return certFromApi(ctx, detail);
  const differences = servedCertificateDifferences(detail.Https?.CertInfo, leaf);
  if (differences.length === 0) return { certificate, ...selfOwnedFacts(certificate) };
  ctx.log.warn(`CDN domain ${detail.Domain}: the deployed certificate is not the program's: ${differences.join("; ")}; ` +
    "import with the certificate that is deployed, or import and let `pulumi up` deploy the program's.");
  return certFromApi(ctx, detail);
}

/** The outputs from what the API has now, given what was recorded (refresh) or the program's arguments (lookup). */
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
    quic: quicAfterRead(old, detail),
    waitForDeployment: cdnHttpsConfigSchema.shape.waitForDeployment.parse(old?.waitForDeployment),
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
  if (!apiSettings(detail).httpsEnabled) throw new Error(messages.cdnNothingToImport(domain));
  return outputsFromApi(ctx, domain, detail, undefined, program);
}
