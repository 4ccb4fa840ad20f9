// What a person sees during the provider's long waits (issue 29): a line on each new state and a
// heartbeat at a steady interval while it holds, naming what is awaited, the time waited of the
// timeout and how far it is. The provider process runs with a fake progress clock, which the test
// moves; the emulator's deployments and validations end when the test says.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { createProvider, Provider } from "../../provider";
import { makeChain } from "../support/certs";
import { FakeProgressClock } from "../support/fakeClock";
import { providerConfig } from "../support/providerEnv";

const DOMAIN = "slow.example.com";
const FREE = "wait.example.com";

describe("progress lines during waits (fake clock)", function () {
  this.timeout(30_000);
  let emulator: EmulatorHandle;
  let clock: FakeProgressClock;
  let provider: Provider;
  let lines: string[];

  before(async () => {
    emulator = await startEmulator({ deployDelayMs: 600_000, seed: { cdnDomains: [{ domain: DOMAIN, status: "online", originType: "domain" }] } });
  });
  beforeEach(() => {
    clock = new FakeProgressClock();
    lines = [];
    provider = createProvider({ logSink: (_level, line) => lines.push(line), progress: { clock, intervalMs: 30_000 } });
    const config = providerConfig(emulator);
    provider.configure({ config: { get: (key: string) => config[key] } });
  });
  after(async () => { await emulator?.stop(); });

  /** Waits (in real time, briefly) until a line matching `pattern` was logged. */
  async function lineMatching(pattern: RegExp): Promise<string> {
    for (let i = 0; i < 400; i++) {
      const found = lines.find((l) => pattern.test(l));
      if (found) return found;
      await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`no line matched ${pattern}; lines:\n${lines.join("\n")}`);
  }

  it("a CDN deployment: the state at once, then a heartbeat every 30 s with the time of the timeout and the checks made", async () => {
    const chain = makeChain({ domains: [DOMAIN] });
    const created = provider.cdnHttpsConfig.create({ domain: DOMAIN, certificate: chain.certificate, privateKey: chain.privateKey, __timeouts: { create: "20m" } });
    expect(await lineMatching(/^CDN domain slow\.example\.com: HTTPS deploying/))
      .to.match(/^CDN domain slow\.example\.com: HTTPS deploying \(domain processing\), 0s of 20m, 1 check$/);
    const before = lines.length;
    clock.advance(30_000);
    clock.advance(30_000);
    clock.advance(70_000);
    const beats = lines.slice(before).filter((l) => l.startsWith("CDN domain"));
    expect(beats).to.have.length(4);
    beats.forEach((line, i) => expect(line).to.match(
      new RegExp(`^CDN domain slow\\.example\\.com: HTTPS deploying \\(domain processing\\), ${["30s", "1m", "1m30s", "2m"][i]} of 20m, \\d+ checks?$`)));
    await emulator.advanceClock(600_001);
    await created;
    expect(lines.filter((l) => l.startsWith("CDN domain")).pop()).to.match(/^CDN domain slow\.example\.com: HTTPS deployed \(domain online\), 2m10s of 20m, \d+ checks$/);
    const count = lines.length;
    clock.advance(120_000);
    expect(lines.length, "no heartbeat after the wait ended").to.equal(count);
    expect(clock.running()).to.equal(0);
  });

  it("a free certificate's issuance: the missing record at once, then the same with the time waited", async () => {
    const created = provider.freeCertificate.create({ domain: FREE, validationMethod: "DNS", __timeouts: { create: "30m" } });
    expect(await lineMatching(/^free certificate for wait\.example\.com: pendingValidation/))
      .to.match(/^free certificate for wait\.example\.com: pendingValidation; still missing: wait\.example\.com \(DNS\): txt record not found, 0s of 30m, 1 check$/);
    clock.advance(60_000);
    const beats = lines.filter((l) => l.startsWith("free certificate for")).slice(1);
    expect(beats).to.have.length(2);
    beats.forEach((line, i) => expect(line).to.match(new RegExp(`txt record not found, ${["30s", "1m"][i]} of 30m, \\d+ checks?$`)));
    const id = (await emulator.state()).freeCertificates.find((c) => c.domain === FREE)!.id;
    await emulator.markValidationRecordPresent(id);
    await created;
    expect(lines.filter((l) => l.startsWith("free certificate for")).pop()).to.match(/^free certificate for wait\.example\.com: issued, 1m of 30m, \d+ checks$/);
    expect(clock.running()).to.equal(0);
  });
});
