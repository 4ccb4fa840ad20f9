// The CdnHttpsConfig handlers (pulumi.dynamic.ResourceProvider without configure, which
// provider/index.ts adds). Each handler is a thin adapter over its module.
import type * as pulumi from "@pulumi/pulumi";
import { createCdnHttpsConfig, deleteCdnHttpsConfig, updateCdnHttpsConfig } from "./write";
import { checkCdnHttpsConfig } from "./check";
import { diffCdnHttpsConfig } from "./diff";
import { readCdnHttpsConfig } from "./read";

export const cdnHttpsConfigHandlers: Required<Omit<pulumi.dynamic.ResourceProvider, "configure">> = {
  check: (olds, news) => checkCdnHttpsConfig(olds ?? {}, news ?? {}),
  diff: async (_id, olds, news) => {
    const { changes, replaces, deleteBeforeReplace } = diffCdnHttpsConfig(olds ?? {}, news ?? {});
    return { changes, replaces, deleteBeforeReplace };
  },
  create: (inputs) => createCdnHttpsConfig(inputs),
  read: (id, props) => readCdnHttpsConfig(id, props),
  update: (id, olds, news) => updateCdnHttpsConfig(id, olds, news),
  delete: (id, props) => deleteCdnHttpsConfig(id, props),
};

export type { CdnHttpsConfigOutputs } from "./outputs";
