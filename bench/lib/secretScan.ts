// Searches collected text for secrets: a private key (as its whole PEM, each base64 line of its body,
// and the body joined without newlines) and an API secret key. Used by the secret-leak audit, which
// also plants a key to prove that this search finds one.

export interface Needle { label: string; text: string }
export interface Leak { needle: string; source: string; at: number; /** the text around the find, for a report */ context?: string }

/**
 * The forms a PEM secret can leak in. Short lines (the last body line) are skipped: they are not
 * specific. So are lines found in `publicPems` (the key's certificate): an RSA private key carries
 * its public modulus, which the certificate publishes too, and where both encodings align in base64
 * those lines are public, not a leak.
 */
export function pemNeedles(label: string, pem: string, minLength = 24, publicPems: string[] = []): Needle[] {
  const lines = pem.replace(/\r/g, "").split("\n").map((l) => l.trim()).filter(Boolean);
  const published = publicPems.map((p) => p.replace(/-----[^-]+-----/g, "").replace(/\s+/g, "")).join("\n");
  const body = lines.filter((l) => !l.startsWith("-----"));
  const needles: Needle[] = [
    { label: `${label} (PEM)`, text: pem.trim() },
    { label: `${label} (base64 body, joined)`, text: body.join("") },
  ];
  body.forEach((line, i) => {
    if (line.length >= minLength && !published.includes(line)) needles.push({ label: `${label} (base64 body line ${i + 1})`, text: line });
  });
  return needles;
}

/** Base64 bodies also leak JSON-escaped (`\n` as two characters) or with CRLF; normalising the haystack catches both. */
function normalise(text: string): string {
  return text.replace(/\\r\\n|\\n|\\r/g, "\n").replace(/\r/g, "");
}

export function scanForSecrets(sources: { name: string; text: string }[], needles: Needle[]): Leak[] {
  const leaks: Leak[] = [];
  for (const source of sources) {
    const hay = normalise(source.text);
    // Base64 may also have been re-wrapped at another width; compare against the text without any whitespace too.
    const compact = hay.replace(/\s+/g, "");
    for (const needle of needles) {
      const n = normalise(needle.text);
      let at = hay.indexOf(n);
      if (at < 0 && !/\s/.test(n)) at = compact.indexOf(n);
      if (at >= 0) leaks.push({ needle: needle.label, source: source.name, at });
    }
  }
  return leaks;
}

// ---------------------------------------------------------------- every 16-character run of a key

/** The run length the fuzz campaign counts as a leak: any 16 characters of a key's base64 in a row. */
export const WINDOW = 16;

/** Every WINDOW-character substring of the base64 of `der`, encoded from each of the three byte alignments. */
function windowsOf(der: Buffer, into: Set<string>): Set<string> {
  for (let shift = 0; shift < 3; shift++) {
    // Leading zero bytes move the DER to another alignment; the characters they touch are not the key's.
    const text = Buffer.concat([Buffer.alloc(shift), der]).toString("base64").slice(shift === 0 ? 0 : 4);
    for (let i = 0; i + WINDOW <= text.length - 4; i++) into.add(text.slice(i, i + WINDOW));
  }
  return into;
}

/**
 * The secret runs of private keys: every WINDOW characters of each key's encodings (the DER forms
 * given, at the three alignments a key can take inside other base64), minus the runs public
 * material also has (`publicDers`: certificates and the keys' public halves, at every alignment:
 * an RSA key holds its modulus, which the certificate publishes). Maps each run to its key's label.
 */
export function secretWindows(keys: { label: string; ders: Buffer[] }[], publicDers: Buffer[]): Map<string, string> {
  const published = new Set<string>();
  for (const der of publicDers) windowsOf(der, published);
  const secret = new Map<string, string>();
  for (const key of keys) {
    const own = new Set<string>();
    for (const der of key.ders) windowsOf(der, own);
    for (const w of own) {
      if (published.has(w)) continue;
      const before = secret.get(w);
      // A run several keys share is their structure (a PKCS#8 header, say), not one key's secret: still a key's, and said so.
      secret.set(w, before === undefined ? key.label : before.startsWith("structure") ? before : `structure shared by ${before} and ${key.label}`);
    }
  }
  return secret;
}

/** PEM text that was base64-encoded once more (the CDN's ClientCert field carries its CA so). */
const BASE64_PEM = /LS0tLS1[A-Za-z0-9+/=]{20,}/g;

/**
 * The secret runs found in each source: its text with JSON-escaped and real line breaks and all
 * whitespace removed (base64 re-wrapped at any width), plus any base64-encoded PEM in it, decoded.
 */
export function scanWindows(sources: { name: string; text: string }[], windows: Map<string, string>): Leak[] {
  const leaks: Leak[] = [];
  const scan = (name: string, text: string, depth: number) => {
    const compact = normalise(text).replace(/\s+/g, "");
    for (let i = 0; i + WINDOW <= compact.length; i++) {
      const key = windows.get(compact.slice(i, i + WINDOW));
      if (key) { leaks.push({ needle: `${key} (${WINDOW}-character run)`, source: name, at: i, context: compact.slice(Math.max(0, i - 80), i + 96) }); return; }
    }
    if (depth > 0) for (const m of compact.matchAll(BASE64_PEM)) scan(`${name} (base64-encoded PEM)`, Buffer.from(m[0], "base64").toString("latin1"), depth - 1);
  };
  for (const source of sources) scan(source.name, source.text, 2);
  return leaks;
}
