// A local Tencent Cloud API (cdn 2018-06-06, live 2018-08-01, ssl 2019-12-05) for tests, CI and the
// quick start: TC3 signatures, the real envelope and error codes, deployments on a clock, throttling,
// fault injection, and admin routes under /_emulator/ (GET /_emulator/ lists them). Driven by
// Tencent Cloud's own API specification, vendored in spec/ (emulator/core/spec.ts): requests are checked
// against each action's input, answers shaped by its output, error codes kept to each action's list.
//
// Where the real API's behaviour is not documented the emulator guesses (each marked "guess:" where
// it is made; docs/emulator.md lists them all):
// - guess: CDN Https.CertInfo.From is "upload" for a certificate sent with the domain
//   (Certificate+PrivateKey) and "ssl" for a hosted one (CertId). CertInfo is read back without
//   Certificate/PrivateKey; a self-owned one has no CertId.
// - guess: a failed deployment (editCdnDomain(d, {failNextDeployment: msg})) ends with Https.SslStatus
//   "failed", Status "online", and msg in Https.CertInfo.Message.
// - guess: CSS CertType is 0 when the bound SSL certificate was uploaded (From "upload"), 1 otherwise.
// - guess: SSL DescribeCertificateDetail answers CertificatePrivateKey null (the real API returns an
//   upload's key; the emulator never lets a key out); SubjectAltName excludes Domain;
//   CertificatePublicKey is the chain as uploaded. UploadCertificate with Repeatable false matches an
//   existing certificate by the leaf alone (whatever its chain). ModifyCertificateAlias without Alias
//   clears the name.
// - Free certificates (backends/ssl/free.ts, backends/ssl/actions.ts): the DV record's form, records marked
//   present by the admin route or the seed, DNS_AUTO after a delay, issuance by the emulator's own CA,
//   the hour before deletion, the renewal window, ageing by the clock route (docs/emulator.md).
import http from "node:http";
import { Emulator } from "./core/emulator";
import { listen } from "./core/server";
import type {
  CdnDomainPatch, EmulatorOptions, EmulatorSeed, EmulatorSnapshot, Fault, FreeCertificateEvent, LiveBindingPatch, RequestLogEntry, SslCertificatePatch,
} from "./types";

export type {
  AccountSeed, CdnDomainPatch, EmulatorOptions, EmulatorSeed, EmulatorSnapshot, Fault, FreeCertificateEvent, FreeCertificateView, LiveBindingPatch,
  RequestLogEntry, SslCertificatePatch,
} from "./types";
export { Emulator } from "./core/emulator";

export interface EmulatorHandle {
  url: string;
  secretId: string;
  secretKey: string;
  stop(): Promise<void>;
  requests(since?: number): Promise<RequestLogEntry[]>;
  writes(since?: number): Promise<RequestLogEntry[]>;
  /** The world of the default account, or of the account with this uin (a seed's `accounts`). */
  state(account?: string): Promise<EmulatorSnapshot>;
  reset(seed?: EmulatorSeed): Promise<void>;
  seed(seed: EmulatorSeed): Promise<void>;
  faults(faults: Fault[]): Promise<void>;
  advanceClock(ms: number): Promise<void>;
  editCdnDomain(domain: string, patch: CdnDomainPatch): Promise<void>;
  editLiveBinding(domain: string, patch: LiveBindingPatch | null): Promise<void>;
  editSslCertificate(id: string, patch: SslCertificatePatch): Promise<void>;
  removeCdnDomain(domain: string): Promise<void>;
  /** Free certificates: every one as if applied for `ms` earlier (into its renewal window); the clock stays. */
  ageFreeCertificates(ms: number): Promise<void>;
  /** Free certificates: the owner published the DNS or FILE validation record of this application. */
  markValidationRecordPresent(certificateId: string): Promise<void>;
  /** Free certificates: the CA or the console put this one in a documented status (rejected, cancelled, revoked, ...). */
  setFreeCertificateStatus(certificateId: string, status: FreeCertificateEvent, message?: string): Promise<void>;
  /** Free certificates: renewed in the SSL console; resolves to the renewal's id. */
  renewFreeCertificate(certificateId: string): Promise<string>;
  /** Free certificates: reissued in the SSL console; resolves to the reissue's id. */
  reissueFreeCertificate(certificateId: string): Promise<string>;
}

/** Calls an admin route over plain HTTP (so the helpers behave exactly like any other admin client). */
function adminCall(port: number, method: "GET" | "POST", path: string, body?: unknown): Promise<any> {
  const payload = body === undefined ? undefined : JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, method, path: `/_emulator/${path}`, agent: false, headers: payload ? { "Content-Type": "application/json", "Content-Length": Buffer.byteLength(payload) } : {} },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          const parsed = text ? JSON.parse(text) : undefined;
          if ((res.statusCode ?? 500) >= 400) reject(new Error(`emulator admin ${path}: ${parsed?.error ?? res.statusCode}`));
          else resolve(parsed);
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(payload);
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<EmulatorHandle> {
  const emu = new Emulator(options);
  const server = await listen(emu, options.port ?? 0);
  return emulatorAt(server.port, emu.primary, () => server.close());
}

/**
 * The handle of an emulator listening on 127.0.0.1:`port` (this process's or another's): every
 * helper is an admin route over HTTP, so it behaves alike either way.
 */
export function emulatorAt(port: number, credentials: { secretId: string; secretKey: string }, stop: () => Promise<void>): EmulatorHandle {
  const call = (method: "GET" | "POST", path: string, body?: unknown) => adminCall(port, method, path, body);
  return {
    url: `http://127.0.0.1:${port}`,
    secretId: credentials.secretId,
    secretKey: credentials.secretKey,
    stop,
    requests: (since = 0) => call("GET", `requests?since=${since}`),
    writes: async (since = 0) => ((await call("GET", `requests?since=${since}`)) as RequestLogEntry[]).filter((e) => e.write),
    state: (account) => call("GET", account === undefined ? "state" : `state?account=${encodeURIComponent(account)}`),
    reset: async (seed) => void (await call("POST", "reset", seed ?? {})),
    seed: async (seed) => void (await call("POST", "seed", seed)),
    faults: async (faults) => void (await call("POST", "faults", faults)),
    advanceClock: async (ms) => void (await call("POST", "clock", { advanceMs: ms })),
    editCdnDomain: async (domain, patch) => void (await call("POST", "cdn-domain", { domain, patch })),
    editLiveBinding: async (domain, patch) => void (await call("POST", "live-binding", { domain, patch })),
    editSslCertificate: async (id, patch) => void (await call("POST", "ssl-certificate", { id, patch })),
    removeCdnDomain: async (domain) => void (await call("POST", "cdn-domain/remove", { domain })),
    ageFreeCertificates: async (ms) => void (await call("POST", "clock", { ageFreeCertificatesMs: ms })),
    markValidationRecordPresent: async (id) => void (await call("POST", "free-certificate/record-present", { id })),
    setFreeCertificateStatus: async (id, status, message) => void (await call("POST", "free-certificate/status", { id, status, ...(message === undefined ? {} : { message }) })),
    renewFreeCertificate: async (id) => ((await call("POST", "free-certificate/renew", { id })) as { id: string }).id,
    reissueFreeCertificate: async (id) => ((await call("POST", "free-certificate/reissue", { id })) as { id: string }).id,
  };
}
