// What users import: `import { CdnHttpsConfig, LiveCertificate, LiveDomainBinding, FreeCertificate, FreeCertificateValidation } from "pulumi-tencentcloud-https"`.
export { CdnHttpsConfig } from "./cdnHttpsConfig";
export type { CdnHttpsConfigArgs, CdnHttpsConfigOutputs } from "./cdnHttpsConfig";
export { LiveCertificate } from "./liveCertificate";
export type { LiveCertificateArgs, LiveCertificateOutputs } from "./liveCertificate";
export { LiveDomainBinding } from "./liveDomainBinding";
export type { LiveDomainBindingArgs, LiveDomainBindingOutputs, LiveDomainBindingView } from "./liveDomainBinding";
export { FreeCertificate } from "./freeCertificate";
export type { FreeCertificateArgs, FreeCertificateOutputs, ValidationRecord } from "./freeCertificate";
export { FreeCertificateValidation } from "./freeCertificateValidation";
export type { FreeCertificateValidationArgs, FreeCertificateValidationOutputs } from "./freeCertificateValidation";
export type { AccountArgs, AccountOutputs, Inputs, Outputs } from "./internal";
