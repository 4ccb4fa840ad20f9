// `npm run demo`: the quick start against the embedded emulator. Starts the emulator with a seed,
// runs `pulumi up --yes` on the root Pulumi.yaml (this directory's program) through the Automation
// API with a local file backend in a temporary directory, prints the stack outputs and the
// emulator's resulting HTTPS state, then refreshes and destroys.
//
// Exit codes: 0 the whole demo ran; 1 something failed; 2 no Pulumi CLI could be had, so the
// Pulumi part was skipped (the same resources were driven through the provider directly instead,
// to show the emulator and the provider working; that is not a `pulumi up`).
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { LocalWorkspace, PulumiCommand, Stack } from "@pulumi/pulumi/automation";
import { EmulatorHandle, startEmulator } from "../../emulator";
import { formatTable, StatusRow } from "../../cli/status";
import { emulatorInventory } from "./inventory";
import { findPulumiCli, INSTALL_HINT } from "./pulumiCli";
import { demoSeed } from "./seed";
import { QUICKSTART } from "./settings";
import { runWithoutCli } from "./withoutCli";
import { ensureSelfLink } from "./selfLink";

export const EXIT = { ok: 0, failed: 1, noCli: 2 } as const;

/** The repository root: where the root Pulumi.yaml is (works from examples/ and dist/examples/). */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml")) && fs.existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error(`cannot find the root Pulumi.yaml above ${__dirname}`);
}

export interface PulumiDemoResult {
  outputs: Record<string, unknown>;
  afterUp: StatusRow[];
  refreshChanges: Record<string, number>;
  afterDestroy: StatusRow[];
}

/** up, print, refresh, destroy; the stack and its temporary backend are removed afterwards. */
export async function runPulumiDemo(opts: { cliBin: string; emulator: EmulatorHandle; print: (text: string) => void; verbose?: boolean }): Promise<PulumiDemoResult> {
  const { emulator, print } = opts;
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "tc-https-demo-"));
  fs.mkdirSync(path.join(work, "backend"));
  const envVars = {
    PULUMI_BACKEND_URL: `file://${path.join(work, "backend")}`,
    PULUMI_CONFIG_PASSPHRASE: crypto.randomBytes(16).toString("hex"), // throwaway: the state dies with the demo
    PULUMI_HOME: path.join(work, "home"),
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PATH: `${path.dirname(opts.cliBin)}${path.delimiter}${process.env.PATH ?? ""}`, // bundled language hosts
  };
  const pulumiCommand = await PulumiCommand.get({ root: path.dirname(path.dirname(opts.cliBin)), skipVersionCheck: true });
  const workDir = projectRoot();
  ensureSelfLink(workDir); // the provider host resolves the package from this directory's node_modules
  let stack: Stack | undefined;
  const onOutput = opts.verbose ? (line: string) => print(line) : undefined;
  try {
    stack = await LocalWorkspace.createOrSelectStack({ stackName: QUICKSTART.stack, workDir }, { pulumiCommand, envVars });
    await stack.setAllConfig({
      "tencentcloud-https:secretId": { value: emulator.secretId },
      "tencentcloud-https:secretKey": { value: emulator.secretKey, secret: true },
      "tencentcloud-https:endpoint": { value: emulator.url },
    });
    print("pulumi up --yes ...\n");
    const up = await stack.up({ onOutput, color: "never" });
    const outputs = Object.fromEntries(Object.entries(up.outputs).map(([k, v]) => [k, v.secret ? "[secret]" : v.value]));
    print(`\nStack outputs:\n${JSON.stringify(outputs, null, 2)}\n`);
    const afterUp = await emulatorInventory(emulator);
    print(`\nHTTPS state in the emulator after up:\n${formatTable(afterUp, new Date())}`);

    print("\npulumi refresh --yes ...\n");
    const refresh = await stack.refresh({ onOutput, color: "never" });
    const refreshChanges = (refresh.summary.resourceChanges ?? {}) as Record<string, number>;
    print(`refresh: ${JSON.stringify(refreshChanges)}\n`);

    print("\npulumi destroy --yes ...\n");
    await stack.destroy({ onOutput, color: "never" });
    const afterDestroy = await emulatorInventory(emulator);
    print(`\nHTTPS state in the emulator after destroy:\n${formatTable(afterDestroy, new Date())}`);
    return { outputs, afterUp, refreshChanges, afterDestroy };
  } finally {
    // `stack rm` also deletes Pulumi.<stack>.yaml, which the Automation API wrote into the repo root.
    await stack?.workspace.removeStack(QUICKSTART.stack, { force: true }).catch(() => undefined);
    fs.rmSync(path.join(workDir, `Pulumi.${QUICKSTART.stack}.yaml`), { force: true });
    fs.rmSync(work, { recursive: true, force: true });
  }
}

async function main(): Promise<number> {
  const print = (text: string) => process.stdout.write(text);
  const emulator = await startEmulator({ seed: demoSeed(), deployDelayMs: 300 });
  try {
    print(`Tencent Cloud API emulator listening at ${emulator.url} (seeded with ${QUICKSTART.cdnDomain}, ` +
      `${QUICKSTART.playDomains.join(", ")} and hosted certificate ${QUICKSTART.certificateId}).\n`);
    const cli = await findPulumiCli(projectRoot());
    if (!cli.ok) {
      print(`No Pulumi CLI is available (${cli.reason}), so \`pulumi up\` was skipped; ${INSTALL_HINT}.\n\n`);
      await runWithoutCli(emulator, print);
      print(`\nExit code ${EXIT.noCli}: the provider and the emulator worked, but the Pulumi part of the demo did not run.\n`);
      return EXIT.noCli;
    }
    print(`Using the Pulumi CLI at ${cli.bin} (from ${cli.via}).\n`);
    await runPulumiDemo({ cliBin: cli.bin, emulator, print, verbose: true });
    print("\nDone: up, refresh and destroy all succeeded.\n");
    return EXIT.ok;
  } finally {
    await emulator.stop();
  }
}

if (require.main === module) {
  main().then(
    (code) => { process.exitCode = code; },
    (err) => { process.stderr.write(`demo failed: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = EXIT.failed; },
  );
}
