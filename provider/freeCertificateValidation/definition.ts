// FreeCertificateValidation, defined once. The ACM pattern (aws_acm_certificate_validation): the
// FreeCertificate returns at once with its validation records, the program's DNS record resource
// publishes them, and this resource, created after it, waits until the certificate is issued. Users
// of the certificate take this resource's certificateId, so they wait too. Its id is the certificate
// id. The zod schema of its arguments (one sentence per bad value) is the single source of the
// checked inputs, and its check: nothing is asked of the API, so a preview sends nothing.
import { z } from "zod";
import { argumentsError, sslCertIdArg } from "../runtime/argumentSchemas";
import { defineResource, type EngineRecord } from "../runtime/resource";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";

const ARGUMENTS = "certificateId, and optionally validationRecordIds";

export const freeCertificateValidationArgsSchema = z.strictObject({
  certificateId: sslCertIdArg("certificateId", "certificateId is required: the id of the free certificate to wait for, usually freeCertificate.certificateId."),
  validationRecordIds: z.array(z.string({ error: "validationRecordIds entries must be strings (the ids of your validation record resources)." }),
    { error: "validationRecordIds must be a list of strings, such as the ids of the DNS record resources that publish the validation records." }).optional(),
}, { error: argumentsError("FreeCertificateValidation", ARGUMENTS) });

/** The arguments as a program gives them (proven equal to the schema's z.input; see runtime/shapeTypes.ts). */
export interface FreeCertificateValidationArgs {
  /** The free certificate to wait for: a FreeCertificate's `certificateId`. Another id replaces the validation. */
  certificateId: string;
  /**
   * The ids of the resources that publish the validation records (a DNS record, a file). Never sent
   * anywhere: only so the validation visibly depends on them, as ACM's validation_record_fqdns.
   */
  validationRecordIds?: string[];
}
export type _FreeCertificateValidationArgsAreTheSchema = Assert<Equal<FreeCertificateValidationArgs, z.input<typeof freeCertificateValidationArgsSchema>>>;

/** The arguments once checked. */
export type FreeCertificateValidationSettings = WithDefaults<FreeCertificateValidationArgs, z.output<typeof freeCertificateValidationArgsSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(freeCertificateValidationArgsSchema.shape) as (keyof FreeCertificateValidationArgs)[];

/** The resource's state (its outputs). */
export interface FreeCertificateValidationOutputs extends FreeCertificateValidationSettings {
  /** The API's status as a word (FreeCertificate's `status`): `issued` once the create returns. */
  status: string;
  /** Start of validity, ISO 8601 UTC; absent until issued. */
  issuedAt?: string;
  /** End of validity, ISO 8601 UTC; absent until issued. */
  expiresAt?: string;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["status", "issuedAt", "expiresAt"] as const satisfies readonly (keyof FreeCertificateValidationOutputs)[];

export const freeCertificateValidation = defineResource<FreeCertificateValidationArgs, FreeCertificateValidationSettings, FreeCertificateValidationOutputs>({
  type: "FreeCertificateValidation",
  schema: freeCertificateValidationArgsSchema,
  computed: COMPUTED_KEYS,
  version: 1,
  upgrade: (state: EngineRecord) => state as FreeCertificateValidationOutputs,
  inputsOf: (state) => ({ certificateId: state.certificateId, ...(state.validationRecordIds ? { validationRecordIds: state.validationRecordIds } : {}) }),
  idOf: (state) => state.certificateId,
  handlers() {
    const { diff } = require("./diff") as typeof import("./diff");
    const { read, lookup } = require("./read") as typeof import("./read");
    const { create, update, remove } = require("./write") as typeof import("./write");
    return { check: async () => [], diff, create, read, lookup, update, delete: remove };
  },
});
