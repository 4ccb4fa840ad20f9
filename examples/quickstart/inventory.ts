// The emulator's HTTPS state as `tencent-https status` shows it, for the demo's printouts.
import type { EmulatorHandle } from "../../emulator";
import { collectStatus, StatusRow } from "../../cli/status";
import { TencentCloudClient } from "../../provider/tencentcloud/client";

export async function emulatorInventory(emulator: EmulatorHandle): Promise<StatusRow[]> {
  const client = new TencentCloudClient({ credentials: { secretId: emulator.secretId, secretKey: emulator.secretKey }, endpoint: emulator.url });
  return collectStatus(client);
}
