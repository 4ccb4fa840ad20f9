// The /_emulator/* routes: inspect the world, inject faults, seed, reset, advance the clock and
// make out-of-band (console) edits. JSON in, JSON out; never a private key.
import { chinaTime } from "./format";
import { validateFaults } from "./faults";
import { redactSecrets } from "./redact";
import { editCdnDomain, editLiveBinding, editSslCertificate, SeedError } from "./outOfBand";
import { certificateStatus } from "./ssl/model";
import type { Emulator } from "./emulator";
import type { EmulatorSeed } from "./types";

export interface AdminAnswer { status: number; body: unknown }

export const ADMIN_PREFIX = "/_emulator/";

/** Everything the emulator holds, for tests and people: CDN domains, CSS domains with bindings, SSL certificates. */
export function snapshot(emu: Emulator): unknown {
  const s = emu.state;
  const now = s.now();
  return redactSecrets({
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
    faults: emu.faults.list(),
  });
}

function domainOf(body: any): string {
  if (typeof body?.domain !== "string" || body.domain === "") throw new SeedError('the body needs "domain"');
  return body.domain.toLowerCase();
}

function route(emu: Emulator, method: string, path: string, query: URLSearchParams, body: any): AdminAnswer {
  const ok = { status: 200, body: { ok: true } };
  const key = `${method} ${path}`;
  switch (key) {
    case "GET state":
      return { status: 200, body: snapshot(emu) };
    case "GET requests":
      return { status: 200, body: emu.log.since(Number(query.get("since") ?? 0) || 0) };
    case "POST faults":
      emu.faults.replace(validateFaults(body));
      return ok;
    case "POST seed":
      emu.seed(body as EmulatorSeed);
      return ok;
    case "POST reset":
      emu.reset(body && Object.keys(body).length > 0 ? (body as EmulatorSeed) : undefined);
      return ok;
    case "POST clock": {
      const ms = body?.advanceMs;
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new SeedError('the body needs "advanceMs" >= 0');
      emu.state.advanceClock(ms);
      return { status: 200, body: { ok: true, now: chinaTime(emu.state.now()) } };
    }
    case "POST cdn-domain": {
      const name = domainOf(body);
      const record = emu.state.cdnDomain(name);
      if (!record) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      editCdnDomain(emu.state, record, body.patch ?? {});
      return ok;
    }
    case "POST cdn-domain/remove": {
      const name = domainOf(body);
      if (!emu.state.cdnDomains.delete(name)) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      return ok;
    }
    case "POST live-binding":
      editLiveBinding(emu.state, domainOf(body), body.patch === undefined ? null : body.patch);
      return ok;
    case "POST ssl-certificate":
      if (typeof body?.id !== "string" || body.id === "") throw new SeedError('the body needs "id"');
      editSslCertificate(emu.state, body.id, body.patch ?? {});
      return ok;
    default:
      return { status: 404, body: { error: `no admin route ${method} ${ADMIN_PREFIX}${path}` } };
  }
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
