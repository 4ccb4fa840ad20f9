// LiveCertificate, defined once: the zod schema of its arguments (one sentence per bad value,
// unknown argument names rejected) is the single source of the checked inputs; the documented Args
// interface is proven equal to its z.input; the state type and its computed keys; the form the
// inputs choose; the state's version; the handlers (check.ts, diff.ts, read.ts, write.ts).
import { z } from "zod";
import { rememberedFacts } from "../certificate";
import { defineResource, type EngineRecord } from "../runtime/resource";
import { certificateFormFailures, type CertSource } from "../rules/sslCertificate";
import { argumentsError, certificateArg, privateKeyArg, sslCertIdArg } from "../runtime/argumentSchemas";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";

const ARGUMENTS = "certificate and privateKey (self-owned), or certificateId (hosted), and optionally alias";

export const liveCertificateArgsSchema = z.strictObject({
  alias: z.string({ error: "alias must be a string (shown in the SSL console as the certificate's alias)." }).optional(),
  certificate: certificateArg(),
  privateKey: privateKeyArg(),
  certificateId: sslCertIdArg("certificateId").optional(),
}, { error: argumentsError("LiveCertificate", ARGUMENTS) });

/** The arguments as a program gives them (proven equal to the schema's z.input; see runtime/shapeTypes.ts). */
export interface LiveCertificateArgs {
  /**
   * The certificate's name (alias) in SSL Certificate Management. Changing it renames a certificate
   * this resource uploaded; an adopted one keeps its name (state only).
   */
  alias?: string;
  /** Self-owned: the certificate chain, PEM, leaf first. */
  certificate?: string;
  /** Self-owned: the private key, PEM. Stored as a secret; never an output. */
  privateKey?: string;
  /** Tencent Cloud-hosted: the certificate id in SSL Certificate Management. */
  certificateId?: string;
}
export type _LiveCertificateArgsAreTheSchema = Assert<Equal<LiveCertificateArgs, z.input<typeof liveCertificateArgsSchema>>>;

/** The arguments' former names, which still work (with a warning) until 1.0. */
export interface LiveCertificateDeprecatedArgs {
  /** @deprecated Renamed `certificateId`. */
  cloudCertId?: string;
  /** @deprecated Renamed `alias`. */
  remarks?: string;
}

/** The arguments once checked. */
export type LiveCertificateInputs = WithDefaults<LiveCertificateArgs, z.output<typeof liveCertificateArgsSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(liveCertificateArgsSchema.shape) as (keyof LiveCertificateArgs)[];

/** The checked arguments as the form they choose. */
export type ResolvedArgs =
  | { source: "self-owned"; certificate: string; privateKey: string; alias?: string }
  | { source: "hosted"; certificateId: string; alias?: string };

/** Certificate and key are what was parsed (canonical PEM, made by the schema): that is what is uploaded and becomes outputs. */
export function resolveArgs(a: LiveCertificateInputs): ResolvedArgs {
  return sourceOfInputs(a) === "hosted"
    ? { source: "hosted", certificateId: a.certificateId!, alias: a.alias }
    : { source: "self-owned", certificate: a.certificate!, privateKey: a.privateKey!, alias: a.alias };
}

/** The resource's state (its outputs). */
export interface LiveCertificateOutputs {
  /** The certificate id in SSL Certificate Management; bind domains with it. Also the resource id. */
  certificateId: string;
  /** self-owned (uploaded from your PEM) or hosted (issued in SSL Certificate Management). */
  source: CertSource;
  /**
   * True when this resource did not upload the certificate: hosted, found already in SSL
   * Certificate Management at upload (RepeatCertId), or imported. Delete leaves it there.
   */
  adopted: boolean;
  /** The alias as declared (the certificate's alias for one this resource uploaded). */
  alias?: string;
  /** Expiration time, ISO 8601 UTC. */
  expiresAt?: string;
  /** The DNS names (SANs) the certificate covers. */
  dnsNames: string[];
  /** SHA-256 of the leaf certificate, hex. */
  fingerprint?: string;
  /** SHA-256 over every certificate of the chain (DER, in order), hex: new intermediates under the same leaf are new material. */
  chainFingerprint?: string;
  /** The PEM of a self-owned certificate (never its key). */
  certificate?: string;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["source", "adopted", "expiresAt", "dnsNames", "fingerprint", "chainFingerprint"] as const satisfies readonly (keyof LiveCertificateOutputs)[];

/** Which form the inputs use; a value unknown at preview still counts as given. */
export function sourceOfInputs(inputs: Record<string, unknown>): CertSource {
  return inputs.certificateId !== undefined && inputs.certificate === undefined ? "hosted" : "self-owned";
}

/**
 * A state written before versions: without the chain fingerprint (states from before it, compared
 * by the leaf then; its own PEM gives it now) or the adopted flag (a missing flag counts as adopted:
 * we cannot prove we uploaded it).
 */
function upgrade(state: EngineRecord): LiveCertificateOutputs {
  const s = { ...state } as LiveCertificateOutputs;
  s.source ??= s.certificate ? "self-owned" : "hosted";
  if (s.adopted === undefined) s.adopted = true;
  if (s.chainFingerprint === undefined && s.source === "self-owned") {
    const chain = rememberedFacts(s.certificate)?.chainFingerprintSha256;
    if (chain) s.chainFingerprint = chain;
  }
  return s;
}

/** The arguments a state stands for (never the key). */
export function inputsOf(state: LiveCertificateOutputs): Partial<LiveCertificateArgs> {
  const alias = state.alias !== undefined ? { alias: state.alias } : {};
  return state.source === "self-owned" ? { certificate: state.certificate, ...alias } : { certificateId: state.certificateId, ...alias };
}

export const liveCertificate = defineResource<LiveCertificateArgs, LiveCertificateInputs, LiveCertificateOutputs>({
  type: "LiveCertificate",
  schema: liveCertificateArgsSchema,
  argumentRules: (args) => certificateFormFailures(args),
  computed: COMPUTED_KEYS,
  renamed: { cloudCertId: "certificateId", remarks: "alias" },
  renamedOutputs: { cloudCertId: "certificateId", remarks: "alias", domains: "dnsNames" },
  version: 1,
  upgrade,
  inputsOf,
  idOf: (state) => state.certificateId,
  handlers() {
    const { check } = require("./check") as typeof import("./check");
    const { diff } = require("./diff") as typeof import("./diff");
    const { read, lookup, describeDifference } = require("./read") as typeof import("./read");
    const { create, update, remove } = require("./write") as typeof import("./write");
    return { check, diff, create, read, lookup, describeDifference, update, delete: remove };
  },
});
