// The LiveCertificate handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds): the adapter. It turns the engine's records into typed values once (new
// inputs into resolved arguments, old outputs into state); diff alone takes the raw new inputs,
// which may still hold values unknown at preview.
import type * as pulumi from "@pulumi/pulumi";
import { EngineRecord, reservedOf, resolveInputs } from "../runtime/validate";
import { checkLiveCertificate } from "./check";
import { diffLiveCertificate } from "./diff";
import { readLiveCertificate } from "./read";
import { liveCertificateArgsSchema, LiveCertificateOutputs, resolveArgs, ResolvedArgs } from "./shape";
import { createLiveCertificate, deleteLiveCertificate, updateLiveCertificate } from "./write";

type Props = EngineRecord;

const resolved = (news: Props): ResolvedArgs => resolveArgs(resolveInputs("LiveCertificate", liveCertificateArgsSchema, news));
/** Old outputs as state: written by this provider, so they have its shape (older states lack newer optional fields). */
const stateOf = (olds: Props | undefined) => olds as LiveCertificateOutputs | undefined;

export const liveCertificateHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: async (_olds, news) => ({ inputs: news, failures: await checkLiveCertificate(news ?? {}) }),
  diff: async (_id, olds, news) => diffLiveCertificate(stateOf(olds) ?? {}, news ?? {}),
  create: (inputs) => createLiveCertificate(resolved(inputs), reservedOf(inputs).__stack),
  read: (id, props) => readLiveCertificate(id, stateOf(props)),
  update: (id, olds, news) => updateLiveCertificate(id, stateOf(olds)!, resolved(news)),
  delete: (id, props) => deleteLiveCertificate(id, stateOf(props)),
};
