// The CVM metadata service's instance-role credentials (what a CVM or TKE node with a CAM role reads,
// and what Terraform's cam_role_name asks for): GET /latest/meta-data/cam/security-credentials/
// lists the instance's role, .../<role> hands out its temporary credentials. The instance lives in
// the default account; its roles are those whose trust policy admits the CVM service.
// guess: the answer is the shape Tencent Cloud's tools read (TmpSecretId, TmpSecretKey, Token,
// ExpiredTime, Expiration, Code "Success"), valid two hours as STS's default session.
import { instanceRoleCredentials } from "../backends/sts/actions";
import { isInstanceRole } from "../backends/sts/trust";
import { DEFAULT_ACCOUNT } from "./accounts";
import type { Emulator } from "./emulator";

export const METADATA_PREFIX = "/latest/meta-data/cam/security-credentials/";

export function handleMetadata(emu: Emulator, pathname: string): { status: number; contentType: string; body: string } {
  const account = emu.accounts.get(DEFAULT_ACCOUNT);
  const roles = account.sts.allRoles().filter((r) => isInstanceRole(r.trustPolicy));
  const name = decodeURIComponent(pathname.slice(METADATA_PREFIX.length)).replace(/\/$/, "");
  if (name === "") return { status: 200, contentType: "text/plain", body: roles.map((r) => r.name).join("\n") };
  const role = roles.find((r) => r.name === name);
  if (!role) return { status: 404, contentType: "text/plain", body: `the instance has no role ${name}` };
  const issued = instanceRoleCredentials(account, role);
  return { status: 200, contentType: "application/json", body: JSON.stringify({ ...(issued.Credentials as object), ExpiredTime: issued.ExpiredTime, Expiration: issued.Expiration, Code: "Success" }) };
}
