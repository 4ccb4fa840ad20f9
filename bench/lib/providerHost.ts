// Starts Pulumi's real dynamic-provider host (test/support/engine.ts) in a throwaway project whose
// `pulumi-tencentcloud-https` resolves to this checkout (compiled dist/ under `npm run bench`, the
// TypeScript sources under ts-node), configured against an emulator as stack config would.
// Faster than the npm-pack project the packaging tests use; module resolution from the host's cwd
// through the package `exports` map is the same.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { EmulatorHandle } from "../../emulator";
import { Engine, ProviderHost, serializeProvider, startProviderHost } from "../../test/support/engine";
import { providerConfig } from "../../test/support/providerEnv";
import { seams } from "../../sdk/seam";
import type { Engines } from "./fleet";

const PACKAGE = "pulumi-tencentcloud-https";
const runningFromSource = __filename.endsWith(".ts");

function linkedProject(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tc-https-bench-"));
  const pkgDir = path.join(dir, "node_modules", PACKAGE);
  fs.mkdirSync(pkgDir, { recursive: true });
  const providerEntry = path.resolve(__dirname, "../../provider");
  fs.writeFileSync(path.join(pkgDir, "package.json"), JSON.stringify({ name: PACKAGE, version: "0.0.0-linked", exports: { "./provider": "./provider.js" } }));
  fs.writeFileSync(path.join(pkgDir, "provider.js"), `module.exports = require(${JSON.stringify(providerEntry)});\n`);
  const repoModules = path.resolve(__dirname, runningFromSource ? "../../node_modules" : "../../../node_modules");
  fs.symlinkSync(path.join(repoModules, "@pulumi"), path.join(dir, "node_modules", "@pulumi"), "dir");
  return dir;
}

export interface FleetHost {
  host: ProviderHost;
  engines: Engines;
  dir: string;
  stop(): Promise<void>;
}

/** `config`: stack config beside the emulator's endpoint and credentials (e.g. the rate-limit store). */
export async function startFleetHost(emulator: EmulatorHandle, opts: { echo?: boolean; config?: Record<string, string> } = {}): Promise<FleetHost> {
  const dir = linkedProject();
  const env: Record<string, string> = {};
  if (runningFromSource) {
    env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ""} -r ${require.resolve("ts-node/register/transpile-only")}`.trim();
    env.TS_NODE_PROJECT = path.resolve(__dirname, "../../tsconfig.json");
  }
  const host = await startProviderHost({ cwd: dir, env, echo: opts.echo });
  try {
    await host.configure({ ...providerConfig(emulator), ...opts.config }, { secretKeys: ["tencentcloud-https:secretKey"] });
    const engines: Engines = {
      CdnHttpsConfig: new Engine(host, await serializeProvider(seams.cdnHttpsConfig)),
      LiveCertificate: new Engine(host, await serializeProvider(seams.liveCertificate)),
      LiveDomainBinding: new Engine(host, await serializeProvider(seams.liveDomainBinding)),
    };
    return {
      host, engines, dir,
      async stop() { await host.stop(); fs.rmSync(dir, { recursive: true, force: true }); },
    };
  } catch (e) {
    await host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
