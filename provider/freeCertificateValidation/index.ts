// The FreeCertificateValidation handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds): the adapter. The ACM pattern (aws_acm_certificate_validation): the
// FreeCertificate returns at once with its validation records, the program's DNS record resource
// publishes them, and this resource, created after it, waits until the certificate is issued. Users
// of the certificate take this resource's certificateId, so they wait too. Its id is the certificate id.
import type * as pulumi from "@pulumi/pulumi";
import type { EngineRecord } from "../runtime/validate";
import { checkFreeCertificateValidation } from "./check";
import { diffFreeCertificateValidation } from "./diff";
import { readFreeCertificateValidation } from "./read";
import type { FreeCertificateValidationOutputs } from "./shape";
import { createFreeCertificateValidation, deleteFreeCertificateValidation, updateFreeCertificateValidation } from "./write";

/** Old outputs as state: written by this provider, so they have its shape. */
const stateOf = (olds: EngineRecord | undefined) => olds as (FreeCertificateValidationOutputs & EngineRecord) | undefined;

export const freeCertificateValidationHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: async (_olds, news) => checkFreeCertificateValidation(news ?? {}),
  diff: async (_id, olds, news) => diffFreeCertificateValidation(olds ?? {}, news ?? {}),
  create: (inputs) => createFreeCertificateValidation(inputs),
  read: (id, props) => readFreeCertificateValidation(id, stateOf(props)),
  update: (id, olds, news) => updateFreeCertificateValidation(id, olds, news),
  delete: (id) => deleteFreeCertificateValidation(id),
};
