// Verifying a web identity token as STS does before it admits it: its signature against the identity
// provider's keys (JWKS, chosen by kid), its issuer, an audience among the provider's client ids, and
// its time claims on the emulator's clock. jose does the JOSE work (see the commit adding it).
import { ApiError } from "../../core/errors";
import type { IdentityProvider } from "./model";

export interface WebIdentityClaims { iss: string; aud: string; sub: string }

const refused = (why: string) => new ApiError("InvalidParameter.WebIdentityTokenError", `The WebIdentityToken is refused: ${why}.`);

/** Why jose refused a token, in a sentence naming the check that failed. */
function reason(e: unknown, provider: IdentityProvider): string {
  const error = e as { code?: string; claim?: string; message?: string };
  switch (error.code) {
    case "ERR_JWT_EXPIRED": return "it has expired (exp is in the past)";
    case "ERR_JWT_CLAIM_VALIDATION_FAILED":
      if (error.claim === "iss") return `its iss claim is not ${provider.issuer}, the issuer of identity provider ${provider.name}`;
      if (error.claim === "aud") return `its aud claim names none of identity provider ${provider.name}'s client ids (${provider.clientIds.join(", ")})`;
      return `its ${error.claim ?? "time"} claim does not hold (${error.message ?? "invalid"})`;
    case "ERR_JWS_SIGNATURE_VERIFICATION_FAILED":
    case "ERR_JWKS_NO_MATCHING_KEY":
      return `its signature does not verify against the keys of identity provider ${provider.name}`;
    default: return "it is not a signed JWT";
  }
}

export async function verifyWebIdentityToken(token: string, provider: IdentityProvider, nowMs: number): Promise<WebIdentityClaims> {
  const { createLocalJWKSet, jwtVerify } = require("jose") as typeof import("jose");
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, createLocalJWKSet(provider.jwks as Parameters<typeof createLocalJWKSet>[0]), {
      issuer: provider.issuer, audience: provider.clientIds, currentDate: new Date(nowMs),
    }));
  } catch (e) {
    throw refused(reason(e, provider));
  }
  const audiences = Array.isArray(payload.aud) ? payload.aud.map(String) : [String(payload.aud)];
  const aud = audiences.find((a) => provider.clientIds.includes(a)) ?? audiences[0];
  if (typeof payload.sub !== "string") throw refused("it has no sub claim");
  return { iss: String(payload.iss), aud, sub: payload.sub };
}
