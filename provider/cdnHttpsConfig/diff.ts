// diff against the old OUTPUTS, field by field. The certificate is compared by the fingerprint of
// its whole chain (PEM whitespace is no change, a new intermediate is) or certificateId; the domain by its normalised name and is the only replace;
// HTTPS found off or failed at the last read is a change to repair. `__provider`/`__timeouts` never count.
import { normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { canonicalTlsVersions } from "../rules/cdn";
import type { Difference, EngineRecord } from "../runtime/resource";
import { containsUnknown } from "../unknown";
import { mtlsQuicChanges } from "./mtlsQuic";
import { cdnHttpsConfigSchema, CdnHttpsConfigState } from "./definition";
import { sameSelfOwnedCertificate, selfOwnedFacts } from "./outputs";

type State = Partial<CdnHttpsConfigState>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The settings compared as they are, once the schema's defaults are applied (an omitted default equals its explicit value). */
const SETTINGS = ["alias", "http2", "ocspStapling", "hsts", "forceRedirect", "waitForDeployment"] as const;

function settingOf(key: (typeof SETTINGS)[number], value: unknown): unknown {
  const parsed = cdnHttpsConfigSchema.shape[key].safeParse(value);
  return (parsed.success ? parsed.data : value) ?? null;
}

function certificateChanged(olds: State, news: EngineRecord): boolean {
  if (news.certificateId !== undefined) {
    return containsUnknown(news.certificateId) || olds.source !== "hosted" || olds.certificateId !== news.certificateId;
  }
  if (containsUnknown(news.certificate) || typeof news.certificate !== "string") return true;
  return !sameSelfOwnedCertificate(olds, selfOwnedFacts(news.certificate));
}

export function diff(_ctx: Context, _id: string, olds: State, news: EngineRecord): Difference {
  const changed: string[] = [];
  const replaces: string[] = [];
  if (containsUnknown(news.domain) || normalizeDomain(String(news.domain)) !== normalizeDomain(String(olds.domain ?? ""))) {
    replaces.push("domain");
    changed.push("domain");
  }
  if (certificateChanged(olds, news)) changed.push(news.certificateId !== undefined ? "certificateId" : "certificate");
  // Drift found by refresh: HTTPS turned off elsewhere, or a deployment that failed.
  if (olds.httpsEnabled === false) changed.push("httpsEnabled");
  // A deployment that failed, or one an interrupted run did not see finish (unless the user never waits).
  const unfinished = olds.sslStatus !== undefined && olds.sslStatus !== "deployed" && (news.waitForDeployment ?? true) !== false;
  if (olds.sslStatus === "failed" || (olds.httpsEnabled !== false && unfinished)) changed.push("sslStatus");

  for (const key of SETTINGS) {
    if (containsUnknown(news[key]) || !same(settingOf(key, olds[key]), settingOf(key, news[key]))) changed.push(key);
  }
  // The client CA by its identity (a rotation is an in-place update); quic left unset is not managed.
  changed.push(...mtlsQuicChanges(olds, news));
  // tlsVersions left unset is not managed: no change whatever the domain has.
  if (news.tlsVersions !== undefined) {
    if (containsUnknown(news.tlsVersions) || !same(canonicalTlsVersions(olds.tlsVersions ?? []), canonicalTlsVersions(news.tlsVersions))) {
      changed.push("tlsVersions");
    }
  }
  return { changed, replaces };
}
