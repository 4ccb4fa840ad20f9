// The CDN part of GET /_emulator/state: each domain as the backend holds it (DescribeDomainsConfig
// before shaping), with its pending deployment and any failure set up for the next one.
import { chinaTime } from "../../core/format";
import type { EmulatorSnapshot } from "../../types";
import type { CdnBackend } from "./model";

export function cdnSnapshot(cdn: CdnBackend): Pick<EmulatorSnapshot, "cdnDomains"> {
  return {
    cdnDomains: cdn.all().map((r) => ({
      ...structuredClone(r.detail),
      ...(r.deployment ? { _deployment: { endsAt: chinaTime(r.deployment.until), willFail: r.deployment.failMessage !== undefined } } : {}),
      ...(r.failNextDeployment !== undefined ? { _failNextDeployment: r.failNextDeployment } : {}),
    })),
  };
}
