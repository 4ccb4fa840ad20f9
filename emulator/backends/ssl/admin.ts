// Console edits of SSL certificates and free-certificate applications (POST
// /_emulator/ssl-certificate, /_emulator/free-certificate/record-present): applied as is, no API rules.
import { AdminRoute, OK } from "../../core/backend";
import { assertShape, bodyString, object, SeedError, text } from "../../core/seed";
import type { SslCertificatePatch } from "../../types";
import type { SslBackend } from "./model";

/** A rename in the SSL console. */
export function editSslCertificate(ssl: SslBackend, id: string, patch: SslCertificatePatch): void {
  assertShape(patch, object({ alias: text }), "patch");
  const record = ssl.certificate(id);
  if (!record) throw new SeedError(`ssl certificate ${id} does not exist`);
  if (patch.alias !== undefined) record.alias = patch.alias;
}

export const sslAdminRoutes: AdminRoute[] = [
  { method: "POST", path: "ssl-certificate", body: '{"id", "patch": {"alias"}}', does: "a rename in the SSL console",
    run: ({ account }, _q, body) => {
      editSslCertificate(account.ssl, bodyString(body, "id"), body.patch ?? {});
      return OK;
    } },
  { method: "POST", path: "free-certificate/record-present", body: '{"id"}', does: "the owner published the DNS or FILE validation record of this free-certificate application",
    run: ({ account }, _q, body) => {
      account.ssl.markRecordPresent(bodyString(body, "id"));
      return OK;
    } },
];
