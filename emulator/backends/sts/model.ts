// The STS backend of one account (moto's IAM/STS backend, the part this library needs): the
// account's roles, with their trust policies, and its OIDC identity providers. Temporary credentials
// live in the emulator's key ring (core/keyRing.ts), since a request is matched to them before any
// account is known.
import { BaseBackend } from "../../core/backend";

export interface Role { name: string; id: string; trustPolicy: unknown }
export interface IdentityProvider { name: string; issuer: string; clientIds: string[]; jwks: { keys: object[] } }

/** The role ARN forms the spec documents: qcs::cam::uin/<uin>:roleName/<name> and qcs::cam::uin/<uin>:role/<id>. */
const ARN = /^qcs::cam::uin\/(\d+):(roleName|role)\/([\w+=,.@-]+)$/;

export interface ParsedArn { uin: string; by: "roleName" | "role"; key: string }

export function parseRoleArn(arn: string): ParsedArn | undefined {
  const m = ARN.exec(arn);
  return m ? { uin: m[1], by: m[2] as ParsedArn["by"], key: m[3] } : undefined;
}

export const roleArnOf = (uin: string, role: Role) => `qcs::cam::uin/${uin}:roleName/${role.name}`;

/** guess: role ids look like the spec's examples (4611686018427397919): this prefix and a counter. */
let nextRoleId = 4611686018427397919n;

export class StsBackend extends BaseBackend {
  private readonly roles = new Map<string, Role>();
  private readonly providers = new Map<string, IdentityProvider>();

  addRole(role: { name: string; id?: string; trustPolicy: unknown }): Role {
    const added = { name: role.name, id: role.id ?? String(nextRoleId++), trustPolicy: structuredClone(role.trustPolicy) };
    this.roles.set(role.name, added);
    return added;
  }

  addIdentityProvider(provider: IdentityProvider): void {
    this.providers.set(provider.name, structuredClone(provider));
  }

  /** The role an ARN of this account names, by name or by id. */
  role(arn: ParsedArn): Role | undefined {
    return arn.by === "roleName" ? this.roles.get(arn.key) : [...this.roles.values()].find((r) => r.id === arn.key);
  }

  roleNamed(name: string): Role | undefined {
    return this.roles.get(name);
  }

  allRoles(): Role[] {
    return [...this.roles.values()];
  }

  identityProvider(name: string): IdentityProvider | undefined {
    return this.providers.get(name);
  }

  allIdentityProviders(): IdentityProvider[] {
    return [...this.providers.values()];
  }
}
