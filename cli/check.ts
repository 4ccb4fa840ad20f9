// `tencent-https check --cert FILE [--key FILE] [--domain NAME ...]`: the offline inspection that
// `pulumi preview` runs, from the command line. Prints the facts and the findings as a short table;
// exit 0 when clean or only warnings, 1 on any error finding, 2 on a usage or file problem.
import * as fs from "node:fs";
import { hasErrors, inspectCertificate, type CertificateFacts, type Finding } from "../provider/certificate";

export interface Output { write(text: string): void }

const USAGE = "usage: tencent-https check --cert FILE [--key FILE] [--domain NAME ...]\n";

export const HELP = `${USAGE}
Inspects a certificate offline, with the same checks \`pulumi preview\` runs for CdnHttpsConfig and
LiveCertificate: PEM and key parse, key matches, key type and size, validity dates, chain order and
signatures, domain coverage. Nothing is sent anywhere; the key is never printed.

options:
  --cert FILE     the certificate chain, PEM, leaf first (required)
  --key FILE      the private key, PEM (unencrypted); without it the key checks are skipped
  --domain NAME   a domain the certificate must cover; repeat it or separate names with commas
  --help, -h      this text

exit codes:
  0  no findings, or warnings only (e.g. expiring soon, self-signed)
  1  at least one error finding (each row names its code, e.g. KEY_MISMATCH, CHAIN_INCOMPLETE)
  2  a usage error or a file that cannot be read

example:
  tencent-https check --cert fullchain.pem --key privkey.pem --domain cdn.example.com
`;

interface CheckArgs { cert: string; key?: string; domains: string[] }

export function parseCheckArgs(args: string[]): CheckArgs | string {
  const domains: string[] = [];
  let cert: string | undefined;
  let key: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (!flag.startsWith("-")) {
      return `"${args[i]}" is not an option: name the certificate file with --cert (and its key with --key), e.g. --cert ${args[i]}`;
    }
    if (!["--cert", "--key", "--domain"].includes(flag)) return `unknown option "${args[i]}"; the options are --cert, --key and --domain`;
    const value = inline ?? args[++i];
    if (value === undefined || value === "") return `${flag} needs a value`;
    if (flag === "--cert") cert = value;
    else if (flag === "--key") key = value;
    else domains.push(...value.split(",").map((d) => d.trim()).filter(Boolean));
  }
  return cert ? { cert, key, domains } : "--cert is required";
}

function summary(facts: CertificateFacts): string {
  const sans = facts.sans.length > 6 ? `${facts.sans.slice(0, 6).join(", ")} (+${facts.sans.length - 6} more)` : facts.sans.join(", ");
  return [
    `subject      ${facts.subject || "(empty)"}`,
    `issuer       ${facts.issuer}`,
    `serial       ${facts.serialNumber}`,
    `valid        ${facts.notBefore} .. ${facts.notAfter}`,
    `key          ${facts.keyType} ${facts.keySize}`,
    `names        ${sans || "(none)"}`,
    `chain        ${facts.chainLength} certificate${facts.chainLength === 1 ? "" : "s"}`,
    `sha256       ${facts.fingerprintSha256}`,
  ].join("\n") + "\n";
}

export function findingsTable(list: Finding[]): string {
  if (list.length === 0) return "no findings: the certificate can be used as is\n";
  const codeWidth = Math.max(4, ...list.map((f) => f.code.length));
  const header = `${"SEVERITY".padEnd(8)}  ${"CODE".padEnd(codeWidth)}  MESSAGE`;
  const rows = list.map((f) => `${f.severity.padEnd(8)}  ${f.code.padEnd(codeWidth)}  ${f.message}`);
  return [header, ...rows].join("\n") + "\n";
}

function readFile(path: string, what: string): string {
  try {
    return fs.readFileSync(path, "latin1"); // latin1 keeps DER bytes recognisable; PEM is ASCII anyway
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the ${what} file "${path}"${code ? ` (${code})` : ""}`);
  }
}

export async function run(args: string[], out: Output = process.stdout, err: Output = process.stderr): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    out.write(HELP);
    return 0;
  }
  const parsed = parseCheckArgs(args);
  if (typeof parsed === "string") {
    err.write(`tencent-https check: ${parsed}\n${USAGE}`);
    return 2;
  }
  let certificate: string;
  let privateKey: string | undefined;
  try {
    certificate = readFile(parsed.cert, "certificate");
    privateKey = parsed.key === undefined ? undefined : readFile(parsed.key, "private key");
  } catch (e) {
    err.write(`tencent-https check: ${(e as Error).message}\n`);
    return 2;
  }
  const result = inspectCertificate({ certificate, privateKey, domains: parsed.domains });
  if (result.facts) out.write(summary(result.facts) + "\n");
  out.write(findingsTable(result.findings));
  return hasErrors(result.findings) ? 1 : 0;
}
