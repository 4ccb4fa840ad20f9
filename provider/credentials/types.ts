// What the client asks before it signs each request: the current credentials of one source. A
// source that hands out temporary credentials renews them before they expire (refreshing.ts).
import type { Credentials } from "../tencentcloud/client";

export type { Credentials };

export interface CredentialsProvider {
  /** Where the credentials come from, as a person sets it: "the Pulumi config tencentcloud-https:assumeRole". */
  readonly source: string;
  /** A stable name of the identity, never a secret (the rate budgets' account key): it survives renewals. */
  readonly identity: string;
  /** Credentials valid for a while yet; throws CredentialsError naming the source and what to fix. */
  current(): Promise<Credentials>;
}

/** Credentials that cannot be had: the message names the source and what to fix, never a secret. */
export class CredentialsError extends Error {}

/** Temporary credentials and when they expire (ms on the provider's clock). */
export interface Expiring { credentials: Credentials; expiresAt: number }
