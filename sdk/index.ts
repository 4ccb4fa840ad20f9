// What users import: `import { CdnHttpsConfig, LiveCertificate, LiveDomainBinding } from "pulumi-tencentcloud-https"`.
export { CdnHttpsConfig, CdnHttpsConfigArgs } from "./cdnHttpsConfig";
export { LiveCertificate, LiveCertificateArgs } from "./liveCertificate";
export { LiveDomainBinding, LiveDomainBindingArgs } from "./liveDomainBinding";
