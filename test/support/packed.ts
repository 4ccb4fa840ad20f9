// Installs the library the way a user gets it: `npm pack` of the built repo, then `npm install`
// of the tarball (with @pulumi/pulumi) into a fresh temporary project. Tests start the provider
// host with cwd = that project, so module resolution and the package `exports` map are exercised
// exactly as in a user's project. Packing and installing happen once per process (memoised).
import { execFile } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { promisify } from "util";

const run = promisify(execFile);
const PACKAGE_NAME = "pulumi-tencentcloud-https";
// The user project gets the @pulumi/pulumi the README tells a user of this Node to install:
// 3.249 and later declare Node >= 22, so on Node 20 the last release that declares Node >= 20.
export const PULUMI_VERSION = Number(process.versions.node.split(".")[0]) >= 22 ? "3.270.0" : "3.248.0";

/** The repository root (works from test/support under ts-node and from dist/test/support). */
export function repoRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const pkg = path.join(dir, "package.json");
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, "utf8")).name === PACKAGE_NAME) return dir;
  }
  throw new Error(`cannot find the ${PACKAGE_NAME} package root above ${__dirname}`);
}

export interface PackedProject {
  /** The temporary user project, with the tarball and @pulumi/pulumi installed. */
  dir: string;
  tarball: string;
  /** Milliseconds spent packing and installing. */
  timings: { packMs: number; installMs: number };
  /** What `npm install` said on stderr at its default level (warnings: npm 11 lists install scripts there). */
  installLog: string;
}

const tempDirs: string[] = [];
process.once("exit", () => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

async function npm(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  try {
    return await run("npm", args, { cwd, maxBuffer: 16 * 1024 * 1024 });
  } catch (e: any) {
    throw new Error(`npm ${args.join(" ")} failed in ${cwd}: ${e.stderr || e.message}`);
  }
}

async function pack(root: string, dest: string): Promise<string> {
  if (!fs.existsSync(path.join(root, "dist", "sdk", "index.js"))) {
    throw new Error("dist/ is not built: run `npm run build` (or `npx tsc -p .`) before packing");
  }
  // As a release packs: prepack builds (a no-op after the suite's build: tsc is incremental) and
  // writes the manifest without `prepare`, postpack puts it back (scripts/pack-manifest.js).
  const { stdout } = await npm(["pack", "--json", "--pack-destination", dest], root);
  const [info] = JSON.parse(stdout.slice(stdout.indexOf("[")));
  return path.join(dest, info.filename);
}

async function install(tarball: string, dir: string): Promise<string> {
  fs.writeFileSync(path.join(dir, "package.json"),
    JSON.stringify({ name: "user-project", version: "0.0.0", private: true }, null, 2));
  const { stderr } = await npm(["install", tarball, `@pulumi/pulumi@${PULUMI_VERSION}`,
    "--no-audit", "--no-fund", "--prefer-offline"], dir);
  return stderr;
}

async function build(): Promise<PackedProject> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), "tc-https-packed-"));
  tempDirs.push(base);
  const dir = path.join(base, "project");
  fs.mkdirSync(dir);
  let t = Date.now();
  const tarball = await pack(repoRoot(), base);
  const packMs = Date.now() - t;
  t = Date.now();
  const installLog = await install(tarball, dir);
  return { dir, tarball, timings: { packMs, installMs: Date.now() - t }, installLog };
}

let memo: Promise<PackedProject> | undefined;

/** The packed-and-installed project for this process; the first call packs and installs. */
export function packedProject(): Promise<PackedProject> {
  if (!memo) {
    memo = build();
    memo.catch(() => { memo = undefined; }); // let a later caller retry after, say, a build fix
  }
  return memo;
}
