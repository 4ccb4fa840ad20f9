// The demo's fallback when no Pulumi CLI can be had: the quick start's three resources driven
// through the provider's handlers directly (check, create, then delete), in the order the engine
// would use, so the emulator's HTTPS state can still be shown. Not a substitute for `pulumi up`.
import type { EmulatorHandle } from "../../emulator";
import { createProvider, ResourceProvider } from "../../provider";
import type { LogSink } from "../../provider/runtime/log";
import { formatTable } from "../../cli/status";
import { emulatorInventory } from "./inventory";
import { QUICKSTART, siteHttpsArgs } from "./settings";

async function createChecked(name: string, handlers: ResourceProvider, args: Record<string, unknown>) {
  const checked = await handlers.check({}, args);
  if (checked.failures?.length) throw new Error(`${name}: ${checked.failures.map((f) => f.reason).join(" ")}`);
  const { id, outs } = await handlers.create(checked.inputs ?? args);
  return { handlers, id, outs };
}

/** `logSink`: where the provider's progress lines go (default: stdout and stderr). */
export async function runWithoutCli(emulator: EmulatorHandle, print: (text: string) => void, logSink?: LogSink): Promise<void> {
  const config: Record<string, string> = {
    "tencentcloud-https:secretId": emulator.secretId,
    "tencentcloud-https:secretKey": emulator.secretKey,
    "tencentcloud-https:endpoint": emulator.url,
  };
  const provider = createProvider({ logSink });
  provider.configure({ config: { get: (k: string) => config[k] } });
  print("Instead, creating the quick start's resources through the provider directly ...\n");
  const site = await createChecked("site", provider.cdnHttpsConfig, siteHttpsArgs(QUICKSTART.cdnDomain, QUICKSTART.certificateId));
  const cert = await createChecked("live-cert", provider.liveCertificate, { certificateId: QUICKSTART.certificateId, alias: "quick start" });
  const live = await createChecked("live-https", provider.liveDomainBinding, { certificateId: cert.outs.certificateId, domains: [...QUICKSTART.playDomains] });
  print(`\nHTTPS state in the emulator after create:\n${formatTable(await emulatorInventory(emulator), new Date())}`);
  for (const r of [live, cert, site]) await r.handlers.delete(r.id, r.outs);
  print(`\nHTTPS state in the emulator after delete:\n${formatTable(await emulatorInventory(emulator), new Date())}`);
}
