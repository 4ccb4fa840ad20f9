// LiveDomainBinding, defined once: the zod schema of its arguments with their defaults (one
// sentence per bad value, unknown argument names rejected) is the single source of the checked
// inputs (z.output: domains normalised, deduplicated and sorted); the documented Args interface is
// proven equal to its z.input; the state type and its computed keys; the state's version; the
// handlers (check.ts, diff.ts, read.ts, write.ts).
import { z } from "zod";
import type { DomainName } from "../certificate";
import { bindingIdFor, type BindingView, normalizeDomains } from "../rules/live";
import { defineResource, renameKeys, type EngineRecord } from "../runtime/resource";
import { argumentsError, sslCertIdArg } from "../runtime/argumentSchemas";
import type { Assert, Equal, WithDefaults } from "../runtime/shapeTypes";

/**
 * Each domain is looked up once at check; beyond this, split the domains across several bindings.
 * Ours: ModifyLiveDomainCertBindings documents no number (its DomainInfos list; spec/live.api.json),
 * and 100 is the most domains an account may add to CSS (AddLiveDomain's FailedOperation.HostOutLimit).
 */
export const MAX_DOMAINS_PER_BINDING = 100;

const ARGUMENTS = "certificateId, domains and optionally enableHttps";
const CERT_ID = "the id of the SSL certificate to bind, usually liveCertificate.certificateId";

export const liveDomainBindingArgsSchema = z.strictObject({
  // Checked before check asks the API about it: a path or blank never reaches a request.
  certificateId: sslCertIdArg("certificateId", `certificateId is required: ${CERT_ID}.`),
  domains: z.array(
    z.string({ error: "domains entries must be domain names such as play.example.com." })
      .min(1, { error: "domains entries cannot be empty; give a CSS playback domain such as play.example.com." }),
    { error: (iss) => (iss.input === undefined
      ? "domains is required: the CSS playback domains to bind, such as [\"play.example.com\"]."
      : "domains must be a list of CSS playback domains, such as [\"play.example.com\"].") })
    .min(1, { error: "domains must name at least one CSS playback domain." })
    .max(MAX_DOMAINS_PER_BINDING, { error: `domains lists too many domains: at most ${MAX_DOMAINS_PER_BINDING} per LiveDomainBinding; split them across several bindings.` })
    .transform(normalizeDomains),
  enableHttps: z.boolean({ error: "enableHttps must be true or false." }).default(true),
}, { error: argumentsError("LiveDomainBinding", ARGUMENTS) });

/** The arguments as a program gives them (proven equal to the schema's z.input; see runtime/shapeTypes.ts). */
export interface LiveDomainBindingArgs {
  /** The certificate to bind, usually `liveCertificate.certificateId`. Changing it rebinds in place. */
  certificateId: string;
  /** CSS playback domains covered by the certificate; order, case and trailing dots do not matter. */
  domains: string[];
  /** Turn HTTPS on (default). When false, only the certificate is updated and each domain keeps its HTTPS state. */
  enableHttps?: boolean;
}
export type _LiveDomainBindingArgsAreTheSchema = Assert<Equal<LiveDomainBindingArgs, z.input<typeof liveDomainBindingArgsSchema>>>;

/** The arguments under their former names, which still work (with a warning) until 1.0. */
export interface LiveDomainBindingDeprecatedArgs extends Omit<LiveDomainBindingArgs, "certificateId"> {
  /** @deprecated Renamed `certificateId`. */
  cloudCertId: string;
}

/** The arguments once checked, with the default applied and the domains normalised. */
export type LiveDomainBindingInputs = WithDefaults<LiveDomainBindingArgs, z.output<typeof liveDomainBindingArgsSchema>>;
/** The argument names, in the schema's order. */
export const ARG_KEYS = Object.keys(liveDomainBindingArgsSchema.shape) as (keyof LiveDomainBindingArgs)[];

/** One row of the console's certificate view, as the `bindings` output holds it. */
export type LiveDomainBindingView = BindingView;

/** What the handlers keep in state (and return from read): the inputs diff needs, plus the view. */
export interface LiveDomainBindingOutputs {
  /** The certificate bound. */
  certificateId: string;
  /** The bound domains, normalised and sorted. */
  domains: DomainName[];
  /** Whether HTTPS is declared on (see the argument). */
  enableHttps: boolean;
  /** Domain, HTTPS state, certificate, remarks, source and expiration, as the API reports them. */
  bindings: LiveDomainBindingView[];
  /**
   * Per domain, the certificate this binding bound it to: what it *set*, kept apart from what the
   * API serves now, so destroy unbinds every domain it bound, on an old certificate (a move the API
   * refused) as well as the new one (docs/ownership.md).
   */
  boundTo: Record<string, string>;
}

/** The outputs that are computed, not given: the sdk lists them so Pulumi creates their outputs. */
export const COMPUTED_KEYS = ["bindings", "boundTo"] as const satisfies readonly (keyof LiveDomainBindingOutputs)[];

/** Lock key of one live domain, distinct from the CDN resource's keys. */
export function liveDomainLockKey(domain: string): string {
  return `live:${domain}`;
}

/** A version 0 row of `bindings`: the view's names then. */
const VIEW_RENAMES = { cloudCertId: "certificateId", remarks: "alias", certExpiresAt: "expiresAt" };

/**
 * A state written before versions: its view rows under their new names, and, from before the
 * per-domain record, `boundTo`: every recorded domain was bound to the recorded certificate.
 */
function upgrade(state: EngineRecord): LiveDomainBindingOutputs {
  const s: EngineRecord = { ...state, bindings: Array.isArray(state.bindings) ? state.bindings.map((b: EngineRecord) => renameKeys(b, VIEW_RENAMES)) : [] };
  if (!s.boundTo || typeof s.boundTo !== "object") {
    const domains: string[] = Array.isArray(s.domains) ? s.domains.map(String) : [];
    s.boundTo = typeof s.certificateId === "string" ? Object.fromEntries(domains.map((d) => [d, s.certificateId])) : {};
  }
  return s as LiveDomainBindingOutputs;
}

export const liveDomainBinding = defineResource<LiveDomainBindingArgs, LiveDomainBindingInputs, LiveDomainBindingOutputs>({
  type: "LiveDomainBinding",
  schema: liveDomainBindingArgsSchema,
  computed: COMPUTED_KEYS,
  renamed: { cloudCertId: "certificateId" },
  renamedOutputs: { cloudCertId: "certificateId" },
  version: 1,
  upgrade,
  inputsOf: (state) => ({ certificateId: state.certificateId, domains: state.domains, enableHttps: state.enableHttps }),
  idOf: (state) => bindingIdFor(state.domains),
  handlers() {
    const { check } = require("./check") as typeof import("./check");
    const { diff } = require("./diff") as typeof import("./diff");
    const { read, lookup, describeDifference } = require("./read") as typeof import("./read");
    const { create, update, remove } = require("./write") as typeof import("./write");
    return { check, diff, create, read, lookup, describeDifference, update, delete: remove };
  },
});
