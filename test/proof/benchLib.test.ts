// The pure parts of the benchmark and audit drivers: the engine-like scheduler, the lower bound,
// the request summaries and the secret search.
import { expect } from "chai";
import { runDag } from "../../bench/lib/dag";
import { lowerBound } from "../../bench/lib/lowerBound";
import { phaseWork, FULL_FLEET, inDeclarationOrder } from "../../bench/lib/fleet";
import { summarizeRequests } from "../../bench/lib/requestStats";
import { floorAfterFirstCall } from "../../bench/lib/report";
import type { PhaseReport } from "../../bench/lib/fleet";
import { pemNeedles, scanForSecrets } from "../../bench/lib/secretScan";
import { makeChain } from "../support/certs";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("bench lib", () => {
  describe("runDag", () => {
    it("never runs more than the concurrency limit, and respects dependencies", async () => {
      const order: string[] = [];
      let inFlight = 0;
      let peak = 0;
      const op = (id: string, dependsOn: string[] = []) => ({
        id, dependsOn,
        run: async () => { inFlight++; peak = Math.max(peak, inFlight); await tick(2); order.push(id); inFlight--; },
      });
      const ops = [op("b", ["a"]), ...Array.from({ length: 10 }, (_, i) => op(`x${i}`)), op("a")];
      const r = await runDag(ops, 3);
      expect(peak).to.equal(3);
      expect(r.maxInFlight).to.equal(3);
      expect(order.indexOf("b")).to.be.greaterThan(order.indexOf("a"));
      expect(r.failures).to.deep.equal([]);
    });

    it("skips the dependents of a failed operation, transitively, and still finishes", async () => {
      const ran: string[] = [];
      const r = await runDag([
        { id: "c", dependsOn: ["b"], run: async () => { ran.push("c"); } },
        { id: "b", dependsOn: ["a"], run: async () => { ran.push("b"); } },
        { id: "a", run: async () => { throw new Error("boom"); } },
        { id: "d", run: async () => { ran.push("d"); } },
      ], 2);
      expect(r.failures.map((f) => f.id)).to.deep.equal(["a"]);
      expect(r.skipped.sort()).to.deep.equal(["b", "c"]);
      expect(ran).to.deep.equal(["d"]);
    });
  });

  describe("inDeclarationOrder", () => {
    it("puts each site's live resources before its share of the CDN domains, keeping every operation once", () => {
      const size = { cdn: 6, bindings: 2, domainsPerBinding: 1 };
      const ids = ["cdn/0", "cdn/1", "cdn/2", "cdn/3", "cdn/4", "cdn/5", "liveCert/0", "liveCert/1", "binding/0", "binding/1", "liveCert/1/delete-replaced"];
      const ordered = inDeclarationOrder(ids.map((id) => ({ id, run: async () => undefined })), size).map((op) => op.id);
      expect(ordered).to.deep.equal(["liveCert/0", "binding/0", "cdn/0", "cdn/1", "cdn/2", "liveCert/1", "binding/1", "liveCert/1/delete-replaced", "cdn/3", "cdn/4", "cdn/5"]);
    });
  });

  describe("floorAfterFirstCall", () => {
    const report = (binding: string, ms: number, first: Record<string, number>) =>
      ({ bound: { ms, binding, constraints: [] }, firstCallOfActionMs: first }) as unknown as PhaseReport;

    it("counts a rate-limited action's bound from that action's first call", () => {
      const r = report("live.DescribeLiveDomainCertBindings", 500, { "ssl.UploadCertificate": 120, "live.DescribeLiveDomainCertBindings": 240 });
      expect(floorAfterFirstCall(r)).to.deep.equal({ ms: 740, firstMs: 240, action: "live.DescribeLiveDomainCertBindings" });
    });

    it("counts the deployment delay from the first write, and gives nothing without a bound or that call", () => {
      expect(floorAfterFirstCall(report("deployment delay", 6000, { "cdn.UpdateDomainConfig": 210 }))!.ms).to.equal(6210);
      expect(floorAfterFirstCall(report("deployment delay", 6000, { "cdn.DescribeDomainsConfig": 100 }))).to.equal(undefined);
      expect(floorAfterFirstCall(report("none", 0, {}))).to.equal(undefined);
    });
  });

  describe("lowerBound", () => {
    it("takes the largest of the per-action rate constraints and the deployment rounds", () => {
      const b = lowerBound({ minCalls: { "cdn.UpdateDomainConfig": 200, "ssl.UploadCertificate": 20 }, deploymentWaits: 200, rateFor: (a) => (a.startsWith("ssl") ? 10 : 20), deployDelayMs: 1500, inFlight: 16 });
      // (200-20)/20 = 9 s; (20-10)/10 = 1 s (each bucket starts full); ceil(200/16) = 13 rounds * 1.5 s = 19.5 s
      expect(b.ms).to.equal(19_500);
      expect(b.binding).to.equal("deployment delay");
      expect(b.constraints.find((c) => c.name === "cdn.UpdateDomainConfig")!.ms).to.equal(9_000);
      expect(b.constraints.find((c) => c.name === "ssl.UploadCertificate")!.ms).to.equal(1_000);
    });

    it("counts the full fleet's minimum calls per phase, reads batched as the API allows", () => {
      const create = phaseWork("create", FULL_FLEET);
      // 200 CDN domains: check, read before the write and deployment read in filters of 5; 100 live domains: one page.
      expect(create.minCalls).to.deep.equal({
        "cdn.UpdateDomainConfig": 200, "cdn.DescribeDomainsConfig": 120, "ssl.UploadCertificate": 20, "live.ModifyLiveDomainCertBindings": 20,
        "live.DescribeLiveDomains": 1, "ssl.DescribeCertificateDetail": 20, "live.DescribeLiveDomainCertBindings": 40,
        // Every resource's outputs name its account's UIN: the process asks STS once per account.
        "sts.GetCallerIdentity": 1,
      });
      expect(create.deploymentWaits).to.equal(200);
      expect(phaseWork("preview", FULL_FLEET).minCalls).to.deep.equal({ "cdn.DescribeDomainsConfig": 40, "live.DescribeLiveDomains": 1, "ssl.DescribeCertificateDetail": 20 });
      expect(phaseWork("preview", FULL_FLEET, { certificatesKnown: false }).minCalls).to.not.have.property("ssl.DescribeCertificateDetail");
      const rotate = phaseWork("rotate", FULL_FLEET);
      expect(rotate.minCalls["ssl.DeleteCertificate"]).to.equal(20);
      expect(rotate.minCalls["sts.GetCallerIdentity"]).to.equal(1);
      // The replaced certificates are deleted together, after the updates: one listing before them all (plus the check's).
      expect(rotate.minCalls["live.DescribeLiveDomains"]).to.equal(2);
      const destroy = phaseWork("destroy", FULL_FLEET);
      expect(destroy.minCalls["live.UnBindLiveDomainCert"]).to.equal(100);
      expect(destroy.minCalls["cdn.DescribeDomainsConfig"]).to.equal(80);
      // Each certificate's delete follows its own binding's unbinds: a listing each.
      expect(destroy.minCalls["live.DescribeLiveDomains"]).to.equal(20);
      expect(destroy.deploymentWaits).to.equal(0);
      // Neither a preview (check only) nor a destroy (delete has no outputs) asks who the account is.
      expect(destroy.minCalls).to.not.have.property("sts.GetCallerIdentity");
      expect(phaseWork("preview", FULL_FLEET).minCalls).to.not.have.property("sts.GetCallerIdentity");
      // 201 CDN domains need one more filter of 5; 101 live domains a second page.
      expect(phaseWork("preview", { cdn: 201, bindings: 1, domainsPerBinding: 101 }).minCalls)
        .to.include({ "cdn.DescribeDomainsConfig": 41, "live.DescribeLiveDomains": 2 });
    });
  });

  it("summarizeRequests counts calls, writes and throttling answers", () => {
    const e = (action: string, extra: object = {}) => ({ seq: 0, time: "", service: "cdn", action, params: {}, write: false, ...extra });
    const s = summarizeRequests([e("A"), e("A", { errorCode: "RequestLimitExceeded" }), e("B", { write: true, errorCode: "InternalError" })]);
    expect(s).to.deep.equal({ total: 3, byAction: { "cdn.A": 2, "cdn.B": 1 }, errors: { RequestLimitExceeded: 1, InternalError: 1 }, throttled: 1, writes: 1 });
  });

  describe("scanForSecrets", () => {
    const key = makeChain({ keySet: 9 }).privateKey;
    const needles = pemNeedles("key", key);
    const body = key.split("\n").filter((l) => l && !l.startsWith("-----"));

    it("finds the PEM (plain, JSON-escaped, CRLF), a single body line, and the body re-wrapped or joined", () => {
      const rewrapped = body.join("").match(/.{1,76}/g)!.join("\n");
      const sources = [
        { name: "plain", text: `x ${key} y` },
        { name: "json", text: JSON.stringify({ k: key }) },
        { name: "crlf", text: key.replace(/\n/g, "\r\n") },
        { name: "line", text: `...${body[5]}...` },
        { name: "joined", text: body.join("") },
        { name: "rewrapped", text: rewrapped },
      ];
      const found = new Set(scanForSecrets(sources, needles).map((l) => l.source));
      expect([...found].sort()).to.deep.equal(sources.map((s) => s.name).sort());
    });

    it("finds nothing in text without the key (another key, the certificate)", () => {
      const other = makeChain({ keySet: 3 });
      expect(scanForSecrets([{ name: "other", text: other.privateKey + other.certificate }], needles)).to.deep.equal([]);
    });

    it("does not count lines a key shares with public material (an RSA key's modulus, as its certificate publishes it), and keeps the rest", () => {
      // Public text holding one of the key's body lines, wrapped differently, as a certificate can when the modulus aligns.
      const publicText = `-----BEGIN CERTIFICATE-----\nMIIB${body[2].slice(0, 30)}\n${body[2].slice(30)}AAAA\n-----END CERTIFICATE-----\n`;
      const aware = pemNeedles("key", key, 24, [publicText]);
      expect(aware.map((n) => n.text)).to.not.include(body[2]);
      expect(scanForSecrets([{ name: "cert", text: publicText }], aware)).to.deep.equal([]);
      // Everything else is still searched: the PEM, the joined body, the other lines.
      expect(aware.length).to.equal(needles.length - 1);
      expect(scanForSecrets([{ name: "leak", text: `${body[3]}` }], aware).length).to.equal(1);
    });
  });
});
