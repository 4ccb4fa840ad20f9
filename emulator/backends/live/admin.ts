// Console edits of CSS bindings (POST /_emulator/live-binding): applied as is, no API rules.
import { AdminRoute, OK } from "../../core/backend";
import { assertShape, bodyString, nullable, object, oneOf, SeedError, text } from "../../core/seed";
import type { LiveBindingPatch } from "../../types";
import type { LiveBackend } from "./model";

const PATCH_SHAPE = nullable(object({ cloudCertId: text, status: oneOf(0, 1) }));

export function editLiveBinding(live: LiveBackend, name: string, patch: LiveBindingPatch | null): void {
  assertShape(patch, PATCH_SHAPE, "patch");
  const r = live.domain(name);
  if (!r) throw new SeedError(`live domain ${name} does not exist`);
  if (patch === null) {
    r.binding = undefined;
    return;
  }
  const certId = patch.cloudCertId ?? r.binding?.cloudCertId;
  if (!certId) throw new SeedError(`live domain ${name} has no binding: give cloudCertId`);
  if (!live.account.ssl.certificate(certId)) throw new SeedError(`ssl certificate ${certId} does not exist`);
  const httpsOn = patch.status === undefined ? (r.binding?.httpsOn ?? false) : patch.status === 1;
  r.binding = { cloudCertId: certId, httpsOn, updateTime: live.now() };
}

export const liveAdminRoutes: AdminRoute[] = [
  { method: "POST", path: "live-binding", body: '{"domain", "patch": LiveBindingPatch | null}', does: "a console edit of a CSS domain's certificate binding (null unbinds)",
    run: ({ account }, _q, body) => {
      editLiveBinding(account.live, bodyString(body, "domain").toLowerCase(), body.patch === undefined ? null : body.patch);
      return OK;
    } },
];
