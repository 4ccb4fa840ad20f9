// The demo's fallback names the real cause (issue 29): with the `pulumi` npm package installed and
// its download of the CLI failed, it says so and does not advise installing the package again.
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { findPulumiCli } from "../../examples/quickstart/pulumiCli";

describe("quick start: finding a Pulumi CLI", () => {
  let dir: string;
  beforeEach(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-cli-")); });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("the package installed, its download failed: says both, and how to get the CLI another way", async () => {
    const lib = path.join(dir, "node_modules", "pulumi", "lib");
    fs.mkdirSync(lib, { recursive: true });
    fs.writeFileSync(path.join(lib, "resolve.js"),
      "exports.resolve = async () => { throw new Error('getaddrinfo ENOTFOUND get.pulumi.com\\n    at stack'); };\n");
    const found = await findPulumiCli(dir, { PATH: "" });
    expect(found).to.deep.equal({
      ok: false,
      reason: "the `pulumi` npm package is installed, but its download of the Pulumi CLI failed (getaddrinfo ENOTFOUND get.pulumi.com)",
      advice: "run the demo again where pulumi.com can be reached (the package downloads the CLI from there), or install the CLI from https://www.pulumi.com/docs/install/ and put it on PATH",
    });
  });

  it("neither a CLI on PATH nor the package: advises installing one", async () => {
    const found = await findPulumiCli(dir, { PATH: "" });
    expect(found).to.include({ ok: false, reason: "there is no `pulumi` on PATH and the `pulumi` npm package is not installed" });
    expect((found as { advice: string }).advice).to.match(/^install it with `npm install --save-dev pulumi@\S+` \(downloads the CLI on first use\) or from https:\/\/www\.pulumi\.com\/docs\/install\/$/);
  });
});
