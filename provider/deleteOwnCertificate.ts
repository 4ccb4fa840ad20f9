// The part of a certificate delete that LiveCertificate and FreeCertificate share, once a resource
// has decided the certificate is its own: the ownership rule (nothing another resource of this
// deployment declares, nothing live domains are bound to), then DeleteCertificate. Each resource
// keeps its own handling of the API's refusals.
import { getClient } from "./config";
import { messages } from "./messages";
import { certificateId, declarations, leftForSentence } from "./ownership";
import { log } from "./runtime/log";
import { liveDomainsBoundTo } from "./services/live";
import { deleteCertificate } from "./services/ssl";

/**
 * Deletes certificate `id` from SSL Certificate Management unless a resource still in the program
 * declares one of `declared` (a rename, a switch to this id, a binding: left, and logged), or live
 * playback domains are bound to it (refused, naming them). `names` are the certificate's names,
 * which narrow the domains looked at. "gone" when it was already deleted.
 */
export async function deleteOwnCertificate(id: string, declared: string[], names: string[] | undefined): Promise<"left" | "gone" | "deleted"> {
  const declarers = declarations.declarers(declared);
  if (declarers.length > 0) {
    log.info(leftForSentence(certificateId(id), declarers, "it stays in SSL Certificate Management"));
    return "left";
  }
  // The API deletes a certificate still bound unless asked to check (spec: IsCheckResource
  // "默认不检查"), and that check needs a service role and turns the delete asynchronous: so look.
  const bound = await liveDomainsBoundTo(getClient(), id, names);
  if (bound.length > 0) throw new Error(messages.certificateStillBound(id, bound));
  const answer = await deleteCertificate(id);
  if (answer === "gone") return "gone";
  if (answer.DeleteResult === false) throw new Error(messages.certificateNotDeleted(id));
  return "deleted";
}
