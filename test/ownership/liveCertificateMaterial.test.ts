// Scenario 5: two LiveCertificates holding the same material (a rename), and a switch from
// certificate + privateKey to `certificateId` of the id the resource uploaded. Neither delete may
// remove the certificate that a resource still in the program uses.
import { expect } from "chai";
import { makeChain, TestChain } from "../support/certs";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { bindingTo, Declared, describeResult, expectNoChange, liveCertificateOf, up } from "./deployment";
import { liveBinding, logText, sslCertificateIds } from "./support";

const P1 = "play1.live.example.com";

describe("ownership 5: LiveCertificates sharing a certificate", function () {
  let env: ProviderEnv;
  let chain: TestChain;
  const seed = () => ({ liveDomains: [{ name: P1, type: 1 as const }] });
  const cert = (name: string) => liveCertificateOf(name, chain);
  const binding = (certName: string) => bindingTo("play", certName, [P1]);

  before(async function () {
    chain = makeChain({ domains: ["*.live.example.com"] });
    env = await startProviderEnv({ seed: seed(), deployDelayMs: 5 });
  });
  after(async () => { await env?.stop(); });
  beforeEach(async () => { await env.emulator.reset(seed()); env.clearLogs(); });

  it("a rename keeps the certificate the new resource (and the binding) uses, and the next up shows no change", async function () {
    const first = await up(env, [cert("cert"), binding("cert")], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const id = first.state.find((e) => e.name === "cert")!.id;
    const renamed = await up(env, [cert("cert-renamed"), binding("cert-renamed")], first.state);
    expect(renamed.ok, describeResult(renamed)).to.equal(true);
    expect(renamed.state.find((e) => e.name === "cert-renamed")!.id).to.equal(id);
    expect(await sslCertificateIds(env)).to.deep.equal([id]);
    expect(await liveBinding(env, P1)).to.equal(id);
    expect(logText(env)).to.match(new RegExp(`certificate ${id}.*LiveCertificate "cert-renamed"`));
    await expectNoChange(env, [cert("cert-renamed"), binding("cert-renamed")], renamed.state);
  });

  it("a rename without bindings does not delete the certificate the new resource got back", async function () {
    const first = await up(env, [cert("cert")], []);
    const id = first.state[0].id;
    const renamed = await up(env, [cert("cert-renamed")], first.state);
    expect(renamed.ok, describeResult(renamed)).to.equal(true);
    expect(await sslCertificateIds(env)).to.deep.equal([id]);
    await expectNoChange(env, [cert("cert-renamed")], renamed.state);
  });

  it("switching to certificateId of the id it uploaded replaces the resource without deleting that certificate", async function () {
    const first = await up(env, [cert("cert")], []);
    const id = first.state[0].id;
    const hosted: Declared = { kind: "liveCertificate", name: "cert", args: { certificateId: id } };
    const switched = await up(env, [hosted], first.state);
    expect(switched.ok, describeResult(switched)).to.equal(true);
    expect(switched.steps.cert).to.equal("replace");
    expect(await sslCertificateIds(env)).to.deep.equal([id]);
    await expectNoChange(env, [hosted], switched.state);
  });

  it("removing the only resource that uploaded a certificate still deletes it", async function () {
    const first = await up(env, [cert("cert")], []);
    const removed = await up(env, [], first.state);
    expect(removed.ok, describeResult(removed)).to.equal(true);
    expect(await sslCertificateIds(env)).to.deep.equal([]);
  });
});
