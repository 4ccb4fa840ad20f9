// The /_emulator/* routes: inspect the world, inject faults, seed, reset, advance the clock and
// make out-of-band (console) edits. JSON in, JSON out; never a private key.
import { chinaTime } from "./format";
import { validateFaults } from "./faults";
import { redactSecrets } from "./redact";
import { editCdnDomain, editLiveBinding, editSslCertificate, SeedError } from "./outOfBand";
import { certificateStatus } from "./ssl/model";
import { ageFreeCertificates, freeCertificateSnapshot, markValidationRecordPresent } from "./ssl/freeActions";
import type { Emulator } from "./emulator";
import type { EmulatorSeed, EmulatorSnapshot } from "./types";

export interface AdminAnswer { status: number; body: unknown }

export const ADMIN_PREFIX = "/_emulator/";

/** Everything the emulator holds, for tests and people: CDN domains, CSS domains with bindings, SSL certificates. */
export function snapshot(emu: Emulator): EmulatorSnapshot {
  const s = emu.state;
  const now = s.now();
  const world: EmulatorSnapshot = {
    now: chinaTime(now),
    cdnDomains: s.allCdnDomains().map((r) => ({
      ...structuredClone(r.detail),
      ...(r.deployment ? { _deployment: { endsAt: chinaTime(r.deployment.until), willFail: r.deployment.failMessage !== undefined } } : {}),
      ...(r.failNextDeployment !== undefined ? { _failNextDeployment: r.failNextDeployment } : {}),
    })),
    liveDomains: [...s.liveDomains.values()].map((r) => ({
      ...structuredClone(r.info),
      binding: r.binding ? { cloudCertId: r.binding.cloudCertId, status: r.binding.httpsOn ? 1 : 0, updateTime: chinaTime(r.binding.updateTime) } : null,
    })),
    sslCertificates: [...s.sslCertificates.values()].map((c) => ({
      id: c.id, from: c.from, alias: c.alias, certificateType: c.certificateType, certificateUse: c.certificateUse ?? null,
      fingerprintSha256: c.cert.fingerprint, commonName: c.cert.commonName, sans: c.cert.sans, certificate: c.cert.pem,
      notBefore: new Date(c.cert.notBefore).toISOString(), notAfter: new Date(c.cert.notAfter).toISOString(),
      status: certificateStatus(c, now), boundTo: s.bindingsOf(c.id),
    })),
    freeCertificates: freeCertificateSnapshot(s),
    faults: emu.faults.list(),
  };
  return redactSecrets(world) as EmulatorSnapshot;
}

function domainOf(body: any): string {
  if (typeof body?.domain !== "string" || body.domain === "") throw new SeedError('the body needs "domain"');
  return body.domain.toLowerCase();
}

const OK: AdminAnswer = { status: 200, body: { ok: true } };

interface AdminRoute {
  method: "GET" | "POST";
  path: string; // under /_emulator/
  body?: string;
  does: string;
  run(emu: Emulator, query: URLSearchParams, body: any): AdminAnswer;
}

/** Every admin route; GET /_emulator/ lists them. */
const ROUTES: AdminRoute[] = [
  { method: "GET", path: "state", does: "everything the emulator holds: CDN domains, CSS domains with bindings, SSL certificates, faults (keys redacted)",
    run: (emu) => ({ status: 200, body: snapshot(emu) }) },
  { method: "GET", path: "requests", body: "?since=N", does: "the request log after sequence number N (keys redacted)",
    run: (emu, query) => ({ status: 200, body: emu.log.since(Number(query.get("since") ?? 0) || 0) }) },
  { method: "POST", path: "faults", body: "Fault[]", does: "replaces the injected faults",
    run: (emu, _q, body) => { emu.faults.replace(validateFaults(body)); return OK; } },
  { method: "POST", path: "seed", body: "EmulatorSeed", does: "adds a seed's resources and credentials",
    run: (emu, _q, body) => { emu.seed(body as EmulatorSeed); return OK; } },
  { method: "POST", path: "reset", body: "EmulatorSeed (optional)", does: "back to the start-up seed (or this one): state, faults, throttling and the log cleared",
    run: (emu, _q, body) => { emu.reset(body && Object.keys(body).length > 0 ? (body as EmulatorSeed) : undefined); return OK; } },
  { method: "POST", path: "clock", body: '{"advanceMs": N} or {"ageFreeCertificatesMs": N}',
    does: "advances the emulator clock (deployments, expiry), or ages every free certificate by N ms without moving the clock (into its renewal window)",
    run: (emu, _q, body) => {
      const age = body?.ageFreeCertificatesMs;
      const ms = body?.advanceMs ?? (age === undefined ? undefined : 0);
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new SeedError('the body needs "advanceMs" >= 0 or "ageFreeCertificatesMs" >= 0');
      if (age !== undefined && (typeof age !== "number" || !Number.isFinite(age) || age < 0)) throw new SeedError('"ageFreeCertificatesMs" must be >= 0');
      emu.state.advanceClock(ms);
      if (age) ageFreeCertificates(emu.state, age);
      return { status: 200, body: { ok: true, now: chinaTime(emu.state.now()) } };
    } },
  { method: "POST", path: "cdn-domain", body: '{"domain", "patch": CdnDomainPatch}', does: "a console edit of a CDN domain (no rules, no deployment)",
    run: (emu, _q, body) => {
      const name = domainOf(body);
      const record = emu.state.cdnDomain(name);
      if (!record) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      editCdnDomain(emu.state, record, body.patch ?? {});
      return OK;
    } },
  { method: "POST", path: "cdn-domain/remove", body: '{"domain"}', does: "removes a CDN domain",
    run: (emu, _q, body) => {
      const name = domainOf(body);
      if (!emu.state.cdnDomains.delete(name)) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      return OK;
    } },
  { method: "POST", path: "live-binding", body: '{"domain", "patch": LiveBindingPatch | null}', does: "a console edit of a CSS domain's certificate binding (null unbinds)",
    run: (emu, _q, body) => { editLiveBinding(emu.state, domainOf(body), body.patch === undefined ? null : body.patch); return OK; } },
  { method: "POST", path: "ssl-certificate", body: '{"id", "patch": {"alias"}}', does: "a rename in the SSL console",
    run: (emu, _q, body) => {
      if (typeof body?.id !== "string" || body.id === "") throw new SeedError('the body needs "id"');
      editSslCertificate(emu.state, body.id, body.patch ?? {});
      return OK;
    } },
  { method: "POST", path: "free-certificate/record-present", body: '{"id"}', does: "the owner published the DNS or FILE validation record of this free-certificate application",
    run: (emu, _q, body) => {
      if (typeof body?.id !== "string" || body.id === "") throw new SeedError('the body needs "id"');
      markValidationRecordPresent(emu.state, body.id);
      return OK;
    } },
];

function index(): AdminAnswer {
  return {
    status: 200,
    body: {
      emulator: "Tencent Cloud API (cdn 2018-06-06, live 2018-08-01, ssl 2019-12-05); API requests go to POST /",
      routes: ROUTES.map((r) => ({ route: `${r.method} ${ADMIN_PREFIX}${r.path}`, ...(r.body ? { body: r.body } : {}), does: r.does })),
    },
  };
}

function route(emu: Emulator, method: string, path: string, query: URLSearchParams, body: any): AdminAnswer {
  if (method === "GET" && path === "") return index();
  const r = ROUTES.find((x) => x.method === method && x.path === path);
  if (!r) return { status: 404, body: { error: `no admin route ${method} ${ADMIN_PREFIX}${path}; GET ${ADMIN_PREFIX} lists them` } };
  return r.run(emu, query, body);
}

export function handleAdmin(emu: Emulator, method: string, target: URL, rawBody: Buffer): AdminAnswer {
  let body: unknown;
  try {
    body = rawBody.length ? JSON.parse(rawBody.toString("utf8")) : undefined;
  } catch {
    return { status: 400, body: { error: "the body is not JSON" } };
  }
  try {
    return route(emu, method, target.pathname.slice(ADMIN_PREFIX.length), target.searchParams, body);
  } catch (e) {
    if (e instanceof Error) return { status: 400, body: { error: e.message } };
    throw e;
  }
}
