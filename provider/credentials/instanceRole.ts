// A CVM or TKE node's CAM role: temporary credentials from the metadata service, as Terraform's
// cam_role_name reads them (GET <endpoint>/latest/meta-data/cam/security-credentials/<role>).
import { CredentialsError, Expiring } from "./types";

export async function instanceRoleCredentials(endpoint: string, roleName: string, source: string, httpGet: (url: string) => Promise<string>, now: () => number): Promise<Expiring> {
  const url = `${endpoint}/latest/meta-data/cam/security-credentials/${encodeURIComponent(roleName)}`;
  const askedAt = now();
  let answer: { TmpSecretId?: string; TmpSecretKey?: string; Token?: string; ExpiredTime?: number; Code?: string };
  try {
    answer = JSON.parse(await httpGet(url));
  } catch (e) {
    throw new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: the metadata service (${endpoint}) gave none for the role ${roleName} ` +
      `(${(e as Error).message}): bind the CAM role ${roleName} to this CVM instance (or TKE node), or correct the role name.`);
  }
  if (!answer.TmpSecretId || !answer.TmpSecretKey || !answer.Token || typeof answer.ExpiredTime !== "number") {
    throw new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: the metadata service (${endpoint}) answered ${answer.Code ?? "without credentials"} for the role ${roleName}.`);
  }
  // Judged on our clock: no later than the service says, nor than two hours from asking (its session length).
  return { credentials: { secretId: answer.TmpSecretId, secretKey: answer.TmpSecretKey, token: answer.Token }, expiresAt: Math.min(answer.ExpiredTime * 1000, askedAt + 7_200_000) };
}
