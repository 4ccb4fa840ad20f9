// Rules every resource's arguments obey whatever their names, judged on their content before the
// schema: no string is larger than the largest PEM input (certificate/limits.ts); none but
// privateKey holds a private key, found by content (certificate/keyMaterial.ts): a key pasted into a
// certificate, a remark or a domain is refused at check, before it can become an output, a request
// field or plaintext state; and no argument that is not PEM holds a PEM body's base64 at all, which
// also stops what content cannot tell from other base64 (an encrypted key's ciphertext stripped
// of its armor and headers). Pure.
import { describeSize, holdsKeyMaterial, MAX_INPUT_CHARS } from "../certificate";
import { messages } from "../messages";
import type { CheckFailure } from "../runtime/validate";
import { isUnknown } from "../unknown";

/** The only arguments that may hold a private key: kept as secrets by the sdk, sent only in the API's key field. */
const KEY_ARGUMENTS = new Set(["privateKey"]);
/** The arguments that are PEM text; every other one is a name, an id, a flag or a number. */
const PEM_ARGUMENTS = new Set(["certificate", "privateKey", "clientCertificate.caCertificates"]);
/**
 * A PEM body's base64: two lines in a row of 40 or more base64 characters (line breaks real or
 * JSON-escaped), or 100 in one run. No name, id or remark looks so (a SHA-256 in hex is 64).
 */
const PEM_BODY = /[A-Za-z0-9+/=]{40,}(?:\r?\n|\\r\\n|\\n)[ \t]*[A-Za-z0-9+/=]{40,}|[A-Za-z0-9+/=]{100,}/;

/** A failure per string argument (at any depth; paths as the schema's, "a.b.0") that is too large or holds a key. */
export function argumentContentFailures(args: Record<string, unknown>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === "string") {
      if (isUnknown(value)) return;
      if (value.length > MAX_INPUT_CHARS) failures.push({ property: path, reason: messages.argumentTooLarge(path, describeSize(value.length), describeSize(MAX_INPUT_CHARS)) });
      else if (!KEY_ARGUMENTS.has(path) && holdsKeyMaterial(value)) failures.push({ property: path, reason: messages.keyOutsidePrivateKey(path) });
      else if (!PEM_ARGUMENTS.has(path) && PEM_BODY.test(value)) failures.push({ property: path, reason: messages.pemBodyOutsidePem(path) });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => visit(v, `${path}.${i}`));
    } else if (value !== null && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) visit(v, path ? `${path}.${k}` : k);
    }
  };
  visit(args, "");
  return failures;
}
