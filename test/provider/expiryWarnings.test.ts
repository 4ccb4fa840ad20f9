// Expiry as a first-class signal at preview (issue 29): every certificate the program deploys (one of
// your own, a hosted one, a free one) within tencentcloud-https:expiryWarningDays (default 30) of
// its expiry is a warning naming the domains it serves; a check still passes. A bad setting is one
// sentence.
import { expect } from "chai";
import { makeChain } from "../support/certs";
import { ProviderEnv, startProviderEnv, handlersOf } from "../support/providerEnv";

const DAY = 86_400_000;
const KEY = "tencentcloud-https:expiryWarningDays";

describe("expiry warnings at preview", function () {
  this.timeout(30_000);
  let env: ProviderEnv;
  const cdn = handlersOf(() => env, "cdnHttpsConfig");
  const binding = handlersOf(() => env, "liveDomainBinding");
  const liveCert = handlersOf(() => env, "liveCertificate");
  const free = handlersOf(() => env, "freeCertificate");
  const soonEnd = new Date(Date.now() + 10.5 * DAY);
  const soon = makeChain({ domains: ["*.example.com"], notAfter: soonEnd });
  const later = makeChain({ domains: ["*.example.com"], notAfter: new Date(Date.now() + 200 * DAY), keySet: 1 });

  before(async () => {
    env = await startProviderEnv({
      seed: {
        cdnDomains: [{ domain: "cdn.example.com", status: "online", originType: "domain" }],
        liveDomains: [{ name: "play1.example.com", type: 1, status: 1 }, { name: "play2.example.com", type: 1, status: 1 }],
        sslCertificates: [{ id: "soon0001", certificate: soon.certificate, from: "trustasia" }, { id: "later001", certificate: later.certificate, from: "trustasia" }],
        validationRecordsPresent: ["free.example.com"],
      },
    });
  });
  beforeEach(() => {
    delete env.config[KEY];
    env.newProcess();
    env.clearLogs();
  });
  after(async () => { await env?.stop(); });

  const warnings = () => env.logs.filter((l) => l.level === "warn").map((l) => l.line);
  const passes = (result: { failures?: unknown[] }) => expect(result.failures ?? []).to.deep.equal([]);

  it("CdnHttpsConfig: a certificate of your own and a hosted one, each naming the CDN domain, once", async () => {
    passes(await cdn.check({}, { domain: "cdn.example.com", certificate: soon.certificate, privateKey: soon.privateKey }));
    passes(await cdn.check({}, { domain: "cdn.example.com", certificateId: "soon0001" }));
    passes(await cdn.check({}, { domain: "cdn.example.com", certificateId: "later001" }));
    const expiry = soonEnd.toISOString().slice(0, 10);
    expect(warnings()).to.deep.equal([
      `Certificate "*.example.com" (serial ${soon.serialNumber}) expires on ${expiry} (in 10 days), serving cdn.example.com: renew it before then (${KEY} sets how early this warns).`,
      `SSL certificate soon0001 expires on ${expiry} (in 10 days), serving cdn.example.com: renew it before then (${KEY} sets how early this warns).`,
    ]);
  });

  it("LiveDomainBinding names every domain it binds; LiveCertificate the names it is for", async () => {
    passes(await binding.check({}, { certificateId: "soon0001", domains: ["play2.example.com", "play1.example.com"] }));
    passes(await liveCert.check({}, { certificate: soon.certificate, privateKey: soon.privateKey }));
    passes(await liveCert.check({}, { certificateId: "soon0001" }));
    expect(warnings().map((w) => w.replace(/ \(in 10 days\).*?serving /, " ... serving ").replace(/: renew it.*/, ""))).to.deep.equal([
      `SSL certificate soon0001 expires on ${soonEnd.toISOString().slice(0, 10)} ... serving play1.example.com, play2.example.com`,
      `Certificate "*.example.com" (serial ${soon.serialNumber}) expires on ${soonEnd.toISOString().slice(0, 10)} ... serving *.example.com`,
      `SSL certificate soon0001 expires on ${soonEnd.toISOString().slice(0, 10)} ... serving *.example.com`,
    ]);
  });

  it("the number of days is the stack's setting: fewer days, no warning; 0 turns them off; a bad value is one sentence", async () => {
    env.config[KEY] = "7";
    env.newProcess();
    passes(await cdn.check({}, { domain: "cdn.example.com", certificateId: "soon0001" }));
    env.config[KEY] = "0";
    env.newProcess();
    passes(await cdn.check({}, { domain: "cdn.example.com", certificate: soon.certificate, privateKey: soon.privateKey }));
    expect(warnings()).to.deep.equal([]);
    env.config[KEY] = "365";
    env.newProcess();
    passes(await cdn.check({}, { domain: "cdn.example.com", certificateId: "later001" }));
    expect(warnings()).to.have.length(1);
    env.config[KEY] = "two weeks";
    env.newProcess();
    const error = await cdn.check({}, { domain: "cdn.example.com", certificateId: "soon0001" }).then(() => undefined, (e: Error) => e);
    expect(error?.message).to.equal(`${KEY} must be a whole number of days from 0 (no warnings) to 3650, not "two weeks": \`pulumi config set ${KEY} 30\`.`);
  });

  it("FreeCertificate: at preview (its diff), when the next up renews it, or that this update does", async () => {
    const { inputs } = await free.check({}, { domain: "free.example.com", validationMethod: "DNS", renewBeforeDays: 20 });
    const { id, outs } = await free.create(inputs);
    await env.emulator.ageFreeCertificates(65 * DAY); // about 25 days left: within 30, not yet within renewBeforeDays 20
    env.clearLogs();
    expect((await free.diff(id, outs, inputs)).changes).to.equal(false);
    expect(warnings()).to.have.length(1);
    expect(warnings()[0]).to.match(new RegExp(`^Free certificate ${id} for free\\.example\\.com expires on \\d{4}-\\d\\d-\\d\\d \\(in 2\\d days\\): \`pulumi up\` renews it from \\d{4}-\\d\\d-\\d\\d \\(renewBeforeDays\\); run one then\\.$`));
    await env.emulator.ageFreeCertificates(10 * DAY);
    env.clearLogs();
    expect((await free.diff(id, outs, inputs)).replaces).to.deep.equal(["expiresAt"]);
    expect(warnings()).to.have.length(1);
    expect(warnings()[0]).to.match(/\(in 1\d days\): this update renews it\.$/);
  });
});
