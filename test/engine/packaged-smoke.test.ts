// Smoke test of the npm-packed library in a fresh user project: what is shipped, that the seam
// serializes there (the `exports` map and node_modules location matter), and that Pulumi's real
// dynamic-provider host, started in that project, loads the provider through the seam.
import { expect } from "chai";
import { execFile } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { promisify } from "util";
import { ProviderHost, startProviderHost, urnFor } from "../support/engine";
import { PackedProject, packedProject } from "../support/packed";

const run = promisify(execFile);
const PKG = "pulumi-tencentcloud-https";
const KINDS = ["cdnHttpsConfig", "liveCertificate", "liveDomainBinding", "freeCertificate", "freeCertificateValidation"];
const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"];

/** Runs a script with node in the project, as the user's program would; returns its JSON output. */
async function inProject(dir: string, script: string): Promise<any> {
  const { stdout } = await run(process.execPath, ["-e", script], { cwd: dir, maxBuffer: 4 * 1024 * 1024 });
  return JSON.parse(stdout.trim().split("\n").pop()!);
}

describe("packaged library (npm pack + install into a fresh project)", function () {
  this.timeout(300_000);
  let project: PackedProject;
  let installed: string;

  before(async function () {
    project = await packedProject();
    installed = path.join(project.dir, "node_modules", PKG);
    console.log(`      npm pack ${project.timings.packMs} ms, npm install ${project.timings.installMs} ms`);
  });

  it("ships the built sdk and provider but no tests or sources", function () {
    for (const f of ["package.json", "dist/sdk/index.js", "dist/sdk/seam.js", "dist/provider/index.js"]) {
      expect(fs.existsSync(path.join(installed, f)), f).to.equal(true);
    }
    for (const f of ["dist/test", "sdk", "provider", "test", "tsconfig.json"]) {
      expect(fs.existsSync(path.join(installed, f)), f).to.equal(false);
    }
  });

  it("serializes the seam from the installed copy, small and path-free", async function () {
    const seamFile = path.join(installed, "dist", "sdk", "seam.js");
    const out = await inProject(project.dir, `
      const pulumi = require("@pulumi/pulumi");
      const { seams } = require(${JSON.stringify(seamFile)});
      Promise.all(Object.entries(seams).map(([k, p]) =>
        pulumi.runtime.serializeFunction(() => p, { allowSecrets: true }).then((sf) => [k, sf.text])))
        .then((r) => console.log(JSON.stringify(Object.fromEntries(r))));`);
    expect(Object.keys(out)).to.have.members(KINDS);
    for (const text of Object.values<string>(out)) {
      expect(Buffer.byteLength(text)).to.be.below(2048);
      expect(text).to.not.include(project.dir);
      expect(text).to.not.include("node_modules");
      expect([...text.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1])).to.deep.equal([`${PKG}/provider`]);
    }
  });

  describe("provider entry", function () {
    let loadError: string | undefined;
    before(async function () {
      const r = await inProject(project.dir, `
        try { require("${PKG}/provider"); console.log("{}"); }
        catch (e) { console.log(JSON.stringify({ error: e.message.split("\\n")[0] })); }`);
      loadError = r.error;
    });

    it("exposes configure and the three handler objects", async function () {
      if (loadError) { console.log(`      skipped: dist/provider does not load yet (${loadError})`); this.skip(); }
      const shape = await inProject(project.dir, `
        const p = require("${PKG}/provider");
        const fn = (x) => typeof x === "function";
        console.log(JSON.stringify({ configure: fn(p.configure),
          handlers: Object.fromEntries(${JSON.stringify(KINDS)}.map((k) => [k, ${JSON.stringify(METHODS)}.filter((m) => fn(p[k] && p[k][m]))])) }));`);
      expect(shape.configure).to.equal(true);
      for (const kind of KINDS) expect(shape.handlers[kind], kind).to.deep.equal(METHODS);
    });

    it("is reached by Pulumi's host, started in the project, through the serialized seam", async function () {
      if (loadError) { console.log(`      skipped: dist/provider does not load yet (${loadError})`); this.skip(); }
      const seamText = await inProject(project.dir, `
        const pulumi = require("@pulumi/pulumi");
        const { seams } = require(${JSON.stringify(path.join(installed, "dist", "sdk", "seam.js"))});
        pulumi.runtime.serializeFunction(() => seams.cdnHttpsConfig, { allowSecrets: true }).then((sf) => console.log(JSON.stringify(sf.text)));`);
      let host: ProviderHost | undefined;
      try {
        host = await startProviderHost({ cwd: project.dir });
        await host.configure({ "tencentcloud-https:secretId": "id", "tencentcloud-https:secretKey": "key",
          "tencentcloud-https:endpoint": "http://127.0.0.1:9" }, { secretKeys: ["tencentcloud-https:secretKey"] });
        // No domain: a required-field failure from the real check, with no API call needed.
        const { failures } = await host.check(urnFor("tencentcloud-https:CdnHttpsConfig", "c"), {}, { __provider: seamText });
        expect(failures.map((f) => f.property)).to.include("domain");
      } finally {
        await host?.stop();
      }
    });
  });
});
