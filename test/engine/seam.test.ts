// The provider seam (sdk/seam.ts): what Pulumi stores in state as `__provider`. It must be small,
// free of machine-specific paths, require only the library's public `./provider` entry, and
// delegate every call to it at run time.
import { expect } from "chai";
import Module, { createRequire } from "module";
import * as path from "path";
import { seams, ResourceKind } from "../../sdk/seam";
import * as fs from "fs";
import { scratchProject, serializeProviderFunction, startProviderHost, urnFor } from "../support/engine";
import { repoRoot } from "../support/packed";
const requireFromString = require("require-from-string");

const ENTRY = "pulumi-tencentcloud-https/provider";
const KINDS = Object.keys(seams) as ResourceKind[];
const METHODS = ["configure", "check", "diff", "create", "read", "update", "delete"] as const;

/** Every module name the serialized text requires. */
function requiredModules(text: string): string[] {
  return [...new Set([...text.matchAll(/require\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]))];
}

// The host loads `__provider` with require-from-string; here it is given a filename inside the
// repo so that the package self-reference resolves `pulumi-tencentcloud-https/provider` to dist/.
function deserialize(text: string) {
  return requireFromString(text, path.join(repoRoot(), "__provider.js")).handler();
}

describe("provider seam (sdk/seam.ts)", function () {
  it("covers the five resources", function () {
    expect(KINDS).to.have.members(["cdnHttpsConfig", "liveCertificate", "liveDomainBinding", "freeCertificate", "freeCertificateValidation"]);
  });

  for (const kind of KINDS) {
    it(`${kind}: serializes under 2 KB, with no path, secret or dependency but the provider entry`, async function () {
      const sf = await serializeProviderFunction(seams[kind]);
      console.log(`      serialized ${kind} seam: ${Buffer.byteLength(sf.text)} bytes`);
      expect(Buffer.byteLength(sf.text)).to.be.below(2048);
      expect(sf.containsSecrets).to.equal(false);
      for (const fragment of ["/work", "node_modules/", "dist/", repoRoot(), process.cwd()]) {
        expect(sf.text).to.not.include(fragment);
      }
      expect(requiredModules(sf.text)).to.deep.equal([ENTRY]);
      expect(sf.text).to.include(JSON.stringify(kind));
    });
  }

  describe("deserialized, with a recording stand-in for the provider module", function () {
    const calls: { kind: string; method: string; args: unknown[] }[] = [];
    let resolved: string;
    let saved: NodeJS.Module | undefined;

    before(function () {
      try {
        resolved = createRequire(path.join(repoRoot(), "package.json")).resolve(ENTRY);
      } catch (e) {
        throw new Error(`${ENTRY} does not resolve in the repo; build dist/ first (npx tsc -p .): ${(e as Error).message}`);
      }
      const fake: Record<string, Record<string, Function>> = {};
      for (const kind of KINDS) {
        fake[kind] = {};
        for (const method of METHODS) {
          fake[kind][method] = async (...args: unknown[]) => { calls.push({ kind, method, args }); return { kind, method }; };
        }
      }
      // Stand in for dist/provider in the module cache so delegation is tested whatever state it is in.
      saved = require.cache[resolved];
      const m = new Module(resolved);
      m.filename = resolved;
      m.loaded = true;
      m.exports = fake;
      require.cache[resolved] = m;
    });
    after(function () {
      if (saved) require.cache[resolved] = saved;
      else delete require.cache[resolved];
    });
    beforeEach(() => { calls.length = 0; });

    for (const kind of KINDS) {
      it(`${kind}: configure, then every method, delegates to provider.${kind} with its arguments and result`, async function () {
        const seam = deserialize((await serializeProviderFunction(seams[kind])).text);
        const req = { config: { get: () => undefined } };
        expect(await seam.configure(req)).to.deep.equal({ kind, method: "configure" });
        for (const method of METHODS.slice(1)) {
          const args = [`id-${method}`, { olds: 1 }, { news: [2] }];
          expect(await seam[method](...args)).to.deep.equal({ kind, method });
        }
        expect(calls.map((c) => c.kind)).to.deep.equal(METHODS.map(() => kind));
        expect(calls.map((c) => c.method)).to.deep.equal([...METHODS]);
        expect(calls[0].args).to.deep.equal([req]);
        for (const c of calls.slice(1)) expect(c.args).to.deep.equal([`id-${c.method}`, { olds: 1 }, { news: [2] }]);
      });
    }

    it("says what to do when a method is called before configure, and leaves the original seams untouched", async function () {
      const seam = deserialize((await serializeProviderFunction(seams.cdnHttpsConfig)).text);
      expect(() => seam.check({}, {})).to.throw(/call configure\(\) on the deserialized provider first/);
      expect(calls).to.deep.equal([]);
      await seam.configure({ config: { get: () => undefined } });
      for (const kind of KINDS) {
        expect(Object.keys(seams[kind]).sort()).to.deep.equal(["k", ...METHODS].sort());
        expect(() => seams[kind].create({})).to.throw(/configure/);
      }
    });
  });

  describe("in Pulumi's real host, with a stand-in package installed in the project", function () {
    // Records in the host process which kind/method ran and whether configure came first.
    const STAND_IN = `
      let token;
      const handler = (kind) => ({
        check: async (olds, news) => ({ inputs: { ...news, kind, token } }),
        create: async (inputs) => ({ id: kind, outs: { kind, token } }),
        diff: async () => ({ changes: false }),
        read: async (id, props) => ({ id, props: { ...props, kind } }),
        update: async (id, olds, news) => ({ outs: { kind, updated: true } }),
        delete: async () => {},
      });
      const configure = (req) => { token = req.config.get("tencentcloud-https:secretKey"); };
      module.exports = { configure };
      for (const k of ${JSON.stringify(KINDS)}) module.exports[k] = { ...handler(k), configure };`;
    let dir: string;

    before(function () {
      dir = scratchProject({
        "node_modules/pulumi-tencentcloud-https/package.json":
          JSON.stringify({ name: "pulumi-tencentcloud-https", exports: { "./provider": "./provider.js" } }),
        "node_modules/pulumi-tencentcloud-https/provider.js": STAND_IN,
      }, path.join(repoRoot(), "node_modules"));
    });
    after(() => fs.rmSync(dir, { recursive: true, force: true }));

    it("configures before concurrent first calls and routes each kind to its handler", async function () {
      const host = await startProviderHost({ cwd: dir });
      try {
        await host.configure({ "tencentcloud-https:secretKey": "k3y" }, { secretKeys: ["tencentcloud-https:secretKey"] });
        for (const kind of KINDS) {
          const __provider = (await serializeProviderFunction(seams[kind])).text;
          const urn = (n: number) => urnFor("tencentcloud-https:X", `${kind}-${n}`);
          // The host caches a provider before awaiting its configure; the first calls race it.
          const checks = await Promise.all([0, 1, 2, 3].map((n) => host.check(urn(n), {}, { __provider })));
          for (const c of checks) expect(c.inputs).to.include({ kind, token: "k3y" });
          const created = await host.create(urn(0), checks[0].inputs);
          expect(created).to.deep.include({ id: kind });
          expect(created.outs).to.include({ kind, token: "k3y" });
          expect((await host.update(kind, urn(0), created.outs, checks[0].inputs)).outs).to.include({ kind, updated: true });
          expect((await host.read(kind, urn(0), created.outs)).props).to.include({ kind });
          await host.delete(kind, urn(0), created.outs);
        }
      } finally {
        await host.stop();
      }
    });
  });

  it("resolves to a provider module exposing configure and the four handler objects", function () {
    let provider: any;
    try {
      provider = createRequire(path.join(repoRoot(), "package.json"))(ENTRY);
    } catch (e) {
      console.log(`      skipped: dist/provider does not load yet (${(e as Error).message.split("\n")[0]})`);
      this.skip();
    }
    expect(provider.configure).to.be.a("function");
    for (const kind of KINDS) {
      for (const method of METHODS) expect(provider[kind][method], `${kind}.${method}`).to.be.a("function");
    }
  });
});
