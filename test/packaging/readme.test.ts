// The README is what a stranger copies: every ```ts block must compile as written against the SDK
// (imports included), and the CAM policy must list exactly the API actions the package calls.
import { expect } from "chai";
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";
import { RESOURCES } from "../../provider/registry";
import { repoRoot } from "../support/packed";

const ROOT = repoRoot();
const README = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");

/** The fenced blocks of one language, dedented (blocks inside list items are indented). */
export function fencedBlocks(markdown: string, lang: string): string[] {
  const fence = new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm");
  return [...markdown.matchAll(fence)].map(([, indent, body]) =>
    body.split("\n").map((line) => line.startsWith(indent) ? line.slice(indent.length) : line).join("\n"));
}

/** Type errors of each snippet, compiled as a user's module would be, with the package mapped to sdk/. */
export function typecheckSnippets(snippets: string[]): string[][] {
  const dir = path.join(ROOT, ".readme-snippets"); // virtual: resolves node_modules from the repository
  const files = new Map(snippets.map((text, i) => [path.join(dir, `snippet${i + 1}.ts`), text]));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10,
    strict: true, esModuleInterop: true, skipLibCheck: true, noEmit: true, types: ["node"],
    baseUrl: ROOT, paths: { "pulumi-tencentcloud-https": ["./sdk/index.ts"] },
  };
  const host = ts.createCompilerHost(options);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (name, version, onError) => files.has(name)
    ? ts.createSourceFile(name, files.get(name)!, version)
    : getSourceFile(name, version, onError);
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => files.has(name) || fileExists(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return [...files.keys()].map((name) =>
    ts.getPreEmitDiagnostics(program, program.getSourceFile(name)).map((d) =>
      `${path.basename(name)}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`));
}

/** `service:Action` for every client method provider/ and cli/ call (client.ts binds method names to actions). */
function actionsThePackageCalls(): string[] {
  const client = fs.readFileSync(path.join(ROOT, "provider/tencentcloud/client.ts"), "utf8");
  const actionOf = new Map<string, string>();
  for (const [, method, service, action] of client.matchAll(/(\w+): (?:bind|\(request\) => this\.callWithOutcome)\("(\w+)", "(\w+)"/g)) {
    actionOf.set(`${service}.${method}`, `${service}:${action}`);
  }
  const used = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith(".ts")) {
        // `client.cdn.x(`, `this.client.ssl.y(`: a service namespace of a client (the services' calls).
        for (const [, service, method] of fs.readFileSync(file, "utf8").matchAll(/\bclient\.(cdn|live|ssl)\.(\w+)\(/g)) {
          const action = actionOf.get(`${service}.${method}`);
          if (!action) throw new Error(`${file} calls ${service}.${method}, which client.ts does not bind`);
          used.add(action);
        }
      }
    }
  };
  walk(path.join(ROOT, "provider"));
  walk(path.join(ROOT, "cli"));
  return [...used].sort();
}

describe("README", function () {
  this.timeout(120_000);

  it("every ts snippet typechecks against the SDK as written", () => {
    const snippets = fencedBlocks(README, "ts");
    expect(snippets.length, "the README's ts blocks").to.be.at.least(4);
    expect(typecheckSnippets(snippets).flat()).to.deep.equal([]);
  });

  it("the snippet check catches a missing import and a wrong argument type", () => {
    const [missingImport, wrongType] = typecheckSnippets([
      'import { CdnHttpsConfig } from "pulumi-tencentcloud-https";\nnew CdnHttpsConfig("a", { domain: "a.example.com", certificate: fs.readFileSync("c.pem", "utf8") });\n',
      'import { CdnHttpsConfig } from "pulumi-tencentcloud-https";\nnew CdnHttpsConfig("a", { domain: "a.example.com", http2: "yes" });\n',
    ]);
    expect(missingImport.join("\n")).to.contain("Cannot find name 'fs'");
    expect(wrongType.join("\n")).to.contain("'string' is not assignable to type");
  });

  it("the argument and output tables name every argument and computed output of the SDK", () => {
    const inTables = new Set(README.split("\n").filter((l) => l.startsWith("| `"))
      .flatMap((l) => [...l.split("|")[1].matchAll(/`(\w+)`/g)].map((m) => m[1])));
    for (const definition of Object.values(RESOURCES)) {
      const keys = [...Object.keys((definition.schema as unknown as { shape: object }).shape), ...definition.computed];
      expect(keys, `${definition.type}'s arguments and computed outputs`).to.not.be.empty;
      expect(keys.filter((k) => !inTables.has(k)), `${definition.type} keys missing from the README tables`).to.deep.equal([]);
    }
  });

  it("the CAM policy lists exactly the actions the package (resources and CLI) calls", () => {
    const policies = fencedBlocks(README, "json").map((b) => JSON.parse(b)).filter((j) => Array.isArray(j.statement));
    expect(policies, "one CAM policy block").to.have.length(1);
    const listed = policies[0].statement.flatMap((s: { action: string[] }) => s.action).sort();
    expect(listed).to.deep.equal(actionsThePackageCalls());
  });
});
