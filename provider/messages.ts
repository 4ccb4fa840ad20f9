// The catalogue of user-facing sentences the resources share or that name an API object: one
// constructor per sentence, so the wording lives in one place (tests and users match on it).
// Sentences about certificate material are in certificate/findings.ts; argument shapes in
// runtime/argumentSchemas.ts.

const LIVE_CERT_FORMS = "Give either certificate and privateKey (a self-owned certificate) or cloudCertId (a Tencent Cloud-hosted certificate from SSL Certificate Management)";

export const messages = {
  /** Any argument, at check before the schema (rules/argumentContent.ts). */
  argumentTooLarge: (property: string, size: string, limit: string) =>
    `${property} is too large (${size}): at most ${limit} is accepted for any argument, as much as the largest certificate chain needs; nothing was parsed or sent.`,
  /** Any argument but privateKey that holds key material (rules/argumentContent.ts); never quotes it. */
  keyOutsidePrivateKey: (property: string) =>
    `${property} holds text that is a private key (a PRIVATE KEY block, damaged or not, or base64 text that decodes to a key): ` +
    `a private key is given only as privateKey, which is kept secret; remove it from ${property}. Nothing was sent or stored.`,
  /** A name, id or remark holding what looks like a PEM block's base64 body (rules/argumentContent.ts); never quotes it. */
  pemBodyOutsidePem: (property: string) =>
    `${property} holds base64 text like the body of a PEM block (a key or a certificate), which has no place in it: remove it. Nothing was sent or stored.`,

  /** A certificate id that SSL Certificate Management does not know; `fix` says where to look. */
  certificateNotFound: (certId: string, fix = "check the id in the SSL console") =>
    `SSL certificate ${certId} does not exist in SSL Certificate Management; ${fix}.`,
  /** A certificate in state that has since disappeared. */
  certificateGone: (certId: string) =>
    `SSL certificate ${certId} no longer exists in SSL Certificate Management; run \`pulumi refresh\`, then \`pulumi up\`.`,
  certificateDoesNotCover: (certId: string, names: string[], domain: string) =>
    `SSL certificate ${certId} covers ${names.join(", ")}, not ${domain}; choose a certificate issued for ${domain}.`,
  certificateNotDeleted: (certId: string) =>
    `SSL Certificate Management did not delete certificate ${certId} (DeleteResult false); check it in the SSL console and run the operation again.`,
  certificateStillBound: (certId: string, domains: string[]) =>
    `Cannot delete certificate ${certId}: live domains ${domains.join(", ")} are still bound to it. ` +
    "Bind them to another certificate or remove their LiveDomainBinding first, then run the operation again.",
  certificateUsedElsewhere: (certId: string, code: string, apiMessage: string) =>
    `Cannot delete certificate ${certId}: it is still used by other cloud resources (${code}: ${apiMessage}). ` +
    "Unbind it there, then run the operation again.",

  /** CdnHttpsConfig's certificate forms: a pair of your own, or a hosted id (check; shape.ts crossFieldFailures). */
  cdnCertFormBoth: "Give either certificate and privateKey (a certificate of your own) or certId (a certificate hosted in SSL Certificate Management), not both.",
  cdnCertFormNeither: "A certificate is required: set certificate and privateKey (a certificate of your own) or certId (a certificate hosted in SSL Certificate Management).",
  cdnKeyMissing: "privateKey is required with certificate: CDN needs the private key of a certificate of your own.",
  cdnCertificateMissing: "certificate is required with privateKey: give the PEM certificate chain, leaf first.",
  cdnRedirectNeedsWait: "forceRedirect needs waitForDeployment: the redirect to HTTPS may only be enabled once the certificate is deployed, so remove waitForDeployment: false or remove forceRedirect.",

  /** LiveCertificate's certificate forms (check). */
  liveCertFormBoth: `${LIVE_CERT_FORMS}, not both.`,
  liveCertFormNeither: `${LIVE_CERT_FORMS}.`,
  liveCertificateMissing: "A self-owned certificate needs its certificate chain (PEM) beside the private key.",
  liveKeyMissing: "A self-owned certificate needs its private key (PEM) beside the certificate.",

  /** At check, before anything is written. */
  cdnDomainNotFoundAtCheck: (domain: string) =>
    `CDN domain ${domain} does not exist in this account; add it in the CDN console first, or fix the domain name.`,
  /** During create/update, when the domain went away after check. */
  cdnDomainNotFound: (domain: string) =>
    `CDN domain ${domain} does not exist in this account; add it in the CDN console or fix the domain name.`,
  cdnNothingToImport: (domain: string) =>
    `CDN domain ${domain} has HTTPS off, so there is no HTTPS configuration to import; ` +
    "declare the CdnHttpsConfig without importing it, and `pulumi up` will configure HTTPS.",
  cdnCannotConfigure: (domain: string, problem: string) => `Cannot configure HTTPS on CDN domain ${domain}: ${problem}`,

  liveDomainNotFound: (domain: string) =>
    `Live domain ${domain} does not exist in CSS for this account; add it as a playback domain in the CSS console (Domain Management) first.`,
  liveDomainIsPush: (domain: string) =>
    `Live domain ${domain} is a push domain; certificates can be bound only to playback domains. Remove it from domains.`,
  liveDomainNotCovered: (domain: string, certId: string, names: string[]) =>
    `Live domain ${domain} is not covered by certificate ${certId} (names: ${names.join(", ") || "none"}); ` +
    "use a certificate whose names include it, or remove it from domains.",
  liveDomainNotADomainName: (given: string) => `"${given}" is not a domain name; give a CSS playback domain such as play.example.com.`,
  /** A domain ModifyLiveDomainCertBindings reported no error for, yet is not bound afterwards. */
  liveDomainSilentlyUnbound: "the API reported no error, but the domain is not bound to the certificate afterwards",
  liveBindingNotImportable: (id: string, conflict: string) => `Cannot import live domain binding "${id}": ${conflict}.`,
} as const;
