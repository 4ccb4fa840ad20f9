// Searches collected text for secrets: a private key (as its whole PEM, each base64 line of its body,
// and the body joined without newlines) and an API secret key. Used by the secret-leak audit, which
// also plants a key to prove that this search finds one.

export interface Needle { label: string; text: string }
export interface Leak { needle: string; source: string; at: number }

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
