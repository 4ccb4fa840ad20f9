// Whether the certificate a CDN domain serves is the self-owned one a program holds, judged from
// what DescribeDomainsConfig returns about it (the API never returns the PEM or the key). Used by
// import, where no recorded identity exists yet. The fields, exactly:
// - `Https.CertInfo.From` and `CertId`: an uploaded certificate has From "upload" (a hosted one has
//   a CertId and another From), so a hosted one is never the program's self-owned material;
// - `Https.CertInfo.ExpireTime` (China time, to the second) equals the program leaf's notAfter;
// - `Https.CertInfo.CertName`, when the API gives one, is the leaf's common name or one of its names.
// Two certificates alike in all three are told apart only by their PEM: a heuristic, stated in
// docs/ownership.md.
import type { ServerCert } from "../tencentcloud/types";
import { chinaTimeToIso, sourceOfFrom } from "./sslCertificate";

/** What the program's leaf says about itself. */
export interface ProgramLeaf { subject: string; sans: string[]; notAfter: string }

/** The CN of a one-line subject ("CN=a.example.com, O=..."). */
export const commonNameOf = (subject: string) => /(?:^|[,/]\s*)CN=([^,/]+)/.exec(subject)?.[1]?.trim();
const seconds = (iso: string | undefined) => (iso ? Math.floor(new Date(iso).getTime() / 1000) : NaN);

/** What differs between the served certificate and the program's, as phrases; empty when they are the same. */
export function servedCertificateDifferences(info: ServerCert | undefined, leaf: ProgramLeaf): string[] {
  if (!info) return ["no certificate is deployed"];
  if (info.CertId && sourceOfFrom(info.From) === "hosted") {
    return [`the deployed certificate is hosted in SSL Certificate Management (${info.CertId}), the program's is self-owned`];
  }
  const differences: string[] = [];
  const served = chinaTimeToIso(info.ExpireTime);
  if (seconds(served) !== seconds(leaf.notAfter)) {
    differences.push(`the deployed certificate expires ${served ?? "at an unknown time"}, the program's expires ${leaf.notAfter}`);
  }
  const cn = commonNameOf(leaf.subject);
  const names = [cn, ...leaf.sans].filter((n): n is string => !!n).map((n) => n.toLowerCase());
  if (info.CertName && !names.includes(info.CertName.toLowerCase())) {
    differences.push(`the deployed certificate is named "${info.CertName}", the program's is ${cn ? `"${cn}"` : `for ${leaf.sans.join(", ")}`}`);
  }
  return differences;
}
