// Secret-leak audit: every resource's lifecycle, failures included, through Pulumi's real
// dynamic-provider host; everything produced is collected and searched for the private keys and
// the API secret key, as PEM and as base64 body lines. A control proves the search finds a planted key.
import { expect } from "chai";

import { makeChain, TestChain } from "../support/certs";
import { serializeProvider, StateEntry } from "../support/engine";
import { startProviderEnv, ProviderEnv } from "../support/providerEnv";
import { seams } from "../../sdk/seam";
import { startFleetHost, FleetHost } from "../../bench/lib/providerHost";
import { Needle, pemNeedles, scanForSecrets } from "../../bench/lib/secretScan";

const ZONE = "leak.example.com";
const CDN = `www.${ZONE}`;
const PLAY = [`play1.live.${ZONE}`, `play2.live.${ZONE}`];
const urn = (type: string, name: string) => `urn:pulumi:dev::proj::pulumi-nodejs:dynamic/tencentcloud-https:${type}::${name}`;

interface Source { name: string; text: string }

function keyNeedles(label: string, chain: TestChain): Needle[] {
  // Lines that the certificate publishes as well (the RSA modulus) are not secret; see pemNeedles.
  const forms = [pemNeedles(label, chain.privateKey, 24, [chain.certificate])];
  if (chain.keyObject.asymmetricKeyType === "rsa") forms.push(pemNeedles(`${label} PKCS#1`, chain.keyPkcs1Pem, 24, [chain.certificate]));
  return forms.flat();
}

describe("proof: secret-leak audit", function () {
  this.timeout(120_000);
  // Keys of their own (key sets no other test uses), so a hit can only come from this audit's inputs.
  const cdnA = makeChain({ domains: [`*.${ZONE}`, ZONE], keySet: 5 });
  const cdnB = makeChain({ domains: [`*.${ZONE}`, ZONE], keySet: 6 });
  const liveA = makeChain({ domains: [`*.live.${ZONE}`], keySet: 7 });
  const liveB = makeChain({ domains: [`*.live.${ZONE}`], keySet: 8 });
  const sources: Source[] = [];
  let needles: Needle[] = [];
  let env: ProviderEnv;
  let fleetHost: FleetHost;

  const record = (name: string, value: unknown) =>
    sources.push({ name, text: typeof value === "string" ? value : JSON.stringify(value) ?? String(value) });
  /**
   * Runs a step, keeping what the provider produced (via `view`) or its error (message and stack) as
   * evidence. The inputs the engine holds are the user's own arguments, keys included (the engine
   * keeps them as secrets); they are not evidence of a leak, so views leave them out.
   */
  async function step<T>(name: string, fn: () => Promise<T>, view: (r: T) => unknown = (r) => r): Promise<T | undefined> {
    try {
      const result = await fn();
      record(name, result === undefined ? "undefined" : view(result));
      return result;
    } catch (e) {
      const err = e as Error;
      record(`${name} (error)`, `${err?.message}\n${err?.stack}\n${JSON.stringify(e)}`);
      return undefined;
    }
  }

  before(async function () {
    env = await startProviderEnv({
      seed: {
        cdnDomains: [{ domain: CDN, status: "online", originType: "domain" }],
        liveDomains: PLAY.map((name) => ({ name, type: 1 as const, status: 1 as const })),
      },
      deployDelayMs: 20,
      rateLimits: false,
    });
    fleetHost = await startFleetHost(env.emulator);
    needles = [
      ...keyNeedles("CDN key A", cdnA), ...keyNeedles("CDN key B", cdnB),
      ...keyNeedles("live key A", liveA), ...keyNeedles("live key B", liveB),
      { label: "API secret key", text: env.emulator.secretKey },
    ];
    const { CdnHttpsConfig: cdn, LiveCertificate: cert, LiveDomainBinding: binding } = fleetHost.engines;
    const host = fleetHost.host;
    // What the provider returned: outputs of create/update, check failures and diffs (not the checked inputs, which are the user's).
    const outputsOf = (st: StateEntry) => ({ id: st.id, outputs: st.outputs });
    const upView = (r: { state: StateEntry; step: string; diff: unknown }) => ({ step: r.step, diff: r.diff, ...outputsOf(r.state) });
    const previewView = (r: { failures: unknown; diff?: unknown }) => ({ failures: r.failures, diff: r.diff });
    // Read answers in full: the API's truth and the inputs the provider reconstructs from it.
    const refresh = (st: StateEntry) => host.read(st.id, st.urn, st.outputs, st.inputs);
    const importRead = (engine: typeof cdn, u: string, id: string) => host.read(id, u, {}, { __provider: engine.provider });

    // ---- CdnHttpsConfig: create, refresh, import, rotate, failures, destroy
    const cdnArgs = (c: TestChain) => ({ domain: CDN, certificate: c.certificate, privateKey: c.privateKey, forceRedirect: { statusCode: 301 } });
    let cdnState = await step("cdn create", () => cdn.create(urn("CdnHttpsConfig", "site"), cdnArgs(cdnA)), outputsOf);
    await step("cdn preview with unknown key", () => cdn.preview(urn("CdnHttpsConfig", "site"), { ...cdnArgs(cdnB), privateKey: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }, cdnState), previewView);
    await step("cdn check, key of another certificate", () => cdn.preview(urn("CdnHttpsConfig", "bad"), { ...cdnArgs(cdnA), privateKey: cdnB.privateKey }), previewView);
    await step("cdn check in-process, key of another certificate", () => env.provider.cdnHttpsConfig.check({}, { ...cdnArgs(cdnA), privateKey: liveA.privateKey }), (r) => r.failures);
    if (cdnState) {
      await step("cdn refresh", () => refresh(cdnState!));
      await step("cdn import", () => importRead(cdn, urn("CdnHttpsConfig", "imported"), CDN));
      const rotated = await step("cdn rotate", () => cdn.up(cdnState!, cdnArgs(cdnB)), upView);
      if (rotated) cdnState = rotated.state;
      // An API error that is not retried, on the write carrying the key.
      await env.emulator.faults([{ service: "cdn", action: "UpdateDomainConfig", code: "InvalidParameter.CdnParamError", count: 1 }]);
      await step("cdn update with an API error", () => cdn.up(cdnState!, cdnArgs(cdnA)), upView);
      await env.emulator.faults([]);
      // A deployment that fails: the emulator reports SslStatus failed while we wait.
      await step("cdn deployment that fails", async () => {
        const pending = cdn.up(cdnState!, { ...cdnArgs(cdnA), forceRedirect: { statusCode: 302 } });
        await new Promise((r) => setTimeout(r, 5));
        await env.emulator.editCdnDomain(CDN, { https: { SslStatus: "failed" } });
        return pending;
      }, upView);
      await step("cdn destroy", () => cdn.destroy(cdnState!));
    }

    // ---- LiveCertificate + LiveDomainBinding: create, refresh, import, update, replace, failures, destroy
    let certState = await step("live cert create", () => cert.create(urn("LiveCertificate", "c"), { certificate: liveA.certificate, privateKey: liveA.privateKey, alias: "audit" }), outputsOf);
    await step("live cert check, key of another certificate", () => cert.preview(urn("LiveCertificate", "bad"), { certificate: liveA.certificate, privateKey: liveB.privateKey }), previewView);
    await env.emulator.faults([{ service: "ssl", action: "UploadCertificate", code: "FailedOperation.CertificateInvalid", count: 1 }]);
    await step("live cert create with an API error", () => cert.create(urn("LiveCertificate", "c2"), { certificate: liveB.certificate, privateKey: liveB.privateKey }), outputsOf);
    await env.emulator.faults([]);
    if (certState) {
      const id = String(certState.outputs.certificateId);
      let bindState: StateEntry | undefined = await step("binding create", () => binding.create(urn("LiveDomainBinding", "b"), { certificateId: id, domains: PLAY }), outputsOf);
      await step("live cert refresh", () => refresh(certState!));
      await step("live cert import", () => importRead(cert, urn("LiveCertificate", "imported"), id));
      await step("live cert alias update", async () => { const r = await cert.up(certState!, { certificate: liveA.certificate, privateKey: liveA.privateKey, alias: "audit 2" }); certState = r.state; return r; }, upView);
      await step("live cert delete while bound (refused)", () => cert.destroy(certState!));
      if (bindState) {
        await step("binding refresh", () => refresh(bindState!));
        await step("binding import", () => importRead(binding, urn("LiveDomainBinding", "imported"), PLAY.join(",")));
        const replacement = await step("live cert replacement", () => cert.create(urn("LiveCertificate", "c"), { certificate: liveB.certificate, privateKey: liveB.privateKey }), outputsOf);
        if (replacement) {
          const moved = await step("binding moved", () => binding.up(bindState!, { certificateId: String(replacement.outputs.certificateId), domains: PLAY, enableHttps: false }), upView);
          if (moved) bindState = moved.state;
          await step("old live cert delete", () => cert.destroy(certState!));
          certState = replacement;
        }
        await step("binding destroy", () => binding.destroy(bindState!));
      }
      await step("live cert destroy", () => cert.destroy(certState!));
    }

    // ---- everything else produced
    for (const [kind, seam] of Object.entries(seams)) record(`serialized seam ${kind}`, await serializeProvider(seam));
    record("host stdout/stderr", fleetHost.host.logs().join("\n"));
    record("in-process provider log", env.logs.map((l) => `${l.level} ${l.line}`).join("\n"));
    record("emulator request log", await env.emulator.requests());
    record("emulator state", await env.emulator.state());
  });

  after(async () => {
    await fleetHost?.stop();
    await env?.stop();
  });

  it("collected the evidence of every step, the logs, the seams and the emulator", () => {
    const names = sources.map((s) => s.name);
    for (const expected of ["cdn create", "cdn rotate", "cdn destroy", "live cert create", "binding create", "binding destroy",
      "host stdout/stderr", "emulator request log", "emulator state", "serialized seam cdnHttpsConfig"]) {
      expect(names.some((n) => n.startsWith(expected)), `missing evidence: ${expected}; have ${names.join(", ")}`).to.equal(true);
    }
    // Failures really happened, so their messages are part of the evidence.
    expect(names.filter((n) => n.endsWith("(error)")).length).to.be.at.least(3);
    // The requests that carried keys are in the log (so the search covered them).
    const log = sources.find((s) => s.name === "emulator request log")!.text;
    expect(log).to.include("UpdateDomainConfig").and.to.include("UploadCertificate");
  });

  it("control: the search finds a key planted in any of its forms", () => {
    const body = cdnA.privateKey.split("\n").filter((l) => l && !l.startsWith("-----"));
    const planted: Source[] = [
      { name: "planted PEM in JSON", text: JSON.stringify({ outs: { privateKey: cdnA.privateKey } }) },
      { name: "planted body line", text: `debug: ${needles.find((n) => n.label.startsWith("CDN key A (base64 body line"))!.text} end` },
      { name: "planted joined body", text: `key=${body.join("")}` },
      { name: "planted secret key", text: `Authorization failed for ${env.emulator.secretKey}` },
    ];
    const leaks = scanForSecrets(planted, needles);
    for (const p of planted) expect(leaks.some((l) => l.source === p.name), `control ${p.name} not found`).to.equal(true);
  });

  it("no private key nor secret key appears anywhere", () => {
    const leaks = scanForSecrets(sources, needles);
    const found = leaks.map((l) => `${l.needle} in ${l.source}`); if (found.length) console.log([...new Set(found.map((f) => f.replace(/ \(base64 body line \d+\)/, " (body line)")))].join("\n"));
    expect(found).to.deep.equal([]);
  });
});
