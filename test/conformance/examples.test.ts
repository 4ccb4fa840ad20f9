// The documented examples (spec/<svc>.examples.json) replayed against a seeded emulator: each
// example request of an emulated action is sent as documented (placeholder PEMs replaced by real
// test material, a missing body filled with the member the example's answer names), and the answer
// must have the documented answer's shape: every member the example shows, with its JSON type (null
// where the spec allows it), recursively through objects and the first element of lists.
import { expect } from "chai";
import { startEmulator, EmulatorHandle } from "../../emulator";
import { answerViolations, MemberSpec, specOf } from "../../emulator/core/spec";
import { ACTIONS, Service } from "../../provider/tencentcloud/types";
import { makeChain } from "../support/certs";
import { rawCall } from "../emulator/rawApi";

const play = makeChain({ domains: ["*.play.com"] });
const tst = makeChain({ domains: ["abc.tst.com.cn"], keySet: 1 });
const upload = makeChain({ domains: ["upload.example.com"], keySet: 2 });
const plain = makeChain({ domains: ["lukesky.online", "www.lukesky.online"], keySet: 3 });

/** The world the examples talk about: their domains and certificate ids. */
const SEED = {
  cdnDomains: [{ domain: "www.test.com", originType: "cos" }, { domain: "qq.com", originType: "domain" }],
  liveDomains: [
    { name: "abc.com", type: 1 as const }, { name: "push.livhub.net", type: 0 as const },
    { name: "5000.livepush.play.com", type: 1 as const }, { name: "abc.tst.com.cn", type: 1 as const },
  ],
  sslCertificates: [
    { id: "sfrsfvdf", certificate: play.certificate, from: "upload" },
    { id: "hZy2N9vF", certificate: tst.certificate, from: "trustasia" },
    { id: "QL*****M", certificate: plain.certificate, from: "trustasia" },
    { id: "hhe**jjsj", certificate: plain.certificate, from: "trustasia" },
    { id: "tey**hdh", certificate: plain.certificate, from: "trustasia" },
    { id: "hehx***hshj", certificate: plain.certificate, from: "trustasia" },
  ],
  // Free-certificate applications pending validation (CompleteCertificate, CheckCertificateDomainVerification).
  freeCertificates: [{ id: "gdLGWRev", domain: "wgc.red" }, { id: "hehk**js", domain: "ninghhuang.online", validationMethod: "DNS" as const },
    { id: "hehj***jsj", domain: "cancel.example.com" }, // CancelCertificateOrder's example
    // DescribeCertificates' SearchKey examples: by alias and by (part of) an id
    { id: "Li1AKHnS", domain: "ninghhuang.online", alias: "K926htp2的自动续费证书" }, { id: "LtIaSxlb", domain: "ninghhuang.online" }],
};

/** Examples documented without a body: the member their answer names. */
const MISSING_BODIES: Record<string, Record<string, unknown>> = {
  DescribeLiveDomain: { DomainName: "push.livhub.net" },
  DescribeLiveDomainCert: { DomainName: "5000.livepush.play.com" },
  UnBindLiveDomainCert: { DomainName: "5000.livepush.play.com" },
};

function requestOf(action: string, input: string): Record<string, unknown> {
  const text = input.split("\n\n").slice(1).join("\n\n").trim();
  const body = text ? JSON.parse(text) : (MISSING_BODIES[action] ?? {});
  for (const [k, v] of Object.entries(body)) {
    if (typeof v === "string" && v.includes("BEGIN CERTIFICATE")) body[k] = upload.certificate;
    if (typeof v === "string" && v.includes("PRIVATE KEY")) body[k] = upload.privateKey;
  }
  return body;
}

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "list" : typeof v);

/**
 * Lists the emulator answers empty where an example shows elements, for a reason: DescribeCertificates'
 * example row is a CA certificate with tags and bound resources; ours is a server certificate (no CA
 * algorithms, per the spec only for CertificateType CA), untagged, not hosted, with BoundResource "not available yet".
 */
const EMPTY_FOR_A_REASON = new Set(["Response.Certificates.0.BoundResource", "Response.Certificates.0.Tags", "Response.Certificates.0.CAEncryptAlgorithms",
  "Response.Certificates.0.HostingResourceTypes"]); // and not hosted (no automatic replacement in other products)

/** Where `ours` departs from the documented answer's shape, walking the action's output spec. */
function shapeDifferences(service: Service, objectName: string, documented: any, ours: any, at: string, out: string[]): string[] {
  const spec = specOf(service);
  const members = new Map<string, MemberSpec>(spec.object(objectName).members.map((m) => [m.name, m]));
  for (const [k, doc] of Object.entries(documented ?? {})) {
    if (k === "RequestId") continue;
    const m = members.get(k);
    const path = `${at}.${k}`;
    if (!m) continue; // a member the example shows but the spec no longer has: the spec wins
    if (!(k in ours)) { out.push(`${path}: absent (documented ${kind(doc)})`); continue; }
    const mine = ours[k];
    if (doc === null || mine === null) {
      if (!m.value_allowed_null && doc !== mine) out.push(`${path}: ${kind(mine)} where the example has ${kind(doc)}`);
      continue;
    }
    if (kind(doc) !== kind(mine)) { out.push(`${path}: ${kind(mine)} where the example has ${kind(doc)}`); continue; }
    if (m.type === "object" && spec.isObject(m.member)) shapeDifferences(service, m.member, doc, mine, path, out);
    if (m.type === "list" && (doc as unknown[]).length > 0 && mine.length === 0 && !EMPTY_FOR_A_REASON.has(path)) out.push(`${path}: empty where the example has elements`);
    if (m.type === "list" && spec.isObject(m.member) && (doc as unknown[]).length > 0 && mine.length > 0) {
      shapeDifferences(service, m.member, (doc as unknown[])[0], mine[0], `${path}.0`, out);
    }
  }
  return out;
}

describe("documented examples replayed against the emulator (answers in the documented shape)", function () {
  let emu: EmulatorHandle;
  before(async function () {
    emu = await startEmulator({ seed: SEED, rateLimits: false });
    await emu.editLiveBinding("5000.livepush.play.com", { cloudCertId: "sfrsfvdf", status: 1 });
  });
  after(async () => { await emu?.stop(); });

  for (const service of Object.keys(ACTIONS) as Service[]) {
    for (const action of Object.keys(ACTIONS[service])) {
      it(`${service}.${action}`, async function () {
        const examples = specOf(service).examplesOf(action);
        expect(examples, "the spec documents an example").to.not.be.empty;
        for (const [i, example] of examples.entries()) {
          const answer = await rawCall(emu, service, action, requestOf(action, example.input));
          const documented = JSON.parse(example.output).Response;
          const ours = answer.json?.Response;
          expect(ours?.Error, `example ${i}: ${JSON.stringify(ours?.Error)}`).to.equal(undefined);
          expect(answerViolations(service, action, answer.json), `example ${i} against the spec`).to.deep.equal([]);
          const differences = shapeDifferences(service, specOf(service).output(action), documented, ours, "Response", []);
          expect(differences, `example ${i} (${example.title ?? ""})`).to.deep.equal([]);
        }
      });
    }
  }
});
