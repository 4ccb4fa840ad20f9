// The part of a certificate delete that LiveCertificate and FreeCertificate share, once a resource
// has decided the certificate is its own: the ownership rule (nothing another resource of this
// deployment declares, nothing live domains are bound to), then DeleteCertificate. Each resource
// keeps its own handling of the API's refusals.
import type { Context } from "./context";
import { messages } from "./messages";
import { sslCertificate, leftForSentence } from "./ownership";

/**
 * Deletes certificate `id` from SSL Certificate Management unless a resource still in the program
 * declares one of `declared` (a rename, a switch to this id, a binding: left, and logged), or live
 * playback domains are bound to it (refused, naming them). `names` are the certificate's names,
 * which narrow the domains looked at. "gone" when it was already deleted.
 */
export async function deleteOwnCertificate(ctx: Context, id: string, declared: string[], names: string[] | undefined): Promise<"left" | "gone" | "deleted"> {
  const declarers = ctx.declarations.declarers(declared);
  if (declarers.length > 0) {
    ctx.log.info(leftForSentence(sslCertificate(id), declarers, "it stays in SSL Certificate Management"));
    return "left";
  }
  // The API deletes a certificate still bound unless asked to check (spec: IsCheckResource
  // "默认不检查"), and that check needs a service role and turns the delete asynchronous: so look.
  const bound = await ctx.live.domainsBoundTo(id, names);
  if (bound.length > 0) throw new Error(messages.certificateStillBound(id, bound));
  const answer = await ctx.ssl.deleteCertificate(id);
  if (answer === "gone") return "gone";
  if (answer.DeleteResult === false) throw new Error(messages.certificateNotDeleted(id));
  return "deleted";
}
