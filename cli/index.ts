#!/usr/bin/env node
// `tencent-https <command>`: each command lives in its own module and is loaded on demand,
// so `check` never pays for the emulator and `emulator` never loads the provider.
const commands: Record<string, { module: string; summary: string }> = {
  emulator: { module: "./emulator", summary: "run the local Tencent Cloud API emulator" },
  check: { module: "./check", summary: "inspect a certificate (and key) offline, as `pulumi preview` does" },
  status: { module: "./status", summary: "list CDN and CSS playback domains with their HTTPS state" },
};

function usage(): string {
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return `usage: tencent-https <command> [options]\n\ncommands:\n${lines.join("\n")}\n`;
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    process.stderr.write(name && name !== "--help" ? `unknown command "${name}"\n\n${usage()}` : usage());
    return name && name !== "--help" ? 2 : 0;
  }
  const { run } = require(command.module) as { run(args: string[]): Promise<number> };
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err) => { process.stderr.write(`tencent-https: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
);
