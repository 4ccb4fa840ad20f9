// `tencent-https status`: the inventory against the emulator (paging, joining CSS bindings to
// playback domains, soonest expiry first), and the pure formatting.
import { expect } from "chai";
import { run, sortRows, formatTable, StatusRow, StatusIo } from "../../cli/status";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { makeChain } from "../support/certs";

const DAY = 24 * 3600 * 1000;
const BULK = Array.from({ length: 120 }, (_, i) => `bulk${String(i).padStart(3, "0")}.example.com`); // > one page of 100

function captureIo(env: NodeJS.ProcessEnv, now = new Date()): StatusIo & { stdout: string; stderr: string } {
  const io = { stdout: "", stderr: "", env, now: () => now, out: (t: string) => { io.stdout += t; }, err: (t: string) => { io.stderr += t; } };
  return io;
}

describe("tencent-https status", function () {
  this.timeout(60_000);
  let emulator: EmulatorHandle;
  let env: NodeJS.ProcessEnv;
  const expiry = (days: number) => new Date(Date.now() + days * DAY);

  before(async function () {
    const soon = makeChain({ domains: ["*.example.com"], notAfter: expiry(10) });
    const mid = makeChain({ domains: ["*.example.com"], notAfter: expiry(30), keySet: 1 });
    const late = makeChain({ domains: ["*.example.com"], notAfter: expiry(200), keySet: 2 });
    emulator = await startEmulator({
      deployDelayMs: 0,
      seed: {
        cdnDomains: [
          { domain: "mid.example.com", status: "online", originType: "domain" },
          { domain: "late.example.com", status: "online", originType: "domain" },
          ...BULK.map((domain) => ({ domain, status: "online" as const, originType: "domain" })),
        ],
        liveDomains: [
          { name: "play-soon.example.com", type: 1, status: 1 },
          { name: "play-plain.example.com", type: 1, status: 1 },
          { name: "push.example.com", type: 0, status: 1 }, // a push domain: not listed
        ],
        sslCertificates: [
          { id: "certSoon", certificate: soon.certificate, from: "trustasia" },
          { id: "certMid", certificate: mid.certificate, from: "trustasia" },
          { id: "certLate", certificate: late.certificate, from: "trustasia" },
        ],
      },
    });
    const api = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url });
    await api.cdn.updateDomainConfig({ Domain: "mid.example.com", Https: { Switch: "on", CertInfo: { CertId: "certMid" } } });
    await api.cdn.updateDomainConfig({ Domain: "late.example.com", Https: { Switch: "on", CertInfo: { CertId: "certLate" } } });
    const bound = await api.live.modifyLiveDomainCertBindings({ CloudCertId: "certSoon", DomainInfos: [{ DomainName: "play-soon.example.com", Status: 1 }] });
    expect(bound.Errors ?? []).to.deep.equal([]);
    env = { TENCENTCLOUD_SECRET_ID: emulator.secretId, TENCENTCLOUD_SECRET_KEY: emulator.secretKey, TENCENTCLOUD_HTTPS_ENDPOINT: emulator.url };
  });

  after(async function () {
    await emulator?.stop();
  });

  it("--json lists every CDN and playback domain, soonest expiry first", async function () {
    const io = captureIo(env);
    expect(await run(["--json"], io)).to.equal(0);
    const all: StatusRow[] = JSON.parse(io.stdout);
    // The three seeded TrustAsia certificates are wildcards, which the free product never is: no free rows (those are tested below).
    expect(all.filter((r) => r.kind === "free")).to.deep.equal([]);
    const rows = all.filter((r) => r.kind !== "free");
    expect(rows).to.have.length(2 + BULK.length + 2);
    expect(rows.slice(0, 3).map((r) => r.domain)).to.deep.equal(["play-soon.example.com", "mid.example.com", "late.example.com"]);
    expect(rows[0]).to.include({ kind: "live", https: "on", source: "hosted", certificateId: "certSoon" });
    expect(rows[1]).to.include({ kind: "cdn", domainStatus: "online", source: "hosted", certificateId: "certMid" });
    expect(rows[1].https).to.not.equal("off");
    const expires = rows.slice(0, 3).map((r) => Date.parse(r.expiresAt!));
    expect(Math.abs(expires[0] - expiry(10).getTime())).to.be.below(2 * DAY);
    const plain = rows.find((r) => r.domain === "play-plain.example.com")!;
    expect(plain).to.include({ kind: "live", https: "off", source: "none" });
    expect(plain).to.not.have.property("expiresAt");
    expect(rows.map((r) => r.domain)).to.include.members(BULK); // both pages
    expect(rows.map((r) => r.domain)).to.not.include("push.example.com");
  });

  it("prints a table by default", async function () {
    const io = captureIo(env);
    expect(await run([], io)).to.equal(0);
    const lines = io.stdout.trimEnd().split("\n");
    expect(lines[0]).to.match(/^KIND\s+DOMAIN\s+STATUS\s+HTTPS\s+CERT SOURCE\s+CERT ID\s+EXPIRES$/);
    const domainLines = lines.filter((l) => !l.startsWith("free "));
    expect(domainLines[1]).to.match(/^live\s+play-soon\.example\.com\s+enabled\s+on\s+hosted\s+certSoon\s+\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC \((9|10) d\)$/);
    expect(lines[lines.length - 1]).to.equal(`${2 + BULK.length} CDN domain(s), 2 CSS playback domain(s)`);
  });

  it("rejects unknown options and fails with one sentence when credentials are missing", async function () {
    const bad = captureIo(env);
    expect(await run(["--yaml"], bad)).to.equal(2);
    expect(bad.stderr).to.include("unknown option --yaml");
    const none = captureIo({});
    expect(await run([], none)).to.equal(2);
    expect(none.stderr).to.equal("tencent-https status: no credentials: set the environment variables TENCENTCLOUD_SECRET_ID and " +
      "TENCENTCLOUD_SECRET_KEY (and TENCENTCLOUD_SECURITY_TOKEN for temporary credentials); status reads no Pulumi config.\n");
    expect(none.stderr).not.to.contain("tencentcloud-https:"); // no Pulumi config key it never reads
  });

  it("says what to write when the endpoint has no scheme", async function () {
    const io = captureIo({ ...env, TENCENTCLOUD_HTTPS_ENDPOINT: "127.0.0.1:8787" });
    expect(await run([], io)).to.equal(2);
    expect(io.stderr).to.contain("TENCENTCLOUD_HTTPS_ENDPOINT has no scheme").and.contain("e.g. http://127.0.0.1:8787");
    expect(io.stdout).to.equal("");
  });
});

describe("status report (pure)", function () {
  const now = new Date("2030-01-01T00:00:00Z");
  const row = (domain: string, expiresAt?: string, kind: "cdn" | "live" = "cdn"): StatusRow =>
    ({ kind, domain, domainStatus: "online", https: expiresAt ? "deployed" : "off", source: expiresAt ? "hosted" : "none", ...(expiresAt ? { expiresAt } : {}) });

  it("sorts by expiry, then certificate-less domains by kind and name", function () {
    const sorted = sortRows([row("z.com"), row("b.com", "2030-03-01T00:00:00.000Z"), row("a.com"), row("c.com", "2030-02-01T00:00:00.000Z"), row("m.com", undefined, "live")]);
    expect(sorted.map((r) => r.domain)).to.deep.equal(["c.com", "b.com", "a.com", "z.com", "m.com"]);
  });

  it("marks expired certificates", function () {
    expect(formatTable([row("old.com", "2029-12-01T00:00:00.000Z")], now)).to.include("2029-12-01 00:00:00 UTC (EXPIRED)");
  });
});

describe("tencent-https status: free certificates", function () {
  this.timeout(30_000);
  let emulator: EmulatorHandle;
  after(async () => { await emulator?.stop(); });

  it("lists each free certificate with its status, expiry and the date its renewal window opens", async function () {
    emulator = await startEmulator({ seed: { validationRecordsPresent: ["free.example.com"] } });
    const api = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url });
    const issued = (await api.call<{ CertificateId: string }>("ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "free.example.com" })).CertificateId;
    await api.call("ssl", "CompleteCertificate", { CertificateId: issued });
    const pending = (await api.call<{ CertificateId: string }>("ssl", "ApplyCertificate", { DvAuthMethod: "DNS", DomainName: "wait.example.com" })).CertificateId;
    const env = { TENCENTCLOUD_SECRET_ID: emulator.secretId, TENCENTCLOUD_SECRET_KEY: emulator.secretKey, TENCENTCLOUD_HTTPS_ENDPOINT: emulator.url };
    const json = captureIo(env);
    expect(await run(["--json"], json)).to.equal(0);
    const rows: StatusRow[] = JSON.parse(json.stdout);
    const free = rows.find((r) => r.certificateId === issued)!;
    expect(free).to.include({ kind: "free", domain: "free.example.com", domainStatus: "issued", source: "hosted" });
    expect(Date.parse(free.expiresAt!) - Date.parse(free.renewableFrom!)).to.equal(30 * DAY);
    expect(rows.find((r) => r.certificateId === pending)).to.include({ kind: "free", domain: "wait.example.com", domainStatus: "pendingValidation" });
    const table = captureIo(env);
    expect(await run([], table)).to.equal(0);
    expect(table.stdout).to.match(new RegExp(`free\\s+free\\.example\\.com\\s+issued\\s+-\\s+hosted\\s+${issued}\\s+\\S+ \\S+ UTC \\(\\d+ d, renewable from \\d{4}-\\d\\d-\\d\\d\\)`));
    expect(table.stdout.trimEnd().split("\n").pop()).to.equal("0 CDN domain(s), 0 CSS playback domain(s), 2 free certificate(s)");
  });
});
