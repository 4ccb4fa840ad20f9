// The client's fast paths (issue 15) give the same bytes as the plain ones: the signer that keeps
// its derived key per day and service, and the direct axios adapter used when no proxy applies.
import { expect } from "chai";
import { signTc3, Tc3Signer } from "../../provider/tencentcloud/signer";
import { createHttp, directAdapter, goesDirect } from "../../provider/tencentcloud/client";
import { startFakeApi, ok } from "../support/fakeApi";

describe("client fast paths", () => {
  it("Tc3Signer signs exactly as signTc3 across days and services (its key cache is keyed by both)", () => {
    const secretKey = "k".repeat(32);
    const signer = new Tc3Signer(secretKey);
    const day = 86_400;
    const cases = [
      { service: "live", timestamp: 1_780_000_000 }, { service: "cdn", timestamp: 1_780_000_000 },
      { service: "live", timestamp: 1_780_000_000 + day }, { service: "live", timestamp: 1_780_000_000 },
    ];
    for (const c of cases) {
      const input = { secretId: "AKIDx", service: c.service, host: `${c.service}.tencentcloudapi.com`, timestamp: c.timestamp, payload: `{"n":${c.timestamp}}`, contentType: "application/json" };
      expect(signer.sign(input).authorization).to.equal(signTc3({ ...input, secretKey }).authorization);
    }
  });

  it("goes direct to a loopback endpoint always, elsewhere only when no proxy variable is set", () => {
    expect(goesDirect("http://127.0.0.1:9/", { HTTPS_PROXY: "http://proxy:3128" })).to.equal(true);
    expect(goesDirect(undefined, { HTTPS_PROXY: "http://proxy:3128" })).to.equal(false);
    expect(goesDirect("https://live.tencentcloudapi.com/", { http_proxy: "http://proxy:3128" })).to.equal(false);
    expect(goesDirect(undefined, {})).to.equal(true);
  });

  it("uses the direct adapter for a loopback endpoint, and it sends the exact body and headers", async () => {
    const api = await startFakeApi();
    try {
      api.respond(() => ok({ Echo: true }));
      const http = createHttp(5_000, api.url);
      expect(http.defaults.adapter).to.equal(directAdapter);
      const body = JSON.stringify({ DomainName: "play.example.com", Note: "é" });
      const res = await http.post(api.url, body, { headers: { "Content-Type": "application/json", "X-TC-Action": "DescribeLiveDomain" } });
      expect(res.status).to.equal(200);
      expect(JSON.parse(res.data as string).Response.Echo).to.equal(true);
      const seen = api.requests[0];
      expect(seen.body).to.equal(body);
      expect(seen.headers["content-length"]).to.equal(String(Buffer.byteLength(body)));
      expect(seen.headers["x-tc-action"]).to.equal("DescribeLiveDomain");
    } finally {
      await api.stop();
    }
  });

  it("goes through a proxy with axios's own http adapter (the Node build), which the direct path never loads", async () => {
    const proxy = await startFakeApi(); // answers as the API would, and records the proxied request line
    const saved = process.env.HTTP_PROXY;
    process.env.HTTP_PROXY = proxy.url;
    try {
      proxy.respond(() => ok({ Echo: true }));
      const endpoint = "http://cdn.example.invalid/";
      const http = createHttp(5_000, endpoint);
      expect(http.defaults.adapter).to.equal("http");
      const res = await http.post(endpoint, "{}", { headers: { "Content-Type": "application/json", "X-TC-Action": "DescribeDomainsConfig" } });
      expect(JSON.parse(res.data as string).Response.Echo).to.equal(true);
      expect(proxy.requests[0].url).to.equal(endpoint); // an absolute URL: the proxy's request line
      expect(proxy.requests[0].headers["x-tc-action"]).to.equal("DescribeDomainsConfig");
    } finally {
      if (saved === undefined) delete process.env.HTTP_PROXY; else process.env.HTTP_PROXY = saved;
      await proxy.stop();
    }
  });
});
