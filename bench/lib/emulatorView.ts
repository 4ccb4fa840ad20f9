// What the soak checks in the emulator's state dump (GET /_emulator/state), behind one small view,
// so the checks do not depend on the dump's exact layout (records or plain API objects, arrays or maps).
export interface CdnView { domain: string; status: string; httpsSwitch?: string; sslStatus?: string }
export interface BindingView { cloudCertId: string; status: number }
export interface SslView { id: string; fingerprint: string }

export interface EmulatorView {
  cdnDomain(domain: string): CdnView | undefined;
  liveBinding(domain: string): BindingView | undefined;
  sslCertificates(): SslView[];
}

type Any = Record<string, any>;
const list = (v: unknown): Any[] => (Array.isArray(v) ? v : v && typeof v === "object" ? Object.values(v as Any) : []);

export function viewOf(state: Any): EmulatorView {
  const cdn = new Map<string, CdnView>();
  for (const r of list(state?.cdnDomains)) {
    const d = r.detail ?? r;
    const name = String(d.Domain ?? d.domain ?? "").toLowerCase();
    cdn.set(name, { domain: name, status: d.Status ?? d.status, httpsSwitch: d.Https?.Switch, sslStatus: d.Https?.SslStatus });
  }
  const bindings = new Map<string, BindingView>();
  for (const r of list(state?.liveDomains)) {
    const name = String(r.info?.Name ?? r.name ?? r.Name ?? "").toLowerCase();
    const b = r.binding;
    if (b) bindings.set(name, { cloudCertId: b.cloudCertId ?? b.CloudCertId, status: b.status ?? (b.httpsOn === undefined ? b.Status : b.httpsOn ? 1 : 0) });
  }
  const ssl: SslView[] = list(state?.sslCertificates).map((r) => ({ id: r.id ?? r.CertificateId, fingerprint: r.fingerprintSha256 ?? r.fingerprint ?? r.cert?.fingerprint }));
  return {
    cdnDomain: (d) => cdn.get(d.toLowerCase()),
    liveBinding: (d) => bindings.get(d.toLowerCase()),
    sslCertificates: () => ssl,
  };
}
