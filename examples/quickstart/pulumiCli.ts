// Finding a Pulumi CLI for the demo: one on PATH, else the official `pulumi` npm package (which
// downloads the CLI into its cache on first use). Offline machines get a reason, not a stack trace.
import * as fs from "fs";
import * as path from "path";

/** A CLI found, or why not and what to do about that cause. */
export type CliLookup = { ok: true; bin: string; via: string } | { ok: false; reason: string; advice: string };

const INSTALL_PAGE = "https://www.pulumi.com/docs/install/";

function isNpmLauncher(file: string): boolean {
  return fs.realpathSync(file).split(path.sep).slice(-2).join("/") === "pulumi/run.js";
}

function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, name);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      // npm puts the `pulumi` package's launcher (run.js) on PATH under npm scripts and npx; it is not
      // the CLI itself, so it is resolved through the package below instead.
      if (fs.statSync(candidate).isFile() && !isNpmLauncher(candidate)) return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

export async function findPulumiCli(projectDir: string, env: NodeJS.ProcessEnv = process.env): Promise<CliLookup> {
  const fromPath = onPath(process.platform === "win32" ? "pulumi.exe" : "pulumi", env);
  if (fromPath) return { ok: true, bin: fromPath, via: "PATH" };
  let resolver: string;
  try {
    resolver = require.resolve("pulumi/lib/resolve", { paths: [projectDir] });
  } catch {
    return {
      ok: false,
      reason: "there is no `pulumi` on PATH and the `pulumi` npm package is not installed",
      advice: `install it with \`npm install --save-dev pulumi@3.265.0\` (downloads the CLI on first use) or from ${INSTALL_PAGE}`,
    };
  }
  // The package prints "Downloading pulumi vX..." itself; a failed download is a rejected promise.
  try {
    const { resolve } = require(resolver) as { resolve(): Promise<string> };
    return { ok: true, bin: await resolve(), via: "the pulumi npm package" };
  } catch (e) {
    const detail = (e instanceof Error ? e.message : String(e)).split("\n")[0];
    // The package is there: installing it again would not help; the download is what failed.
    return {
      ok: false,
      reason: `the \`pulumi\` npm package is installed, but its download of the Pulumi CLI failed (${detail})`,
      advice: `run the demo again where pulumi.com can be reached (the package downloads the CLI from there), or install the CLI from ${INSTALL_PAGE} and put it on PATH`,
    };
  }
}
