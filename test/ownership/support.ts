// What the ownership scenarios share: the emulator reached by the in-process provider, the state
// of a CDN domain and of a playback domain at the API, and the provider's log as text.
import { providerConfig, ProviderEnv } from "../support/providerEnv";
import type { Middleman } from "../support/middleman";

export async function cdnHttps(env: ProviderEnv, domain: string): Promise<any> {
  const state = await env.emulator.state();
  return (state.cdnDomains as any[]).find((d) => d.Domain === domain)?.Https;
}

/** The certificate id a playback domain is bound to at the API, or undefined when unbound. */
export async function liveBinding(env: ProviderEnv, domain: string): Promise<string | undefined> {
  const state = await env.emulator.state();
  const row = (state.liveDomains as any[]).find((d) => d.Name === domain);
  return row?.binding?.cloudCertId ?? row?.binding?.CloudCertId ?? undefined;
}

export async function sslCertificateIds(env: ProviderEnv): Promise<string[]> {
  const state = await env.emulator.state();
  return (state.sslCertificates as any[]).map((c) => c.id ?? c.CertificateId).sort();
}

export const logText = (env: ProviderEnv) => env.logs.map((l) => l.line).join("\n");


/** Points the env's provider processes at the emulator through `proxy`, as stack config would. */
export function routeThrough(env: ProviderEnv, proxy: Middleman): void {
  env.config = { ...providerConfig(env.emulator), "tencentcloud-https:endpoint": proxy.url };
  env.newProcess();
}
