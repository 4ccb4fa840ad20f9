// RFC 6125 host name matching against a certificate's DNS names:
// - case-insensitive, a trailing dot ignored, internationalised names compared in punycode (A-labels);
// - a wildcard only as the whole left-most label ("*.example.com"), covering exactly one label;
//   partial wildcards ("f*.example.com", "*oo.example.com") and deeper ones ("a.*.example.com") match nothing;
// - "*.com"-style wildcards over a single label match nothing.
import { domainToASCII, domainToUnicode } from "node:url";

declare const DOMAIN_NAME: unique symbol;
/**
 * A domain name as the API and the CA count it: lowercase, no trailing dot, punycode. Made once where a
 * name enters (an argument's schema, an id, an API answer) by normalizeDomain, so the code behind it
 * never normalises again; a plain string is not one.
 */
export type DomainName = string & { readonly [DOMAIN_NAME]: true };

/**
 * Lowercase, no trailing dot, punycode. A wildcard left-most label is kept as "*". Idempotent: only
 * one trailing dot (the root) is taken off, and not from an empty last label ("a.com.." stays so,
 * which no rule accepts), so normalising twice cannot make a bad name good.
 */
export function normalizeDomain(d: string): DomainName {
  const trimmed = d.trim().replace(/([^.])\.$/, "$1").toLowerCase();
  if (trimmed.startsWith("*.")) return `*.${toAscii(trimmed.slice(2))}` as DomainName;
  return toAscii(trimmed) as DomainName;
}

const LABELS = /^([a-z0-9_]([a-z0-9_-]*[a-z0-9])?\.)+[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

/**
 * Whether `name` is a domain name we may send to the API (after normalising case, a trailing dot
 * and IDN): dotted labels of letters, digits and inner hyphens; `*.` in front only if `wildcard`.
 */
export function isDomainName(name: string, opts: { wildcard?: boolean } = {}): boolean {
  let n: string = normalizeDomain(name);
  if (opts.wildcard && n.startsWith("*.")) n = n.slice(2);
  return n.length <= 253 && LABELS.test(n) && n.split(".").every((label) => label.length <= 63);
}

/**
 * Why a public CA would refuse to issue a certificate for `name` (normalised: lowercase, punycode),
 * as a clause naming the label, or undefined. The CA/Browser Forum Baseline Requirements: no
 * underscore in a dNSName (section 7.1.4.2.1, ballot SC12: "MUST NOT" after 2019-04-30), and each
 * label a P-Label or a Non-Reserved LDH Label (ballot SC48v2): letters, digits and inner hyphens
 * (RFC 1035 section 2.3.1), hyphens in the third and fourth places only in an "xn--" label that is
 * valid Punycode (RFC 5890 section 2.3.1). Lengths (63 per label, 253 in all, RFC 1035 section
 * 2.3.4) are counted by isDomainName on the same punycode form.
 *
 * Applied to the names a CA is asked to sign (FreeCertificate), not to CDN and CSS domains: those
 * already exist in the account (check asks the API), and a certificate of a private CA may cover a
 * name no public CA would sign; for them isDomainName's syntax and lengths are the rule.
 */
export function publicCaNameProblem(name: string): string | undefined {
  for (const label of name.split(".")) {
    if (label.includes("_")) return `its label "${label}" has an underscore, which public CAs may not put in a certificate (CA/Browser Forum Baseline Requirements)`;
    if (label.startsWith("-") || label.endsWith("-")) return `its label "${label}" starts or ends with a hyphen`;
    if (label.startsWith("xn--")) {
      const unicode = domainToUnicode(label);
      if (unicode === "" || unicode === label || /^[\x00-\x7f]*$/.test(unicode)) return `its label "${label}" starts with "xn--" but is not valid Punycode`;
    } else if (label.slice(2, 4) === "--") {
      return `its label "${label}" has hyphens in its third and fourth places, which only an internationalised ("xn--") label may have`;
    }
  }
  return undefined;
}

function toAscii(name: string): string {
  if (/^[\x00-\x7f]*$/.test(name)) return name; // already ASCII: skip the IDNA work
  // domainToASCII returns "" for names it rejects; keep the lowercase input so it simply matches nothing.
  return domainToASCII(name) || name;
}

/**
 * Built once per certificate, then O(1) per domain: exact names in one set, wildcard parents in another,
 * so checking many domains against many SANs is O(domains + SANs) rather than their product.
 */
export class NameMatcher {
  private readonly exact = new Set<string>();
  private readonly wildcardParents = new Set<string>();

  constructor(certNames: Iterable<string>) {
    for (const raw of certNames) {
      const name = normalizeDomain(raw);
      this.exact.add(name); // a literal "*.example.com" also matches a wildcard CDN domain of the same text
      if (name.startsWith("*.")) {
        const parent = name.slice(2);
        if (parent.includes(".") && !parent.includes("*")) this.wildcardParents.add(parent);
      }
    }
  }

  matches(domain: string): boolean {
    const name = normalizeDomain(domain);
    if (name === "") return false;
    if (this.exact.has(name)) return true;
    const dot = name.indexOf(".");
    if (dot <= 0) return false;
    const firstLabel = name.slice(0, dot);
    return firstLabel !== "*" && this.wildcardParents.has(name.slice(dot + 1));
  }
}

// Callers often test several domains against the same array: reuse its matcher (rebuilt if the length changed).
/** One domain against a certificate's names; to check many domains, build one NameMatcher. */
export function domainMatches(domain: string, certNames: string[]): boolean {
  return new NameMatcher(certNames).matches(domain);
}
