// Ownership across runs and stacks: a LiveCertificate's upload carries the stack as an SSL tag
// (UploadCertificate `Tags`, returned by DescribeCertificateDetail). A re-run after a crash and a
// rename within the stack find their own upload and delete it with the resource; another stack's
// upload, or an untagged one already there, stays adopted and is left on destroy.
import { expect } from "chai";
import { UPLOADER_TAG_KEY } from "../../provider/ownership";
import { TencentCloudClient } from "../../provider/tencentcloud/client";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { describeResult, destroy, expectNoChange, liveCertificateOf, PROVIDER, STACK, up } from "./deployment";
import { sslCertificateIds } from "./support";

describe("ownership across stacks: the upload's SSL tag", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  const cert = (name: string) => liveCertificateOf(name, chain);
  const seeded = (tags?: { TagKey: string; TagValue: string }[]) =>
    ({ sslCertificates: [{ id: "there001", certificate: chain.certificate, privateKey: chain.privateKey, from: "upload", tags }] });
  const tagsOf = async (id: string) => (await new TencentCloudClient({ credentials: { secretId: env.emulator.secretId, secretKey: env.emulator.secretKey }, endpoint: env.emulator.url }).call<{ Tags?: unknown[] }>("ssl", "DescribeCertificateDetail", { CertificateId: id })).Tags;

  before(async function () {
    chain = makeChain({ domains: ["*.live.example.com"] });
    env = await startProviderEnv({ deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => { await env.emulator.reset({}); env.clearLogs(); });

  it("an upload carries the stack as a tag, which DescribeCertificateDetail returns", async function () {
    const first = await up(env, [cert("cert")], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    expect(await tagsOf(first.state[0].id)).to.deep.equal([{ TagKey: UPLOADER_TAG_KEY, TagValue: STACK }]);
  });

  it("a re-run after a crash finds its own upload: the resource owns it and destroy deletes it", async function () {
    // The first run uploaded, then died before the engine recorded the resource.
    const lost = await env.provider.liveCertificate.create({ certificate: chain.certificate, privateKey: chain.privateKey, __stack: STACK, __provider: PROVIDER });
    const rerun = await up(env, [cert("cert")], []);
    expect(rerun.ok, describeResult(rerun)).to.equal(true);
    expect(rerun.state[0]).to.deep.include({ id: lost.id });
    expect(rerun.state[0].outputs.adopted).to.equal(false);
    await destroy(env, rerun.state);
    expect(await sslCertificateIds(env)).to.deep.equal([]);
  });

  it("after a rename within the stack the new resource owns the certificate: a later destroy deletes it, nothing is orphaned", async function () {
    const first = await up(env, [cert("cert")], []);
    const renamed = await up(env, [cert("cert-renamed")], first.state);
    expect(renamed.ok, describeResult(renamed)).to.equal(true);
    expect(renamed.state[0].outputs.adopted).to.equal(false);
    await expectNoChange(env, [cert("cert-renamed")], renamed.state);
    await destroy(env, renamed.state);
    expect(await sslCertificateIds(env)).to.deep.equal([]);
  });

  it("another stack's upload is adopted and left on destroy", async function () {
    await env.emulator.reset(seeded([{ TagKey: UPLOADER_TAG_KEY, TagValue: "proj/prod" }]));
    const mine = await up(env, [cert("cert")], []);
    expect(mine.state[0]).to.deep.include({ id: "there001" });
    expect(mine.state[0].outputs.adopted).to.equal(true);
    await destroy(env, mine.state);
    expect(await sslCertificateIds(env)).to.deep.equal(["there001"]);
  });

  it("an untagged certificate already there stays adopted (nothing proves who uploaded it)", async function () {
    await env.emulator.reset(seeded());
    const mine = await up(env, [cert("cert")], []);
    expect(mine.state[0].outputs.adopted).to.equal(true);
    await destroy(env, mine.state);
    expect(await sslCertificateIds(env)).to.deep.equal(["there001"]);
  });
});
