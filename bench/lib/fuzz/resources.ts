// Every argument of the five resources, generated (bench/lib/fuzz/arbitraries.ts) as a value a
// check must accept or a hostile one, and how an accepted input is taken through create and delete
// against the emulator.
import fc from "fast-check";
import type { EmulatorHandle } from "../../../emulator";
import { normalizeDomain } from "../../../provider/certificate";
import type { ResourceKind } from "../../../sdk/seam";
import {
  ArgSpec, argsRecord, domainArb, freeTextArb, idArb, mutatedPem, optional, privateKeyText, required, sameDomainArb, wrongType,
} from "./arbitraries";
import { CDN_DOMAINS, CDN_UNICODE, FREE_IDS, HOSTED, KeyForms, Material, PLAY_DOMAINS, PLAY_UNICODE, PUSH_DOMAIN, ZONE } from "./material";

export type Args = Record<string, unknown>;

/** Hidden inputs as the sdk sends them: one name per resource kind, so each check replaces its own claims. */
const reserved = (kind: string) => ({ __resourceName: `fuzz-${kind}`, __stack: "fuzz/campaign" });

/** The names arguments had before (the definitions' `renamed`): still accepted, with a warning. */
const OLD_NAMES: Partial<Record<ResourceKind, Record<string, string>>> = {
  cdnHttpsConfig: { certificateId: "certId", alias: "certRemark" },
  liveCertificate: { certificateId: "cloudCertId", alias: "remarks" },
  liveDomainBinding: { certificateId: "cloudCertId" },
};

/** The arguments of a case under their current names, or (one case in ten) under the names they had before. */
function named(kind: ResourceKind, args: fc.Arbitrary<Args>): fc.Arbitrary<Args> {
  const old = OLD_NAMES[kind];
  if (!old) return args.map((a) => ({ ...a, ...reserved(kind) }));
  return fc.tuple(args, fc.nat(9)).map(([a, dice]) => ({
    ...Object.fromEntries(Object.entries(a).map(([k, v]) => [dice === 0 && old[k] ? old[k] : k, v])),
    ...reserved(kind),
  }));
}

/** An object argument from optional members: members left undefined are absent. */
const object = (members: Record<string, fc.Arbitrary<unknown>>) => fc.record(members).map((o) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
const shortText = fc.string({ maxLength: 30 });

/** A self-owned pair's two arguments: a chain of the material and its key, both valid or hostile. */
function pairSpecs(m: Material, chainIndex: number, allKeys: KeyForms[]): { certificate: ArgSpec; privateKey: ArgSpec } {
  const good = m.chains[chainIndex % m.chains.length];
  const bad = [...m.chains, ...m.badChains][chainIndex];
  const validBases = fc.constantFrom(good.chain.certificate, good.chain.withRoot(), good.chain.withReissuedIntermediate());
  const hostileBases = fc.constantFrom(bad.chain.certificate, bad.chain.leafPem, good.chain.certificate, "hello", "");
  return {
    certificate: required(mutatedPem(validBases, allKeys, { benign: true }), mutatedPem(hostileBases, allKeys, { benign: false })),
    privateKey: required(privateKeyText(good.key, m, allKeys, good.chain.certificate, true), privateKeyText(bad.key, m, allKeys, bad.chain.certificate, false)),
  };
}

type Form = "self-owned" | "hosted" | "both" | "neither" | "certificate only" | "key only";
const FORM = fc.oneof({ weight: 8, arbitrary: fc.constantFrom<Form>("self-owned", "hosted") }, { weight: 1, arbitrary: fc.constantFrom<Form>("both", "neither", "certificate only", "key only") });

/** The arguments a certificate form keeps: a pair, an id, both, neither, or half a pair. */
function byForm(form: Form, args: Args, idKey: string): Args {
  const { certificate, privateKey, [idKey]: id, ...rest } = args;
  const pair = { certificate, privateKey };
  const kept = { "self-owned": pair, hosted: { [idKey]: id }, both: { ...pair, [idKey]: id }, neither: {}, "certificate only": { certificate }, "key only": { privateKey } }[form];
  return Object.fromEntries(Object.entries({ ...rest, ...kept }).filter(([, v]) => v !== undefined));
}

export function argumentsOf(kind: ResourceKind, m: Material): fc.Arbitrary<Args> {
  return named(kind, currentArguments(kind, m));
}

function currentArguments(kind: ResourceKind, m: Material): fc.Arbitrary<Args> {
  const chainCount = m.chains.length + m.badChains.length;
  const allKeys: KeyForms[] = [...[...m.chains, ...m.badChains].map((c) => c.key), m.strangerKey, m.hosted.cdn.key, m.hosted.live.key];
  switch (kind) {
    case "cdnHttpsConfig": {
      const validCa = mutatedPem(fc.constantFrom(...m.clientCas.valid, m.clientCas.valid.slice(0, 2).join("")), allKeys, { benign: true });
      const hostileCa = mutatedPem(fc.constantFrom(m.clientCas.expired, m.clientCas.leaf, m.hosted.caServer.pem, m.chains[0].chain.leafPem, ...m.clientCas.valid), allKeys, { benign: false });
      return fc.tuple(FORM, fc.nat(chainCount - 1)).chain(([form, chain]) => argsRecord({
        ...pairSpecs(m, chain, allKeys),
        domain: required(sameDomainArb(CDN_DOMAINS, CDN_UNICODE), domainArb(CDN_DOMAINS, CDN_UNICODE)),
        certificateId: required(fc.constant(HOSTED.cdn), idArb([HOSTED.caServer, HOSTED.live], allKeys)),
        alias: optional(shortText, freeTextArb(allKeys)),
        http2: optional(fc.boolean(), wrongType),
        ocspStapling: optional(fc.boolean(), wrongType),
        tlsVersions: optional(fc.constantFrom(["TLSv1.2", "TLSv1.3"], ["TLSv1.2"], ["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3"], ["TLSv1.3", "TLSv1.2"]),
          fc.subarray(["TLSv1", "TLSv1.1", "TLSv1.2", "TLSv1.3", "TLSv1.4", "SSLv3"])),
        hsts: optional(object({ maxAge: fc.integer({ min: 0, max: 31_536_000 }), includeSubDomains: maybe(fc.boolean()) }),
          object({ maxAge: maybe(fc.constantFrom(-1, 1.5, 31_536_001, "1")), includeSubDomains: maybe(wrongType) })),
        forceRedirect: optional(object({ statusCode: maybe(fc.constantFrom(301, 302, 307, 308)), carryHeaders: maybe(fc.boolean()) }),
          object({ statusCode: maybe(fc.constantFrom(200, 303, "301")), carryHeaders: maybe(wrongType) })),
        clientCertificate: optional(object({ caCertificates: validCa }), object({ caCertificates: fc.oneof(hostileCa, wrongType) })),
        quic: optional(fc.boolean(), wrongType),
        waitForDeployment: optional(fc.constant(true), fc.constant(false)),
      }).map((args) => byForm(form, args, "certificateId")));
    }
    case "liveCertificate":
      return fc.tuple(FORM, fc.nat(chainCount - 1)).chain(([form, chain]) => argsRecord({
        ...pairSpecs(m, chain, allKeys),
        certificateId: required(fc.constantFrom(HOSTED.live, HOSTED.cdn), idArb([], allKeys)),
        alias: optional(shortText, freeTextArb(allKeys)),
      }).map((args) => byForm(form, args, "certificateId")));
    case "liveDomainBinding":
      return argsRecord({
        certificateId: required(fc.constant(HOSTED.live), idArb([HOSTED.cdn, HOSTED.caServer], allKeys)),
        domains: required(fc.array(sameDomainArb(PLAY_DOMAINS, PLAY_UNICODE), { minLength: 1, maxLength: 4 }), fc.oneof(
          fc.array(fc.oneof(domainArb([...PLAY_DOMAINS, PUSH_DOMAIN], PLAY_UNICODE), sameDomainArb([PUSH_DOMAIN], [])), { minLength: 1, maxLength: 4 }),
          fc.array(fc.oneof(sameDomainArb(PLAY_DOMAINS, PLAY_UNICODE), wrongType as fc.Arbitrary<string>, freeTextArb(allKeys)), { maxLength: 3 }),
          fc.integer({ min: 99, max: 102 }).map((n) => Array.from({ length: n }, (_, i) => `p${i}.live.${ZONE}`)),
        )),
        enableHttps: optional(fc.boolean(), wrongType),
      });
    case "freeCertificate":
      return argsRecord({
        domain: required(sameDomainArb([`www.${ZONE}`, `shop.${ZONE}`, `api.${ZONE}`], [`bücher.${ZONE}`, `испытание.${ZONE}`]),
          fc.oneof(domainArb([`www.${ZONE}`], [`bücher.${ZONE}`]), fc.constant(`bad_label.${ZONE}`), freeTextArb(allKeys))),
        validationMethod: optional(fc.constantFrom("DNS_AUTO", "DNS", "FILE"), fc.constantFrom("EMAIL", "dns", "")),
        keyAlgorithm: optional(fc.constantFrom("RSA", "ECC"), fc.constantFrom("DSA", "rsa")),
        alias: optional(shortText, freeTextArb(allKeys)),
        renewBeforeDays: optional(fc.integer({ min: 1, max: 30 }), fc.constantFrom(-1, 0, 31, 1.5)),
        waitForIssuance: optional(fc.boolean(), wrongType),
      });
    case "freeCertificateValidation":
      return argsRecord({
        certificateId: required(fc.constantFrom(...FREE_IDS), idArb([], allKeys)),
        validationRecordIds: optional(fc.array(fc.string({ maxLength: 20 }), { maxLength: 3 }), fc.array(fc.oneof(freeTextArb(allKeys), wrongType as fc.Arbitrary<string>), { minLength: 1, maxLength: 3 })),
      });
  }
}

/**
 * Before a create: what the emulator must hold for it to finish (a free certificate's DNS or FILE
 * record counts as published, so create does not wait for a person who will never come).
 */
export async function prepareCreate(kind: ResourceKind, args: Args, emulator: EmulatorHandle): Promise<void> {
  if (kind === "freeCertificate" && typeof args.domain === "string") {
    // The name as applied for (lowercase, no trailing dot; an IDN as given) and its punycode form.
    const asApplied = args.domain.trim().replace(/\.$/, "").toLowerCase();
    await emulator.seed({ validationRecordsPresent: [asApplied, normalizeDomain(args.domain)] });
  }
}

/** Before a delete: a free certificate cannot be deleted within an hour of its application. */
export async function prepareDelete(kind: ResourceKind, emulator: EmulatorHandle): Promise<void> {
  if (kind === "freeCertificate") await emulator.ageFreeCertificates(3_601_000);
}
