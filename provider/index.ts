// What the sdk's seam loads inside Pulumi's dynamic-provider host:
// require("pulumi-tencentcloud-https/provider").<resource>.<method>(...args).
// This module's shape is a public contract with existing state: keep the names stable.
import type * as pulumi from "@pulumi/pulumi";
import { configure } from "./config";

type Handlers = Required<Omit<pulumi.dynamic.ResourceProvider, "configure">>;

/**
 * A resource's handlers, its code loaded on first use: each deployment runs in a provider process
 * of its own, and loading every resource's modules (the CDN schemas alone take some 20 ms) would
 * delay the first check of a program that has none of them.
 */
function loadedOnUse(load: () => Handlers): Handlers {
  let handlers: Handlers | undefined;
  const get = () => (handlers ??= load());
  return {
    check: (olds, news) => get().check(olds, news),
    diff: (id, olds, news) => get().diff(id, olds, news),
    create: (inputs) => get().create(inputs),
    read: (id, props) => get().read(id, props),
    update: (id, olds, news) => get().update(id, olds, news),
    delete: (id, props) => get().delete(id, props),
  };
}

const cdnHttpsConfigHandlers = loadedOnUse(() => (require("./cdnHttpsConfig") as typeof import("./cdnHttpsConfig")).cdnHttpsConfigHandlers);
const liveCertificateHandlers = loadedOnUse(() => (require("./liveCertificate") as typeof import("./liveCertificate")).liveCertificateHandlers);
const liveDomainBindingHandlers = loadedOnUse(() => (require("./liveDomainBinding") as typeof import("./liveDomainBinding")).liveDomainBindingHandlers);
const freeCertificateHandlers = loadedOnUse(() => (require("./freeCertificate") as typeof import("./freeCertificate")).freeCertificateHandlers);
const freeCertificateValidationHandlers = loadedOnUse(
  () => (require("./freeCertificateValidation") as typeof import("./freeCertificateValidation")).freeCertificateValidationHandlers);

export { configure };
// Each resource also answers `configure`, so the seam reaches everything through one lookup.
export const cdnHttpsConfig = { configure, ...cdnHttpsConfigHandlers };
export const liveCertificate = { configure, ...liveCertificateHandlers };
export const liveDomainBinding = { configure, ...liveDomainBindingHandlers };
export const freeCertificate = { configure, ...freeCertificateHandlers };
export const freeCertificateValidation = { configure, ...freeCertificateValidationHandlers };
