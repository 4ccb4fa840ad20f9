// `tencent-https check --cert FILE [--key FILE] [--domain NAME ...] [--client-ca FILE] [--json] [--strict]`:
// the offline inspection that `pulumi preview` runs, from the command line (the server certificate,
// and the CA bundle for client-certificate verification). Prints the facts and the findings as a
// short table or as JSON; a FILE may be - (stdin). Exit 0 when clean or only warnings (--strict:
// clean only), 1 on any error finding (--strict: or warning), 2 on a usage or file problem.
import * as fs from "node:fs";
import { hasErrors, inspectCertificate, inspectClientCa, type CertificateFacts, type ClientCaFacts, type Finding } from "../provider/certificate";

export interface Output { write(text: string): void }

const USAGE = "usage: tencent-https check --cert FILE [--key FILE] [--domain NAME ...] [--client-ca FILE] [--json] [--strict]\n"
  + "       tencent-https check --client-ca FILE [--json] [--strict]\n";

export const HELP = `${USAGE}
Inspects a certificate offline, with the same checks \`pulumi preview\` runs for CdnHttpsConfig and
LiveCertificate: PEM and key parse, key matches, key type and size, validity dates, chain order and
signatures, domain coverage. With --client-ca, the CA bundle of CdnHttpsConfig's clientCertificate
(mutual TLS): CA certificates only (basicConstraints CA, keyCertSign), within their validity, not the
server certificate. Nothing is sent anywhere; the key is never printed.

options:
  --cert FILE     the certificate chain, PEM, leaf first (required unless --client-ca is given)
  --key FILE      the private key, PEM (unencrypted); without it the key checks are skipped
  --domain NAME   a domain the certificate must cover; repeat it or separate names with commas
  --client-ca FILE  the CA certificate(s), PEM, that clients' certificates must chain to
  --json          the facts and findings as JSON ({ certificate?, clientCa? }, each { facts, findings })
  --strict        warnings fail too (exit 1): for CI, where a SHA-1 or self-signed chain must not pass
  --help, -h      this text
A FILE may be - to read it from stdin (one of --cert, --key and --client-ca).

exit codes:
  0  no findings, or warnings only (e.g. expiring soon, self-signed); with --strict, no findings
  1  at least one error finding (each row names its code, e.g. KEY_MISMATCH, CHAIN_INCOMPLETE, CLIENT_CA_NOT_CA);
     with --strict, also a warning
  2  a usage error or a file that cannot be read

example:
  tencent-https check --cert fullchain.pem --key privkey.pem --domain cdn.example.com
  tencent-https check --client-ca clients-ca.pem
  kubectl get secret site-tls -o jsonpath='{.data.tls\\.crt}' | base64 -d | tencent-https check --cert - --strict --json
`;

interface CheckArgs { cert?: string; key?: string; domains: string[]; clientCa?: string; json: boolean; strict: boolean }

/** The file name that means stdin. */
const STDIN = "-";

export function parseCheckArgs(args: string[]): CheckArgs | string {
  const domains: string[] = [];
  let cert: string | undefined;
  let key: string | undefined;
  let clientCa: string | undefined;
  let json = false;
  let strict = false;
  for (let i = 0; i < args.length; i++) {
    const [flag, inline] = args[i].split(/=(.*)/s, 2);
    if (!flag.startsWith("-") || flag === STDIN) {
      return `"${args[i]}" is not an option: name the certificate file with --cert (and its key with --key), e.g. --cert ${args[i]}`;
    }
    if (flag === "--json" || flag === "--strict") {
      if (inline !== undefined) return `${flag} takes no value`;
      if (flag === "--json") json = true;
      else strict = true;
      continue;
    }
    if (!["--cert", "--key", "--domain", "--client-ca"].includes(flag)) {
      return `unknown option "${args[i]}"; the options are --cert, --key, --domain, --client-ca, --json and --strict`;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value === "") return `${flag} needs a value`;
    if (flag === "--cert") cert = value;
    else if (flag === "--key") key = value;
    else if (flag === "--client-ca") clientCa = value;
    else domains.push(...value.split(",").map((d) => d.trim()).filter(Boolean));
  }
  if (!cert && !clientCa) return "--cert is required, or --client-ca to check a client CA alone";
  if (!cert && (key || domains.length > 0)) return "--key and --domain need --cert";
  if ([cert, key, clientCa].filter((f) => f === STDIN).length > 1) return "only one of --cert, --key and --client-ca can read stdin (-)";
  return { cert, key, domains, clientCa, json, strict };
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

function clientCaSummary(facts: ClientCaFacts): string {
  return [
    `client CA    ${facts.name}${facts.count > 1 ? ` (+${facts.count - 1} more in the bundle)` : ""}`,
    `expires      ${facts.notAfter}`,
    `sha256       ${facts.fingerprintSha256}`,
  ].join("\n") + "\n";
}

export function findingsTable(list: Finding[], clean = "no findings: the certificate can be used as is"): string {
  if (list.length === 0) return `${clean}\n`;
  const codeWidth = Math.max(4, ...list.map((f) => f.code.length));
  const header = `${"SEVERITY".padEnd(8)}  ${"CODE".padEnd(codeWidth)}  MESSAGE`;
  const rows = list.map((f) => `${f.severity.padEnd(8)}  ${f.code.padEnd(codeWidth)}  ${f.message}`);
  return [header, ...rows].join("\n") + "\n";
}

/** Reads stdin whole; replaced in tests. */
export type ReadStdin = () => string;
const readStdin: ReadStdin = () => fs.readFileSync(0, "latin1");

function readFile(path: string, what: string, stdin: ReadStdin): string {
  try {
    // latin1 keeps DER bytes recognisable; PEM is ASCII anyway
    return path === STDIN ? stdin() : fs.readFileSync(path, "latin1");
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new Error(`cannot read the ${what} ${path === STDIN ? "from stdin" : `file "${path}"`}${code ? ` (${code})` : ""}`);
  }
}

/** One inspection's part of the report: what it found about the material, and its findings. */
interface Part<Facts> { facts?: Facts; findings: Finding[] }

export async function run(args: string[], out: Output = process.stdout, err: Output = process.stderr, stdin: ReadStdin = readStdin): Promise<number> {
  if (args.includes("--help") || args.includes("-h")) {
    out.write(HELP);
    return 0;
  }
  const parsed = parseCheckArgs(args);
  if (typeof parsed === "string") {
    err.write(`tencent-https check: ${parsed}\n${USAGE}`);
    return 2;
  }
  let certificate: string | undefined;
  let privateKey: string | undefined;
  let clientCa: string | undefined;
  try {
    certificate = parsed.cert === undefined ? undefined : readFile(parsed.cert, "certificate", stdin);
    privateKey = parsed.key === undefined ? undefined : readFile(parsed.key, "private key", stdin);
    clientCa = parsed.clientCa === undefined ? undefined : readFile(parsed.clientCa, "client CA", stdin);
  } catch (e) {
    err.write(`tencent-https check: ${(e as Error).message}\n`);
    return 2;
  }
  const report: { certificate?: Part<CertificateFacts>; clientCa?: Part<ClientCaFacts> } = {};
  if (certificate !== undefined) {
    const { facts, findings } = inspectCertificate({ certificate, privateKey, domains: parsed.domains });
    report.certificate = { facts, findings };
  }
  if (clientCa !== undefined) {
    const { facts, findings } = inspectClientCa({ caCertificates: clientCa, serverCertificate: certificate });
    report.clientCa = { facts, findings };
  }
  out.write(parsed.json ? JSON.stringify(report, null, 2) + "\n" : reportText(report));
  const found = [...report.certificate?.findings ?? [], ...report.clientCa?.findings ?? []];
  if (hasErrors(found)) return 1;
  const warnings = found.filter((f) => f.severity === "warning").length;
  if (parsed.strict && warnings > 0) {
    err.write(`tencent-https check: --strict: ${warnings} warning${warnings === 1 ? "" : "s"} count${warnings === 1 ? "s" : ""} as a failure.\n`);
    return 1;
  }
  return 0;
}

/** The report as the table a person reads: facts, then findings, per part. */
function reportText(report: { certificate?: Part<CertificateFacts>; clientCa?: Part<ClientCaFacts> }): string {
  const parts: string[] = [];
  if (report.certificate) {
    parts.push((report.certificate.facts ? summary(report.certificate.facts) + "\n" : "") + findingsTable(report.certificate.findings));
  }
  if (report.clientCa) {
    parts.push((report.clientCa.facts ? clientCaSummary(report.clientCa.facts) + "\n" : "")
      + findingsTable(report.clientCa.findings, "no findings: the client CA can be used as is"));
  }
  return parts.join("\n");
}
