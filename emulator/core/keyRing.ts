// The credentials the emulator accepts, and whose they are: the seeds' long-term keys (an account's
// own) and the temporary credentials STS and the metadata service issue (a role's session, with a
// session token and an expiry on the emulator's clock). One per emulator: it outlives a reset, as a
// key outlives a console session. A request's account and caller come from here.
import { randomBytes } from "node:crypto";

/** Who a credential speaks for: an account's long-term key, or a session of one of its roles. */
export type Principal =
  | { kind: "account"; uin: string }
  | { kind: "role"; uin: string; roleId: string; roleName: string; session: string; /** the account that asked for it */ by: string };

export interface KeyEntry {
  secretId: string;
  secretKey: string;
  /** The account the credential reaches. */
  uin: string;
  principal: Principal;
  /** Temporary credentials only: the token every request must carry (X-TC-Token), and when they expire (emulator clock, ms). */
  token?: string;
  expiresAt?: number;
}

/** What STS hands out, in its own names. */
export interface IssuedCredentials { TmpSecretId: string; TmpSecretKey: string; Token: string }

export class KeyRing {
  private readonly byId = new Map<string, KeyEntry>();

  /** A long-term key of account `uin` (a seed's `credentials`). */
  addLongTerm(credential: { secretId: string; secretKey: string }, uin: string): void {
    this.byId.set(credential.secretId, { ...credential, uin, principal: { kind: "account", uin } });
  }

  /** New temporary credentials of a role session, valid until `expiresAt` on the emulator's clock. */
  issue(principal: Extract<Principal, { kind: "role" }>, expiresAt: number): IssuedCredentials {
    const issued = {
      TmpSecretId: `AKIDtmp${randomBytes(14).toString("hex")}`,
      TmpSecretKey: randomBytes(24).toString("base64url"),
      Token: randomBytes(96).toString("base64url"),
    };
    this.byId.set(issued.TmpSecretId, { secretId: issued.TmpSecretId, secretKey: issued.TmpSecretKey, uin: principal.uin, principal, token: issued.Token, expiresAt });
    return issued;
  }

  find(secretId: string): KeyEntry | undefined {
    return this.byId.get(secretId);
  }
}
