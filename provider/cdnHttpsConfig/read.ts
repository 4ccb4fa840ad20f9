// read for refresh (props = old outputs) and import (props empty, or the program's inputs, which
// the host passes as props): the API's truth. The API never returns the PEM or key, so the
// certificate we recorded is kept only while the API still serves the same certificate (same
// CertId / CertName / ExpireTime as recorded); otherwise the outputs and reconstructed inputs show
// what the API has, and the next diff shows the drift. What the resource *set* (deployedCert) is
// never rewritten by a refresh: a delete after it still leaves another owner's certificate on.
import { inspectCertificate, normalizeDomain } from "../certificate";
import { servedCertificateDifferences } from "../rules/deployedCertificate";
import { isUnknown } from "../unknown";
import { sameDeployedCert, servedCertSource } from "../rules/cdn";
import { chinaTimeToIso } from "../rules/sslCertificate";
import { log } from "../runtime/log";
import { withoutUndefined } from "../runtime/outputs";
import type { DetailDomain } from "../tencentcloud/types";
import { messages } from "../messages";
import { findDomain } from "../services/cdn";
import { findCertificate } from "../services/ssl";
import { CertFacts, hostedFacts, selfOwnedFacts } from "./certFacts";
import { clientCaAfterRead, quicAfterRead } from "./mtlsQuic";
import { apiSettings, CdnHttpsConfigOutputs, inputsOf } from "./outputs";
import { CdnHttpsConfigArgs, cdnHttpsConfigSchema, CdnHttpsConfigState } from "./shape";

type State = Partial<CdnHttpsConfigState>;

/** The certificate fields of the outputs: kept from state while the API still serves that certificate. */
const CERT_KEYS = ["certificate", "certId", "certSource", "certExpiresAt", "certFingerprint", "certChainFingerprint", "certDomains"] as const;
type RecordedCert = Pick<CdnHttpsConfigOutputs, (typeof CERT_KEYS)[number]>;

function recordedCert(old: State): RecordedCert {
  return Object.fromEntries(CERT_KEYS.map((k) => [k, old[k]])) as RecordedCert;
}

/** The certificate part when the API serves something other than what we recorded (or on import). */
async function certFromApi(detail: DetailDomain): Promise<Pick<CdnHttpsConfigOutputs, "certId" | "certificate"> & CertFacts> {
  const info = detail.Https?.CertInfo;
  if (servedCertSource(info) === "hosted") {
    const hosted = await findCertificate(info!.CertId!);
    return { certId: info!.CertId, ...(hosted ? hostedFacts(hosted) : { certSource: "hosted", certExpiresAt: chinaTimeToIso(info!.ExpireTime) }) };
  }
  // A certificate uploaded with the domain: the API keeps neither PEM nor fingerprint for us.
  return { certSource: "self-owned", certExpiresAt: chinaTimeToIso(info?.ExpireTime) };
}

/** Outputs this provider wrote (refresh) rather than a program's inputs (import). */
function isRecordedState(props: State | undefined): props is State {
  return !!props && typeof props.sslStatus === "string";
}

/**
 * Import of a configuration whose certificate the program holds: the program's certificate when
 * the served one is it (judged by rules/deployedCertificate.ts), else what the API has, saying
 * precisely what differs; the engine then reports the import's difference.
 */
async function certForImport(detail: DetailDomain, program: State): Promise<Pick<CdnHttpsConfigOutputs, "certId" | "certificate"> & CertFacts> {
  const certificate = typeof program.certificate === "string" && !isUnknown(program.certificate) ? program.certificate : undefined;
  const leaf = certificate ? inspectCertificate({ certificate }).facts : undefined;
  if (!certificate || !leaf) return certFromApi(detail);
  const differences = servedCertificateDifferences(detail.Https?.CertInfo, leaf);
  if (differences.length === 0) return { certificate, ...selfOwnedFacts(certificate) };
  log.warn(`CDN domain ${detail.Domain}: the deployed certificate is not the program's: ${differences.join("; ")}; ` +
    "import with the certificate that is deployed, or import and let `pulumi up` deploy the program's.");
  return certFromApi(detail);
}

export async function readCdnHttpsConfig(id: string, props: State | undefined): Promise<{ id?: string; props?: CdnHttpsConfigOutputs; inputs?: Partial<CdnHttpsConfigArgs> }> {
  const domain = normalizeDomain(id);
  const detail = await findDomain(domain, true); // a refresh reads every resource: they share calls
  if (!detail) return {};
  const old = isRecordedState(props) ? props : undefined;
  const program = !old && props && Object.keys(props).length > 0 ? props : undefined;
  const api = apiSettings(detail);
  if (!old && !api.httpsEnabled) {
    // Import: there is no HTTPS configuration to adopt, and making one up would hide that.
    throw new Error(messages.cdnNothingToImport(domain));
  }
  const unchangedCert = !!old && api.httpsEnabled && sameDeployedCert(old.deployedCert, api.deployedCert);
  const cert = unchangedCert
    ? recordedCert(old!)
    : program ? await certForImport(detail, program) : await certFromApi(detail);
  if (old && !unchangedCert) {
    const what = api.httpsEnabled ? "serves another certificate than the one recorded" : "has HTTPS off";
    log.warn(`CDN domain ${domain} ${what}; \`pulumi up\` will restore the declared configuration.`);
  }

  const outs: CdnHttpsConfigOutputs = withoutUndefined({
    domain,
    ...cert,
    certRemark: old?.certRemark ?? (detail.Https?.CertInfo?.Message || undefined),
    ...api,
    // What the resource set stays; only an import (nothing set yet) takes what the API serves.
    deployedCert: old ? old.deployedCert ?? api.deployedCert : api.deployedCert,
    ...clientCaAfterRead(old, detail),
    quic: quicAfterRead(old, detail),
    waitForDeployment: cdnHttpsConfigSchema.shape.waitForDeployment.parse(old?.waitForDeployment),
    __timeouts: old?.__timeouts, // kept for delete, which receives only the outputs
  });
  return { id: domain, props: outs, inputs: inputsOf(outs) };
}
