// What the sdk's seam loads inside Pulumi's dynamic-provider host:
// require("pulumi-tencentcloud-https/provider").<resource>.<method>(...args).
// This module's shape is a public contract with existing state: keep the names stable.
import { configure } from "./config";
import { cdnHttpsConfigHandlers } from "./cdnHttpsConfig";
import { liveCertificateHandlers } from "./liveCertificate";
import { liveDomainBindingHandlers } from "./liveDomainBinding";
import { freeCertificateHandlers } from "./freeCertificate";
import { freeCertificateValidationHandlers } from "./freeCertificateValidation";

export { configure };
// Each resource also answers `configure`, so the seam reaches everything through one lookup.
export const cdnHttpsConfig = { configure, ...cdnHttpsConfigHandlers };
export const liveCertificate = { configure, ...liveCertificateHandlers };
export const liveDomainBinding = { configure, ...liveDomainBindingHandlers };
export const freeCertificate = { configure, ...freeCertificateHandlers };
export const freeCertificateValidation = { configure, ...freeCertificateValidationHandlers };
