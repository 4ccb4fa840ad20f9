// What the sdk's seam loads inside Pulumi's dynamic-provider host:
// require("pulumi-tencentcloud-https/provider").<resource>.<method>(...args).
// This module's shape is a public contract with existing state: keep the names stable.
export { configure } from "./config";
export { cdnHttpsConfig } from "./cdnHttpsConfig";
export { liveCertificate } from "./liveCertificate";
export { liveDomainBinding } from "./liveDomainBinding";
