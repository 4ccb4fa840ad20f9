// Names read from a certificate through node:crypto: subject attributes, DNS subjectAltNames, and
// the short label that every finding message uses to say which certificate it is about.
import type { X509Certificate } from "node:crypto";

/** Attribute values of a distinguished name as node:crypto prints it ("CN=a\nO=b"). */
export function dnAttribute(dn: string | undefined, attribute: string): string | undefined {
  if (!dn) return undefined;
  const prefix = `${attribute}=`;
  const line = dn.split("\n").find((l) => l.startsWith(prefix));
  return line?.slice(prefix.length);
}

/** One-line form of a DN for facts and messages: "CN=a, O=b"; "" when empty. */
export function oneLineDn(dn: string | undefined): string {
  return (dn ?? "").split("\n").filter(Boolean).join(", ");
}

/**
 * DNS entries of node:crypto's subjectAltName string. Node quotes an entry (JSON style) when its
 * value could be misread, e.g. contains ", "; the fast path covers the usual unquoted string.
 */
export function dnsSans(cert: X509Certificate): string[] {
  const text = cert.subjectAltName;
  if (!text) return [];
  const entries = text.includes('"') ? splitQuoted(text) : text.split(", ");
  const names: string[] = [];
  for (const entry of entries) if (entry.startsWith("DNS:")) names.push(entry.slice(4).toLowerCase());
  return names;
}

function splitQuoted(text: string): string[] {
  const entries: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    const colon = text.indexOf(":", pos);
    if (colon < 0) break;
    const type = text.slice(pos, colon + 1);
    let value: string;
    let next: number;
    if (text[colon + 1] === '"') {
      let end = colon + 2;
      while (end < text.length && text[end] !== '"') end += text[end] === "\\" ? 2 : 1;
      value = JSON.parse(text.slice(colon + 1, end + 1)) as string;
      next = end + 1;
    } else {
      const comma = text.indexOf(", ", colon);
      next = comma < 0 ? text.length : comma;
      value = text.slice(colon + 1, next);
    }
    entries.push(type + value);
    pos = next + 2; // skip ", "
  }
  return entries;
}

/** `"example.com" (serial 0A1B…)`: CN, else first DNS SAN, else the subject, else "(empty subject)". */
export function certificateLabel(cert: X509Certificate): string {
  const name = dnAttribute(cert.subject, "CN") ?? dnsSans(cert)[0] ?? (oneLineDn(cert.subject) || "(empty subject)");
  return `"${name}" (serial ${cert.serialNumber})`;
}
