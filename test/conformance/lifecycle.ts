// A lifecycle of all three resources through the provider's handlers (the seam's entry points), run
// as the engine runs deployments: each resource is checked, then created or updated (the binding
// after the certificate it names), a refresh and an import read all three, two more `up`s change
// them, a last `up` must find no change, and destroy deletes the binding before the certificate. Used by the conformance and null-mode tests.
import { expect } from "chai";
import { createProvider, Provider } from "../../provider";
import type { EmulatorHandle } from "../../emulator";
import type { TestChain } from "../support/certs";

const PROVIDER = "seam-text";
export const CDN_DOMAIN = "www.conformance.example.com";
export const PLAY_DOMAINS = ["play1.conformance.example.com", "play2.conformance.example.com"];
export const HOSTED_ID = "hostedC1";

type Props = Record<string, any>;
interface Handlers {
  check(olds: Props, news: Props): Promise<{ inputs?: Props; failures?: { property: string; reason: string }[] }>;
  diff(id: string, olds: Props, news: Props): Promise<{ changes?: boolean }>;
  create(inputs: Props): Promise<{ id: string; outs?: Props }>;
  read(id: string, props?: Props): Promise<{ id?: string; props?: Props }>;
  update(id: string, olds: Props, news: Props): Promise<{ outs?: Props }>;
  delete(id: string, props: Props): Promise<void>;
}
interface Live { id: string; outs: Props }

export interface Material { own: TestChain; hosted: TestChain }

/** A provider process pointed at `endpoint` with the emulator's credentials (its log kept quiet). */
export function providerAt(emu: EmulatorHandle, endpoint: string): Provider {
  const config: Record<string, string> = {
    "tencentcloud-https:secretId": emu.secretId, "tencentcloud-https:secretKey": emu.secretKey, "tencentcloud-https:endpoint": endpoint,
  };
  const provider = createProvider({ logSink: () => undefined });
  provider.configure({ config: { get: (k: string) => config[k] } });
  return provider;
}

async function checked(h: Handlers, olds: Props, news: Props): Promise<Props> {
  const res = await h.check(olds, news);
  expect(res.failures ?? [], JSON.stringify(res.failures)).to.deep.equal([]);
  return res.inputs ?? news;
}

/** Create, or update when the diff says so; returns the live state. */
async function apply(h: Handlers, current: Live | undefined, news: Props): Promise<Live> {
  const inputs = await checked(h, current?.outs ?? {}, news);
  if (!current) {
    const { id, outs } = await h.create(inputs);
    return { id, outs: outs ?? {} };
  }
  if (!(await h.diff(current.id, current.outs, inputs)).changes) return current;
  const { outs } = await h.update(current.id, current.outs, inputs);
  return { id: current.id, outs: outs ?? {} };
}

async function refresh(h: Handlers, live: Live): Promise<Live> {
  const res = await h.read(live.id, live.outs);
  expect(res.id, "refresh found the resource").to.equal(live.id);
  return { id: live.id, outs: res.props ?? {} };
}

export interface LifecycleOutcome {
  /** Whether the second `up` after the change found anything to do, per resource (all must be false). */
  changesOnSecondUp: Record<string, boolean>;
  /** Each resource's outputs after the refresh that preceded it. */
  outputs: Record<string, Props>;
}

export async function runLifecycle(provider: Provider, m: Material): Promise<LifecycleOutcome> {
  const cdnH = provider.cdnHttpsConfig as unknown as Handlers;
  const certH = provider.liveCertificate as unknown as Handlers;
  const bindH = provider.liveDomainBinding as unknown as Handlers;

  const cdnV1 = { domain: CDN_DOMAIN, certificate: m.own.certificate, privateKey: m.own.privateKey, tlsVersions: ["TLSv1.2", "TLSv1.3"], __provider: PROVIDER };
  const cdnV2 = { domain: CDN_DOMAIN, certificateId: HOSTED_ID, hsts: { maxAge: 3600 }, forceRedirect: { statusCode: 301 }, __provider: PROVIDER };
  const certV1 = { certificate: m.own.certificate, privateKey: m.own.privateKey, alias: "conformance", __provider: PROVIDER };
  const certV2 = { ...certV1, alias: "conformance renamed" };
  // The last change: the redirect and HSTS go, other TLS versions, OCSP on; the binding keeps each domain's HTTPS state.
  const cdnV3 = { domain: CDN_DOMAIN, certificateId: HOSTED_ID, tlsVersions: ["TLSv1.1", "TLSv1.2"], ocspStapling: true, __provider: PROVIDER };
  const binding = (certificateId: string, domains: string[], enableHttps = true) => ({ certificateId, domains, enableHttps, __provider: PROVIDER });

  // A preview with mistakes the API finds (an unknown playback domain, an unknown hosted id): error answers.
  expect((await bindH.check({}, binding(HOSTED_ID, ["nosuch.conformance.example.com"]))).failures).to.have.length.greaterThan(0);
  expect((await certH.check({}, { certificateId: "nosuch01", __provider: PROVIDER })).failures).to.have.length.greaterThan(0);

  // up #1: the CDN configuration and the certificate in parallel, then the binding that names it.
  let [cdn, cert] = await Promise.all([apply(cdnH, undefined, cdnV1), apply(certH, undefined, certV1)]);
  let bind = await apply(bindH, undefined, binding(cert.id, [PLAY_DOMAINS[0]]));

  // refresh, and an import of each (read by id alone, as `pulumi import` does)
  [cdn, cert, bind] = await Promise.all([refresh(cdnH, cdn), refresh(certH, cert), refresh(bindH, bind)]);
  await Promise.all([cdnH.read(cdn.id, {}), certH.read(cert.id, {}), bindH.read(bind.id, {})]);

  // up #2: a hosted certificate with HSTS and a redirect, a rename, one more domain.
  [cdn, cert] = await Promise.all([apply(cdnH, cdn, cdnV2), apply(certH, cert, certV2)]);
  bind = await apply(bindH, bind, binding(cert.id, PLAY_DOMAINS));

  // up #3: the last change.
  cdn = await apply(cdnH, cdn, cdnV3);
  bind = await apply(bindH, bind, binding(cert.id, [...PLAY_DOMAINS].reverse(), false));

  // up #4 after a refresh: nothing left to do.
  [cdn, cert, bind] = await Promise.all([refresh(cdnH, cdn), refresh(certH, cert), refresh(bindH, bind)]);
  const changes = async (h: Handlers, live: Live, news: Props) => !!(await h.diff(live.id, live.outs, await checked(h, live.outs, news))).changes;
  const changesOnSecondUp = {
    cdnHttpsConfig: await changes(cdnH, cdn, cdnV3),
    liveCertificate: await changes(certH, cert, certV2),
    liveDomainBinding: await changes(bindH, bind, binding(cert.id, [...PLAY_DOMAINS].reverse(), false)),
  };

  // destroy: the binding first (it depends on the certificate), then the rest.
  await bindH.delete(bind.id, bind.outs);
  await Promise.all([cdnH.delete(cdn.id, cdn.outs), certH.delete(cert.id, cert.outs)]);
  return { changesOnSecondUp, outputs: { cdnHttpsConfig: cdn.outs, liveCertificate: cert.outs, liveDomainBinding: bind.outs } };
}
