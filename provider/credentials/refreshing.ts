// Temporary credentials (an assumed role, a web identity, an instance role): fetched on first use,
// renewed a share of their lifetime before they expire, one renewal for all callers at once. A
// request never leaves on expired credentials: when a renewal fails and the credentials held are
// past the middle of that margin, the failure is what the caller gets.
import type { Credentials, CredentialsProvider, Expiring } from "./types";

/** How long before expiry to renew: a third of the lifetime, at most five minutes (the SDKs' margin). */
export function renewAhead(lifetimeMs: number): number {
  return Math.min(300_000, Math.max(0, lifetimeMs) / 3);
}

export class RefreshingCredentials implements CredentialsProvider {
  private held: (Expiring & { obtainedAt: number }) | undefined;
  private renewing: Promise<Credentials> | undefined;

  constructor(
    readonly source: string,
    readonly identity: string,
    private readonly fetch: () => Promise<Expiring>,
    private readonly now: () => number = Date.now,
  ) {}

  async current(): Promise<Credentials> {
    const held = this.held;
    if (held) {
      const ahead = renewAhead(held.expiresAt - held.obtainedAt);
      const left = held.expiresAt - this.now();
      if (left > ahead) return held.credentials;
      try {
        return await this.renew();
      } catch (e) {
        if (left > ahead / 2) return held.credentials; // still good for a while: the next call tries again
        throw e;
      }
    }
    return this.renew();
  }

  private renew(): Promise<Credentials> {
    this.renewing ??= (async () => {
      try {
        const obtainedAt = this.now();
        const next = await this.fetch();
        this.held = { ...next, obtainedAt };
        return next.credentials;
      } finally {
        this.renewing = undefined;
      }
    })();
    return this.renewing;
  }
}
