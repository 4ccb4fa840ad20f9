// What a stranger finds and installs (issue 29): package.json says where the project lives, the
// README's install lines name it with no placeholder left, nothing shipped (dist/) or the README
// points at a file the tarball lacks or a README section that does not exist, the tarball's
// package.json has no `prepare` (npm 11 lists it among every user's install scripts), and the
// contributor loop builds once.
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { promisify } from "node:util";
import { packedProject, repoRoot } from "../support/packed";

const run = promisify(execFile);
const ROOT = repoRoot();
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8"));

/** The repository's folders and shipped top-level files a path may start with. */
const PATH = /(?<![\w@.\/~:-])((?:\.ci|bench|cli|dist|docs|emulator|examples|provider|scripts|sdk|spec|test)\/(?:[\w.\/-]*[\w\/])?|(?:README|CHANGELOG)\.md|LICENSE(?![\w-]))/g;

/** The file paths `text` mentions (globs and URLs left out). */
export function mentionedPaths(text: string): string[] {
  return [...new Set([...text.matchAll(PATH)].map((m) => m[1]).filter((p) => !p.includes("*")))];
}

/** Whether a mentioned path is in the tarball: a file, a folder of files, or sources shipped compiled (x.ts as dist/x.js, a folder as dist/folder). */
export function inTarball(mention: string, files: ReadonlySet<string>): boolean {
  const bare = mention.replace(/\/$/, "");
  if ([bare, `dist/${bare}`].some((p) => files.has(p) || [...files].some((f) => f.startsWith(`${p}/`)))) return true;
  const compiled = /^(.*)\.ts$/.exec(bare)?.[1];
  return compiled !== undefined && (files.has(`dist/${compiled}.js`) || files.has(`dist/${compiled}.d.ts`));
}

/**
 * README sections named in prose: README "X", "X" in the README, the README's X section; also
 * inside string literals (escaped quotes) and across the lines of a comment.
 */
export function namedSections(text: string): string[] {
  const prose = text.replace(/\\"/g, '"').replace(/\s*\n\s*(?:\*(?!\/)|\/\/)?\s*/g, " ");
  const patterns = [/README(?:'s)? "([^"]+)"/g, /"([^"]+)" in the README/g, /README's ([A-Z][\w ]*?) section/g];
  return [...new Set(patterns.flatMap((p) => [...prose.matchAll(p)].map((m) => m[1])))];
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
const anchorOf = (heading: string) => heading.toLowerCase().replace(/[^\w\- ]/g, "").replace(/ /g, "-");
const headings = [...README.matchAll(/^#{1,4} (.+)$/gm)].map((m) => m[1].trim());

async function packedFiles(): Promise<Set<string>> {
  const { stdout } = await run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
  const [info] = JSON.parse(stdout.slice(stdout.indexOf("[")));
  return new Set(info.files.map((f: { path: string }) => f.path));
}

describe("the package a stranger finds and installs", function () {
  this.timeout(300_000);

  it("the reference rules find paths, sources shipped compiled and named README sections", () => {
    expect(mentionedPaths("see docs/emulator.md, `examples/`, provider/ownership.ts and https://x.io/docs/a.md or pulumi-tencentcloud-https/provider"))
      .to.deep.equal(["docs/emulator.md", "examples/", "provider/ownership.ts"]);
    const files = new Set(["docs/emulator.md", "dist/provider/ownership.js", "README.md"]);
    expect(["docs/emulator.md", "provider/ownership.ts", "docs/", "provider/", "bench/x.ts", "emulator/seed.example.json"].map((m) => inTarball(m, files)))
      .to.deep.equal([true, true, true, true, false, false]);
    expect(namedSections(`(README "Many stacks, one account"), see "The emulator for CI" in the README; the README's Import section`))
      .to.deep.equal(["Many stacks, one account", "The emulator for CI", "Import"]);
    expect(namedSections(`/** budget (README "Many stacks, one\n * account") */ "see \\"The emulator for CI\\" in the README"`))
      .to.deep.equal(["Many stacks, one account", "The emulator for CI"]);
  });

  it("package.json says where the project lives: one repository for repository, homepage and bugs", () => {
    const repo = /^git\+(https:\/\/github\.com\/[\w.-]+\/[\w.-]+)\.git$/.exec(pkg.repository?.url ?? "")?.[1];
    expect(repo, "repository.url").to.be.a("string");
    expect(pkg.repository.type).to.equal("git");
    expect(pkg.homepage).to.equal(`${repo}#readme`);
    expect(pkg.bugs?.url).to.equal(`${repo}/issues`);
  });

  it("the README's install lines name that repository, with no placeholder left", () => {
    const repo = /^git\+(https:\/\/.+)\.git$/.exec(pkg.repository.url)![1];
    expect(README).to.not.match(/<host>|<owner>|<this repository>/);
    expect(README).to.contain(`npm install git+${repo}.git`);
    expect(README).to.contain(`git clone ${repo}.git`);
  });

  it("every path the shipped code and the README mention is in the tarball, every README section they name and every README anchor exists", async () => {
    const files = await packedFiles();
    const shipped = [...files].filter((f) => /^dist\/.+\.(js|d\.ts)$/.test(f));
    expect(shipped.length).to.be.above(50);
    const missing: string[] = [];
    const sections: string[] = [];
    for (const file of [...shipped, "README.md"]) {
      const text = fs.readFileSync(path.join(ROOT, file), "utf8");
      for (const p of mentionedPaths(text)) if (!inTarball(p, files)) missing.push(`${file}: ${p}`);
      for (const s of namedSections(text)) if (!headings.includes(s)) sections.push(`${file}: README section "${s}"`);
    }
    expect(missing, "paths the tarball lacks (link to the repository instead, or ship the file)").to.deep.equal([]);
    expect(sections, "README sections that do not exist").to.deep.equal([]);
    const anchors = new Set(headings.map(anchorOf));
    const broken = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]).filter((a) => !anchors.has(a));
    expect(broken, "README links to headings that do not exist").to.deep.equal([]);
  });

  it("the tarball's package.json has no prepare script, and packing leaves the repository's package.json as it was", async () => {
    const before = fs.readFileSync(path.join(ROOT, "package.json"), "utf8");
    const { tarball } = await packedProject(); // packed as npm pack does, with its prepack and postpack
    const { stdout } = await run("tar", ["-xzOf", tarball, "package/package.json"]);
    const packed = JSON.parse(stdout);
    expect(packed.scripts).to.not.have.property("prepare");
    expect(packed).to.deep.equal({ ...pkg, scripts: Object.fromEntries(Object.entries(pkg.scripts).filter(([k]) => k !== "prepare")) });
    expect(pkg.scripts.prepare, "a clone and a git install still build").to.be.a("string");
    expect(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).to.equal(before);
    expect(fs.existsSync(path.join(ROOT, ".package.json.before-pack"))).to.equal(false);
  });

  it("installing the tarball with npm 11 lists no install script of this package", async () => {
    const { installLog } = await packedProject();
    const ours = installLog.split("\n").filter((l) => /install-scripts/.test(l) && l.includes(`${pkg.name}@`));
    expect(ours, installLog).to.deep.equal([]);
  });

  it("the contributor loop builds once: after a build, the next one emits nothing", async function () {
    expect(pkg.scripts.test).to.match(/^npm run build && /);
    const tsc = path.join(ROOT, "node_modules", "typescript", "bin", "tsc");
    await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 }); // a no-op under `npm test`, which just built
    const { stdout } = await run(process.execPath, [tsc, "-p", "tsconfig.json", "--listEmittedFiles"], { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 });
    expect(stdout.trim(), "a second build rewrote files").to.equal("");
  });
});
