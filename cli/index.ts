#!/usr/bin/env node
// `tencent-https <command>`: each command lives in its own module and is loaded on demand,
// so `check` never pays for the emulator and `emulator` never loads the provider.
import * as fs from "node:fs";
import * as path from "node:path";

const PACKAGE_NAME = "pulumi-tencentcloud-https";

const commands: Record<string, { module: string; summary: string }> = {
  check: { module: "./check", summary: "inspect a certificate (and key) or a client CA offline, as `pulumi preview` does" },
  status: { module: "./status", summary: "list CDN and CSS playback domains with their HTTPS state" },
  emulator: { module: "./emulator", summary: "run the local Tencent Cloud API emulator (for tests and CI)" },
};

export function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return [
    "usage: tencent-https <command> [options]",
    "",
    "commands:",
    ...lines,
    "",
    "options:",
    "  --version  print the package version",
    "  --help     this text; `tencent-https <command> --help` explains a command",
    "",
    "exit codes: 0 success, 1 the command ran and found a problem, 2 a usage or configuration error",
    "",
  ].join("\n");
}

/** The version in this package's package.json: ../package.json from cli/, ../../ from dist/cli/. */
export function packageVersion(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (!fs.existsSync(file)) continue;
    const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
    if (pkg.name === PACKAGE_NAME) return pkg.version;
  }
  return "unknown";
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === "--version" || name === "-v") {
    process.stdout.write(`${packageVersion()}\n`);
    return 0;
  }
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? rest[0] : undefined;
    if (topic && commands[topic]) return main([topic, "--help"]);
    if (name === undefined) { process.stderr.write(usage()); return 2; } // no command is a usage error
    process.stdout.write(usage());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`tencent-https: unknown command "${name}"; the commands are ${Object.keys(commands).join(", ")}.\n\n${usage()}`);
    return 2;
  }
  const { run } = require(command.module) as { run(args: string[]): Promise<number> };
  return run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`tencent-https: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
  );
}
