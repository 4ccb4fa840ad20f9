// The repository stands alone: a clone of HEAD with nothing beside it refers to no file outside
// itself, packs the built library (prepare builds it) with its declarations, the CLI and the
// licence, and finds its test fixtures. The clone reuses this checkout's node_modules through a
// symlink, so no second `npm ci` is needed.
import { expect } from "chai";
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";
import { repoRoot } from "../support/packed";

const run = promisify(execFile);

// The name of the project's sibling folder, and of the design doc's old home, kept in pieces so
// that this file does not match its own rule.
const SIBLING = "sha" + "red";
const OLD_DESIGN_DOC = "ARCHI" + "TECTURE.md";

/**
 * References to files a cloner does not have: any path through the sibling folder (a path segment
 * SIBLING/ not glued to a longer word, whether reached by ../, an absolute path or bare), the
 * design doc under its old name, or a product page by its seed file name (NNN_<16 hex>.txt).
 */
const OUTSIDE_REFERENCE = new RegExp([
  `(^|[^A-Za-z0-9_.-])${SIBLING}/`,
  `\\b${OLD_DESIGN_DOC.replace(".", "\\.")}\\b`,
  "\\b\\d{3}_[0-9a-f]{16}\\.txt\\b",
].join("|"));

/** A line that says where a copy came from may name its origin. */
const PROVENANCE = /Provenance:/;

export interface OutsideReference { file: string; line: number; text: string }

/** The lines of `text` that point outside the repository (provenance lines excepted). */
export function outsideReferences(file: string, text: string): OutsideReference[] {
  return text.split("\n").flatMap((line, i) =>
    OUTSIDE_REFERENCE.test(line) && !PROVENANCE.test(line) ? [{ file, line: i + 1, text: line.trim().slice(0, 160) }] : []);
}

async function sh(cmd: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(cmd, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (e: any) {
    throw new Error(`${cmd} ${args.join(" ")} failed in ${cwd}: ${e.stderr || e.message}`);
  }
}

describe("packaging: the repository stands alone", function () {
  this.timeout(300_000);
  let base: string;
  let clone: string;

  before(async function () {
    const root = repoRoot();
    const head = (await sh("git", ["rev-parse", "HEAD"], root)).trim();
    base = fs.mkdtempSync(path.join(os.tmpdir(), "tc-https-standalone-"));
    clone = path.join(base, "repo");
    await sh("git", ["clone", "--quiet", "--no-checkout", root, clone], base);
    await sh("git", ["checkout", "--quiet", head], clone);
    fs.symlinkSync(path.join(root, "node_modules"), path.join(clone, "node_modules"), "dir");
  });

  after(() => { if (base) fs.rmSync(base, { recursive: true, force: true }); });

  it("the reference rule flags paths outside the repository and lets provenance lines name their origin", () => {
    const outside = [`// see ../${SIBLING}/reference/tencentcloud-api.md §2`, `see /work/${SIBLING}/spec`, `(see ${OLD_DESIGN_DOC})`,
      `Seed 000_bc40fb057dc05e64${".txt"}`, `the repository's sibling \`${SIBLING}/\``, `${SIBLING}/fixtures/badssl not found`];
    for (const line of outside) expect(outsideReferences("x", line), line).to.have.length(1);
    const inside = ["see docs/reference/tencentcloud-api.md §2", "docs/architecture.md", `<!-- Provenance: copied from ../${SIBLING}/x -->`,
      `state ${SIBLING} across resources`, `un${SIBLING}/x`, "test/fixtures/badssl"];
    for (const line of inside) expect(outsideReferences("x", line), line).to.deep.equal([]);
  });

  it("no tracked file refers to a file outside the repository", async () => {
    const files = (await sh("git", ["ls-files", "-z"], clone)).split("\0").filter(Boolean);
    const found = files.flatMap((file) => {
      const bytes = fs.readFileSync(path.join(clone, file));
      return bytes.includes(0) ? [] : outsideReferences(file, bytes.toString("utf8"));
    });
    expect(found.map((r) => `${r.file}:${r.line}: ${r.text}`), "cite docs/ or public Tencent Cloud documentation instead").to.deep.equal([]);
  });

  it("npm pack builds first and ships dist/{sdk,provider,emulator,cli} with declarations, the vendored API spec, LICENSE, README and CHANGELOG only", async () => {
    const out = await sh("npm", ["pack", "--dry-run", "--json"], clone);
    const [info] = JSON.parse(out.slice(out.indexOf("[")));
    const files: string[] = info.files.map((f: { path: string }) => f.path);
    for (const f of ["LICENSE", "README.md", "CHANGELOG.md", "package.json",
      "dist/sdk/index.js", "dist/sdk/index.d.ts", "dist/provider/index.js", "dist/provider/index.d.ts",
      "dist/emulator/index.js", "dist/emulator/index.d.ts", "dist/cli/index.js", "dist/cli/index.d.ts",
      "spec/cdn.api.json", "spec/LICENSE"]) { // the emulator reads spec/ at run time
      expect(files, f).to.include(f);
    }
    const stray = files.filter((f) => !/^(LICENSE|README\.md|CHANGELOG\.md|package\.json)$/.test(f) &&
      !/^spec\/(LICENSE|README\.md|(cdn|live|ssl)\.(api|examples)\.json|errors\.json|actions\.json)$/.test(f) &&
      !/^dist\/(sdk|provider|emulator|cli)\/.+\.(js|d\.ts)$/.test(f));
    expect(stray, "nothing but the four built folders and spec/ (no tests, benches, examples, sources or source maps)").to.deep.equal([]);
    expect(fs.readFileSync(path.join(clone, "LICENSE"), "utf8")).to.contain("Apache License").and.contain("Version 2.0, January 2004");
    expect(fs.readFileSync(path.join(clone, "dist/cli/index.js"), "utf8")).to.match(/^#!\/usr\/bin\/env node/);
  });

  it("the built tests find their fixtures inside the clone", async () => {
    // The pack above built dist/ in the clone; the badssl test reads test/fixtures/badssl from there.
    const mocha = path.join(clone, "node_modules", "mocha", "bin", "mocha.js");
    const out = await sh(process.execPath, [mocha, "--reporter", "dot", "dist/test/unit/certificateBadssl.test.js"], clone);
    expect(out).to.match(/\d+ passing/).and.not.match(/failing/);
  });
});
