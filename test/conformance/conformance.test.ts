// Conformance to Tencent Cloud's own API specification (spec/, vendored): a lifecycle of all three
// resources runs through a recording proxy in front of the emulator, and every exchange is checked
// in both directions: our client's request against the action's input (no unknown member, right
// types, every required member) and the emulator's answer against the action's output (every
// output_required member, null only where allowed, no invented member, error codes from the
// action's documented list). Prints "N/M exchanges conform"; any violation fails the test.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { answerViolations, requestViolations } from "../../emulator/spec";
import type { Service } from "../../provider/tencentcloud/types";
import { makeChain } from "../support/certs";
import { startRecordingProxy, RecordingProxy, Exchange } from "./recordingProxy";
import { CDN_DOMAIN, HOSTED_ID, PLAY_DOMAINS, pointProviderAt, runLifecycle } from "./lifecycle";

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

describe("conformance to the vendored Tencent Cloud API spec (full lifecycle, both directions)", function () {
  let emu: EmulatorHandle;
  let proxy: RecordingProxy;
  let restore: () => void;
  const own = makeChain({ domains: [CDN_DOMAIN, "*.conformance.example.com"] });
  const hosted = makeChain({ domains: ["*.conformance.example.com"], keySet: 1 });

  before(async function () {
    emu = await startEmulator({
      deployDelayMs: 20,
      seed: {
        cdnDomains: [{ domain: CDN_DOMAIN }],
        liveDomains: PLAY_DOMAINS.map((name) => ({ name, type: 1 as const })),
        sslCertificates: [{ id: HOSTED_ID, certificate: hosted.certificate, from: "trustasia", alias: "hosted" }],
      },
    });
    proxy = await startRecordingProxy(emu.url);
    restore = pointProviderAt(emu, proxy.url);
  });
  after(async function () {
    restore?.();
    await proxy?.stop();
    await emu?.stop();
  });

  it("every request and every answer of a create / refresh / update / no-op / destroy lifecycle conforms", async function () {
    const outcome = await runLifecycle({ own, hosted });
    expect(outcome.changesOnSecondUp).to.deep.equal({ cdnHttpsConfig: false, liveCertificate: false, liveDomainBinding: false });
    const r = conformance(proxy.exchanges);
    console.log(`      ${r.conforming}/${r.total} exchanges conform (requests ${r.requestsConforming}/${r.total}, answers ${r.answersConforming}/${r.total})`);
    expect(r.total).to.be.greaterThan(20);
    const actions = new Set(proxy.exchanges.map((x) => x.action));
    expect(actions.size, `the lifecycle reaches most actions: ${[...actions].join(", ")}`).to.be.greaterThan(8);
    expect(proxy.exchanges.some((x) => (x.answer as any)?.Response?.Error), "error answers are checked too").to.equal(true);
    expect(r.violations, r.violations.join("\n")).to.deep.equal([]);
  });
});
