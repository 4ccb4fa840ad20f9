// The FreeCertificate handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds): the adapter. A free TrustAsia certificate (one domain, three months) from
// SSL Certificate Management, from application to issuance and renewal; its id is the certificate id.
import type * as pulumi from "@pulumi/pulumi";
import type { EngineRecord } from "../runtime/validate";
import { checkFreeCertificate } from "./check";
import { diffFreeCertificate } from "./diff";
import { readFreeCertificate } from "./read";
import type { FreeCertificateOutputs } from "./shape";
import { createFreeCertificate, deleteFreeCertificate, updateFreeCertificate } from "./write";

/** Old outputs as state: written by this provider, so they have its shape. */
const stateOf = (olds: EngineRecord | undefined) => olds as (FreeCertificateOutputs & EngineRecord) | undefined;

export const freeCertificateHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: async (_olds, news) => checkFreeCertificate(news ?? {}),
  diff: (id, olds, news) => diffFreeCertificate(id, olds ?? {}, news ?? {}),
  create: (inputs) => createFreeCertificate(inputs),
  read: (id, props) => readFreeCertificate(id, stateOf(props)),
  update: (id, olds, news) => updateFreeCertificate(id, olds, news),
  delete: (id, props) => deleteFreeCertificate(id, stateOf(props)),
};
