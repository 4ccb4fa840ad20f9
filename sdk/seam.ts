import * as pulumi from "@pulumi/pulumi";

export type ResourceKind = "cdnHttpsConfig" | "liveCertificate" | "liveDomainBinding";

// The object Pulumi serializes into state as `__provider` (twice per resource). It holds nothing
// but the resource kind and loads the installed library at run time, so state never freezes old
// handler code and the text stays small (see ARCHITECTURE.md, "The provider seam"). `require`
// resolves from the dynamic-provider host's cwd: the user's project, where this package is
// installed. Terse on purpose: every character is stored in state, twice per resource.
function seam(k: ResourceKind): pulumi.dynamic.ResourceProvider {
  const h = (m: string, a: unknown[]) => require("pulumi-tencentcloud-https/provider")[k][m](...a);
  return {
    configure: (...a) => h("configure", a),
    check: (...a) => h("check", a),
    diff: (...a) => h("diff", a),
    create: (...a) => h("create", a),
    read: (...a) => h("read", a),
    update: (...a) => h("update", a),
    delete: (...a) => h("delete", a),
  };
}

// One instance per kind, created once: Pulumi caches serialization per provider object.
export const seams: Record<ResourceKind, pulumi.dynamic.ResourceProvider> = {
  cdnHttpsConfig: seam("cdnHttpsConfig"),
  liveCertificate: seam("liveCertificate"),
  liveDomainBinding: seam("liveDomainBinding"),
};
