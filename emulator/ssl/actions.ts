// SSL Certificate Management (ssl 2019-12-05) actions: UploadCertificate, DescribeCertificateDetail,
// DeleteCertificate, ModifyCertificateAlias, and the free certificates' (freeActions.ts). Parameters in, the model's view out (shaped by the spec).
import { ApiError, optionalString, requireString, invalidValue } from "../errors";
import type { ActionContext, Params, ServiceActions } from "../actions";
import { freeCertificateHandlers } from "./freeActions";
import { certificateById, certificateDetail, deleteCertificate, parseUpload, storeUpload, UploadInput } from "./model";

/** Tags as UploadCertificate takes them (the spec check has let only {TagKey, TagValue} strings through). */
function tagsOf(value: unknown): { TagKey: string; TagValue: string }[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalidValue("Tags", "expected a list of {TagKey, TagValue}");
  return value.map((t: { TagKey?: unknown; TagValue?: unknown }) => {
    if (typeof t?.TagKey !== "string" || typeof t?.TagValue !== "string") throw invalidValue("Tags", "every tag needs a TagKey and a TagValue");
    return { TagKey: t.TagKey, TagValue: t.TagValue };
  });
}

function uploadCertificate(params: Params, { state }: ActionContext) {
  const certificate = requireString(params, "CertificatePublicKey");
  const certificateType = optionalString(params, "CertificateType") ?? "SVR";
  if (certificateType !== "SVR" && certificateType !== "CA") throw invalidValue("CertificateType", "expected SVR or CA");
  const privateKey = optionalString(params, "CertificatePrivateKey");
  if (certificateType === "SVR" && !privateKey) throw new ApiError("MissingParameter", "The request is missing a required parameter `CertificatePrivateKey`.");
  const repeatable = params.Repeatable === undefined ? true : params.Repeatable;
  if (typeof repeatable !== "boolean") throw invalidValue("Repeatable", "expected a boolean");
  const projectId = params.ProjectId === undefined ? undefined : Number(params.ProjectId); // the spec check let only integers through
  const input: UploadInput = {
    certificate,
    privateKey,
    keyPassword: optionalString(params, "KeyPassword"),
    alias: optionalString(params, "Alias"),
    certificateType,
    certificateUse: optionalString(params, "CertificateUse"),
    projectId,
    repeatable,
    tags: tagsOf(params.Tags),
  };
  const { record, repeated } = storeUpload(state, input, parseUpload(input));
  // The documented examples: RepeatCertId is the matched certificate's id, or "" for a new one.
  return { CertificateId: record.id, RepeatCertId: repeated ? record.id : "" };
}

function describeCertificateDetail(params: Params, { state }: ActionContext) {
  return certificateDetail(certificateById(state, requireString(params, "CertificateId")), state.now());
}

function modifyCertificateAlias(params: Params, { state }: ActionContext) {
  const record = certificateById(state, requireString(params, "CertificateId"));
  record.alias = optionalString(params, "Alias") ?? "";
  return { CertificateId: record.id };
}

/** guess: no resource-check task is modelled, so IsCheckResource refuses or deletes at once; its
 *  answer carries TaskId (null: no task), as the documented asynchronous example has one. */
function deleteCertificateAction(params: Params, { state }: ActionContext) {
  const checkResources = params.IsCheckResource === true;
  deleteCertificate(state, requireString(params, "CertificateId"), checkResources);
  return checkResources ? { DeleteResult: true, TaskId: null } : { DeleteResult: true };
}

export const sslActions: ServiceActions<"ssl"> = {
  handlers: {
    UploadCertificate: uploadCertificate,
    ModifyCertificateAlias: modifyCertificateAlias,
    ...freeCertificateHandlers({ DescribeCertificateDetail: describeCertificateDetail, DeleteCertificate: deleteCertificateAction }),
  },
};
