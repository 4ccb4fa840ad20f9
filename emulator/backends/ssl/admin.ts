// Console edits of SSL certificates and what the CA or the SSL console does to free certificates,
// out of band (no API rules but the console's own): a rename, a published validation record, a
// status (rejected, cancelled, revoked, ...), a renewal or a reissue made in the console.
import { AdminRoute, OK } from "../../core/backend";
import { adminBody, assertShape, bodyString, object, oneOf, SeedError, text } from "../../core/seed";
import type { SslCertificatePatch } from "../../types";
import { FreeApplication, setFreeStatus } from "./free";
import type { SslBackend } from "./model";
import { EVENT_STATUS_NAMES, EventStatus } from "./statuses";

/** A rename in the SSL console. */
export function editSslCertificate(ssl: SslBackend, id: string, patch: SslCertificatePatch): void {
  assertShape(patch, object({ alias: text }), "patch");
  const record = ssl.certificate(id);
  if (!record) throw new SeedError(`ssl certificate ${id} does not exist`);
  if (patch.alias !== undefined) record.alias = patch.alias;
}

function freeCertificate(ssl: SslBackend, id: string): FreeApplication {
  const app = ssl.application(id);
  if (!app) throw new SeedError(`free certificate ${id} does not exist`);
  return app;
}

/**
 * A renewal (续费) made by Tencent Cloud's side, the console's: a new application for the same domain, key algorithm
 * and validation method that renews `id`, under the rules ApplyCertificate's OldCertificateId follows (the last 30
 * days, one renewal). Its alias is "<id>的自动续费证书" (id's automatic renewal), as the documented DescribeCertificates
 * example shows a renewal of K926htp2 (guess: a renewal made in the console is named the same way).
 */
export function renewInConsole(ssl: SslBackend, id: string): FreeApplication {
  const old = freeCertificate(ssl, id);
  const refusal = ssl.renewalRefusal(old);
  if (refusal) throw refusal;
  return ssl.apply({ domain: old.domain, method: old.method, keyAlgorithm: old.keyAlgorithm, alias: `${old.id}的自动续费证书`, renews: old });
}

/**
 * The console's reissue (重颁发) of an issued certificate: a new application for the same domain (CertificateExtra.ReplacedBy
 * names the original), the original shows "reissuing" (status 11) and ReplacedFor names the reissue until it issues.
 */
export function reissueInConsole(ssl: SslBackend, id: string): FreeApplication {
  const original = freeCertificate(ssl, id);
  if (!original.issued || original.event) throw new SeedError(`free certificate ${id} is not issued (or is ${original.event?.status}), so it cannot be reissued`);
  if (original.reissuedAs) throw new SeedError(`free certificate ${id} was reissued as ${original.reissuedAs} already`);
  return ssl.apply({ domain: original.domain, method: original.method, keyAlgorithm: original.keyAlgorithm, alias: original.alias, reissueOf: original });
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
  { method: "POST", path: "free-certificate/status", body: `{"id", "status": ${EVENT_STATUS_NAMES.join(" | ")}, "message"?}`,
    does: "the CA or the console puts a free certificate in a documented status (rejected and cancelled while pending, revoked and reissuing once issued, ...); message: its StatusMsg",
    run: ({ account }, _q, body) => {
      assertShape(body, adminBody({ id: text, status: oneOf(...EVENT_STATUS_NAMES), message: text }, ["id", "status"]), "body");
      const app = freeCertificate(account.ssl, body.id);
      try {
        setFreeStatus(app, body.status as EventStatus, body.message);
      } catch (e) {
        throw new SeedError((e as Error).message);
      }
      return OK;
    } },
  { method: "POST", path: "free-certificate/renew", body: '{"id"}', does: "a renewal made in the SSL console: a new application renewing this certificate (answers its id)",
    run: ({ account }, _q, body) => ({ status: 200, body: { ok: true, id: renewInConsole(account.ssl, bodyString(body, "id")).id } }) },
  { method: "POST", path: "free-certificate/reissue", body: '{"id"}', does: "a reissue made in the SSL console: a new application replacing this issued certificate (answers its id)",
    run: ({ account }, _q, body) => ({ status: 200, body: { ok: true, id: reissueInConsole(account.ssl, bodyString(body, "id")).id } }) },
];
