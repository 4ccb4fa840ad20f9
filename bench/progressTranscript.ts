// What a person sees during a `pulumi up` whose CDN deployment takes minutes: the lines Pulumi's
// own dynamic-provider host prints for one CdnHttpsConfig (check, then create, as the engine calls
// them; the engine shows the host's stdout and stderr in `pulumi up`, see README "Progress while
// waiting"), against an emulator whose deployments take DEPLOY_DELAY_MS (default two minutes). Not
// part of the suite: it lasts as long as the deployment. `npm run transcript:progress`.
import { startHostFixture, urnFor } from "../test/support/engine";
import { makeChain } from "../test/support/certs";

const DOMAIN = "cdn.example.com";

async function main(): Promise<void> {
  const deployDelayMs = Number(process.env.DEPLOY_DELAY_MS ?? 120_000);
  const chain = makeChain({ domains: [DOMAIN] });
  const fixture = await startHostFixture({
    deployDelayMs,
    seed: { cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }] },
  });
  const started = Date.now();
  let shown = 0;
  const stamp = () => `+${((Date.now() - started) / 1000).toFixed(1).padStart(6)}s`;
  const flush = () => {
    const lines = fixture.host.logs();
    for (; shown < lines.length; shown++) process.stdout.write(`${stamp()} | ${lines[shown]}\n`);
  };
  const timer = setInterval(flush, 100);
  try {
    process.stdout.write(`emulator deployments take ${deployDelayMs / 1000}s; host output (stdout and stderr), with the time since the start:\n`);
    const engine = await fixture.engine("cdnHttpsConfig");
    const state = await engine.create(urnFor("tencentcloud-https:CdnHttpsConfig", "site"), {
      domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __resourceName: "site",
    });
    flush();
    process.stdout.write(`create returned after ${((Date.now() - started) / 1000).toFixed(1)}s: sslStatus ${state.outputs.sslStatus}\n`);
  } finally {
    clearInterval(timer);
    await fixture.stop();
  }
}

main().catch((e) => { process.stderr.write(`${e instanceof Error ? e.stack : String(e)}\n`); process.exitCode = 1; });
