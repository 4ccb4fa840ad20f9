// Conformance to Tencent Cloud's own API specification (spec/, vendored): a lifecycle of all three
// resources runs through a recording proxy in front of the emulator, and every exchange is checked
// in both directions: our client's request against the action's input (no unknown member, right
// types, every required member) and the emulator's answer against the action's output (every
// output_required member, null only where allowed, no invented member, error codes from the
// action's documented list). Prints "N/M exchanges conform"; any violation fails the test. The same
// lifecycle in the emulator's null mode proves the provider robust to the nulls the spec allows.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { answerViolations, requestViolations } from "../../emulator/core/spec";
import type { Service } from "../../provider/tencentcloud/types";
import { makeChain } from "../support/certs";
import { Exchange, startMiddleman } from "../support/middleman";
import { CDN_DOMAIN, HOSTED_ID, LifecycleOutcome, PLAY_DOMAINS, providerAt, runLifecycle } from "./lifecycle";

export interface ConformanceReport { total: number; conforming: number; requestsConforming: number; answersConforming: number; violations: string[] }

/** Every exchange against the spec; violations as distinct "direction action path: problem" lines. */
export function conformance(exchanges: Exchange[]): ConformanceReport {
  const violations = new Set<string>();
  let requestsConforming = 0;
  let answersConforming = 0;
  let conforming = 0;
  for (const x of exchanges) {
    const service = x.service as Service;
    const req = typeof x.request === "object" && x.request !== null ? (x.request as Record<string, unknown>) : {};
    const inRequest = requestViolations(service, x.action, req);
    const inAnswer = answerViolations(service, x.action, x.answer);
    if (inRequest.length === 0) requestsConforming++;
    if (inAnswer.length === 0) answersConforming++;
    if (inRequest.length === 0 && inAnswer.length === 0) conforming++;
    for (const v of inRequest) violations.add(`request ${x.action} ${v.path}: ${v.problem}`);
    for (const v of inAnswer) violations.add(`answer ${x.action} ${v.path}: ${v.problem}`);
  }
  return { total: exchanges.length, conforming, requestsConforming, answersConforming, violations: [...violations] };
}

interface RecordedRun { outcome: LifecycleOutcome; report: ConformanceReport; exchanges: Exchange[] }

const own = makeChain({ domains: [CDN_DOMAIN, "*.conformance.example.com"] });
const hosted = makeChain({ domains: ["*.conformance.example.com"], keySet: 1 });

/** The lifecycle against a fresh emulator (in null mode or not), recorded by a proxy in front of it. */
async function recordedLifecycle(nullMode: boolean): Promise<RecordedRun> {
  const emu: EmulatorHandle = await startEmulator({
    deployDelayMs: 20,
    nullMode,
    seed: {
      cdnDomains: [{ domain: CDN_DOMAIN }],
      liveDomains: PLAY_DOMAINS.map((name) => ({ name, type: 1 as const })),
      sslCertificates: [{ id: HOSTED_ID, certificate: hosted.certificate, from: "trustasia", alias: "hosted" }],
    },
  });
  const proxy = await startMiddleman(emu.url);
  try {
    const outcome = await runLifecycle(providerAt(emu, proxy.url), { own, hosted });
    return { outcome, report: conformance(proxy.exchanges), exchanges: proxy.exchanges };
  } finally {
    await proxy.stop();
    await emu.stop();
  }
}

function printed(label: string, r: ConformanceReport): void {
  console.log(`      ${label}: ${r.conforming}/${r.total} exchanges conform (requests ${r.requestsConforming}/${r.total}, answers ${r.answersConforming}/${r.total})`);
}

/** Outputs with the uploaded certificate's id (random per run) replaced, so two runs compare. */
function comparable(outcome: LifecycleOutcome): unknown {
  const id = outcome.outputs.liveCertificate.certificateId as string;
  return JSON.parse(JSON.stringify(outcome.outputs).split(id).join("<uploaded id>"));
}

describe("conformance to the vendored Tencent Cloud API spec (full lifecycle, both directions)", function () {
  let plain: RecordedRun;
  before(async function () { plain = await recordedLifecycle(false); });

  it("every request and every answer of a create / refresh / update / no-op / destroy lifecycle conforms", function () {
    const r = plain.report;
    printed("spec mode", r);
    expect(plain.outcome.changesOnSecondUp).to.deep.equal({ cdnHttpsConfig: false, liveCertificate: false, liveDomainBinding: false });
    expect(r.total).to.be.greaterThan(20);
    const actions = new Set(plain.exchanges.map((x) => x.action));
    expect(actions.size, `the lifecycle reaches most actions: ${[...actions].join(", ")}`).to.be.greaterThan(8);
    expect(plain.exchanges.some((x) => (x.answer as any)?.Response?.Error), "error answers are checked too").to.equal(true);
    expect(r.violations, r.violations.join("\n")).to.deep.equal([]);
  });

  it("in null mode (null wherever the spec allows and a value is missing) the lifecycle still converges, conforms and ends with the same outputs", async function () {
    const nulls = await recordedLifecycle(true);
    printed("null mode", nulls.report);
    expect(nulls.exchanges.some((x) => JSON.stringify(x.answer).includes('"Switch":null')), "the null mode did answer nulls").to.equal(true);
    expect(nulls.outcome.changesOnSecondUp).to.deep.equal({ cdnHttpsConfig: false, liveCertificate: false, liveDomainBinding: false });
    expect(nulls.report.violations, nulls.report.violations.join("\n")).to.deep.equal([]);
    expect(comparable(nulls.outcome)).to.deep.equal(comparable(plain.outcome));
  });
});
