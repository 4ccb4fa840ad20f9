// The emulator as a user gets it (npm pack, npm install): it reads the vendored API spec at run time,
// so the package must ship spec/ and the installed emulator must find it and answer a spec-shaped call.
import { expect } from "chai";
import * as path from "path";
import { packedProject } from "../support/packed";
import { call } from "./rawApi";

describe("emulator from the installed package (spec/ shipped)", function () {
  this.timeout(240_000);

  it("starts from the tarball and answers in the spec's shape", async function () {
    const project = await packedProject();
    const installed = path.join(project.dir, "node_modules", "pulumi-tencentcloud-https");
    // By path: resolving the package name from inside this repository would find the repository itself.
    const { startEmulator } = require(path.join(installed, "dist", "emulator", "index.js"));
    const emu = await startEmulator({ seed: { cdnDomains: [{ domain: "packed.example.com" }] } });
    try {
      const [d] = (await call(emu, "cdn", "DescribeDomainsConfig", {})).Domains;
      expect(d.Https).to.include({ Switch: "off", CertInfo: null });
      expect(d).to.have.property("Quic");
    } finally {
      await emu.stop();
    }
  });
});
