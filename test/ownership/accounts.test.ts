// Several accounts in one program: one base identity (the CI's key in the default account) assumes a
// role in each business unit's account, named by each resource's `assumeRole`. The same domain names
// exist in both accounts and in the base account: they are different domains. Each resource reports
// the account it manages (`accountId`, never keys); a second up shows no change; destroy turns off,
// unbinds and deletes in each account only what that account's resources set, and never touches the
// base account.
import { expect } from "chai";
import type { RequestLogEntry } from "../../emulator";
import { makeChain, TestChain } from "../support/certs";
import { DEFAULT_UIN, roleArn, trustAccount } from "../support/identity";
import { ProviderEnv, startProviderEnv } from "../support/providerEnv";
import { Declared, describeResult, destroy, expectNoChange, up } from "./deployment";

const UNITS = { retail: "200000000002", media: "300000000003" } as const;
type Unit = keyof typeof UNITS;
const CDN = "www.shop.example.com";
const PLAY = "play.shop.example.com";

function accountSeed(uin: string) {
  return {
    uin,
    cdnDomains: [{ domain: CDN, status: "online" as const, originType: "domain" }],
    liveDomains: [{ name: PLAY, type: 1 as const, status: 1 as const }],
    roles: [{ name: "https-deployer", trustPolicy: trustAccount(DEFAULT_UIN) }],
  };
}

/** One unit's resources: HTTPS on its CDN domain and a certificate bound to its playback domain, in its account. */
function unitResources(unit: Unit, chain: TestChain): Declared[] {
  const assumeRole = { roleArn: roleArn(UNITS[unit], "https-deployer"), sessionName: `deploy-${unit}` };
  return [
    { kind: "cdnHttpsConfig", name: `${unit}-cdn`, args: { domain: CDN, certificate: chain.certificate, privateKey: chain.privateKey, assumeRole } },
    { kind: "liveCertificate", name: `${unit}-cert`, args: { certificate: chain.certificate, privateKey: chain.privateKey, assumeRole } },
    { kind: "liveDomainBinding", name: `${unit}-play`, dependsOn: [`${unit}-cert`], args: (o) => ({ certificateId: o(`${unit}-cert`).certificateId, domains: [PLAY], assumeRole }) },
  ];
}

describe("ownership: several accounts in one program", function () {
  this.timeout(60_000);
  let env: ProviderEnv;
  let retail: TestChain;
  let media: TestChain;

  before(async () => {
    retail = makeChain({ domains: ["*.shop.example.com"] });
    media = makeChain({ domains: ["*.shop.example.com"], keySet: 1 });
    env = await startProviderEnv({
      deployDelayMs: 20,
      seed: {
        // The base account has a domain of the same name, with HTTPS someone else set: never touched.
        cdnDomains: [{ domain: CDN, status: "online", originType: "domain" }],
        liveDomains: [{ name: PLAY, type: 1, status: 1 }],
        sslCertificates: [{ id: "theirs01", certificate: makeChain({ domains: ["*.shop.example.com"], keySet: 2 }).certificate, from: "trustasia" }],
        accounts: [accountSeed(UNITS.retail), accountSeed(UNITS.media)],
      },
    });
  });
  after(async () => { await env?.stop(); });

  const httpsOf = async (uin: string) => (await env.emulator.state(uin)).cdnDomains.find((d) => d.Domain === CDN)!.Https?.Switch;
  const bindingOf = async (uin: string) => (await env.emulator.state(uin)).liveDomains.find((d) => d.Name === PLAY)!.binding?.cloudCertId;
  const writesSince = async (seq: number) => (await env.emulator.requests(seq)).filter((r: RequestLogEntry) => r.write);

  it("creates, reports and destroys each unit's resources in its own account only", async () => {
    const program = [...unitResources("retail", retail), ...unitResources("media", media)];
    const first = await up(env, program, []);
    expect(first.ok, describeResult(first)).to.equal(true);

    for (const unit of ["retail", "media"] as Unit[]) {
      for (const e of first.state.filter((x) => x.name.startsWith(unit))) {
        expect(e.outputs.accountId, `${e.name} reports its account`).to.equal(UNITS[unit]);
        expect(JSON.stringify(e.outputs)).to.not.contain(env.emulator.secretKey);
      }
      expect(await httpsOf(UNITS[unit])).to.equal("on");
      expect(await bindingOf(UNITS[unit])).to.equal(first.state.find((e) => e.name === `${unit}-cert`)!.id);
    }
    expect(await httpsOf(DEFAULT_UIN), "the base account's domain of the same name").to.not.equal("on");
    expect(await bindingOf(DEFAULT_UIN)).to.equal(undefined);
    expect((await env.emulator.state(UNITS.retail)).sslCertificates.map((c) => c.fingerprintSha256))
      .to.not.deep.equal((await env.emulator.state(UNITS.media)).sslCertificates.map((c) => c.fingerprintSha256));

    await expectNoChange(env, program, first.state);

    // Someone sets HTTPS on the base account's domain; destroy must leave it.
    await env.emulator.editCdnDomain(CDN, { https: { Switch: "on", CertInfo: { CertId: "theirs01" } } });
    const seq = (await env.emulator.requests()).at(-1)!.seq;
    const gone = await destroy(env, first.state);
    expect(gone.ok, describeResult(gone)).to.equal(true);
    for (const unit of ["retail", "media"] as Unit[]) {
      expect(await httpsOf(UNITS[unit]), `${unit}'s HTTPS is off`).to.equal("off");
      expect(await bindingOf(UNITS[unit])).to.equal(undefined);
      expect((await env.emulator.state(UNITS[unit])).sslCertificates).to.deep.equal([]);
    }
    expect(await httpsOf(DEFAULT_UIN), "the base account is untouched").to.equal("on");
    const writes = await writesSince(seq);
    expect(writes.map((w) => w.account).filter((a) => a === DEFAULT_UIN), "no write in the base account").to.deep.equal([]);
    expect(new Set(writes.map((w) => w.account))).to.deep.equal(new Set([UNITS.retail, UNITS.media]));
  });

  it("a domain of the same name in two accounts is two domains: no ownership conflict at check", async () => {
    const program = [
      { kind: "cdnHttpsConfig" as const, name: "a", args: { domain: CDN, certificate: retail.certificate, privateKey: retail.privateKey, assumeRole: { roleArn: roleArn(UNITS.retail, "https-deployer") } } },
      { kind: "cdnHttpsConfig" as const, name: "b", args: { domain: CDN, certificate: media.certificate, privateKey: media.privateKey, assumeRole: { roleArn: roleArn(UNITS.media, "https-deployer") } } },
    ];
    const first = await up(env, program, []);
    expect(first.failures, describeResult(first)).to.deep.equal({});
    const clash = [program[0], { ...program[1], args: { ...program[1].args, assumeRole: program[0].args.assumeRole } }];
    const again = await up(env, clash, first.state);
    expect(Object.keys(again.failures), "the same domain twice in one account").to.have.length(1);
    await destroy(env, first.state);
  });

  it("fails at check, with sentences, on an assumeRole that is not one", async () => {
    const bad = [{ kind: "cdnHttpsConfig" as const, name: "bad", args: {
      domain: CDN, certificate: retail.certificate, privateKey: retail.privateKey, assumeRole: { roleArn: "arn:aws:iam::1:role/x", sessionDuration: 99_999, colour: "red" },
    } }];
    const result = await up(env, bad, []);
    const reasons = (result.failures.bad ?? []).map((f) => `${f.property}: ${f.reason}`).join("\n");
    expect(reasons).to.contain("assumeRole.roleArn").and.contain("qcs::cam::uin/");
    expect(reasons).to.contain("assumeRole.sessionDuration").and.contain("43200");
    expect(reasons).to.contain("colour");
    expect(result.steps.bad).to.equal("failed");
  });

  it("moving a resource to another account replaces it; a new session name alone changes nothing", async () => {
    const a = unitResources("retail", retail)[0];
    const first = await up(env, [a], []);
    expect(first.ok, describeResult(first)).to.equal(true);
    const renamed = { ...a, args: { ...(a.args as object), assumeRole: { roleArn: roleArn(UNITS.retail, "https-deployer"), sessionName: "another" } } };
    const same = await up(env, [renamed], first.state);
    expect(same.steps["retail-cdn"], describeResult(same)).to.be.oneOf(["same", "update"]);
    const moved = { ...a, args: { ...(a.args as object), assumeRole: { roleArn: roleArn(UNITS.media, "https-deployer") } } };
    const replaced = await up(env, [moved], same.state);
    expect(replaced.steps["retail-cdn"], describeResult(replaced)).to.equal("replace");
    expect(replaced.state[0].outputs.accountId).to.equal(UNITS.media);
    expect(await httpsOf(UNITS.retail), "the old account's half is deleted").to.equal("off");
    await destroy(env, replaced.state);
  });
});
