// Console edits of CDN domains (POST /_emulator/cdn-domain, /_emulator/cdn-domain/remove): applied
// as is, no API rules, no deployment.
import type { CdnDomainStatus, ForceRedirect, Https } from "../../../provider/tencentcloud/types";
import { AdminRoute, OK } from "../../core/backend";
import { chinaTime } from "../../core/format";
import { apiObject, assertShape, bodyString, nullable, object, Shape, text } from "../../core/seed";
import { specOf } from "../../core/spec";
import type { CdnDomainPatch } from "../../types";
import { defaultForceRedirect, defaultHttps } from "./defaults";
import type { CdnBackend, CdnDomainRecord } from "./model";
import { CDN_STATUS, mergeHttps } from "./seed";

let patchShape: Shape | undefined;
/** The console's fields, and any member of the domain as DescribeDomainsConfig shows it (null removes it). */
function cdnPatchShape(): Shape {
  patchShape ??= object({
    status: CDN_STATUS, https: nullable(apiObject("cdn", "Https")), forceRedirect: nullable(apiObject("cdn", "ForceRedirect")),
    failNextDeployment: nullable(text), originType: text,
    ...Object.fromEntries(specOf("cdn").object("DetailDomain").members.map((m) => [m.name, { kind: "any" } as Shape])),
  });
  return patchShape;
}

/** A change made in the console: applied as is, no rules, no deployment. */
export function editCdnDomain(cdn: CdnBackend, record: CdnDomainRecord, patch: CdnDomainPatch): void {
  assertShape(patch, cdnPatchShape(), "patch");
  const detail = record.detail;
  for (const [k, v] of Object.entries(patch)) {
    switch (k) {
      case "status":
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
