// The identity token a web identity exchanges, read afresh for every exchange: CI systems and TKE
// rotate it (a file rewritten by kubelet, a GitHub Actions token minted per request), and a token
// read once would be stale by the next renewal. The token itself never reaches a message.
import fs from "node:fs/promises";
import type { TokenSource } from "./choose";
import { CredentialsError } from "./types";

/** A token file holds the JWT, or Terraform's form: a JSON object with web_identity_token. */
function tokenIn(text: string): string {
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    try {
      const value = (JSON.parse(trimmed) as { web_identity_token?: unknown }).web_identity_token;
      if (typeof value === "string") return value.trim();
    } catch {
      /* not JSON after all: taken as the token */
    }
  }
  return trimmed;
}

export async function readWebIdentityToken(token: TokenSource, source: string, httpGet: (url: string, headers: Record<string, string>) => Promise<string>): Promise<string> {
  if (token.kind === "value") return token.value;
  if (token.kind === "file") {
    let text: string;
    try {
      text = await fs.readFile(token.path, "utf8");
    } catch (e) {
      throw new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: the token file ${token.path} (${token.name}) cannot be read ` +
        `(${(e as NodeJS.ErrnoException).code ?? "error"}): point webIdentityTokenFile at the file your CI or TKE writes the identity token to.`);
    }
    const value = tokenIn(text);
    if (!value) throw new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: the token file ${token.path} (${token.name}) is empty.`);
    return value;
  }
  const url = `${token.url}${token.url.includes("?") ? "&" : "?"}audience=${encodeURIComponent(token.audience)}`;
  try {
    const value = (JSON.parse(await httpGet(url, { Authorization: `Bearer ${token.requestToken}` })) as { value?: unknown }).value;
    if (typeof value !== "string" || !value) throw new Error("the answer holds no token");
    return value;
  } catch (e) {
    throw new CredentialsError(`Tencent Cloud credentials from ${source} cannot be had: GitHub Actions' token endpoint did not give a token (${(e as Error).message}); ` +
      "give the job `permissions: id-token: write`.");
  }
}
