// STS (sts 2018-08-13) as the core sees it: an account's roles and identity providers (its seed keys
// `roles` and `identityProviders`), the actions, and its part of the state (no key, no token).
import type { ServiceModule } from "../../core/backend";
import { any, listOf, object, text } from "../../core/seed";
import type { AccountSeed, EmulatorSnapshot } from "../../types";
import { stsActions } from "./actions";
import { roleArnOf, StsBackend } from "./model";

export { StsBackend } from "./model";

const STS_SEED_SHAPE = {
  roles: listOf(object({ name: text, id: text, trustPolicy: any }, ["name", "trustPolicy"])),
  identityProviders: listOf(object({ name: text, issuer: text, clientIds: listOf(text), jwks: object({ keys: listOf(any) }, ["keys"]) }, ["name", "issuer", "clientIds", "jwks"])),
};

function seedSts(sts: StsBackend, seed: AccountSeed): void {
  for (const role of seed.roles ?? []) sts.addRole(role);
  for (const provider of seed.identityProviders ?? []) sts.addIdentityProvider(provider);
}

function stsSnapshot(sts: StsBackend): Pick<EmulatorSnapshot, "roles" | "identityProviders"> {
  return {
    roles: sts.allRoles().map((r) => ({ name: r.name, id: r.id, arn: roleArnOf(sts.account.uin, r), trustPolicy: structuredClone(r.trustPolicy) })),
    identityProviders: sts.allIdentityProviders().map((p) => ({ name: p.name, issuer: p.issuer, clientIds: [...p.clientIds] })),
  };
}

export const stsService: ServiceModule<"sts", StsBackend> = {
  service: "sts",
  create: (account) => new StsBackend(account),
  actions: stsActions,
  seedShape: STS_SEED_SHAPE,
  seed: seedSts,
  snapshot: stsSnapshot,
  adminRoutes: [],
};
