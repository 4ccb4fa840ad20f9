// Console edits of CDN domains (POST /_emulator/cdn-domain, /_emulator/cdn-domain/remove): applied
// as is, no API rules, no deployment.
import type { CdnDomainStatus, ForceRedirect, Https } from "../../../provider/tencentcloud/types";
import { AdminRoute, OK } from "../../core/backend";
import { chinaTime } from "../../core/format";
import { bodyString, SeedError } from "../../core/seed";
import type { CdnDomainPatch } from "../../types";
import { defaultForceRedirect, defaultHttps } from "./defaults";
import type { CdnBackend, CdnDomainRecord } from "./model";
import { CDN_STATUSES, mergeHttps } from "./seed";

/** A change made in the console: applied as is, no rules, no deployment. */
export function editCdnDomain(cdn: CdnBackend, record: CdnDomainRecord, patch: CdnDomainPatch): void {
  const detail = record.detail;
  for (const [k, v] of Object.entries(patch)) {
    switch (k) {
      case "status":
        if (!CDN_STATUSES.has(v as string)) throw new SeedError(`unknown status "${String(v)}"`);
        detail.Status = v as CdnDomainStatus;
        break;
      case "https":
        detail.Https = v === null ? defaultHttps() : mergeHttps(cdn, detail.Https, v as Partial<Https>);
        break;
      case "forceRedirect":
        detail.ForceRedirect = v === null ? defaultForceRedirect() : { ...defaultForceRedirect(), ...(detail.ForceRedirect ?? {}), ...(v as ForceRedirect) };
        break;
      case "failNextDeployment":
        record.failNextDeployment = typeof v === "string" ? v : undefined;
        break;
      case "originType":
        detail.Origin = { ...detail.Origin, OriginType: String(v) };
        break;
      default:
        if (!/^[A-Z]/.test(k)) throw new SeedError(`unknown patch field "${k}"`);
        if (v === null) delete detail[k];
        else detail[k] = structuredClone(v);
    }
  }
  detail.UpdateTime = chinaTime(cdn.now());
}

export const cdnAdminRoutes: AdminRoute[] = [
  { method: "POST", path: "cdn-domain", body: '{"domain", "patch": CdnDomainPatch}', does: "a console edit of a CDN domain (no rules, no deployment)",
    run: ({ account }, _q, body) => {
      const name = bodyString(body, "domain").toLowerCase();
      const record = account.cdn.domain(name);
      if (!record) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      editCdnDomain(account.cdn, record, body.patch ?? {});
      return OK;
    } },
  { method: "POST", path: "cdn-domain/remove", body: '{"domain"}', does: "removes a CDN domain",
    run: ({ account }, _q, body) => {
      const name = bodyString(body, "domain").toLowerCase();
      if (!account.cdn.remove(name)) return { status: 404, body: { error: `cdn domain ${name} does not exist` } };
      return OK;
    } },
];
