// The /_emulator/* routes (moto's /moto-api/): inspect the world, inject faults, seed, reset,
// advance the clock, and each service's console edits (backends/<svc>/admin.ts). JSON in, JSON out;
// never a private key. A route acts on the default account unless the body's "account" (or, for
// GET, the query's ?account=) names another.
import { SERVICES } from "../backends";
import type { EmulatorSeed, EmulatorSnapshot } from "../types";
import type { Account } from "./accounts";
import { AdminAnswer, AdminContext, AdminRoute, OK } from "./backend";
import type { Emulator } from "./emulator";
import { validateFaults } from "./faults";
import { chinaTime } from "./format";
import { redactSecrets } from "./redact";
import { SeedError } from "./seed";

export const ADMIN_PREFIX = "/_emulator/";

/** Everything one account holds, with the clock and the faults, for tests and people. */
export function snapshot(emu: Emulator, account: Account): EmulatorSnapshot {
  const world = { now: chinaTime(account.now()), ...account.snapshot(), faults: emu.faults.list() };
  return redactSecrets(world) as EmulatorSnapshot;
}

/** The routes of the emulator itself; each service adds its console edits. */
const CORE_ROUTES: AdminRoute[] = [
  { method: "GET", path: "ready", does: 'the readiness probe: answers 200 {"ready": true} once the emulator serves API requests (poll it before the first call)',
    run: () => ({ status: 200, body: { ready: true } }) },
  { method: "GET", path: "state", body: "?account=UIN (optional)",
    does: "everything the emulator holds: CDN domains, CSS domains with bindings, SSL certificates, free-certificate applications, faults (keys redacted)",
    run: ({ emu, account }) => ({ status: 200, body: snapshot(emu, account) }) },
  { method: "GET", path: "requests", body: "?since=N", does: "the request log after sequence number N (keys redacted)",
    run: ({ emu }, query) => ({ status: 200, body: emu.log.since(Number(query.get("since") ?? 0) || 0) }) },
  { method: "POST", path: "faults", body: "Fault[]", does: "replaces the injected faults",
    run: ({ emu }, _q, body) => { emu.faults.replace(validateFaults(body)); return OK; } },
  { method: "POST", path: "seed", body: "EmulatorSeed", does: "adds a seed's resources and credentials",
    run: ({ emu }, _q, body) => { emu.seed(body as EmulatorSeed); return OK; } },
  { method: "POST", path: "reset", body: "EmulatorSeed (optional)", does: "back to the start-up seed (or this one): state, faults, throttling and the log cleared",
    run: ({ emu }, _q, body) => { emu.reset(body && Object.keys(body).length > 0 ? (body as EmulatorSeed) : undefined); return OK; } },
  { method: "POST", path: "clock", body: '{"advanceMs": N} or {"ageFreeCertificatesMs": N}',
    does: "advances the emulator clock (deployments, expiry), or ages every free certificate by N ms without moving the clock (into its renewal window)",
    run: ({ emu }, _q, body) => {
      const age = body?.ageFreeCertificatesMs;
      const ms = body?.advanceMs ?? (age === undefined ? undefined : 0);
      if (typeof ms !== "number" || !Number.isFinite(ms) || ms < 0) throw new SeedError('the body needs "advanceMs" >= 0 or "ageFreeCertificatesMs" >= 0');
      if (age !== undefined && (typeof age !== "number" || !Number.isFinite(age) || age < 0)) throw new SeedError('"ageFreeCertificatesMs" must be >= 0');
      emu.accounts.world.clock.advance(ms);
      if (age) for (const account of emu.accounts.all()) account.ssl.ageFreeCertificates(age);
      return { status: 200, body: { ok: true, now: chinaTime(emu.accounts.world.clock.now()) } };
    } },
];

/** Every admin route; GET /_emulator/ lists them. */
const ROUTES: AdminRoute[] = [...CORE_ROUTES, ...SERVICES.cdn.adminRoutes, ...SERVICES.live.adminRoutes, ...SERVICES.ssl.adminRoutes];

function index(): AdminAnswer {
  return {
    status: 200,
    body: {
      emulator: "Tencent Cloud API (cdn 2018-06-06, live 2018-08-01, ssl 2019-12-05); API requests go to POST /",
      routes: ROUTES.map((r) => ({ route: `${r.method} ${ADMIN_PREFIX}${r.path}`, ...(r.body ? { body: r.body } : {}), does: r.does })),
    },
  };
}

/** The account a route acts on: the one the body or the query names, else the default one. */
function accountFor(emu: Emulator, query: URLSearchParams, body: any): Account {
  const named = (body && typeof body === "object" && !Array.isArray(body) ? body.account : undefined) ?? query.get("account") ?? undefined;
  if (named === undefined) return emu.defaultAccount;
  const account = typeof named === "string" ? emu.accounts.find(named) : undefined;
  if (!account) throw new SeedError(`no account ${JSON.stringify(named)}; the accounts are ${emu.accounts.uins().join(", ")}`);
  return account;
}

function route(emu: Emulator, method: string, path: string, query: URLSearchParams, body: any): AdminAnswer {
  if (method === "GET" && path === "") return index();
  const r = ROUTES.find((x) => x.method === method && x.path === path);
  if (!r) return { status: 404, body: { error: `no admin route ${method} ${ADMIN_PREFIX}${path}; GET ${ADMIN_PREFIX} lists them` } };
  const ctx: AdminContext = { emu, account: accountFor(emu, query, body) };
  return r.run(ctx, query, body);
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
