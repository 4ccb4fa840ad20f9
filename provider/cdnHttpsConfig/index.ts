// The CdnHttpsConfig handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds): the adapter. It turns the engine's records into typed values once (new
// inputs into resolved arguments, old outputs into state), so no module below it sees an untyped
// record; diff alone takes the raw new inputs, which may still hold values unknown at preview.
import type * as pulumi from "@pulumi/pulumi";
import { normalizeDomain } from "../certificate";
import { EngineRecord, reservedOf, resolveInputs } from "../runtime/validate";
import { checkCdnHttpsConfig } from "./check";
import { diffCdnHttpsConfig } from "./diff";
import { readCdnHttpsConfig } from "./read";
import { cdnHttpsConfigSchema, CdnHttpsConfigState, crossFieldFailures, ResolvedArgs, resolveArgs } from "./shape";
import { createCdnHttpsConfig, deleteCdnHttpsConfig, updateCdnHttpsConfig } from "./write";

type Props = EngineRecord;

function resolved(news: Props): ResolvedArgs {
  const args = resolveArgs(resolveInputs("CdnHttpsConfig", cdnHttpsConfigSchema, news, crossFieldFailures(news)));
  return { ...args, domain: normalizeDomain(args.domain) };
}

/** Old outputs as state: written by this provider, so they have its shape (older states lack newer optional fields). */
const stateOf = (olds: Props | undefined) => olds as CdnHttpsConfigState | undefined;

export const cdnHttpsConfigHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: async (_olds, news) => ({ inputs: news, failures: await checkCdnHttpsConfig(news ?? {}) }),
  diff: async (_id, olds, news) => diffCdnHttpsConfig(stateOf(olds) ?? {}, news ?? {}),
  create: (inputs) => createCdnHttpsConfig(resolved(inputs), reservedOf(inputs)),
  read: (id, props) => readCdnHttpsConfig(id, stateOf(props)),
  update: (id, olds, news) => updateCdnHttpsConfig(id, stateOf(olds)!, resolved(news), reservedOf(news)),
  delete: (id, props) => deleteCdnHttpsConfig(id, stateOf(props)),
};

export type { CdnHttpsConfigOutputs } from "./outputs";
