// `tencent-https emulator`: argument parsing, and a real process that prints its URL and credentials,
// serves signed requests and stops on SIGTERM.
import { expect } from "chai";
import { spawn } from "node:child_process";
import path from "node:path";
import { parseEmulatorArgs } from "../../cli/emulator";
import { rawCall } from "./rawApi";
import type { EmulatorHandle } from "../../emulator";

// Runs from the sources (ts-node) during development and from dist/ under `npm test`.
const COMPILED = __filename.endsWith(".js");
const OUT_ROOT = path.resolve(__dirname, "../..");
const REPO = COMPILED ? path.resolve(OUT_ROOT, "..") : OUT_ROOT;
const CLI_ARGS = COMPILED ? [path.join(OUT_ROOT, "cli/index.js")] : ["-r", "ts-node/register/transpile-only", path.join(REPO, "cli/index.ts")];

describe("emulator CLI", () => {
  it("parses its options and rejects unknown ones", () => {
    expect(parseEmulatorArgs(["--port", "0", "--seed", "s.json", "--deploy-delay-ms", "5"])).to.include({ port: 0, seedFile: "s.json", deployDelayMs: 5 });
    expect(parseEmulatorArgs([])).to.include({ deployDelayMs: 2000 });
    expect(() => parseEmulatorArgs(["--port", "x"])).to.throw(/integer/);
    expect(() => parseEmulatorArgs(["--bogus"])).to.throw(/unknown option/);
  });

  it("runs with the example seed, prints URL and credentials, serves, and stops on SIGTERM", async () => {
    const child = spawn(process.execPath, [...CLI_ARGS, "emulator", "--port", "0", "--seed", path.join(REPO, "emulator/seed.example.json")], {
      cwd: REPO, stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on("data", (c) => { out += c; if (out.includes("Ctrl+C")) resolve(); });
        child.on("exit", () => reject(new Error(`emulator exited early: ${out}`)));
      });
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)![1];
      const secretId = /TENCENTCLOUD_SECRET_ID=(\S+)/.exec(out)![1];
      const secretKey = /TENCENTCLOUD_SECRET_KEY=(\S+)/.exec(out)![1];
      expect(secretId).to.equal("AKIDexampleEmulatorSecretId0000");
      const handle = { url, secretId, secretKey } as EmulatorHandle;
      const a = await rawCall(handle, "live", "DescribeLiveDomains", { DomainType: 1 });
      expect(a.json.Response.AllCount).to.equal(2);
    } finally {
      child.kill("SIGTERM");
    }
    expect(await exited).to.equal(0);
  });
});
