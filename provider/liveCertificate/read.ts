// read for refresh (the recorded state) and lookup for a `get` or an adoption of LiveCertificate:
// SSL Certificate Management's truth, plus what only state knows (the PEM we gave, whether we
// uploaded it).
import type { Context } from "../context";
import { sourceOfFrom } from "../rules/sslCertificate";
import { certificateOutputs } from "./outputs";
import type { LiveCertificateInputs, LiveCertificateOutputs } from "./definition";

/**
 * Refresh. The PEM and whether we uploaded it are ours; the rest comes from the API. The alias
 * of a certificate we own are its name in the SSL console (a rename there is drift); an adopted
 * one's alias live in state only.
 */
export async function read(ctx: Context, id: string, state: LiveCertificateOutputs): Promise<LiveCertificateOutputs | undefined> {
  const detail = await ctx.ssl.findCertificate(id);
  if (!detail) return undefined;
  const alias = state.adopted ? state.alias : detail.Alias || undefined;
  return certificateOutputs({ certificateId: id, source: state.source, adopted: state.adopted, alias, certificate: state.certificate, detail });
}

/**
 * A `get` or an adoption: nothing tells whether this stack uploaded the certificate, so it counts as
 * adopted (never delete what we cannot prove we created); the user deletes it in the SSL console if wanted.
 */
export async function lookup(ctx: Context, id: string, _program: LiveCertificateInputs | undefined): Promise<LiveCertificateOutputs | undefined> {
  const detail = await ctx.ssl.findCertificate(id);
  if (!detail) return undefined;
  return certificateOutputs({ certificateId: id, source: sourceOfFrom(detail.From), adopted: true, alias: detail.Alias || undefined, detail });
}
