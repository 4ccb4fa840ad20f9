// Seeds: the world a test or a CI job starts from, and the admin routes' bodies. Out of band: they
// describe the world as it is, not a request, so they bypass the API's rules. The top level of a
// seed is the default account; `accounts` adds others, each with its own credentials.
import type { AccountSeed } from "../types";

/** A seed or admin body that cannot be applied; the message says what to fix. Answered 400 by the admin routes. */
export class SeedError extends Error {}

/** A non-empty string member of an admin route's body. */
export function bodyString(body: any, field: string): string {
  if (typeof body?.[field] !== "string" || body[field] === "") throw new SeedError(`the body needs "${field}"`);
  return body[field];
}

export interface Credential { secretId: string; secretKey: string }

export function validateCredentials(seed: AccountSeed): Credential[] {
  return (seed.credentials ?? []).map((c) => {
    if (typeof c?.secretId !== "string" || typeof c?.secretKey !== "string" || !c.secretId || !c.secretKey) {
      throw new SeedError("every credentials entry needs secretId and secretKey");
    }
    return c;
  });
}
