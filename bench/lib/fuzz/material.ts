// The fuzz campaign's valid material, built once: certificate chains (RSA and EC, one or two
// intermediates), their keys in every encoding the generators use (PKCS#8, PKCS#1 / SEC1,
// encrypted), client CAs, the hosted certificates and domains the emulator is seeded with, and the
// secret runs of every key (what a leak is searched for). Generators only pick from and mutate this.
import { X509Certificate, createPublicKey, type KeyObject } from "node:crypto";
import type { EmulatorSeed } from "../../../emulator";
import { cachedKey, makeCa, makeCertificate, makeChain, TestChain, toPem } from "../../../test/support/certs";
import { secretWindows } from "../secretScan";

export const ZONE = "fuzz.example.com";
export const LIVE_ZONE = `live.${ZONE}`;
/** CDN domains in the emulator: ASCII ones, an IDN one (its Unicode form is what a program may give) and one for mTLS. */
export const CDN_DOMAINS = [`www.${ZONE}`, `a.${ZONE}`, `xn--bcher-kva.${ZONE}`, `mtls.${ZONE}`];
export const CDN_UNICODE = [`bücher.${ZONE}`];
export const PLAY_DOMAINS = [`p1.${LIVE_ZONE}`, `p2.${LIVE_ZONE}`, `p3.${LIVE_ZONE}`, `xn--80akhbyknj4f.${LIVE_ZONE}`];
export const PLAY_UNICODE = [`испытание.${LIVE_ZONE}`];
export const PUSH_DOMAIN = `push.${LIVE_ZONE}`;
export const HOSTED = { cdn: "FUZZHOST", caServer: "FUZZCASV", live: "FUZZLIVE" } as const;
/** Free certificates seeded pending DNS validation with the record present, for FreeCertificateValidation to wait for. */
export const FREE_IDS = ["FUZZFC01", "FUZZFC02", "FUZZFC03"];

export interface KeyForms {
  /** The key as PKCS#8 PEM, as makeChain gives it. */
  pkcs8: string;
  /** PKCS#1 (RSA) or SEC1 (EC) PEM. */
  traditional: string;
  encryptedPkcs8: string;
  /** Traditional PEM with Proc-Type / DEK-Info headers. */
  encryptedTraditional: string;
}

export interface ChainMaterial { name: string; chain: TestChain; key: KeyForms }

export interface Material {
  /** Chains for `*.fuzz.example.com` (and the zone), valid now, with their keys. */
  chains: ChainMaterial[];
  /** Chains check must refuse for what they are: expired, RSA 1024, other names. */
  badChains: ChainMaterial[];
  /** A key no chain has. */
  strangerKey: KeyForms;
  clientCas: { valid: string[]; expired: string; leaf: string };
  hosted: { cdn: ChainMaterial; caServer: { pem: string; key: KeyForms }; live: ChainMaterial };
  seed: EmulatorSeed;
  /** Every private key's secret runs (see secretWindows), for the leak scan. */
  windows: Map<string, string>;
}

function forms(key: KeyObject): KeyForms {
  const traditional = key.asymmetricKeyType === "ec" ? "sec1" : "pkcs1";
  const exportPem = (type: "pkcs8" | "pkcs1" | "sec1", cipher?: string) =>
    key.export({ type, format: "pem", ...(cipher ? { cipher, passphrase: "fuzz-pass" } : {}) } as never) as unknown as string;
  return {
    pkcs8: exportPem("pkcs8"),
    traditional: exportPem(traditional),
    encryptedPkcs8: exportPem("pkcs8", "aes-256-cbc"),
    encryptedTraditional: exportPem(traditional, "aes-128-cbc"),
  };
}

const material = (name: string, chain: TestChain): ChainMaterial => ({ name, chain, key: forms(chain.keyObject) });
const DAY = 86_400_000;

/** The DER forms a key is searched for in (secretWindows adds every alignment). */
function keyDers(key: KeyObject): Buffer[] {
  const traditional = key.asymmetricKeyType === "ec" ? "sec1" : "pkcs1";
  return [key.export({ type: "pkcs8", format: "der" }) as Buffer, key.export({ type: traditional, format: "der" }) as Buffer];
}

function publicDers(key: KeyObject): Buffer[] {
  const pub = createPublicKey(key);
  const ders = [pub.export({ type: "spki", format: "der" }) as Buffer];
  if (key.asymmetricKeyType === "rsa") ders.push(pub.export({ type: "pkcs1", format: "der" }) as Buffer);
  return ders;
}

const pemDers = (pem: string) => [...pem.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)]
  .map((m) => new X509Certificate(Buffer.from(m[1].replace(/\s+/g, ""), "base64")).raw);

export function buildMaterial(): Material {
  const names = [`*.${ZONE}`, ZONE];
  // Key sets of their own (30+: no other test uses them), shared where a chain needs no key of its
  // own, so the campaign generates few RSA keys (the slow part of building this).
  const chains = [
    material("rsa", makeChain({ domains: names, keySet: 30 })),
    material("ec256", makeChain({ domains: names, keyType: "ec256", caKeyType: "ec256", keySet: 31 })),
    material("ec384", makeChain({ domains: names, keyType: "ec384", caKeyType: "ec384", keySet: 32 })),
    material("rsa, two intermediates", makeChain({ domains: names, intermediates: 2, keySet: 30 })),
  ];
  const badChains = [
    material("expired", makeChain({ domains: names, notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY), keySet: 30 })),
    material("rsa 1024", makeChain({ domains: names, rsaBits: 1024, caKeyType: "ec256", keySet: 35 })),
    material("other names", makeChain({ domains: ["www.elsewhere.example.org"], keyType: "ec256", caKeyType: "ec256", keySet: 36 })),
  ];
  const strangerKey = forms(cachedKey("rsa", 370).privateKey);
  const hostedCdn = material("hosted cdn", makeChain({ domains: names, keyType: "ec256", caKeyType: "ec256", keySet: 38 }));
  const hostedLive = material("hosted live", makeChain({ domains: [`*.${LIVE_ZONE}`], keySet: 30 }));
  // A self-signed server certificate with CA:TRUE (openssl req -x509), hosted: not a client CA.
  const caServerKey = cachedKey("rsa", 400);
  const caServerSubject: [string, string][] = [["2.5.4.3", `mtls.${ZONE}`]];
  const caServerPem = toPem(makeCertificate({
    subject: caServerSubject, issuer: caServerSubject, publicKey: caServerKey.publicKey, issuerPublicKey: caServerKey.publicKey,
    signingKey: caServerKey.privateKey, notBefore: new Date(Date.now() - DAY), notAfter: new Date(Date.now() + 90 * DAY), isCa: true, sans: [`mtls.${ZONE}`],
  }));
  const clientCas = {
    valid: [makeCa({ slot: 41 }), makeCa({ slot: 41 }), chains[0].chain.intermediatePems[0]],
    expired: makeCa({ slot: 41, notBefore: new Date(Date.now() - 400 * DAY), notAfter: new Date(Date.now() - DAY) }),
    leaf: makeChain({ domains: [`alice.clients.${ZONE}`], keyType: "ec256", caKeyType: "ec256", keySet: 44 }).leafPem,
  };
  const seed: EmulatorSeed = {
    cdnDomains: CDN_DOMAINS.map((domain) => ({ domain, status: "online" as const, originType: "domain" })),
    liveDomains: [...PLAY_DOMAINS.map((name) => ({ name, type: 1 as const, status: 1 as const })), { name: PUSH_DOMAIN, type: 0 as const, status: 1 as const }],
    sslCertificates: [
      { id: HOSTED.cdn, certificate: hostedCdn.chain.certificate, privateKey: hostedCdn.key.pkcs8, from: "trustasia", status: 1 },
      { id: HOSTED.caServer, certificate: caServerPem, privateKey: forms(caServerKey.privateKey).pkcs8, from: "upload", status: 1 },
      { id: HOSTED.live, certificate: hostedLive.chain.certificate, privateKey: hostedLive.key.pkcs8, from: "trustasia", status: 1 },
    ],
    freeCertificates: FREE_IDS.map((id, i) => ({ id, domain: `free${i}.${ZONE}`, validationMethod: "DNS" as const, recordPresent: true })),
  };

  const everyChain = [...chains, ...badChains, hostedCdn, hostedLive];
  const keys = [
    ...everyChain.map((c) => ({ label: `key of chain "${c.name}"`, ders: keyDers(c.chain.keyObject), key: c.chain.keyObject })),
    { label: "stranger key", ders: keyDers(cachedKey("rsa", 370).privateKey), key: cachedKey("rsa", 370).privateKey },
    { label: "key of the hosted CA:TRUE server certificate", ders: keyDers(caServerKey.privateKey), key: caServerKey.privateKey },
  ];
  const publicMaterial = [
    ...everyChain.flatMap((c) => pemDers(c.chain.withRoot())), ...pemDers(caServerPem),
    ...[...clientCas.valid, clientCas.expired, clientCas.leaf].flatMap(pemDers),
    ...keys.flatMap((k) => publicDers(k.key)),
  ];
  // The encrypted forms' bodies are secret too (a weak passphrase would give the key away).
  const encrypted = [...everyChain.map((c) => c.key), strangerKey].flatMap((f) => [f.encryptedPkcs8, f.encryptedTraditional])
    .map((pem, i) => ({ label: `encrypted key #${i + 1}`, ders: [Buffer.from(pem.replace(/-----[^-]+-----|^[A-Za-z-]+:.*$/gm, "").replace(/\s+/g, ""), "base64")] }));
  return {
    chains, badChains, strangerKey, clientCas,
    hosted: { cdn: hostedCdn, caServer: { pem: caServerPem, key: forms(caServerKey.privateKey) }, live: hostedLive },
    seed,
    windows: secretWindows([...keys, ...encrypted], publicMaterial),
  };
}
