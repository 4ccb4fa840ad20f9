// The sdk hands each resource's name and stack to the provider as hidden inputs, since the dynamic
// provider's check gets no URN: `__resourceName` (the ownership registry's key) and `__stack` (the
// SSL tag a LiveCertificate's upload carries). Run under Pulumi's mocks, as a program would.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, LiveCertificate, LiveDomainBinding } from "../../sdk";

describe("ownership: the sdk's hidden inputs", function () {
  it("every resource passes its name as __resourceName and the stack as __stack", async function () {
    const seen: Record<string, Record<string, unknown>> = {};
    await pulumi.runtime.setMocks({
      newResource(a) { seen[a.name] = a.inputs; return { id: `${a.name}-id`, state: {} }; },
      call: (a) => a.inputs,
    }, "proj", "dev");
    new CdnHttpsConfig("site", { domain: "cdn.example.com", certificateId: "abc" });
    new LiveCertificate("play-cert", { certificateId: "abc" });
    new LiveDomainBinding("play", { certificateId: "abc", domains: ["p.example.com"] });
    for (let i = 0; i < 200 && Object.keys(seen).length < 3; i++) await new Promise((r) => setTimeout(r, 5));
    for (const name of ["site", "play-cert", "play"]) {
      expect(seen[name], name).to.include({ __resourceName: name, __stack: "proj/dev" });
    }
  });
});
