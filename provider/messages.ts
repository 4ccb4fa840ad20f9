// The catalogue of user-facing sentences the resources share or that name an API object: one
// constructor per sentence, so the wording lives in one place (tests and users match on it).
// Sentences about certificate material are in certificate/findings.ts; argument shapes in
// runtime/argumentSchemas.ts.

export const messages = {
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
  liveBindingNotImportable: (id: string, conflict: string) => `Cannot import live domain binding "${id}": ${conflict}.`,
} as const;
