// Who, within one deployment, declares which CDN domain, playback domain and certificate.
//
// The engine runs one provider process per deployment and calls `check` for every resource still in
// the program before it deletes the removed ones (creates and updates come in between). So what the
// checks of this process declared is what the program still relies on, and a delete must never take
// it away: the rename of a resource (create the new one, delete the old one), two bindings sharing a
// playback domain, two LiveCertificates holding the same material. docs/ownership.md states the rule
// and what is certain versus heuristic. Pure apart from the one process-wide registry below.

export type ResourceType = "CdnHttpsConfig" | "LiveCertificate" | "LiveDomainBinding";

/** A resource of the program: its type and the name the sdk passes as the hidden input `__name`. */
export interface ResourceRef { type: ResourceType; name: string }

/**
 * Something a resource relies on. `thing` is one of the keys made by the functions below; a domain's
 * claim also says with which certificate (undefined when not known yet, at preview).
 */
export interface Claim { thing: string; certificate?: string }

export const cdnDomain = (domain: string) => `cdn-domain:${domain}`;
export const liveDomain = (domain: string) => `live-domain:${domain}`;
/** A certificate in SSL Certificate Management, by id. */
export const certificateId = (id: string) => `certificate:${id}`;
/** Self-owned certificate material, by the SHA-256 of its whole chain (its id is not known before the upload). */
export const certificateMaterial = (chainFingerprint: string) => `certificate-material:${chainFingerprint}`;

/** Another resource that claims the same thing: `conflict` fails the check, `shared` is allowed and said. */
export interface Overlap { thing: string; other: ResourceRef; kind: "conflict" | "shared"; certificates?: [string | undefined, string | undefined] }

export function describeRef(ref: ResourceRef): string {
  return `${ref.type} "${ref.name}"`;
}

const keyOf = (ref: ResourceRef) => `${ref.type}\u0000${ref.name}`;

/**
 * How two claims on one thing relate. A CDN domain has one HTTPS configuration, so two declarers
 * always conflict; a playback domain may be declared twice with the same certificate (both keep
 * it bound); a certificate may be used by any number of resources.
 */
export function overlapKind(thing: string, mine: Claim, theirs: Claim): Overlap["kind"] {
  if (thing.startsWith("cdn-domain:")) return "conflict";
  if (thing.startsWith("live-domain:") && mine.certificate && theirs.certificate && mine.certificate !== theirs.certificate) return "conflict";
  return "shared";
}

export class Declarations {
  private readonly byResource = new Map<string, { ref: ResourceRef; claims: Claim[] }>();

  /**
   * Records what `ref` declares now (replacing what it declared before in this process) and returns
   * how that overlaps what other resources declared. A resource declaring twice is one resource.
   */
  declare(ref: ResourceRef, claims: Claim[]): Overlap[] {
    this.byResource.set(keyOf(ref), { ref, claims: [...claims] });
    const overlaps: Overlap[] = [];
    for (const [key, other] of this.byResource) {
      if (key === keyOf(ref)) continue;
      for (const mine of claims) {
        for (const theirs of other.claims) {
          if (theirs.thing !== mine.thing) continue;
          overlaps.push({ thing: mine.thing, other: other.ref, kind: overlapKind(mine.thing, mine, theirs), certificates: [mine.certificate, theirs.certificate] });
        }
      }
    }
    return overlaps;
  }

  /** Adds claims learnt after check (e.g. the id an upload got) to what `ref` declares. */
  add(ref: ResourceRef, claims: Claim[]): void {
    const entry = this.byResource.get(keyOf(ref)) ?? { ref, claims: [] };
    entry.claims.push(...claims);
    this.byResource.set(keyOf(ref), entry);
  }

  /**
   * The resources of the program that declare any of `things`. A delete asks this: the resource it
   * deletes is no longer in the program (removed, or the old half of a replacement), so every
   * declarer, even one with the same name, is a resource that still relies on it.
   */
  declarers(things: string[]): ResourceRef[] {
    const wanted = new Set(things);
    const out: ResourceRef[] = [];
    for (const { ref, claims } of this.byResource.values()) {
      if (claims.some((c) => wanted.has(c.thing))) out.push(ref);
    }
    return out;
  }

  /** Forgets everything: a new deployment (tests run many in one process). */
  clear(): void {
    this.byResource.clear();
  }
}

/** One registry per provider process, which the engine runs for one deployment. */
export const declarations = new Declarations();

/** The hidden input carrying the resource's name (sdk/internal.ts); absent for callers that do not pass it. */
export const NAME_INPUT = "__name";

export function refFrom(type: ResourceType, inputs: Record<string, unknown> | undefined): ResourceRef | undefined {
  const name = inputs?.[NAME_INPUT];
  return typeof name === "string" && name !== "" ? { type, name } : undefined;
}

/** "CdnHttpsConfig "a" and LiveDomainBinding "b"", for sentences naming every declarer. */
export function describeRefs(refs: ResourceRef[]): string {
  const names = refs.map(describeRef);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
