import * as pulumi from "@pulumi/pulumi";
import { RESOURCE_KINDS, ResourceKind } from "../provider/registry";

export type { ResourceKind };

// The object Pulumi serializes into state as `__provider` (twice per resource). It holds nothing
// but the resource kind and loads the installed library at run time, so state never freezes old
// handler code (see docs/architecture.md, "The provider seam"). `require` resolves from the
// dynamic-provider host's cwd: the user's project, where this package is installed.
//
// Size: every serialized function costs ~150 bytes of wrapper, so seven delegating methods came
// to 2.05 KB. Instead `configure` (which the host always awaits before any other call on a
// freshly deserialized provider) installs the delegates on the deserialized copy; the
// placeholders only say so if someone calls a method first. Do not call methods on `seams`
// itself: configure would install live closures on the object Pulumi serializes.
const unconfigured = (): never => {
  throw new Error("pulumi-tencentcloud-https: call configure() on the deserialized provider first, as the Pulumi engine does");
};

function seam(k: ResourceKind): pulumi.dynamic.ResourceProvider {
  return {
    k,
    configure(this: any, req: pulumi.dynamic.ConfigureRequest) {
      const p = require("pulumi-tencentcloud-https/provider")[this.k];
      for (const m of ["check", "diff", "create", "read", "update", "delete"]) this[m] = (...a: any[]) => p[m](...a);
      return p.configure(req);
    },
    check: unconfigured, diff: unconfigured, create: unconfigured,
    read: unconfigured, update: unconfigured, delete: unconfigured,
  } as pulumi.dynamic.ResourceProvider;
}

// One instance per kind, created once: Pulumi caches serialization per provider object.
export const seams = Object.fromEntries(RESOURCE_KINDS.map((k) => [k, seam(k)])) as Record<ResourceKind, pulumi.dynamic.ResourceProvider>;
