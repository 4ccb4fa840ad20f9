// Pulumi's dynamic-provider host loads the stored seam with require-from-string, which has no file
// name, so `require("pulumi-tencentcloud-https/provider")` is resolved from the host's cwd — the
// project directory — through node_modules only (package self-reference needs a file inside the
// package). A user's project has the package in node_modules; the quick start's project is this
// repository, so the demo links the repository into its own node_modules first.
import * as fs from "fs";
import * as path from "path";

export const PACKAGE_NAME = "pulumi-tencentcloud-https";

/** Makes `<root>/node_modules/pulumi-tencentcloud-https` point at `<root>`; idempotent. */
export function ensureSelfLink(root: string): string {
  const link = path.join(root, "node_modules", PACKAGE_NAME);
  let existing: string | undefined;
  try { existing = fs.realpathSync(link); } catch { /* absent or dangling */ }
  if (existing === fs.realpathSync(root)) return link;
  fs.rmSync(link, { force: true, recursive: true });
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync("..", link, "dir");
  return link;
}
