// Who, within one deployment, declares which CDN domain, playback domain and certificate.
//
// The engine runs one provider process per deployment and calls `check` for every resource still in
// the program before it deletes the removed ones (creates and updates come in between). So what the
// checks of this process declared is what the program still relies on, and a delete must never take
// it away: the rename of a resource (create the new one, delete the old one), two bindings sharing a
// playback domain, two LiveCertificates holding the same material. docs/ownership.md states the rule
// and what is certain versus heuristic. Pure: the provider context (context.ts) holds the one
// Declarations of the process.

/** A resource type of the registry (registry.ts), as sentences name it. */
export type ResourceType = string;

/** A resource of the program: its type and the name the sdk passes as the hidden input `__resourceName`. */
export interface ResourceRef { type: ResourceType; name: string }

/**
 * Something a resource relies on. `thing` is one of the keys made by the functions below; a domain's
 * claim also says with which certificate (undefined when not known yet, at preview).
 */
export interface Claim { thing: string; certificate?: string }

export const cdnDomain = (domain: string) => `cdn-domain:${domain}`;
export const liveDomain = (domain: string) => `live-domain:${domain}`;
/** A certificate in SSL Certificate Management, by id. */
export const sslCertificate = (id: string) => `certificate:${id}`;
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

}

/** 'CdnHttpsConfig "a" and LiveDomainBinding "b"', for sentences naming every declarer. */
export function describeRefs(refs: ResourceRef[]): string {
  const names = refs.map(describeRef);
  return names.length <= 1 ? names.join("") : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------- across stacks: the upload tag

/**
 * The SSL tag a LiveCertificate's upload carries (UploadCertificate `Tags`, returned by
 * DescribeCertificateDetail): the stack that uploaded it, "<project>/<stack>". It makes
 * ownership certain across runs and stacks: a re-run after a crash, or a rename within the stack,
 * finds its own upload; another stack's, or an untagged one, stays adopted.
 */
export const UPLOADER_TAG_KEY = "pulumi-tencentcloud-https:stack";

export function uploaderTags(stack: string | undefined): { TagKey: string; TagValue: string }[] | undefined {
  return stack ? [{ TagKey: UPLOADER_TAG_KEY, TagValue: stack }] : undefined;
}

export function uploadedByStack(tags: { TagKey: string; TagValue: string }[] | undefined, stack: string | undefined): boolean {
  return !!stack && (tags ?? []).some((t) => t.TagKey === UPLOADER_TAG_KEY && t.TagValue === stack);
}

// ---------------------------------------------------------------- sentences

/** The thing a claim is about, as a user finds it in the console. */
export function describeThing(thing: string): string {
  const [kind, value] = [thing.slice(0, thing.indexOf(":")), thing.slice(thing.indexOf(":") + 1)];
  switch (kind) {
    case "cdn-domain": return `CDN domain ${value}`;
    case "live-domain": return `live domain ${value}`;
    case "certificate": return `certificate ${value}`;
    default: return `the certificate with chain SHA-256 ${value.slice(0, 16)}…`;
  }
}

/** Why a check fails: two resources of the program declare what only one can have. */
export function conflictSentence(me: ResourceRef, o: Overlap): string {
  const both = `${describeRef(me)} and ${describeRef(o.other)}`;
  if (o.thing.startsWith("cdn-domain:")) {
    return `${both} both declare HTTPS on ${describeThing(o.thing)}; a domain has one HTTPS configuration, so keep one of them ` +
      `(to rename a resource, give the new one \`aliases: [{ name: "${o.other.name}" }]\`).`;
  }
  const [mine, theirs] = o.certificates ?? [];
  return `${describeRef(me)} binds ${describeThing(o.thing)} to certificate ${mine}, but ${describeRef(o.other)} binds it to certificate ${theirs}; ` +
    "a domain serves one certificate, so remove it from one of them or give both the same certificate.";
}

/** What a check logs when two resources share something, which both keep. */
export function sharedSentence(me: ResourceRef, o: Overlap): string {
  const cert = o.certificates?.[0] ? ` with the same certificate ${o.certificates[0]}` : "";
  return `${describeThing(o.thing)} is declared by ${describeRef(me)} and ${describeRef(o.other)}${cert}; ` +
    "both keep it, and a delete takes it away only once neither declares it";
}

/** What a delete logs when it leaves something because the program still declares it. */
export function leftForSentence(thing: string, declarers: ResourceRef[], left: string): string {
  return `${describeThing(thing)} is still declared by ${describeRefs(declarers)} in this deployment; ${left}, and only this resource is removed`;
}

/**
 * Records `claims` for `ref` (nothing to record without a name) and sorts the overlaps with other
 * resources into check failures (a sentence each) and notes to log.
 */
export function declareInCheck(declarations: Declarations, ref: ResourceRef | undefined, claims: Claim[]): { conflicts: { thing: string; reason: string }[]; notes: string[] } {
  if (!ref) return { conflicts: [], notes: [] };
  const overlaps = declarations.declare(ref, claims);
  return {
    conflicts: overlaps.filter((o) => o.kind === "conflict").map((o) => ({ thing: o.thing, reason: conflictSentence(ref, o) })),
    notes: overlaps.filter((o) => o.kind === "shared" && !o.thing.startsWith("certificate")).map((o) => sharedSentence(ref, o)),
  };
}

// ---------------------------------------------------------------- what a binding bound

/** Per playback domain, the certificate this binding bound it to: what it set, apart from what the API serves now. */
export type BoundTo = Record<string, string>;

/**
 * The record after a bind: a domain now on `certificateId` was bound by us to it; a domain still on
 * the certificate we had bound it to before (the API refused the move) keeps that record; anything
 * else (unbound, moved elsewhere by someone) is no longer ours.
 */
export function boundAfterBind(previous: BoundTo, certificateId: string, tracked: string[], servedNow: Map<string, string>): BoundTo {
  const out: BoundTo = {};
  for (const d of tracked) {
    const now = servedNow.get(d);
    if (now === certificateId) out[d] = certificateId;
    else if (now !== undefined && previous[d] === now) out[d] = now;
  }
  return out;
}

export interface OwnedUnbindPlan {
  unbind: string[];
  /** Bound to a certificate this binding did not bind it to: someone else's now. */
  elsewhere: { domain: string; certificateId: string }[];
  /** Still declared by another resource of the deployment. */
  declared: { domain: string; by: ResourceRef[] }[];
}

/** Which of the domains this binding bound to unbind on delete: those still on the certificate it bound them to, declared by nobody else. */
export function planOwnedUnbind(bound: BoundTo, servedNow: Map<string, string>, declarersOf: (domain: string) => ResourceRef[]): OwnedUnbindPlan {
  const plan: OwnedUnbindPlan = { unbind: [], elsewhere: [], declared: [] };
  for (const [domain, cert] of Object.entries(bound)) {
    const now = servedNow.get(domain);
    if (now === undefined) continue; // already unbound
    if (now !== cert) { plan.elsewhere.push({ domain, certificateId: now }); continue; }
    const by = declarersOf(domain);
    if (by.length > 0) plan.declared.push({ domain, by });
    else plan.unbind.push(domain);
  }
  return plan;
}
