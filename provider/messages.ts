// The catalogue of user-facing sentences the resources share or that name an API object: one
// constructor per sentence, so the wording lives in one place (tests and users match on it).
// Sentences about certificate material are in certificate/findings.ts; argument shapes in
// runtime/argumentSchemas.ts.

const CERTIFICATE_FORMS = "certificate and privateKey (a certificate of your own) or certificateId (a certificate hosted in SSL Certificate Management)";

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
  certificateNotFound: (certificateId: string, fix = "check the id in the SSL console") =>
    `SSL certificate ${certificateId} does not exist in SSL Certificate Management; ${fix}.`,
  /** A certificate in state that has since disappeared. */
  certificateGone: (certificateId: string) =>
    `SSL certificate ${certificateId} no longer exists in SSL Certificate Management; run \`pulumi refresh\`, then \`pulumi up\`.`,
  certificateDoesNotCover: (certificateId: string, names: string[], domain: string) =>
    `SSL certificate ${certificateId} covers ${names.join(", ")}, not ${domain}; choose a certificate issued for ${domain}.`,
  certificateNotDeleted: (certificateId: string) =>
    `SSL Certificate Management did not delete certificate ${certificateId} (DeleteResult false); check it in the SSL console and run the operation again.`,
  certificateStillBound: (certificateId: string, domains: string[]) =>
    `Cannot delete certificate ${certificateId}: live domains ${domains.join(", ")} are still bound to it. ` +
    "Bind them to another certificate or remove their LiveDomainBinding first, then run the operation again.",
  certificateExpired: (certificateId: string) => `SSL certificate ${certificateId} has expired; renew it or choose another certificate.`,
  certificateExpiredOn: (certificateId: string, end: string) => `SSL certificate ${certificateId} expired on ${end}; renew it or choose another certificate.`,
  certificateNotUsable: (certificateId: string, status: string) =>
    `SSL certificate ${certificateId} is not usable yet (${status}); only an issued, valid certificate (status 1) can be bound.`,
  certificateUsedElsewhere: (certificateId: string, code: string, apiMessage: string) =>
    `Cannot delete certificate ${certificateId}: it is still used by other cloud resources (${code}: ${apiMessage}). ` +
    "Unbind it there, then run the operation again.",

  /** A certificate the program deploys, at preview, within tencentcloud-https:expiryWarningDays of its expiry. */
  certificateExpiresSoon: (certificate: string, expiresAt: string, days: number, domains: string[]) =>
    `${certificate} expires on ${expiresAt.slice(0, 10)} (in ${days} day${days === 1 ? "" : "s"}), serving ${domains.join(", ") || "domains not known yet"}: ` +
    "renew it before then (tencentcloud-https:expiryWarningDays sets how early this warns).",
  /** The same for a FreeCertificate, which renews itself: when, or that this update does. */
  freeCertificateExpiresSoon: (certificateId: string, domain: string, expiresAt: string, days: number, renewsFrom: string | undefined) =>
    `Free certificate ${certificateId} for ${domain} expires on ${expiresAt.slice(0, 10)} (in ${days} day${days === 1 ? "" : "s"}): ` +
    (renewsFrom ? `\`pulumi up\` renews it from ${renewsFrom.slice(0, 10)} (renewBeforeDays); run one then.` : "this update renews it."),

  /** The certificate forms of CdnHttpsConfig and LiveCertificate: a pair of your own, or a hosted id (their definitions' argument rules). */
  certificateFormBoth: `Give either ${CERTIFICATE_FORMS}, not both.`,
  certificateFormNeither: `A certificate is required: set ${CERTIFICATE_FORMS}.`,
  keyMissing: "privateKey is required with certificate: give the PEM private key of your certificate.",
  certificateMissing: "certificate is required with privateKey: give the PEM certificate chain, leaf first.",
  cdnRedirectNeedsWait: "forceRedirect needs waitForDeployment: the redirect to HTTPS may only be enabled once the certificate is deployed, so remove waitForDeployment: false or remove forceRedirect.",


  /** At check, before anything is written. */
  cdnDomainNotFoundAtCheck: (domain: string) =>
    `CDN domain ${domain} does not exist in this account; add it in the CDN console first, or fix the domain name.`,
  /** During create/update, when the domain went away after check. */
  cdnDomainNotFound: (domain: string) =>
    `CDN domain ${domain} does not exist in this account; add it in the CDN console or fix the domain name.`,
  /** `{ import: id }` of an object that is not as the program declares it: one phrase per differing argument. */
  importMismatch: (type: string, id: string, differences: string[]) =>
    `${type} ${id} cannot be imported as the program declares it: ${differences.join("; ")}. ` +
    "Change the program to what exists, or remove the import option and let `pulumi up` make it so.",
  /** How one argument of an import differs: its value where it exists and in the program. */
  importDifference: (found: string, declared: string) => `${found} at the API, ${declared} in the program`,
  importNotFound: (type: string, id: string) => `${type} ${id} cannot be imported: it does not exist.`,
  cdnNothingToImport: (domain: string) =>
    `CDN domain ${domain} has HTTPS off, so there is no HTTPS configuration to import; ` +
    "declare the CdnHttpsConfig without importing it, and `pulumi up` will configure HTTPS.",
  cdnCannotConfigure: (domain: string, problem: string) => `Cannot configure HTTPS on CDN domain ${domain}: ${problem}`,
  cdnCosDefaultDomain: (domain: string, suffix: string) =>
    `${domain} is a COS default domain (suffix ${suffix}); CDN HTTPS cannot be configured on it. ` +
    "Add a custom domain of your own to CDN with the bucket as its origin and configure HTTPS there.",
  cdnLegacyCertificate: (domain: string, suffix: string) =>
    `${domain} is a ${suffix} domain, whose Tencent Cloud certificate can no longer be newly configured ` +
    "(the entrance for adding it has been closed). Set certificate and privateKey (a certificate of your own) or certificateId " +
    "(a certificate in SSL Certificate Management) instead.",
  cdnDomainStatus: (domain: string, status: string) =>
    `CDN domain ${domain} has status "${status}"; HTTPS can only be configured while it is Deploying ` +
    "(processing) or Activated (online). Start the domain in the CDN console (or wait until it is back online) and retry.",
  cdnOriginType: (domain: string, originType: string | undefined, eligible: string) =>
    `CDN domain ${domain} has origin type "${originType ?? "unknown"}"; HTTPS can only be configured on domains ` +
    `with a ${eligible} origin. Change the domain's origin in the CDN console first.`,
  /** The API documents no failure-reason field; CertInfo.Message is shown as it stands. */
  cdnDeploymentFailed: (domain: string, certMessage: string | undefined) =>
    `The HTTPS deployment of CDN domain ${domain} failed (SslStatus "failed"${certMessage ? `; CertInfo.Message reads "${certMessage}"` : ""}). ` +
    "Check the certificate in the CDN console, fix it and run `pulumi up` again.",
  cdnDomainLeftOnline: (domain: string, status: string) =>
    `CDN domain ${domain} went to status "${status}" while HTTPS was being deployed; bring it back online in the CDN console and run \`pulumi up\` again.`,
  cdnVerifyClientWithoutCa: (domain: string) =>
    `CDN domain ${domain}: client-certificate verification (VerifyClient) cannot be turned on without its client CA (ClientCertInfo.Certificate).`,
  cdnQuicNeedsHttps: (domain: string) => `CDN domain ${domain}: QUIC needs HTTPS; it cannot stay or be turned on while HTTPS is off.`,

  liveDomainNotFound: (domain: string) =>
    `Live domain ${domain} does not exist in CSS for this account; add it as a playback domain in the CSS console (Domain Management) first.`,
  liveDomainIsPush: (domain: string) =>
    `Live domain ${domain} is a push domain; certificates can be bound only to playback domains. Remove it from domains.`,
  liveDomainNotCovered: (domain: string, certificateId: string, names: string[]) =>
    `Live domain ${domain} is not covered by certificate ${certificateId} (names: ${names.join(", ") || "none"}); ` +
    "use a certificate whose names include it, or remove it from domains.",
  liveDomainNotADomainName: (given: string) => `"${given}" is not a domain name; give a CSS playback domain such as play.example.com.`,
  /** A domain ModifyLiveDomainCertBindings reported no error for, yet is not bound afterwards. */
  liveDomainSilentlyUnbound: "the API reported no error, but the domain is not bound to the certificate afterwards",
  liveBindingNotImportable: (id: string, conflict: string) => `Cannot import live domain binding "${id}": ${conflict}.`,
  /** Why ModifyLiveDomainCertBindings refused one domain (the API's code and message follow). */
  liveBindingRefused: {
    notCovered: (certificateId: string) => `not covered by the names of certificate ${certificateId}`,
    expired: (certificateId: string) => `certificate ${certificateId} has expired`,
    notPlayback: "not a playback domain of this account in CSS",
    other: "the API refused it",
  },
  liveBindingFailed: (failed: string, count: number, total: number, certificateId: string) =>
    `Could not bind ${count} of ${total} live domain(s) to certificate ${certificateId}: ${failed}.${count < total ? " The other domains are bound." : ""} ` +
    "Fix the cause (domain list, certificate names) and run `pulumi up` again to complete the binding.",
} as const;
