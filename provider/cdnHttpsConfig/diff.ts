// diff against the old OUTPUTS, field by field. The certificate is compared by the fingerprint of
// its whole chain (PEM whitespace is no change, a new intermediate is) or certId; the domain by its normalised name and is the only replace;
// HTTPS found off or failed at the last read is a change to repair. `__provider`/`__timeouts` never count.
import { normalizeDomain } from "../certificate";
import { canonicalTlsVersions, DEFAULT_REDIRECT_STATUS } from "../rules/cdn";
import { containsUnknown } from "../unknown";
import { sameSelfOwnedCertificate, selfOwnedFacts } from "./certFacts";

type Props = Record<string, any>;

export interface CdnDiff { changes: boolean; replaces: string[]; deleteBeforeReplace: boolean; changed: string[] }

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The settings with the documented defaults applied, so an omitted default equals its explicit value. */
function settingsOf(v: Props): Record<string, unknown> {
  return {
    certRemark: v.certRemark ?? null,
    http2: v.http2 ?? true,
    ocspStapling: v.ocspStapling ?? false,
    hsts: v.hsts ? { maxAge: v.hsts.maxAge, includeSubDomains: v.hsts.includeSubDomains ?? false } : null,
    forceRedirect: v.forceRedirect
      ? { statusCode: v.forceRedirect.statusCode ?? DEFAULT_REDIRECT_STATUS, carryHeaders: v.forceRedirect.carryHeaders ?? false }
      : null,
    waitForDeployment: v.waitForDeployment ?? true,
  };
}

function certificateChanged(olds: Props, news: Props): boolean {
  if (news.certId !== undefined) {
    return containsUnknown(news.certId) || olds.certSource !== "hosted" || olds.certId !== news.certId;
  }
  if (containsUnknown(news.certificate) || typeof news.certificate !== "string") return true;
  return !sameSelfOwnedCertificate(olds, selfOwnedFacts(news.certificate));
}

export function diffCdnHttpsConfig(olds: Props, news: Props): CdnDiff {
  const changed: string[] = [];
  const replaces: string[] = [];
  if (containsUnknown(news.domain) || normalizeDomain(String(news.domain)) !== normalizeDomain(String(olds.domain ?? ""))) {
    replaces.push("domain");
    changed.push("domain");
  }
  if (certificateChanged(olds, news)) changed.push(news.certId !== undefined ? "certId" : "certificate");
  // Drift found by refresh: HTTPS turned off elsewhere, or a deployment that failed.
  if (olds.httpsEnabled === false) changed.push("httpsEnabled");
  // A deployment that failed, or one an interrupted run did not see finish (unless the user never waits).
  const unfinished = olds.sslStatus !== undefined && olds.sslStatus !== "deployed" && (news.waitForDeployment ?? true) !== false;
  if (olds.sslStatus === "failed" || (olds.httpsEnabled !== false && unfinished)) changed.push("sslStatus");

  const o = settingsOf(olds);
  const n = settingsOf(news);
  for (const key of Object.keys(n)) {
    if (containsUnknown(news[key]) || !same(o[key], n[key])) changed.push(key);
  }
  // tlsVersions left unset is not managed: no change whatever the domain has.
  if (news.tlsVersions !== undefined) {
    if (containsUnknown(news.tlsVersions) || !same(canonicalTlsVersions(olds.tlsVersions ?? []), canonicalTlsVersions(news.tlsVersions))) {
      changed.push("tlsVersions");
    }
  }
  return { changes: changed.length > 0, replaces, deleteBeforeReplace: false, changed };
}
