// The API client over real HTTP against a scripted local server: wire format, signing, envelope,
// retries, rate limiting shared across clients, and redaction of every failure path.
import { expect } from "chai";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { inspect } from "node:util";
import { startFakeApi, FakeApi, ok, apiError, RecordedRequest } from "../support/fakeApi";
import { FakeProgressClock } from "../support/fakeClock";
import { TencentCloudClient, ClientOptions, targetFor } from "../../provider/tencentcloud/client";
import { TencentCloudError, isNotFound } from "../../provider/tencentcloud/errors";
import { signTc3 } from "../../provider/tencentcloud/signer";
import { accountOf, LATE_TURN_MS, RateBudgets } from "../../provider/tencentcloud/pacing";
import { redactParams, collectSecrets, makeScrubber, REDACTED } from "../../provider/tencentcloud/redact";
import type { UploadCertificateResponse } from "../../provider/tencentcloud/types";

const secretId = "AKIDtest" + randomBytes(8).toString("hex");
const secretKey = randomBytes(24).toString("base64url");
const FAST_RETRY = { baseDelayMs: 1, maxDelayMs: 4 };

function header(req: RecordedRequest, name: string): string | undefined {
  const v = req.headers[name.toLowerCase()];
  return Array.isArray(v) ? v.join(",") : v;
}

/** Recomputes the signature from what actually arrived on the wire. */
function verifySignature(req: RecordedRequest, key = secretKey): boolean {
  const auth = header(req, "authorization") ?? "";
  const expected = signTc3({
    secretId, secretKey: key, service: (header(req, "host") ?? "").split(".")[0], host: header(req, "host") ?? "",
    timestamp: Number(header(req, "x-tc-timestamp")), payload: req.body, contentType: header(req, "content-type") ?? "",
  });
  return auth === expected.authorization;
}

/** The call's rejection, which must be a TencentCloudError (a success fails the test). */
async function failure(call: Promise<unknown>): Promise<TencentCloudError> {
  const err = await call.then(() => { throw new Error("expected the call to fail"); }, (e: unknown) => e);
  expect(err).to.be.instanceOf(TencentCloudError);
  return err as TencentCloudError;
}

describe("TencentCloudClient", function () {
  let api: FakeApi;
  let logs: string[];
  const client = (extra: Partial<ClientOptions> = {}) =>
    new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: api.url, retry: FAST_RETRY, log: (l) => logs.push(l), ...extra });

  beforeEach(async () => {
    api = await startFakeApi();
    logs = [];
  });
  afterEach(async () => {
    await api.stop();
  });

  it("targets https://<service>.tencentcloudapi.com by default and the override URL otherwise", () => {
    expect(targetFor("cdn")).to.deep.equal({ url: "https://cdn.tencentcloudapi.com/", host: "cdn.tencentcloudapi.com" });
    expect(targetFor("ssl", "http://127.0.0.1:7/")).to.deep.equal({ url: "http://127.0.0.1:7/", host: "ssl.tencentcloudapi.com" });
  });

  it("POSTs signed JSON with the API 3.0 headers and the real service Host", async () => {
    api.respond(() => ok({ Domains: [], TotalNumber: 0 }, "rid-1"));
    const res = await client().cdn.describeDomainsConfig({ Limit: 10, Filters: [{ Name: "domain", Value: ["a.example.com"] }] });
    expect(res).to.deep.equal({ Domains: [], TotalNumber: 0, RequestId: "rid-1" });
    const [req] = api.requests;
    expect(req.method).to.equal("POST");
    expect(req.url).to.equal("/");
    expect(JSON.parse(req.body)).to.deep.equal({ Limit: 10, Filters: [{ Name: "domain", Value: ["a.example.com"] }] });
    expect(header(req, "content-type")).to.equal("application/json"); // no charset appended
    expect(header(req, "host")).to.equal("cdn.tencentcloudapi.com");
    expect(header(req, "x-tc-action")).to.equal("DescribeDomainsConfig");
    expect(header(req, "x-tc-version")).to.equal("2018-06-06");
    expect(header(req, "x-tc-language")).to.equal("en-US");
    expect(header(req, "x-tc-requestclient")).to.match(/pulumi-tencentcloud-https/);
    expect(header(req, "x-tc-token")).to.equal(undefined);
    expect(Math.abs(Number(header(req, "x-tc-timestamp")) - Date.now() / 1000)).to.be.lessThan(300);
    expect(header(req, "authorization")).to.match(new RegExp(`^TC3-HMAC-SHA256 Credential=${secretId}/\\d{4}-\\d\\d-\\d\\d/cdn/tc3_request, SignedHeaders=content-type;host, Signature=[0-9a-f]{64}$`));
    expect(verifySignature(req)).to.equal(true);
    expect(verifySignature(req, secretKey + "x")).to.equal(false);
  });

  it("routes each typed call to its service, version and action", async () => {
    const c = client({ language: "zh-CN", credentials: { secretId, secretKey, token: "sts-token" } });
    await c.live.describeLiveDomains({});
    await c.live.describeLiveDomain({ DomainName: "p.example.com" });
    await c.call("live", "DescribeLiveDomainCert", { DomainName: "p.example.com" });
    await c.live.describeLiveDomainCertBindings({});
    await c.live.modifyLiveDomainCertBindings({ DomainInfos: [{ DomainName: "p.example.com", Status: 1 }], CloudCertId: "abc" });
    await c.live.unBindLiveDomainCert({ DomainName: "p.example.com" });
    await c.call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "pem" });
    await c.ssl.describeCertificateDetail({ CertificateId: "abc" });
    await c.ssl.deleteCertificate({ CertificateId: "abc" });
    await c.call("cdn", "DescribeDomains", {});
    await c.cdn.updateDomainConfig({ Domain: "a.example.com", Https: { Switch: "on" } });
    expect(api.requests.map((r) => `${header(r, "host")} ${header(r, "x-tc-version")} ${header(r, "x-tc-action")}`)).to.deep.equal([
      "live.tencentcloudapi.com 2018-08-01 DescribeLiveDomains",
      "live.tencentcloudapi.com 2018-08-01 DescribeLiveDomain",
      "live.tencentcloudapi.com 2018-08-01 DescribeLiveDomainCert",
      "live.tencentcloudapi.com 2018-08-01 DescribeLiveDomainCertBindings",
      "live.tencentcloudapi.com 2018-08-01 ModifyLiveDomainCertBindings",
      "live.tencentcloudapi.com 2018-08-01 UnBindLiveDomainCert",
      "ssl.tencentcloudapi.com 2019-12-05 UploadCertificate",
      "ssl.tencentcloudapi.com 2019-12-05 DescribeCertificateDetail",
      "ssl.tencentcloudapi.com 2019-12-05 DeleteCertificate",
      "cdn.tencentcloudapi.com 2018-06-06 DescribeDomains",
      "cdn.tencentcloudapi.com 2018-06-06 UpdateDomainConfig",
    ]);
    for (const r of api.requests) {
      expect(header(r, "x-tc-token")).to.equal("sts-token");
      expect(header(r, "x-tc-language")).to.equal("zh-CN");
      expect(verifySignature(r)).to.equal(true);
    }
    expect(c.stats().calls).to.include({ "live.DescribeLiveDomains": 1, "cdn.UpdateDomainConfig": 1 });
  });

  it("maps Response.Error to a TencentCloudError without retrying validation errors", async () => {
    api.respond(() => apiError("ResourceNotFound.CdnHostNotExists", "domain not found", "rid-404"));
    const err = await failure(client().cdn.updateDomainConfig({ Domain: "x.example.com" }));
    expect(err).to.be.instanceOf(TencentCloudError);
    expect(err).to.include({ code: "ResourceNotFound.CdnHostNotExists", requestId: "rid-404", service: "cdn",
      action: "UpdateDomainConfig", retryable: false, attempts: 1 });
    expect((err as Error).message).to.equal("cdn.UpdateDomainConfig failed: ResourceNotFound.CdnHostNotExists: domain not found (RequestId rid-404)");
    expect(isNotFound(err)).to.equal(true);
    expect(api.requests).to.have.length(1);
  });

  it("absorbs throttling and in-progress answers with logged retries, counted in stats()", async () => {
    const script = [apiError("RequestLimitExceeded", "slow down"), apiError("LimitExceeded.RateLimitExceeded", "slow"),
      apiError("ResourceInUse.CdnOpInProgress", "busy"), apiError("InternalError", "oops")];
    api.respond((_r, i) => script[i] ?? ok());
    const c = client();
    await c.cdn.updateDomainConfig({ Domain: "a.example.com" });
    expect(api.requests).to.have.length(5);
    expect(c.stats()).to.deep.equal({ calls: { "cdn.UpdateDomainConfig": 1 }, retries: 4, throttled: 2 });
    expect(logs).to.have.length(4);
    expect(logs[0]).to.equal("cdn.UpdateDomainConfig: RequestLimitExceeded (RequestId req-err); attempt 1 throttled, retrying at a slower pace");
    expect(logs[2]).to.contain("ResourceInUse.CdnOpInProgress").and.contain("attempt 3/8");
    expect(logs.join("\n")).to.not.contain("a.example.com"); // no params in log lines
  });

  it("retries HTTP 5xx up to maxAttempts but not 4xx", async () => {
    api.respond(() => ({ text: "upstream broke", status: 502 }));
    const err = await failure(client({ retry: { ...FAST_RETRY, maxAttempts: 3 } }).ssl.describeCertificateDetail({ CertificateId: "c" }));
    expect(err).to.include({ code: "ClientError.HttpStatusCodeError", httpStatus: 502, attempts: 3, retryable: true });
    expect(api.requests).to.have.length(3);

    api.requests.length = 0;
    api.respond(() => ({ text: "nope", status: 403 }));
    const err4 = await failure(client().ssl.describeCertificateDetail({ CertificateId: "c" }));
    expect(err4).to.include({ code: "ClientError.HttpStatusCodeError", httpStatus: 403, retryable: false });
    expect(api.requests).to.have.length(1);
  });

  it("retries a dropped connection, then succeeds", async () => {
    api.respond((_r, i) => (i < 2 ? { drop: true } : ok({ CertificateId: "new" })));
    const c = client();
    const res = await c.call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "pem" });
    expect(res.CertificateId).to.equal("new");
    expect(c.stats().retries).to.equal(2);
    expect(logs[0]).to.contain("ClientError.NetworkError");
  });

  it("tells a write's caller when a lost earlier attempt may have been applied, and not after a throttle", async () => {
    api.respond((_r, i) => (i === 0 ? { drop: true } : ok({ CertificateId: "", RepeatCertId: "mine" })));
    const lost = await client().ssl.uploadCertificateOutcome({ CertificatePublicKey: "pem", Repeatable: false });
    expect(lost).to.deep.include({ earlierAttemptMayHaveApplied: true });
    expect(lost.response.RepeatCertId).to.equal("mine");

    api.requests.length = 0;
    api.respond((_r, i) => (i === 0 ? apiError("RequestLimitExceeded", "slow down") : ok({ CertificateId: "new" })));
    const throttled = await client().ssl.uploadCertificateOutcome({ CertificatePublicKey: "pem", Repeatable: false });
    expect(throttled).to.deep.include({ earlierAttemptMayHaveApplied: false });
    expect(api.requests).to.have.length(2);
  });

  it("does not repeat an upload that stores another copy (Repeatable true) when its answer was lost", async () => {
    api.respond((_r, i) => (i === 0 ? { drop: true } : ok({ CertificateId: "second copy" })));
    const err = await failure(client().ssl.uploadCertificateOutcome({ CertificatePublicKey: "pem", Repeatable: true }));
    expect(err).to.include({ code: "ClientError.NetworkError" });
    expect(api.requests).to.have.length(1);
  });

  it("turns a timeout into a retryable NetworkError", async () => {
    api.respond(() => ({ hang: true }));
    const err = await failure(client({ timeoutMs: 60, retry: { ...FAST_RETRY, maxAttempts: 2 } }).live.describeLiveDomain({ DomainName: "p" }));
    expect(err).to.include({ code: "ClientError.NetworkError", retryable: true, attempts: 2 });
    expect(err.message).to.match(/timeout|ECONNABORTED|ETIMEDOUT/i);
  });

  it("reports a refused connection as a NetworkError, not an axios error", async () => {
    const url = api.url;
    await api.stop();
    const err = await failure(new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: url, retry: { maxAttempts: 1 } })
      .call("cdn", "DescribeDomains", {}));
    api = await startFakeApi(); // for afterEach
    expect(err).to.include({ code: "ClientError.NetworkError" });
    for (const k of ["config", "request", "response", "cause", "isAxiosError"]) expect(err).to.not.have.property(k);
  });

  it("rejects a 200 that is not an API envelope", async () => {
    api.respond(() => ({ text: "<html>", status: 200 }));
    const err = await failure(client().call("cdn", "DescribeDomains", {}));
    expect(err).to.include({ code: "ClientError.InvalidResponse", retryable: false });
  });

  it("paces one account's action across every client handed the same budgets", async () => {
    const clock = { now: 0 };
    const budgets = new RateBudgets({ deps: { now: () => clock.now, random: () => 0 } });
    const sent: number[] = [];
    api.respond(() => { sent.push(clock.now); return ok({ CertificateId: "c" }); });
    const deps = { sleep: async (ms: number) => { clock.now += ms; } };
    const a = new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: api.url, budgets }, deps);
    const b = new TencentCloudClient({ credentials: { secretId, secretKey: "other" }, endpoint: api.url, budgets }, deps);
    const other = new TencentCloudClient({ credentials: { secretId: `${secretId}2`, secretKey }, endpoint: api.url, budgets }, deps);
    for (let i = 0; i < 12; i++) await (i < 6 ? a : b).call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "pem" });
    // One budget (10/s, burst 10, at most 40/s): the 11th and 12th wait for their tokens.
    expect(sent[10]).to.be.at.least(1000 / 10);
    const before = clock.now;
    await other.call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "pem" }); // another account
    await a.ssl.describeCertificateDetail({ CertificateId: "x" }); // another action
    expect(clock.now).to.equal(before);
  });

  it("sends a call in the turn reserved for it, and gives up a turn that came long before the call could use it", async () => {
    const clock = { now: 0 };
    const budgets = new RateBudgets({ deps: { now: () => clock.now, random: () => 0 } });
    const sent: number[] = [];
    api.respond(() => { sent.push(clock.now); return ok({}); });
    const c = new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: api.url, budgets }, { sleep: async (ms: number) => { clock.now += ms; } });
    const turn = c.reserveTurn("cdn", "UpdateDomainConfig");
    await c.cdn.updateDomainConfig({ Domain: "a.example.com" }, turn);
    expect(sent).to.deep.equal([0]);
    // A turn for another action cannot carry this one.
    const wrong = c.reserveTurn("cdn", "DescribeDomainsConfig");
    const refused = await c.cdn.updateDomainConfig({ Domain: "a.example.com" }, wrong).then(() => undefined, (e: Error) => e);
    expect(refused?.message).to.match(/cannot carry/);
    wrong.release();
    // A turn that came LATE_TURN_MS or more before the call is given up for a new one (as a late shared turn).
    const late = c.reserveTurn("cdn", "UpdateDomainConfig");
    await late.pass;
    clock.now += LATE_TURN_MS + 1;
    const before = c.stats().calls["cdn.UpdateDomainConfig"];
    await c.cdn.updateDomainConfig({ Domain: "a.example.com" }, late);
    expect(c.stats().calls["cdn.UpdateDomainConfig"]).to.equal(before + 1);
    expect(sent).to.have.length(2);
  });

  it("retries a throttled call through its budget, slower, without counting it against maxAttempts", async () => {
    const clock = { now: 0 };
    const budgets = new RateBudgets({ deps: { now: () => clock.now, random: () => 0 } });
    let calls = 0;
    api.respond(() => (++calls <= 4 ? apiError("RequestLimitExceeded", "slow down") : ok({ Domains: [], TotalNumber: 0 })));
    const c = new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: api.url, budgets, retry: { ...FAST_RETRY, maxAttempts: 2 } },
      { sleep: async (ms: number) => { clock.now += ms; } });
    await c.cdn.describeDomainsConfig({});
    expect(calls).to.equal(5);
    expect(c.stats()).to.include({ throttled: 4, retries: 4 });
    expect(budgets.budget(accountOf({ secretId }), "cdn", "DescribeDomainsConfig").rate).to.be.below(20);
  });

  it("says, at a steady interval, that a throttled call still waits for its turn, and stops once it is answered", async () => {
    const clock = new FakeProgressClock(); // one time for the pacing and the progress lines
    const budgets = new RateBudgets({ deps: { now: () => clock.now(), random: () => 0 } });
    let calls = 0;
    api.respond(() => (++calls <= 8 ? apiError("RequestLimitExceeded", "slow down") : ok({ Domains: [], TotalNumber: 0 })));
    const c = new TencentCloudClient({ credentials: { secretId, secretKey }, endpoint: api.url, budgets, log: (l) => logs.push(l), progress: { clock, intervalMs: 1000 } },
      { sleep: async (ms: number) => { clock.advance(ms); }, now: () => clock.now() });
    await c.cdn.describeDomainsConfig({});
    const beats = logs.filter((l) => l.startsWith("cdn.DescribeDomainsConfig: throttled"));
    expect(beats.length, logs.join("\n")).to.be.at.least(2);
    for (const line of beats) {
      expect(line).to.match(/^cdn\.DescribeDomainsConfig: throttled, waiting for a turn at the pace the API allows, \d+s, \d attempts? throttled, pace \d+\.\d\/s, \d+ call\(s\) waiting for a turn$/);
    }
    expect(clock.running(), "the heartbeat ends with the call").to.equal(0);
  });

  describe("redaction", () => {
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 1024 });
    const keyPem = privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const keyLines = keyPem.split("\n").filter((l) => l && !l.startsWith("-----"));
    const password = "pw-" + randomBytes(6).toString("hex");

    function assertClean(err: unknown) {
      const text = [JSON.stringify(err), inspect(err, { depth: 10 }), String((err as Error)?.stack), ...logs].join("\n");
      expect(text).to.not.contain(secretKey);
      expect(text).to.not.contain("PRIVATE KEY-----\n");
      expect(text).to.not.contain(password);
      for (const line of keyLines) expect(text).to.not.contain(line);
    }

    const failures: [string, () => void][] = [
      ["an API error echoing the request", () => api.respond((r) => apiError("InvalidParameter.SslCertMatchError", `bad key in ${r.body} ${keyPem}`))],
      ["an HTTP 500 echoing the request", () => api.respond((r) => ({ text: `boom ${r.body} ${secretKey}`, status: 500 }))],
      ["a dropped connection", () => api.respond(() => ({ drop: true }))],
      ["a timeout", () => api.respond(() => ({ hang: true }))],
    ];
    for (const [name, script] of failures) {
      it(`keeps the private key and secret key out of ${name}`, async () => {
        script();
        const c = client({ timeoutMs: 60, retry: { ...FAST_RETRY, maxAttempts: 2 } });
        const err = await failure(c.live.modifyLiveDomainCertBindings({
          DomainInfos: [{ DomainName: "p.example.com", Status: 1 }], CertificatePublicKey: "cert", CertificatePrivateKey: keyPem,
        }));
        assertClean(err);
        const err2 = await failure(c.call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "cert", CertificatePrivateKey: keyPem, KeyPassword: password }));
        assertClean(err2);
      });
    }

    it("redacts sensitive fields by name at any depth, and scrubs PEM key blocks from text", () => {
      const params = { Domain: "a", Https: { CertInfo: { Certificate: "c", PrivateKey: keyPem } }, List: [{ HttpsKey: "k1" }], KeyPassword: password };
      expect(redactParams(params)).to.deep.equal({
        Domain: "a", Https: { CertInfo: { Certificate: "c", PrivateKey: REDACTED } }, List: [{ HttpsKey: REDACTED }], KeyPassword: REDACTED,
      });
      expect(params.Https.CertInfo.PrivateKey).to.equal(keyPem); // a copy, not a mutation
      expect(collectSecrets(params)).to.deep.equal([keyPem, "k1", password]);
      const scrub = makeScrubber([]);
      expect(scrub(`x ${keyPem.trim()} y`)).to.equal(`x ${REDACTED} y`);
      expect(scrub(`truncated ${keyPem.slice(0, 100)}`)).to.equal(`truncated ${REDACTED}`);
    });

    it("still sends the key to the API itself", async () => {
      await client().call<UploadCertificateResponse>("ssl", "UploadCertificate", { CertificatePublicKey: "cert", CertificatePrivateKey: keyPem });
      expect(JSON.parse(api.requests[0].body).CertificatePrivateKey).to.equal(keyPem);
    });
  });
});
