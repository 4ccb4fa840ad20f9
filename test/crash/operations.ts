// The operations the crash harness kills: for each resource, its create, its rotation (a FreeCertificate
// renewal that moves a CDN domain and a playback domain, new LiveCertificate or CdnHttpsConfig material,
// a rename) and its delete, each on a small program of its own.
import type { EmulatorSeed } from "../../emulator";
import { makeChain, TestChain } from "../support/certs";
import type { Declared, Operation } from "./harness";

const DAY = 86_400_000;
const HOUR = 3_600_000;

export const CDN = "cdn.example.com";
export const PLAY = "play.example.com";
const VALIDATED = "validated.example.com";
const SITE = "site.example.com";
const LIVE = ["live1.example.com", "live2.example.com"];

const onlineCdn = (domain: string) => ({ domain, status: "online" as const, originType: "domain" });

/** FreeCertificates taken by a CdnHttpsConfig and a LiveDomainBinding (the forced redirect is the self-owned CDN program's). */
export function freeProgram(cdnAlias?: string): Declared[] {
  return [
    { kind: "freeCertificate", name: "cdn-cert", args: { domain: CDN, ...(cdnAlias ? { alias: cdnAlias } : {}) } },
    { kind: "freeCertificate", name: "play-cert", args: { domain: PLAY, validationMethod: "DNS", keyAlgorithm: "ECC" } },
    { kind: "cdnHttpsConfig", name: "cdn-https", args: (o) => ({ domain: CDN, certificateId: o("cdn-cert").certificateId }) },
    { kind: "liveDomainBinding", name: "play-https", args: (o) => ({ certificateId: o("play-cert").certificateId, domains: [PLAY] }) },
  ];
}
export const freeSeed: EmulatorSeed = { cdnDomains: [onlineCdn(CDN)], liveDomains: [{ name: PLAY, type: 1 }], validationRecordsPresent: [PLAY] };

/** The ACM pattern: a FreeCertificate that does not wait, its validation, and the CDN domain taking the validation's id. */
const validationProgram: Declared[] = [
  { kind: "freeCertificate", name: "val-cert", args: { domain: VALIDATED, validationMethod: "DNS", waitForIssuance: false } },
  { kind: "freeCertificateValidation", name: "val-wait", args: (o) => ({ certificateId: o("val-cert").certificateId }) },
  { kind: "cdnHttpsConfig", name: "val-https", args: (o) => ({ domain: VALIDATED, certificateId: o("val-wait").certificateId }) },
];
const validationSeed: EmulatorSeed = { cdnDomains: [onlineCdn(VALIDATED)], validationRecordsPresent: [VALIDATED] };

/** `certificate`: another chain of `chain`'s leaf, when given. */
function liveProgram(chain: TestChain, alias = "playback", certificate = chain.certificate): Declared[] {
  return [
    { kind: "liveCertificate", name: "live-cert", args: { certificate, privateKey: chain.privateKey, alias } },
    { kind: "liveDomainBinding", name: "live-https", args: (o) => ({ certificateId: o("live-cert").certificateId, domains: LIVE }) },
  ];
}
const liveSeed: EmulatorSeed = { liveDomains: LIVE.map((name) => ({ name, type: 1 as const })) };

function cdnProgram(chain: TestChain): Declared[] {
  return [{ kind: "cdnHttpsConfig", name: "site-https", args: { domain: SITE, certificate: chain.certificate, privateKey: chain.privateKey, forceRedirect: {} } }];
}
const cdnSeed: EmulatorSeed = { cdnDomains: [onlineCdn(SITE)] };

const intoRenewalWindow = (emulator: { ageFreeCertificates(ms: number): Promise<void> }) => emulator.ageFreeCertificates(70 * DAY);
const anHourLater = (emulator: { advanceClock(ms: number): Promise<void> }) => emulator.advanceClock(HOUR);

export function operations(): Operation[] {
  const liveA = makeChain({ domains: LIVE });
  const liveB = makeChain({ domains: LIVE, keySet: 1 });
  const siteA = makeChain({ domains: [SITE] });
  const siteB = makeChain({ domains: [SITE], keySet: 1 });
  return [
    { name: "LiveCertificate, LiveDomainBinding: create", seed: liveSeed, to: liveProgram(liveA) },
    { name: "LiveCertificate, LiveDomainBinding: rotation", seed: liveSeed, from: liveProgram(liveA), to: liveProgram(liveB) },
    { name: "LiveCertificate, LiveDomainBinding: rotation to another chain under the same leaf", seed: liveSeed, from: liveProgram(liveA), to: liveProgram(liveA, "playback", liveA.withReissuedIntermediate()) },
    { name: "LiveCertificate, LiveDomainBinding: alias", seed: liveSeed, from: liveProgram(liveA), to: liveProgram(liveA, "renamed") },
    { name: "LiveCertificate, LiveDomainBinding: delete", seed: liveSeed, from: liveProgram(liveA), to: [] },
    { name: "CdnHttpsConfig (self-owned): create", seed: cdnSeed, to: cdnProgram(siteA) },
    { name: "CdnHttpsConfig (self-owned): rotation", seed: cdnSeed, from: cdnProgram(siteA), to: cdnProgram(siteB) },
    { name: "CdnHttpsConfig (self-owned): delete", seed: cdnSeed, from: cdnProgram(siteA), to: [] },
    { name: "FreeCertificateValidation: create", seed: validationSeed, to: validationProgram },
    { name: "FreeCertificateValidation: renewal", seed: validationSeed, from: validationProgram, before: intoRenewalWindow, to: validationProgram },
    { name: "FreeCertificateValidation: delete", seed: validationSeed, from: validationProgram, before: anHourLater, to: [] },
    { name: "FreeCertificate (CDN, live): create", seed: freeSeed, to: freeProgram() },
    { name: "FreeCertificate (CDN, live): renewal", seed: freeSeed, from: freeProgram(), before: intoRenewalWindow, to: freeProgram() },
    { name: "FreeCertificate (CDN, live): alias", seed: freeSeed, from: freeProgram(), to: freeProgram("the CDN's certificate") },
    { name: "FreeCertificate (CDN, live): delete", seed: freeSeed, from: freeProgram(), before: anHourLater, to: [] },
  ];
}
