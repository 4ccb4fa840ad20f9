// fast-check generators for the fuzz campaign: PEM texts mutated as people and tools damage them
// (line ends, indentation, rewrapping, openssl's Bag Attributes, damaged or relabelled BEGIN/END
// lines, truncation, blocks dropped, duplicated or reordered) with private keys hidden in them in
// every encoding and armor (intact, a dash short, labels that differ, lowercase, none at all, under a
// CERTIFICATE label, letters in front, only its middle rows); private keys in every form; domains
// (IDN, wildcard, case, dots, lengths, characters a CA refuses); free text and ids, each sometimes
// carrying a key; and the preview sentinel anywhere. Mutations are plain descriptors, so a
// counterexample says what was done.
import fc from "fast-check";
import { UNKNOWN } from "../../../provider/unknown";
import type { KeyForms, Material } from "./material";

export type Form = keyof KeyForms;
const FORMS: Form[] = ["pkcs8", "traditional", "encryptedPkcs8", "encryptedTraditional"];
type Armor = "intact" | "dash-short" | "labels-differ" | "lowercase" | "none" | "as-certificate" | "json-escaped";

export type Mutation =
  | { kind: "crlf" } | { kind: "indent"; by: string } | { kind: "rewrap"; width: number } | { kind: "bag" }
  | { kind: "prefix"; text: string } | { kind: "suffix"; text: string } | { kind: "blank-lines" }
  | { kind: "boundary"; nth: number; how: "dash-" | "dash+" | "lowercase" | "relabel" | "drop" | "inner-space"; label: string }
  | { kind: "truncate"; fraction: number } | { kind: "flip"; fraction: number; char: string }
  | { kind: "blocks"; op: "drop" | "duplicate" | "swap" | "reverse"; nth: number }
  | { kind: "key"; key: number; form: Form; armor: Armor; junk: string; where: "end" | "start" | "between" }
  | { kind: "key-rows"; key: number; from: number; rows: number }
  | { kind: "pad"; chars: number };

const BLOCK = /-----BEGIN [^-]+-----[\s\S]*?-----END [^-]+-----\n?/g;
const blocksOf = (text: string) => text.match(BLOCK) ?? [];

function rewrap(text: string, width: number): string {
  return text.replace(/(-----BEGIN [^-]+-----\n)([\s\S]*?)(\n-----END)/g, (_m, begin: string, body: string, end: string) =>
    begin + (body.replace(/\s+/g, "").match(new RegExp(`.{1,${width}}`, "g")) ?? []).join("\n") + end);
}

/** The key text of one armor: what a hand-edited combined file or a careless paste holds. */
export function armored(pem: string, armor: Armor): string {
  switch (armor) {
    case "intact": return pem;
    case "dash-short": return pem.replace(/^-----BEGIN/m, "----BEGIN");
    case "labels-differ": return pem.replace(/-----END ([A-Z ]+)-----/, "-----END CERTIFICATE-----");
    case "lowercase": return pem.replace(/-----(BEGIN|END) ([A-Z ]+)-----/g, (m) => m.toLowerCase());
    case "none": return pem.split("\n").filter((l) => !l.startsWith("-----") && !/^[A-Za-z-]+:/.test(l)).join("\n");
    case "as-certificate": return pem.replace(/-----(BEGIN|END) [A-Z ]+-----/g, "-----$1 CERTIFICATE-----");
    case "json-escaped": return JSON.stringify(pem).slice(1, -1);
  }
}

export function applyMutation(text: string, m: Mutation, keys: KeyForms[]): string {
  const blocks = blocksOf(text);
  const at = (fraction: number) => Math.floor(fraction * text.length);
  switch (m.kind) {
    case "crlf": return text.replace(/\r?\n/g, "\r\n");
    case "indent": return text.split("\n").map((l) => (l ? m.by + l : l)).join("\n");
    case "rewrap": return rewrap(text, m.width);
    case "bag": return text.replace(/-----BEGIN CERTIFICATE-----/g, (b, i: number) => `Bag Attributes\n    localKeyID: 0${i % 10} 00 00 00\n    friendlyName: fuzz\nsubject=CN = fuzz ${i}\nissuer=CN = fuzz CA\n${b}`);
    case "prefix": return m.text + text;
    case "suffix": return text + m.text;
    case "blank-lines": return text.replace(/-----\n(?=-----BEGIN)/g, "-----\n\n\n");
    case "boundary": {
      const lines = [...text.matchAll(/-----(BEGIN|END) ([^-]+)-----/g)];
      if (lines.length === 0) return text;
      const target = lines[m.nth % lines.length];
      const replacement = {
        "dash-": target[0].slice(1), "dash+": `-${target[0]}`, lowercase: target[0].toLowerCase(),
        relabel: `-----${target[1]} ${m.label}-----`, drop: "", "inner-space": target[0].replace(" ", "  "),
      }[m.how];
      return text.slice(0, target.index) + replacement + text.slice(target.index! + target[0].length);
    }
    case "truncate": return text.slice(0, at(m.fraction));
    case "flip": { const i = at(m.fraction); return text.slice(0, i) + m.char + text.slice(i + 1); }
    case "blocks": {
      if (blocks.length === 0) return text;
      const i = m.nth % blocks.length;
      const list = [...blocks];
      if (m.op === "drop") list.splice(i, 1);
      else if (m.op === "duplicate") list.splice(i, 0, list[i]);
      else if (m.op === "swap") [list[i], list[(i + 1) % list.length]] = [list[(i + 1) % list.length], list[i]];
      else list.reverse();
      return list.join("");
    }
    case "key": {
      const key = armored(keys[m.key % keys.length][m.form], m.armor);
      const hidden = m.junk + key;
      if (m.where === "start") return `${hidden}\n${text}`;
      if (m.where === "between" && blocks.length > 1) return blocks[0] + hidden + (hidden.endsWith("\n") ? "" : "\n") + blocks.slice(1).join("");
      return `${text}${text.endsWith("\n") ? "" : "\n"}${hidden}`;
    }
    case "key-rows": {
      // Rows from the middle of a key, never its first row: not recognisable as a key on their own.
      const rows = keys[m.key % keys.length].pkcs8.split("\n").filter((l) => l && !l.startsWith("-----"));
      const from = 1 + (m.from % Math.max(1, rows.length - 2));
      return `${text}\n${rows.slice(from, from + m.rows).join("\n")}\n`;
    }
    case "pad": return text + "#".repeat(m.chars);
  }
}

/** Text people and tools put around or inside PEM, including what looks like armor. */
const junk = fc.oneof(
  fc.constantFrom("", "\n", "# my certificate\n", "\ufeff", "\u200b", "Key Attributes: <No Attributes>\n", "subject=/CN=x\n",
    "-----", "BEGIN", "PRIVATE KEY", "-- begin --\n", "MII", "xyz", "\\n", "{\"a\":1}"),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

const fraction = fc.double({ min: 0, max: 1, noNaN: true });
const label = fc.constantFrom("CERTIFICATE", "PRIVATE KEY", "RSA PRIVATE KEY", "X509 CERTIFICATE", "TRUSTED CERTIFICATE", "CERTIFICATE REQUEST", "PUBLIC KEY", "EC PARAMETERS");
const armor = fc.constantFrom<Armor>("intact", "dash-short", "labels-differ", "lowercase", "none", "as-certificate", "json-escaped");

/** Comments and blank text a person or tool leaves around PEM blocks, none of it armor or key. */
const benignJunk = fc.constantFrom("", "\n", "# my certificate\n", "\ufeff", "subject=/CN=x\n", "issuer=CN = R3\n", "Bag Attributes\n", "   \n");

/**
 * What people and tools do to PEM text that a check must accept (and canonicalise away): line ends,
 * indentation, rewrapping, openssl's Bag Attributes, comments, blank lines, and rows from the middle
 * of a key left after the blocks (not recognisable as a key, dropped with everything around the blocks).
 */
function benignMutation(keyCount: number): fc.Arbitrary<Mutation> {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constant({ kind: "crlf" as const }) },
    { weight: 2, arbitrary: fc.constantFrom(" ", "\t", "    ").map((by) => ({ kind: "indent" as const, by })) },
    { weight: 2, arbitrary: fc.constantFrom(16, 40, 63, 64, 65, 76, 1000).map((width) => ({ kind: "rewrap" as const, width })) },
    { weight: 3, arbitrary: fc.constant({ kind: "bag" as const }) },
    { weight: 2, arbitrary: benignJunk.map((text) => ({ kind: "prefix" as const, text })) },
    { weight: 2, arbitrary: benignJunk.map((text) => ({ kind: "suffix" as const, text })) },
    { weight: 1, arbitrary: fc.constant({ kind: "blank-lines" as const }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("key-rows" as const), key: fc.nat({ max: keyCount - 1 }), from: fc.nat(30), rows: fc.integer({ min: 1, max: 8 }) }) },
  );
}

/** Damage, and keys hidden in every encoding and armor: what a check must refuse (or at least never let out). */
function hostileMutation(keyCount: number, options: { keys: boolean }): fc.Arbitrary<Mutation> {
  const shapes: fc.WeightedArbitrary<Mutation>[] = [
    { weight: 2, arbitrary: junk.map((text) => ({ kind: "prefix" as const, text })) },
    { weight: 2, arbitrary: junk.map((text) => ({ kind: "suffix" as const, text })) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("boundary" as const), nth: fc.nat(9), how: fc.constantFrom("dash-", "dash+", "lowercase", "relabel", "drop", "inner-space") as fc.Arbitrary<"dash-">, label }) },
    { weight: 1, arbitrary: fraction.map((f) => ({ kind: "truncate" as const, fraction: f })) },
    { weight: 1, arbitrary: fc.record({ kind: fc.constant("flip" as const), fraction, char: fc.constantFrom("A", "!", " ", "\n", "=", "é") }) },
    { weight: 2, arbitrary: fc.record({ kind: fc.constant("blocks" as const), op: fc.constantFrom("drop", "duplicate", "swap", "reverse") as fc.Arbitrary<"drop">, nth: fc.nat(5) }) },
    { weight: 1, arbitrary: fc.constantFrom(2_000, 1024 * 1024 + 1).map((chars) => ({ kind: "pad" as const, chars })) },
  ];
  if (options.keys) {
    shapes.push({ weight: 6, arbitrary: fc.record({ kind: fc.constant("key" as const), key: fc.nat({ max: keyCount - 1 }), form: fc.constantFrom(...FORMS), armor, junk: fc.constantFrom("", "", "xyz", "Key Attributes: <No Attributes>\n", "A"), where: fc.constantFrom("end", "start", "between") as fc.Arbitrary<"end"> }) });
  }
  return fc.oneof(...shapes);
}

/**
 * A PEM text from `bases`: `benign` applies 0..3 mutations a check must accept; otherwise at least one
 * hostile mutation (damage, a key hidden in it: `keys` says whether keys may be hidden) is mixed in.
 */
export function mutatedPem(bases: fc.Arbitrary<string>, keys: KeyForms[], options: { benign: boolean; keys?: boolean }): fc.Arbitrary<string> {
  const benign = fc.array(benignMutation(keys.length), { maxLength: 3 });
  const mutations = options.benign ? benign
    : fc.tuple(benign, fc.array(hostileMutation(keys.length, { keys: options.keys ?? true }), { minLength: 1, maxLength: 2 }))
      .chain(([b, h]) => fc.shuffledSubarray([...b, ...h], { minLength: b.length + h.length }));
  return fc.tuple(bases, mutations).map(([base, list]) => list.reduce((text, m) => applyMutation(text, m, keys), base));
}

/**
 * A private key text. Valid: `preferred` as PKCS#8 or PKCS#1 / SEC1, alone or after its certificate
 * (a combined file), benignly mutated. Hostile: encrypted, another key, not a key, or damaged.
 */
export function privateKeyText(preferred: KeyForms, material: Material, allKeys: KeyForms[], certificate: string, valid: boolean): fc.Arbitrary<string> {
  if (valid) {
    return mutatedPem(fc.constantFrom(preferred.pkcs8, preferred.traditional, `${certificate}${preferred.pkcs8}`), allKeys, { benign: true });
  }
  const base = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(preferred.pkcs8, preferred.traditional) },
    { weight: 1, arbitrary: fc.constantFrom(preferred.encryptedPkcs8, preferred.encryptedTraditional) },
    { weight: 1, arbitrary: fc.constantFrom(material.strangerKey.pkcs8, ...allKeys.map((k) => k.traditional)) },
    { weight: 1, arbitrary: fc.constantFrom("", "hello", certificate, preferred.pkcs8.replace("PRIVATE KEY", "OPENSSH PRIVATE KEY")) },
  );
  return mutatedPem(base, allKeys, { benign: false, keys: false });
}

// ---------------------------------------------------------------- domains

const label63 = "l".repeat(63);
/** Labels people mistype or a CA refuses. */
const oddLabel = fc.constantFrom("bad_label", "-edge", "edge-", "ab--cd", "xn--zz", "xn--bcher-kva", "bücher", "пример", "日本語", "UPPER", label63, `${label63}x`, "", " ", "a b", "*", "f*", "%41", "a:443", "é");

/** One of `known` (existing domains) or its Unicode form, in any case, maybe with a trailing dot: all the same domain. */
export function sameDomainArb(known: string[], unicode: string[]): fc.Arbitrary<string> {
  const base = fc.constantFrom(...known, ...unicode);
  return fc.oneof(
    { weight: 4, arbitrary: base },
    { weight: 2, arbitrary: fc.tuple(base, fc.nat()).map(([d, seed]) => [...d].map((c, i) => ((seed >> (i % 30)) & 1 ? c.toUpperCase() : c)).join("")) },
    { weight: 1, arbitrary: base.map((d) => `${d}.`) },
  );
}

/** A mutation of a domain of `known`: dots, IDN, wildcards, lengths, odd labels, schemes, or another name. */
export function domainArb(known: string[], unicode: string[]): fc.Arbitrary<string> {
  const base = sameDomainArb(known, unicode);
  return fc.oneof(
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom("*.", ".", "..", "https://", " ", "\t")).map(([d, p]) => p + d) },
    { weight: 1, arbitrary: fc.tuple(base, fc.constantFrom("..", ":443", "/path", " ", ".com.")).map(([d, s]) => d + s) },
    { weight: 2, arbitrary: fc.tuple(base, oddLabel).map(([d, l]) => `${l}.${d}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 70 }), base).map(([n, d]) => `${"日本語".repeat(Math.ceil(n / 3)).slice(0, n)}.${d}`) },
    { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 1, max: 6 }), base).map(([n, d]) => `${Array.from({ length: n }, () => label63).join(".")}.${d}`) },
    { weight: 1, arbitrary: fc.domain() },
    { weight: 1, arbitrary: fc.constantFrom("192.0.2.7", "[2001:db8::1]", "localhost", "", "a", "com") },
  );
}

// ---------------------------------------------------------------- free text, ids, values of the wrong type

/** Free text (remarks, aliases): ordinary, long, odd characters, and sometimes a private key. */
export function freeTextArb(keys: KeyForms[]): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.string({ maxLength: 30 }) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 60 }) },
    { weight: 1, arbitrary: fc.string({ minLength: 190, maxLength: 260 }) },
    { weight: 2, arbitrary: fc.record({ key: fc.nat(keys.length - 1), form: fc.constantFrom(...FORMS), armor, junk: fc.constantFrom("", "note: ", "xyz") })
      .map(({ key, form, armor: a, junk: j }) => j + armored(keys[key][form], a)) },
  );
}

/** An SSL certificate id: one of `known`, a well-formed unknown one, or a malformed one. */
export function idArb(known: string[], keys: KeyForms[]): fc.Arbitrary<string> {
  return fc.oneof(
    ...(known.length > 0 ? [{ weight: 6, arbitrary: fc.constantFrom(...known) }] : []),
    { weight: 2, arbitrary: fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/) },
    { weight: 1, arbitrary: fc.constantFrom("", " ", "../DeleteCertificate", "a/b", "x".repeat(300), "FUZZ HOST") },
    { weight: 1, arbitrary: freeTextArb(keys) },
  );
}

/** A value of another type than the argument takes. */
export const wrongType: fc.Arbitrary<unknown> = fc.constantFrom(null, 0, 1, -1, true, [], {}, ["x"], { a: 1 }, "", "true");

/** How one argument is generated: `valid` values a check must accept, `hostile` ones it should refuse. */
export interface ArgSpec { valid: fc.Arbitrary<unknown>; hostile: fc.Arbitrary<unknown> }

/** An argument that is optional: absent (undefined) a third of the time when valid. */
export const optional = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>): ArgSpec =>
  ({ valid: fc.oneof({ weight: 1, arbitrary: fc.constant(undefined) }, { weight: 2, arbitrary: valid }), hostile: fc.oneof(hostile, wrongType) });
export const required = (valid: fc.Arbitrary<unknown>, hostile: fc.Arbitrary<unknown>): ArgSpec =>
  ({ valid, hostile: fc.oneof(hostile, wrongType, fc.constant(undefined)) });

/**
 * The arguments of one case: about two cases in five have every argument valid, the others one or
 * two hostile arguments (and rarely an argument no resource takes). Any valid value is, one time in
 * forty, the value unknown at preview. Absent (undefined) arguments are left out of the record.
 */
export function argsRecord(spec: Record<string, ArgSpec>): fc.Arbitrary<Record<string, unknown>> {
  const names = Object.keys(spec);
  const hostileNames = fc.oneof({ weight: 2, arbitrary: fc.constant([] as string[]) }, { weight: 3, arbitrary: fc.subarray(names, { minLength: 1, maxLength: 2 }) });
  const extra = fc.oneof({ weight: 25, arbitrary: fc.constant(undefined) },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("colour", "privatekey", "Domain"), fc.constantFrom("x", 1 as unknown)) });
  return fc.tuple(hostileNames, extra).chain(([hostile, more]) => fc.record(Object.fromEntries(names.map((n) =>
    [n, hostile.includes(n) ? spec[n].hostile : fc.oneof({ weight: 39, arbitrary: spec[n].valid }, { weight: 1, arbitrary: fc.constant(UNKNOWN) })])))
    .map((record) => {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(record)) if (v !== undefined) out[k] = v;
      if (more) out[more[0]] = more[1];
      return out;
    }));
}
