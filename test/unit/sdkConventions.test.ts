// What every generated Pulumi package's classes offer, in this sdk (issue 25): `get`, `isInstance`,
// the caller's additionalSecretOutputs kept, `{ import: id }` handed to the provider as the hidden
// input `__import` (the engine cannot import a dynamic resource), and outputs renamed since a state
// was written read from their old names. Run under Pulumi's mocks, as a program would.
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig, FreeCertificate, LiveCertificate, LiveDomainBinding } from "../../sdk";
import { ResourceSdk } from "../../sdk/internal";

type Registered = { name: string; id?: string; inputs: Record<string, unknown> };

function outputOf<T>(o: pulumi.Output<T>): Promise<T> {
  return new Promise((resolve) => o.apply((v) => { resolve(v); return v; }));
}

describe("sdk conventions", function () {
  const registered: Registered[] = [];
  /** State the mock engine answers with, by resource name (default: the inputs). */
  const states: Record<string, Record<string, unknown>> = {};

  before(async function () {
    await pulumi.runtime.setMocks({
      newResource(a) {
        registered.push({ name: a.name, id: a.id, inputs: a.inputs });
        return { id: a.id ?? `${a.name}-id`, state: states[a.name] ?? a.inputs };
      },
      call: (a) => a.inputs,
    }, "proj", "dev");
  });

  const seen = async (name: string): Promise<Registered> => {
    for (let i = 0; i < 200; i++) {
      const r = registered.find((x) => x.name === name);
      if (r) return r;
      await new Promise((res) => setTimeout(res, 5));
    }
    throw new Error(`${name} was never registered`);
  };

  it("get reads an existing resource by id, with no arguments of the program", async function () {
    CdnHttpsConfig.get("existing-site", "cdn.example.com");
    const r = await seen("existing-site");
    expect(r.id).to.equal("cdn.example.com");
    expect(Object.entries(r.inputs).filter(([k, v]) => !k.startsWith("__") && v !== undefined)).to.deep.equal([]);
  });

  it("isInstance tells its own type, also across classes of the same sdk", function () {
    const site = new CdnHttpsConfig("is-site", { domain: "cdn.example.com", certificateId: "abc" });
    const cert = new LiveCertificate("is-cert", { certificateId: "abc" });
    expect(CdnHttpsConfig.isInstance(site)).to.equal(true);
    expect(CdnHttpsConfig.isInstance(cert)).to.equal(false);
    expect(LiveCertificate.isInstance(cert)).to.equal(true);
    expect(LiveDomainBinding.isInstance(undefined)).to.equal(false);
    expect(FreeCertificate.isInstance({ __pulumiType: "pulumi-nodejs:dynamic/tencentcloud-https:FreeCertificate" }), "a copy from another package instance").to.equal(true);
  });

  it("adds the private key to the caller's additionalSecretOutputs instead of replacing them", function () {
    const sdk = new ResourceSdk("cdnHttpsConfig", ["privateKey"]);
    expect(sdk.options({ additionalSecretOutputs: ["fingerprint"] }).additionalSecretOutputs).to.deep.equal(["fingerprint", "privateKey"]);
    expect(sdk.options(undefined).additionalSecretOutputs).to.deep.equal(["privateKey"]);
    expect(new ResourceSdk("freeCertificate").options({ protect: true })).to.deep.equal({ protect: true });
  });

  it("hands { import: id } to the provider as __import, so the engine runs a create that adopts", async function () {
    new CdnHttpsConfig("imported-site", { domain: "cdn.example.com", certificateId: "abc" }, { import: "cdn.example.com" });
    const r = await seen("imported-site");
    expect(r.id ?? "", "no import step for the engine (its id would be the import id)").to.equal("");
    expect(r.inputs).to.include({ __import: "cdn.example.com", domain: "cdn.example.com", certificateId: "abc" });
  });

  it("passes former argument names on to the provider, which renames them", async function () {
    new LiveDomainBinding("old-binding", { cloudCertId: "abc", domains: ["p.example.com"] });
    expect((await seen("old-binding")).inputs).to.include({ cloudCertId: "abc" });
  });

  it("reads a renamed output from its old name while the state still has it", async function () {
    states["old-state-site"] = { domain: "cdn.example.com", certExpiresAt: "2030-01-01T00:00:00.000Z", certId: "abc", sslStatus: "deployed" };
    const site = new CdnHttpsConfig("old-state-site", { domain: "cdn.example.com", certificateId: "abc" });
    expect(await outputOf(site.expiresAt)).to.equal("2030-01-01T00:00:00.000Z");
    expect(await outputOf(site.certificateId)).to.equal("abc");
    states["new-state-site"] = { domain: "cdn.example.com", expiresAt: "2031-01-01T00:00:00.000Z", certExpiresAt: "2030-01-01T00:00:00.000Z" };
    const renewed = new CdnHttpsConfig("new-state-site", { domain: "cdn.example.com", certificateId: "abc" });
    expect(await outputOf(renewed.expiresAt), "the new name wins once present").to.equal("2031-01-01T00:00:00.000Z");
  });
});
