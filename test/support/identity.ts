// Identities for the credential tests: an OIDC issuer (a key pair of its own, its JWKS, tokens signed
// as a CI would issue them) and the CAM trust policies a role needs, in the form the CAM console and
// the README show them. The emulator evaluates the same documents.
import { exportJWK, generateKeyPair, SignJWT } from "jose";

export const GITHUB_ISSUER = "https://token.actions.githubusercontent.com";
export const AUDIENCE = "sts.tencentcloudapi.com";
export const DEFAULT_UIN = "100000000001";

export const roleArn = (uin: string, name: string) => `qcs::cam::uin/${uin}:roleName/${name}`;

export interface TestIssuer {
  issuer: string;
  /** What the identity provider in CAM holds: the issuer's public keys. */
  jwks: { keys: object[] };
  /** A token as the CI issues it: `exp` `expiresInSeconds` after `now` (default: 5 minutes after this moment). */
  sign(claims: { sub: string; aud?: string; expiresInSeconds?: number; now?: number; issuer?: string }): Promise<string>;
}

export async function makeIssuer(issuer = GITHUB_ISSUER, kid = "test-key-1"): Promise<TestIssuer> {
  const { publicKey, privateKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid, alg: "RS256", use: "sig" };
  return {
    issuer,
    jwks: { keys: [jwk] },
    async sign({ sub, aud = AUDIENCE, expiresInSeconds = 300, now = Date.now(), issuer: iss = issuer }) {
      const iat = Math.floor(now / 1000);
      return new SignJWT({ repository: "example/app" })
        .setProtectedHeader({ alg: "RS256", kid, typ: "JWT" })
        .setIssuer(iss).setSubject(sub).setAudience(aud).setIssuedAt(iat).setNotBefore(iat - 5).setExpirationTime(iat + expiresInSeconds)
        .sign(privateKey);
    },
  };
}

/** The trust policy of a role another account (its root, so any of its identities) may assume; optionally with an external id. */
export function trustAccount(uin: string, externalId?: string): object {
  return {
    version: "2.0",
    statement: [{
      effect: "allow", action: ["name/sts:AssumeRole"], principal: { qcs: [`qcs::cam::uin/${uin}:root`] },
      ...(externalId ? { condition: { string_equal: { "sts:external_id": externalId } } } : {}),
    }],
  };
}

/** The trust policy of a role a CI's identity token may assume: the provider, the issuer, the audience and the subject. */
export function trustOidc(uin: string, provider: string, claims: { iss: string; aud: string; sub: string }): object {
  return {
    version: "2.0",
    statement: [{
      effect: "allow", action: ["name/sts:AssumeRoleWithWebIdentity"],
      principal: { federated: [`qcs::cam::uin/${uin}:oidc-provider/${provider}`] },
      condition: { string_equal: { "oidc:iss": [claims.iss], "oidc:aud": [claims.aud], "oidc:sub": [claims.sub] } },
    }],
  };
}

/** The trust policy of a CVM instance role (what the metadata service hands out). */
export function trustCvm(): object {
  return { version: "2.0", statement: [{ effect: "allow", action: ["name/sts:AssumeRole"], principal: { service: ["cvm.qcloud.com"] } }] };
}
