// `{ import: id }` and `get` through Pulumi's real dynamic-provider host, driven as the engine drives
// them (test/support/engine.ts cites pulumi/pulumi step.go for each request):
// - the engine's own import step (ImportStep: Read with the id, no inputs, no properties) cannot
//   work for a dynamic resource: the host finds no serialized provider. Pulumi's limitation
//   (pulumi/pulumi#11279, #3550, #16175), shown here so the suite fails where a user would;
import { expect } from "chai";
import { RESOURCE_KINDS, RESOURCES } from "../../provider/registry";
import { HostError, HostFixture, startHostFixture, urnFor } from "../support/engine";

const urnOf = (kind: keyof typeof RESOURCES, name: string) => urnFor(`tencentcloud-https:${RESOURCES[kind].type}`, name);

describe("import and get through the dynamic-provider host, as the engine sends them", function () {
  let fixture: HostFixture;

  before(async function () {
    fixture = await startHostFixture({});
  });
  after(async () => { await fixture?.stop(); });

  it("the engine's import step fails for every resource: the host cannot find __provider (Pulumi's limitation)", async function () {
    for (const kind of RESOURCE_KINDS) {
      const engine = await fixture.engine(kind);
      const failed = await engine.import(urnOf(kind, "imported"), "anything").then(() => undefined, (e) => e);
      expect(failed, kind).to.be.instanceOf(HostError);
      expect(failed.method, kind).to.equal("read");
      expect(failed.message, kind).to.equal("code must be a string, not undefined");
    }
    // Nothing reached the API: the provider never ran.
    expect(await fixture.emulator.requests()).to.deep.equal([]);
  });
});
