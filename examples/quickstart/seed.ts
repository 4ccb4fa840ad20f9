// The demo's emulator seed: the quick start's CDN domain and playback domains, and a hosted
// certificate covering them. The certificate is made at run time (nothing secret in the repo):
// a throwaway CA and a leaf for example.com and *.example.com, valid 90 days.
import * as crypto from "node:crypto";
import * as forge from "node-forge";
import type { EmulatorSeed } from "../../emulator";
import { QUICKSTART } from "./settings";

const DAY_MS = 24 * 3600 * 1000;

function issue(opts: { subject: string; sans?: string[]; isCa: boolean; key: crypto.KeyObject; issuer?: { subject: string; key: crypto.KeyObject } }): string {
  const cert = forge.pki.createCertificate();
  const pem = (k: crypto.KeyObject, type: "spki" | "pkcs8") => k.export({ type, format: "pem" }) as string;
  cert.publicKey = forge.pki.publicKeyFromPem(pem(crypto.createPublicKey(opts.key), "spki"));
  cert.serialNumber = "01" + crypto.randomBytes(15).toString("hex");
  cert.validity.notBefore = new Date(Date.now() - DAY_MS);
  cert.validity.notAfter = new Date(Date.now() + 90 * DAY_MS);
  cert.setSubject([{ name: "commonName", value: opts.subject }]);
  cert.setIssuer([{ name: "commonName", value: opts.issuer?.subject ?? opts.subject }]);
  cert.setExtensions([
    { name: "basicConstraints", cA: opts.isCa, critical: true },
    opts.isCa ? { name: "keyUsage", keyCertSign: true, cRLSign: true, critical: true } : { name: "keyUsage", digitalSignature: true, keyEncipherment: true, critical: true },
    ...(opts.sans ? [{ name: "extKeyUsage", serverAuth: true }, { name: "subjectAltName", altNames: opts.sans.map((value) => ({ type: 2, value })) }] : []),
  ]);
  cert.sign(forge.pki.privateKeyFromPem(pem(opts.issuer?.key ?? opts.key, "pkcs8")) as forge.pki.rsa.PrivateKey, forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
}

/** A leaf-first chain for example.com and *.example.com, signed by a throwaway CA. */
export function demoCertificate(): string {
  const rsa = () => crypto.generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey;
  const ca = { subject: "Quick Start Demo CA", key: rsa() };
  return issue({ subject: "example.com", sans: ["example.com", "*.example.com"], isCa: false, key: rsa(), issuer: ca });
}

export function demoSeed(): EmulatorSeed {
  return {
    cdnDomains: [{ domain: QUICKSTART.cdnDomain, status: "online", originType: "domain" }],
    liveDomains: QUICKSTART.playDomains.map((name) => ({ name, type: 1 as const, status: 1 as const })),
    sslCertificates: [{ id: QUICKSTART.certificateId, certificate: demoCertificate(), from: "trustasia", alias: "quick start wildcard" }],
  };
}
