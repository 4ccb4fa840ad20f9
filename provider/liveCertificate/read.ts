// read for refresh (props = old outputs) and import (props empty) of LiveCertificate: SSL
// Certificate Management's truth, plus what only state knows (the PEM we gave, whether we uploaded it).
import { sourceOfFrom } from "../rules/sslCertificate";
import { withoutUndefined } from "../runtime/outputs";
import { findCertificate } from "../services/ssl";
import { certificateOutputs } from "./outputs";
import type { LiveCertificateArgs, LiveCertificateOutputs } from "./shape";
import { adoptedIn } from "./write";

export async function readLiveCertificate(id: string, state: Partial<LiveCertificateOutputs> | undefined): Promise<{ id?: string; props?: LiveCertificateOutputs; inputs?: LiveCertificateArgs }> {
  const detail = await findCertificate(id);
  if (!detail) return {};
  if (state && typeof state.cloudCertId === "string" && typeof state.source === "string") {
    // Refresh. The PEM and whether we uploaded it are ours; the rest comes from the API. The remarks
    // of a certificate we own are its name in the SSL console (a rename there is drift); an adopted
    // one's remarks live in state only.
    const adopted = adoptedIn(state);
    const remarks = adopted ? state.remarks : detail.Alias || undefined;
    return { id, props: certificateOutputs({ cloudCertId: id, source: state.source, adopted, remarks, certificate: state.certificate, detail }) };
  }
  const source = sourceOfFrom(detail.From);
  const remarks = detail.Alias || undefined;
  // Import: nothing tells whether this stack uploaded the certificate, so it counts as adopted
  // (never delete what we cannot prove we created); the user deletes it in the SSL console if wanted.
  const outs = certificateOutputs({ cloudCertId: id, source, adopted: true, remarks, detail });
  const inputs = withoutUndefined(source === "self-owned" ? { certificate: outs.certificate, remarks } : { cloudCertId: id, remarks });
  return { id, props: outs, inputs };
}
