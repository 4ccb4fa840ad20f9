// What the sdk's seam loads inside Pulumi's dynamic-provider host:
// require("pulumi-tencentcloud-https/provider").<kind>.<method>(...args).
// This module's shape is a public contract with existing state: keep the names stable.
import type { ConfigureRequest } from "./config";
import { ProviderContext, ProviderOptions } from "./context";
import { RESOURCES, ResourceKind } from "./registry";
import { EngineHandlers, engineHandlers } from "./runtime/resource";

export type { ProviderOptions } from "./context";
export type { ResourceKind } from "./registry";

/** Synchronous: the host caches the provider before an async configure would resolve. */
type Configure = (req: ConfigureRequest) => void;
/** One resource's handlers as the host calls them, `configure` included (the seam reaches everything through one lookup). */
export type ResourceProvider = EngineHandlers & { configure: Configure };
export type Provider = { configure: Configure } & Record<ResourceKind, ResourceProvider>;

/**
 * A provider with a context of its own: what one provider process (one deployment) shares. The
 * host's process has the one below; tests make one per simulated process.
 */
export function createProvider(options: ProviderOptions = {}): Provider {
  const ctx = new ProviderContext(options);
  const configure: Configure = (req) => ctx.configure(req);
  const provider = { configure } as Provider;
  for (const [kind, definition] of Object.entries(RESOURCES) as [ResourceKind, (typeof RESOURCES)[ResourceKind]][]) {
    provider[kind] = { configure, ...engineHandlers(definition as never, ctx) };
  }
  return provider;
}

const processProvider = createProvider();

export const configure = processProvider.configure;
export const cdnHttpsConfig = processProvider.cdnHttpsConfig;
export const liveCertificate = processProvider.liveCertificate;
export const liveDomainBinding = processProvider.liveDomainBinding;
export const freeCertificate = processProvider.freeCertificate;
export const freeCertificateValidation = processProvider.freeCertificateValidation;
