// The `tencent-https` command as a person runs it: a real process (from dist/ under `npm test`,
// through ts-node from the sources), its --version, the help of every command and the one-sentence
// answers to the common mistakes (a busy port, no command).
import { expect } from "chai";
import { spawn } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";

const COMPILED = __filename.endsWith(".js");
const OUT_ROOT = path.resolve(__dirname, "../..");
const REPO = COMPILED ? path.resolve(OUT_ROOT, "..") : OUT_ROOT;
const CLI_ARGS = COMPILED ? [path.join(OUT_ROOT, "cli/index.js")] : ["-r", "ts-node/register/transpile-only", path.join(REPO, "cli/index.ts")];

interface Result { code: number | null; stdout: string; stderr: string }

function cli(...args: string[]): Promise<Result> {
  const child = spawn(process.execPath, [...CLI_ARGS, ...args], { cwd: REPO, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, TENCENTCLOUD_SECRET_ID: "", TENCENTCLOUD_SECRET_KEY: "" } });
  const result: Result = { code: null, stdout: "", stderr: "" };
  child.stdout.on("data", (c) => { result.stdout += c; });
  child.stderr.on("data", (c) => { result.stderr += c; });
  return new Promise((resolve) => child.on("close", (code) => resolve({ ...result, code })));
}

describe("cli: tencent-https", function () {
  this.timeout(60_000);

  it("--version prints the package.json version", async () => {
    const { version } = require(path.join(REPO, "package.json"));
    const r = await cli("--version");
    expect(r).to.include({ code: 0, stdout: `${version}\n` });
  });

  it("--help lists every command, --version and the exit codes; no command is a usage error", async () => {
    const help = await cli("--help");
    expect(help.code).to.equal(0);
    for (const word of ["check", "status", "emulator", "--version", "exit codes"]) expect(help.stdout).to.contain(word);
    const none = await cli();
    expect(none.code).to.equal(2);
    expect(none.stderr).to.contain("usage: tencent-https <command>");
    const unknown = await cli("statsu");
    expect(unknown.code).to.equal(2);
    expect(unknown.stderr).to.contain('unknown command "statsu"; the commands are check, status, emulator.');
  });

  it("every command's --help names its options, defaults, exit codes and an example", async () => {
    const expected: Record<string, string[]> = {
      check: ["--cert FILE", "--key FILE", "--domain NAME", "--json", "--strict", "FILE may be -", "exit codes:", "1  at least one error finding", "example:\n  tencent-https check --cert"],
      status: ["--json", "--prometheus", "--fail-within DAYS", "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_HTTPS_ENDPOINT", "reads no Pulumi config", "exit codes:", "example:"],
      emulator: ["default 8787", "--deploy-delay-ms N", "default 2000", "\"credentials\": [{ \"secretId\"", "exit codes:", "a port already in use", "example:\n  tencent-https emulator"],
    };
    for (const [command, words] of Object.entries(expected)) {
      const r = await cli(command, "--help");
      expect(r.code, command).to.equal(0);
      for (const w of words) expect(r.stdout, `${command} --help`).to.contain(w);
      expect((await cli("help", command)).stdout).to.equal(r.stdout);
    }
  });

  it("a busy port is one sentence that says what to do, exit 2", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const r = await cli("emulator", "--port", String(port));
      expect(r.code).to.equal(2);
      expect(r.stderr).to.equal(`tencent-https emulator: port ${port} on 127.0.0.1 is already in use (another emulator still running?): ` +
        "stop that process, or pick another port with --port N (--port 0 picks a free one).\n");
    } finally {
      blocker.close();
    }
  });
});
