// The retry policy and the error-code classification, driven with injected sleep/random/clock.
import { expect } from "chai";
import http from "node:http";
import { AddressInfo } from "node:net";
import { backoffDelay, resolveRetryOptions, withRetry, RetryDeps, DEFAULT_RETRY, isRetryableNetworkCode, NEVER_SENT_NETWORK_CODES } from "../../provider/tencentcloud/retry";
import { mayHaveApplied, TencentCloudClient } from "../../provider/tencentcloud/client";
import { TencentCloudError, isRetryableCode, isNotFound, isRetryable, isThrottleCode } from "../../provider/tencentcloud/errors";

function apiError(code: string): TencentCloudError {
  return new TencentCloudError({ code, message: "m", service: "cdn", action: "UpdateDomainConfig" });
}

/** A fake clock that advances only when the policy sleeps. */
function fakeDeps(random = () => 0.5) {
  let now = 0;
  const sleeps: number[] = [];
  const deps: RetryDeps = {
    sleep: async (ms) => { sleeps.push(ms); now += ms; },
    random,
    now: () => now,
  };
  return { deps, sleeps, advance: (ms: number) => { now += ms; } };
}

describe("retry policy", () => {
  it("defaults to 8 attempts within 90 s and lets each bound be configured", () => {
    expect(resolveRetryOptions()).to.deep.equal(DEFAULT_RETRY);
    expect(DEFAULT_RETRY.maxAttempts).to.equal(8);
    expect(DEFAULT_RETRY.maxElapsedMs).to.equal(90_000);
    expect(resolveRetryOptions({ maxAttempts: 3, baseDelayMs: 2 })).to.include({ maxAttempts: 3, baseDelayMs: 2, maxDelayMs: 10_000 });
  });

  it("draws full-jitter delays under an exponential, capped ceiling", () => {
    const o = resolveRetryOptions({ baseDelayMs: 100, maxDelayMs: 1000 });
    expect(backoffDelay(1, o, () => 0)).to.equal(0);
    expect(backoffDelay(1, o, () => 0.999)).to.equal(99);
    expect(backoffDelay(3, o, () => 0.5)).to.equal(200);
    expect(backoffDelay(10, o, () => 0.999)).to.equal(999); // capped at maxDelayMs
  });

  it("retries retryable errors until success, reporting each retry", async () => {
    const { deps, sleeps } = fakeDeps();
    const events: number[] = [];
    let calls = 0;
    const result = await withRetry(
      async () => { if (++calls < 4) throw apiError("RequestLimitExceeded"); return "done"; },
      resolveRetryOptions({ baseDelayMs: 10 }), deps, (e) => events.push(e.attempt),
    );
    expect(result).to.equal("done");
    expect(calls).to.equal(4);
    expect(events).to.deep.equal([1, 2, 3]);
    expect(sleeps).to.deep.equal([5, 10, 20]); // random 0.5 of 10, 20, 40
  });

  it("gives up after maxAttempts and records the attempt count on the error", async () => {
    const { deps } = fakeDeps();
    let calls = 0;
    const p = withRetry(async () => { calls++; throw apiError("InternalError"); }, resolveRetryOptions({ maxAttempts: 5, baseDelayMs: 1 }), deps);
    const err = await p.then(() => undefined, (e: unknown) => e);
    expect(calls).to.equal(5);
    expect(err).to.be.instanceOf(TencentCloudError);
    expect((err as TencentCloudError).attempts).to.equal(5);
  });

  it("gives up when the next wait would cross the elapsed-time budget", async () => {
    const { deps, sleeps, advance } = fakeDeps(() => 0.999);
    let calls = 0;
    const opts = resolveRetryOptions({ maxAttempts: 100, maxElapsedMs: 1000, baseDelayMs: 100, maxDelayMs: 400 });
    const err = await withRetry(async () => { calls++; advance(50); throw apiError("ResourceInUse.CdnOpInProgress"); }, opts, deps)
      .then(() => undefined, (e: unknown) => e as TencentCloudError);
    expect(err?.code).to.equal("ResourceInUse.CdnOpInProgress");
    const elapsed = sleeps.reduce((a, b) => a + b, 0) + calls * 50;
    expect(elapsed).to.be.at.most(1000);
    expect(calls).to.be.lessThan(100);
    expect(calls).to.be.greaterThan(2);
  });

  for (const code of ["InvalidParameter.SslCertMatchError", "InvalidParameterValue", "MissingParameter", "FailedOperation.CdnConfigError",
    "AuthFailure.SignatureFailure", "ResourceNotFound.CdnHostNotExists", "UnauthorizedOperation.CdnCamUnauthorized", "LimitExceeded"]) {
    it(`never retries ${code}`, async () => {
      const { deps, sleeps } = fakeDeps();
      let calls = 0;
      const err = await withRetry(async () => { calls++; throw apiError(code); }, resolveRetryOptions(), deps)
        .then(() => undefined, (e: unknown) => e as TencentCloudError);
      expect(err?.code).to.equal(code);
      expect(calls).to.equal(1);
      expect(sleeps).to.deep.equal([]);
    });
  }

  it("does not retry non-TencentCloud errors (bugs surface at once)", async () => {
    const { deps } = fakeDeps();
    let calls = 0;
    await withRetry(async () => { calls++; throw new TypeError("x"); }, resolveRetryOptions(), deps).catch(() => undefined);
    expect(calls).to.equal(1);
  });
});

describe("error classification", () => {
  it("retries exactly the throttling, internal and in-progress codes", () => {
    for (const c of ["RequestLimitExceeded", "RequestLimitExceeded.UinLimitExceeded", "RequestLimitExceeded.IPLimitExceeded",
      "LimitExceeded.RateLimitExceeded", "LimitExceeded.SslCertRequestLimitExceeded", "InternalError", "InternalError.CdnSystemError",
      "ResourceInUse.CdnOpInProgress", "LimitExceeded.CdnHostOpTooOften", "UnauthorizedOperation.OperationTooOften"]) expect(isRetryableCode(c), c).to.equal(true);
    for (const c of ["InvalidParameter", "InvalidParameter.CdnCertNotPem", "MissingParameter", "FailedOperation", "AuthFailure",
      "AuthFailure.SecretIdNotFound", "ResourceNotFound", "ResourceInUse", "ResourceInUse.CdnHostExists", "LimitExceeded.CdnConfigTooManyCacheRules",
      "RequestLimitExceededX", "InternalErrors"]) expect(isRetryableCode(c), c).to.equal(false);
  });

  it("separates throttling from other retryable codes", () => {
    expect(isThrottleCode("RequestLimitExceeded.UinLimitExceeded")).to.equal(true);
    expect(isThrottleCode("LimitExceeded.RateLimitExceeded")).to.equal(true);
    // The CDN's "too often" answers (spec/errors.json: 域名操作过于频繁, 操作超出调用频次限制) are throttling too.
    expect(isThrottleCode("LimitExceeded.CdnHostOpTooOften")).to.equal(true);
    expect(isThrottleCode("UnauthorizedOperation.OperationTooOften")).to.equal(true);
    expect(isThrottleCode("LimitExceeded.CdnConfigTooManyCacheRules")).to.equal(false); // a quota, not a rate
    expect(isThrottleCode("InternalError")).to.equal(false);
  });

  it("retries paced failures at once, bounded by elapsed time instead of attempts", async () => {
    const { deps, sleeps, advance } = fakeDeps();
    let calls = 0;
    const paced = (e: unknown) => e instanceof TencentCloudError && e.code === "RequestLimitExceeded";
    const result = await withRetry(async () => {
      if (++calls < 6) throw apiError("RequestLimitExceeded");
      return "done";
    }, resolveRetryOptions({ maxAttempts: 2 }), deps, undefined, undefined, paced);
    expect(result).to.equal("done");
    expect(sleeps).to.deep.equal([]);
    const err = await withRetry(async () => { advance(400); throw apiError("RequestLimitExceeded"); },
      resolveRetryOptions({ maxAttempts: 2, maxElapsedMs: 1000 }), deps, undefined, undefined, paced).then(() => undefined, (e: unknown) => e);
    expect((err as TencentCloudError).attempts).to.equal(3);
  });

  it("uses the transport's own verdict when given", () => {
    const e = new TencentCloudError({ code: "ClientError.NetworkError", message: "x", service: "ssl", action: "A", retryable: true });
    expect(isRetryable(e)).to.equal(true);
    expect(isRetryable(new Error("x"))).to.equal(false);
  });

  it("recognises not-found answers", () => {
    for (const c of ["ResourceNotFound.CdnHostNotExists", "ResourceNotFound.DomainNotExist", "ResourceNotFound",
      "FailedOperation.CertificateNotFound", "InvalidParameter.CrtDateNotFound"]) expect(isNotFound(apiError(c)), c).to.equal(true);
    for (const c of ["InvalidParameter", "FailedOperation.CertificateExists", "ResourceUnavailable.CdnHostIsLocked"]) {
      expect(isNotFound(apiError(c)), c).to.equal(false);
    }
    expect(isNotFound(new Error("ResourceNotFound"))).to.equal(false);
  });

  it("formats a message with service, action, code and RequestId", () => {
    const e = new TencentCloudError({ code: "InvalidParameter", message: "bad", service: "cdn", action: "UpdateDomainConfig", requestId: "r1" });
    expect(e.message).to.equal("cdn.UpdateDomainConfig failed: InvalidParameter: bad (RequestId r1)");
    expect(e.apiMessage).to.equal("bad");
  });
});

describe("a request that never reached the API", () => {
  it("retries connection refused, no route and a DNS hiccup like a dropped connection, but not a name that does not resolve", () => {
    for (const c of ["ECONNREFUSED", "EHOSTUNREACH", "ENETUNREACH", "EAI_AGAIN", "ECONNRESET", "ETIMEDOUT", "ECONNABORTED", "EPIPE"]) {
      expect(isRetryableNetworkCode(c), c).to.equal(true);
    }
    for (const c of ["ENOTFOUND", "CERT_HAS_EXPIRED", "ERR_INVALID_URL", undefined]) expect(isRetryableNetworkCode(c), String(c)).to.equal(false);
    // A refused connection proves nothing was applied; a reset does not.
    expect(NEVER_SENT_NETWORK_CODES.has("ECONNREFUSED")).to.equal(true);
    expect(NEVER_SENT_NETWORK_CODES.has("ECONNRESET")).to.equal(false);
  });

  it("is retried by the client until the API listens again, and counts as not applied", async () => {
    // A port nobody listens on (refused), where the API comes up during the client's first backoff.
    const api = http.createServer((_req, res) => {
      res.writeHead(200, { "Content-Type": "application/json" });
      res.end(JSON.stringify({ Response: { CertificateId: "new1", RequestId: "r" } }));
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    const port = (api.address() as AddressInfo).port;
    await new Promise<void>((r) => api.close(() => r()));
    const lines: string[] = [];
    let slept = 0;
    const client = new TencentCloudClient(
      { credentials: { secretId: "id", secretKey: "key" }, endpoint: `http://127.0.0.1:${port}`, log: (l) => lines.push(l), retry: { maxAttempts: 4, baseDelayMs: 1 } },
      { sleep: async () => { if (slept++ === 0) await new Promise<void>((r) => api.listen(port, "127.0.0.1", r)); } },
    );
    try {
      const outcome = await client.callWithOutcome<{ CertificateId: string }>("ssl", "UploadCertificate", { CertificatePublicKey: "pem" });
      expect(outcome.response.CertificateId).to.equal("new1");
      // The refused attempt was never applied, so a RepeatCertId now could not be our own lost upload.
      expect(outcome.earlierAttemptMayHaveApplied).to.equal(false);
      expect(lines.join("\n")).to.contain("ClientError.NetworkError");
      expect(client.stats().retries).to.equal(1);
    } finally {
      api.closeAllConnections();
      await new Promise<void>((r) => api.close(() => r()));
    }
  });

  it("stays bounded: a port that never listens fails after maxAttempts, marked as never sent", async () => {
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise<void>((r) => probe.close(() => r()));
    const client = new TencentCloudClient(
      { credentials: { secretId: "id", secretKey: "key" }, endpoint: `http://127.0.0.1:${port}`, retry: { maxAttempts: 3, baseDelayMs: 1 } },
      { sleep: async () => undefined },
    );
    const err = await client.call("cdn", "DescribeDomains", {}).then(() => undefined, (e: unknown) => e as TencentCloudError);
    expect(err).to.include({ code: "ClientError.NetworkError", retryable: true, neverSent: true, attempts: 3 });
    expect(err!.message).to.contain("ECONNREFUSED");
    expect(mayHaveApplied(err)).to.equal(false);
  });
});

describe("a write that is not idempotent (ApplyCertificate)", () => {
  /** An API that answers the requests in turn: "drop" destroys the connection after reading the request. */
  async function scriptedApi(answers: ("drop" | object)[]): Promise<{ url: string; seen: () => number; close: () => Promise<void> }> {
    let n = 0;
    const api = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        const answer = answers[Math.min(n++, answers.length - 1)];
        if (answer === "drop") { res.destroy(); return; }
        res.writeHead(200, { "Content-Type": "application/json" });
        res.end(JSON.stringify({ Response: { ...answer, RequestId: `r${n}` } }));
      });
    });
    await new Promise<void>((r) => api.listen(0, "127.0.0.1", r));
    return {
      url: `http://127.0.0.1:${(api.address() as AddressInfo).port}`,
      seen: () => n,
      close: async () => { api.closeAllConnections(); await new Promise<void>((r) => api.close(() => r())); },
    };
  }
  const clientOf = (url: string) => new TencentCloudClient({ credentials: { secretId: "id", secretKey: "key" }, endpoint: url, retry: { maxAttempts: 4, baseDelayMs: 1 } }, { sleep: async () => undefined });

  it("is not sent again when its answer is lost: the error says it may have been applied, and the caller looks", async () => {
    const api = await scriptedApi(["drop", { CertificateId: "second" }]);
    try {
      const err = await clientOf(api.url).ssl.applyCertificate({ DvAuthMethod: "DNS", DomainName: "www.example.com" }).then(() => undefined, (e: unknown) => e);
      expect(err).to.be.instanceOf(TencentCloudError);
      expect(mayHaveApplied(err)).to.equal(true);
      expect(api.seen(), "one attempt").to.equal(1);
    } finally {
      await api.close();
    }
  });

  it("is still retried after a throttling answer, which applied nothing", async () => {
    const api = await scriptedApi([{ Error: { Code: "RequestLimitExceeded", Message: "slow down" } }, { CertificateId: "only" }]);
    try {
      const answer = await clientOf(api.url).ssl.applyCertificate({ DvAuthMethod: "DNS", DomainName: "www.example.com" });
      expect(answer.CertificateId).to.equal("only");
      expect(api.seen()).to.equal(2);
    } finally {
      await api.close();
    }
  });
});
