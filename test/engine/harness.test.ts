// Proves the engine harness against a throwaway provider module, installed (as a user's project
// would have it) in a temp project's node_modules and required by a seam at run time.
import { expect } from "chai";
import * as fs from "fs";
import * as path from "path";
import * as pulumi from "@pulumi/pulumi";
import { Engine, HostError, ProviderHost, UNKNOWN, scratchProject, serializeProvider, startProviderHost, urnFor } from "../support/engine";
import { repoRoot } from "../support/packed";

// In-memory "cloud" inside the host process: the module lives as long as the host does.
const TINY_PROVIDER = `
const store = new Map();
let token;
const UNKNOWN = "${UNKNOWN}";
module.exports = {
  configure(req) { token = req.config.get("tiny:token"); },
  async check(olds, news) {
    const failures = [];
    if (news.name !== UNKNOWN && !/^[a-z]+$/.test(news.name)) failures.push({ property: "name", reason: "name must be lowercase letters" });
    return { inputs: { ...news, size: news.size ?? 1 }, failures };
  },
  async diff(id, olds, news) {
    const changed = ["name", "size"].filter((k) => olds[k] !== news[k]);
    return { changes: changed.length > 0, replaces: changed.includes("name") ? ["name"] : [] };
  },
  async create(inputs) {
    if (inputs.name === "boom") throw new Error("the cloud said no to boom");
    if (inputs.name === "half") { const e = new Error("created but unhealthy"); e.id = "half-1"; e.reasons = ["unhealthy"]; throw e; }
    if (inputs.name === "undef") return { id: "u", outs: { missing: undefined } };
    console.log("creating " + inputs.name);
    const outs = { name: inputs.name, size: inputs.size, tokenLength: token ? token.length : 0 };
    store.set(inputs.name, outs);
    return { id: inputs.name, outs };
  },
  async read(id, props) {
    const live = store.get(id);
    return live ? { id, props: { ...live, drifted: true }, inputs: { name: live.name, size: live.size } } : {};
  },
  async update(id, olds, news) {
    const outs = { ...olds, size: news.size };
    store.set(id, outs);
    return { outs };
  },
  async delete(id) { store.delete(id); },
};`;

function writeProject(): string {
  return scratchProject({ "node_modules/tiny-provider/index.js": TINY_PROVIDER }, path.join(repoRoot(), "node_modules"));
}

// Seam-like: captures nothing, loads the provider module from the host's cwd at run time.
const tinySeam: pulumi.dynamic.ResourceProvider = {
  configure: (...a) => require("tiny-provider").configure(...a),
  check: (...a) => require("tiny-provider").check(...a),
  diff: (...a) => require("tiny-provider").diff(...a),
  create: (...a) => require("tiny-provider").create(...a),
  read: (...a) => require("tiny-provider").read(...a),
  update: (...a) => require("tiny-provider").update(...a),
  delete: (...a) => require("tiny-provider").delete(...a),
};

describe("engine harness (real dynamic-provider host over gRPC)", function () {
  let dir: string;
  let host: ProviderHost;
  let provider: string;
  let engine: Engine;
  const urn = (name: string) => urnFor("tiny:Thing", name);

  before(async function () {
    dir = writeProject();
    provider = await serializeProvider(tinySeam);
    host = await startProviderHost({ cwd: dir });
    await host.configure({ "tiny:token": "s3cret-token", "proj:other": "x" }, { secretKeys: ["tiny:token"] });
    engine = new Engine(host, provider);
  });
  after(async function () {
    await host?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("serializes the seam without capturing the provider module", function () {
    expect(provider).to.include('require("tiny-provider")');
    expect(provider).to.not.include("the cloud said no");
    expect(host.pluginVersion).to.match(/^\d+\.\d+\.\d+/);
  });

  it("checks with an unknown value as in preview, without failing it", async function () {
    const { inputs, failures } = await host.check(urn("a"), {}, { name: UNKNOWN, __provider: provider });
    expect(failures).to.deep.equal([]);
    expect(inputs.name).to.equal(UNKNOWN);
    expect(inputs.size).to.equal(1);
    expect(inputs.__provider).to.equal(provider);
  });

  it("round-trips check failures", async function () {
    const { failures } = await engine.preview(urn("b"), { name: "Not Valid" });
    expect(failures).to.deep.equal([{ property: "name", reason: "name must be lowercase letters" }]);
  });

  it("runs create, read, diff, update, replace and delete", async function () {
    const created = await engine.create(urn("alpha"), { name: "alpha", size: 2 });
    expect(created.id).to.equal("alpha");
    // The secret config value arrived unwrapped (the host strips the secret wrapper).
    expect(created.outputs).to.include({ name: "alpha", size: 2, tokenLength: "s3cret-token".length });
    expect(created.outputs.__provider).to.equal(provider);
    // The host prints on stdout, which may arrive after the answer: wait for the line (bounded).
    for (let i = 0; i < 100 && !host.logs().includes("creating alpha"); i++) await new Promise((r) => setTimeout(r, 10));
    expect(host.logs()).to.include("creating alpha");

    const refreshed = await engine.refresh(created);
    expect(refreshed?.outputs).to.include({ drifted: true, size: 2 });
    expect(refreshed?.inputs).to.include({ name: "alpha", __provider: provider });

    const same = await engine.up(refreshed!, { name: "alpha", size: 2 });
    expect(same.step).to.equal("same");

    const updated = await engine.up(refreshed!, { name: "alpha", size: 5 });
    expect(updated.step).to.equal("update");
    expect(updated.diff).to.deep.equal({ changes: "some", replaces: [], deleteBeforeReplace: false });
    expect(updated.state.outputs).to.include({ size: 5, __provider: provider });

    const replaced = await engine.up(updated.state, { name: "beta", size: 5 });
    expect(replaced.step).to.equal("replace");
    expect(replaced.diff.replaces).to.deep.equal(["name"]);
    expect(replaced.state.id).to.equal("beta");
    expect(await engine.refresh(updated.state), "the replaced resource was deleted").to.equal(undefined);

    await engine.destroy(replaced.state);
    expect(await engine.refresh(replaced.state), "read with no id means gone").to.equal(undefined);
  });

  it("reads by id as ReadStep does (Resource.get): the program's props as inputs and state", async function () {
    const created = await engine.create(urn("gamma"), { name: "gamma" });
    const got = await engine.get(urn("gamma-got"), "gamma", { name: "gamma" });
    expect(got.outputs).to.include({ name: "gamma", size: 1, drifted: true, __provider: provider });
    expect(got.inputs).to.deep.equal({ name: "gamma", __provider: provider });
    await engine.destroy(created);
    const gone = await engine.get(urn("nothing"), "nothing").catch((e) => e);
    expect(gone.message).to.equal("resource 'nothing' does not exist");
  });

  it("imports as ImportStep does (Read with no inputs and no properties): the host finds no provider", async function () {
    const created = await engine.create(urn("delta"), { name: "delta" });
    const failed = await engine.import(urn("delta-imported"), "delta", { name: "delta" }).catch((e) => e);
    expect(failed).to.be.instanceOf(HostError);
    expect(failed.message).to.equal("code must be a string, not undefined");
    await engine.destroy(created);
  });

  it("surfaces a create error with the provider's message", async function () {
    const err = await engine.create(urn("boom"), { name: "boom" }).catch((e) => e);
    expect(err).to.be.instanceOf(HostError);
    expect(err.message).to.equal("the cloud said no to boom");
    expect(err.method).to.equal("create");
    expect(err.code).to.equal(2); // grpc UNKNOWN
  });

  it("decodes a partially-created resource (error with .id)", async function () {
    const err: HostError = await engine.create(urn("half"), { name: "half" }).catch((e) => e);
    expect(err.initFailed).to.deep.equal({ id: "half-1", properties: {}, reasons: ["unhealthy"] });
  });

  it("shows that undefined in outs breaks the host's Struct encoding", async function () {
    const err = await engine.create(urn("undef"), { name: "undef" }).catch((e) => e);
    expect(err).to.be.instanceOf(HostError);
    expect(err.message).to.match(/Unexpected struct type/);
  });
});
