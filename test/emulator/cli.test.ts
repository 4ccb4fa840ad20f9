// `tencent-https emulator`: argument parsing, and a real process that prints its URL and credentials,
// serves signed requests and stops on SIGTERM.
import { expect } from "chai";
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
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
      // The ready line (issue 29): the probe to poll, and the pid to stop.
      expect(out).to.include(`ready: GET ${url}/_emulator/ready answers 200; stop it with kill ${child.pid}\n`);
      expect((await fetch(`${url}/_emulator/ready`)).status).to.equal(200);
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

  it("exits 2 with the seed's problems, listing the accepted keys, on a misspelled seed key (issue 29)", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-seed-"));
    try {
      fs.writeFileSync(path.join(dir, "seed.json"), JSON.stringify({ cdnDomain: [] }));
      const r = spawnSync(process.execPath, [...CLI_ARGS, "emulator", "--port", "0", "--seed", path.join(dir, "seed.json")], { cwd: REPO, encoding: "utf8", timeout: 30_000 });
      expect(r.status).to.equal(2);
      expect(r.stderr).to.include(`the seed file ${path.join(dir, "seed.json")}: seed: unknown key "cdnDomain"; the accepted keys are accounts, cdnDomains, `);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the README's CI snippet waits for the emulator, runs pulumi against it, and stops it afterwards (issue 29)", async function () {
    const readme = fs.readFileSync(path.join(REPO, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## The emulator for CI"));
    const snippet = /```sh\n([\s\S]*?)```/.exec(section)![1];
    const port = await freePort();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "emu-ci-"));
    try {
      // The project as a user has it: the package's bin in node_modules/.bin, a seed, and pulumi on the PATH
      // (here a stand-in that records what it was run with and asks the emulator whether it is up).
      fs.mkdirSync(path.join(dir, "node_modules", ".bin"), { recursive: true });
      const bin = path.join(dir, "node_modules", ".bin", "tencent-https");
      const command = [process.execPath, ...CLI_ARGS.map((a) => (a === "ts-node/register/transpile-only" ? require.resolve(a) : a))];
      fs.writeFileSync(bin, `#!/bin/sh\necho $$ >> "${dir}/emulator.pids"\nexec ${command.map((a) => `'${a}'`).join(" ")} "$@"\n`, { mode: 0o755 });
      fs.copyFileSync(path.join(REPO, "emulator/seed.example.json"), path.join(dir, "seed.json"));
      fs.mkdirSync(path.join(dir, "bin"));
      fs.writeFileSync(path.join(dir, "bin", "pulumi"),
        `#!/bin/sh\necho "pulumi $* $TENCENTCLOUD_SECRET_ID $(curl -fsS "$TENCENTCLOUD_HTTPS_ENDPOINT/_emulator/ready")" >> "${dir}/pulumi.log"\n`, { mode: 0o755 });
      const script = snippet.replace(/8787/g, String(port));
      // Output to a file: an emulator the snippet left running would hold a pipe open for good.
      const output = fs.openSync(path.join(dir, "output.log"), "w");
      const r = spawnSync("bash", ["-c", script], { cwd: dir, stdio: ["ignore", output, output], env: { ...process.env, PATH: `${path.join(dir, "bin")}:${process.env.PATH}`, TS_NODE_PROJECT: path.join(REPO, "tsconfig.json") }, timeout: 60_000 });
      fs.closeSync(output);
      expect(r.status, fs.readFileSync(path.join(dir, "output.log"), "utf8")).to.equal(0);
      expect(fs.readFileSync(path.join(dir, "pulumi.log"), "utf8").split("\n")).to.deep.equal([
        'pulumi up --yes AKIDexampleEmulatorSecretId0000 {"ready":true}',
        'pulumi destroy --yes AKIDexampleEmulatorSecretId0000 {"ready":true}',
        "",
      ]);
      expect(await listening(port), "the emulator still listens after the snippet ended").to.equal(false);
    } finally {
      const pids = fs.existsSync(path.join(dir, "emulator.pids")) ? fs.readFileSync(path.join(dir, "emulator.pids"), "utf8").split(/\s+/).filter(Boolean) : [];
      for (const pid of pids) try { process.kill(Number(pid)); } catch { /* stopped already, as it should be */ }
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

/** Whether something accepts connections on 127.0.0.1:port (a stopped emulator refuses them). */
async function listening(port: number): Promise<boolean> {
  for (let i = 0; i < 20; i++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => { socket.destroy(); resolve(true); });
      socket.on("error", () => resolve(false));
    });
    if (!open) return false;
    await new Promise((r) => setTimeout(r, 100)); // kill is asynchronous: give the process a moment to close
  }
  return true;
}
