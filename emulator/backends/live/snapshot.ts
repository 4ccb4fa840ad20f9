// The CSS part of GET /_emulator/state: each domain with its certificate binding.
import { chinaTime } from "../../core/format";
import type { EmulatorSnapshot } from "../../types";
import type { LiveBackend } from "./model";

export function liveSnapshot(live: LiveBackend): Pick<EmulatorSnapshot, "liveDomains"> {
  return {
    liveDomains: live.all().map((r) => ({
      ...structuredClone(r.info),
      binding: r.binding ? { cloudCertId: r.binding.cloudCertId, status: r.binding.httpsOn ? 1 : 0, updateTime: chinaTime(r.binding.updateTime) } : null,
    })),
  };
}
