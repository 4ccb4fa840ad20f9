// create / update / delete. Per domain inside the provider process's lock: read the domain, merge
// our Https into its full block, write it, wait for the deployment, and only then switch the
// forced redirect (product rules, docs/product/cdn-https.md: redirect only once the certificate is
// configured). Every step checks the API's state first, so a run that failed halfway is completed
// by the next one. All writes go through one DomainWriter, which records that it wrote.
import { normalizeDomain } from "../certificate";
import type { Context } from "../context";
import { domainEligibilityProblems, judgeHttpsDeployment, judgeSettled, sameDeployedCert, deployedCertOf, describeDeployedCert } from "../rules/cdn";
import {
  changeProblem, DomainConfigChange, httpsChange, httpsOffChange, httpsSettingsMatch, quicChange, redirectMatches, redirectOff, redirectOn,
} from "../rules/cdnWrite";
import { withoutUndefined } from "../runtime/outputs";
import { PartialStateError } from "../runtime/partialState";
import type { Operation } from "../runtime/resource";
import { isNotFound } from "../tencentcloud";
import type { DetailDomain } from "../tencentcloud/types";
import { messages } from "../messages";
import { cdnDomain, leftForSentence } from "../ownership";
import type { DomainWriter } from "../services/cdnDeployments";
import { hostedCertificateProblem } from "../rules/sslCertificate";
import { clientCaAfterRead, clientVerificationMatches, quicAfterRead } from "./mtlsQuic";
import { apiSettings, CdnHttpsConfigOutputs, CertFacts, hostedFacts, outputsAfterApply, sameSelfOwnedCertificate, selfOwnedFacts } from "./outputs";
import { CdnHttpsConfigInputs, CdnHttpsConfigState, ResolvedArgs, resolveArgs } from "./definition";

async function certFactsFor(ctx: Context, args: ResolvedArgs): Promise<CertFacts> {
  const cert = args.https.cert;
  if (cert.source === "self-owned") return selfOwnedFacts(cert.certificate);
  const detail = await ctx.ssl.findCertificate(cert.certificateId);
  const problem = hostedCertificateProblem(cert.certificateId, detail, args.domain, new Date());
  if (problem) throw new Error(messages.cdnCannotConfigure(args.domain, problem));
  return hostedFacts(detail!);
}

function assertEligible(detail: DetailDomain): void {
  const problems = domainEligibilityProblems(detail);
  if (problems.length > 0) throw new Error(problems.map((p) => p.message).join(" "));
}

/** Whether the Https block must be written: always on create; on update when anything we manage differs. */
function httpsNeedsWrite(detail: DetailDomain, args: ResolvedArgs, facts: CertFacts, previous: CdnHttpsConfigState | undefined): boolean {
  if (!previous) return true;
  const cert = args.https.cert;
  const sameCert = cert.source === "hosted"
    ? previous.source === "hosted" && previous.certificateId === cert.certificateId
    : sameSelfOwnedCertificate(previous, facts);
  return !sameCert ||
    !sameDeployedCert(previous.deployedCert, deployedCertOf(detail.Https)) ||
    (previous.alias ?? null) !== (args.https.alias ?? null) ||
    !httpsSettingsMatch(detail.Https, args.https) ||
    !clientVerificationMatches(detail, args.clientCa) ||
    detail.Https?.SslStatus === "failed";
}

/** One write of the Https block (and Quic with it), refused here if it would break a documented invariant. */
async function writeHttps(writer: DomainWriter, detail: DetailDomain, change: DomainConfigChange): Promise<void> {
  const problem = changeProblem(detail, change);
  if (problem) throw new Error(problem);
  await writer.https(change.Https!, change.Quic);
}

/**
 * An earlier attempt that timed out or was interrupted may still be deploying; a write now would be
 * refused (ResourceInUse.CdnOpInProgress), so let it finish first.
 */
async function settleDeploymentInFlight(ctx: Context, detail: DetailDomain, timeoutMs: number): Promise<DetailDomain> {
  if (detail.Https?.SslStatus !== "deploying") return detail;
  const domain = normalizeDomain(detail.Domain);
  ctx.log.info(`CDN domain ${domain}: an HTTPS deployment is already in progress; waiting for it before writing`);
  return ctx.cdn.deployments.waitFor(domain, judgeSettled, timeoutMs, `the HTTPS deployment already in progress on CDN domain ${domain}`);
}

/**
 * Turns the forced redirect off and waits for that change: no other write may overlap its
 * deployment (ResourceInUse.CdnOpInProgress), whatever waitForDeployment says.
 */
async function turnRedirectOff(ctx: Context, writer: DomainWriter, detail: DetailDomain, timeoutMs: number, why: string): Promise<DetailDomain> {
  const domain = writer.domain;
  ctx.log.info(`CDN domain ${domain}: turning the forced redirect to HTTPS off${why}`);
  await writer.redirect(redirectOff(detail.ForceRedirect));
  return ctx.cdn.deployments.waitFor(domain, judgeSettled, timeoutMs, `the forced-redirect change of CDN domain ${domain}`);
}

/** How far an apply got: once its writer wrote, a failure must still leave state (see PartialStateError). */
interface ApplyProgress { writer: DomainWriter; previous: CdnHttpsConfigState | undefined; facts?: CertFacts }

/** The state's certificate fields: what the resource had set before, or none on a create. */
const CERTIFICATE_KEYS = ["certificate", "certificateId", "alias", "source", "expiresAt", "fingerprint", "chainFingerprint", "dnsNames"] as const;

function certificateBefore(previous: CdnHttpsConfigState | undefined): Partial<CdnHttpsConfigOutputs> {
  const before: Record<string, unknown> = {};
  for (const key of CERTIFICATE_KEYS) before[key] = previous?.[key];
  return before as Partial<CdnHttpsConfigOutputs>;
}

async function applyDesired(ctx: Context, args: ResolvedArgs, timeoutMs: number, previous: CdnHttpsConfigState | undefined, progress: ApplyProgress): Promise<CdnHttpsConfigOutputs> {
  const domain = args.domain;
  const writer = progress.writer;
  const wait = ctx.cdn.deployments;
  const facts = await certFactsFor(ctx, args);
  progress.facts = facts;
  // The first write's turn is reserved before the read it depends on: the read may then wait for
  // company as long as the line of writes ahead lasts, without putting the write further back. With
  // no line to wait in, the read is patient as a check's: creates that start together share calls.
  const turn = writer.turnAhead();
  let detail = await ctx.cdn.requireDomain(domain, turn ? { before: turn } : true);
  assertEligible(detail);
  const deployment = `the HTTPS deployment of CDN domain ${domain}`;
  detail = await settleDeploymentInFlight(ctx, detail, timeoutMs);

  if (httpsNeedsWrite(detail, args, facts, previous)) {
    if (!args.redirect && !redirectMatches(detail.ForceRedirect, undefined)) {
      // A redirect that is to go goes before the certificate changes, not after its deployment.
      detail = await turnRedirectOff(ctx, writer, detail, timeoutMs, " before the HTTPS change");
    }
    ctx.log.info(`CDN domain ${domain}: writing the HTTPS configuration (${facts.source} certificate)`);
    await writeHttps(writer, detail, httpsChange(detail, args.https, args));
    detail = args.waitForDeployment
      ? await wait.waitFor(domain, judgeHttpsDeployment, timeoutMs, deployment)
      : await ctx.cdn.requireDomain(domain);
  } else if (args.waitForDeployment && judgeHttpsDeployment(detail) !== "done") {
    // An earlier run did not wait (or was interrupted): finish waiting before touching the redirect.
    detail = await wait.waitFor(domain, judgeHttpsDeployment, timeoutMs, deployment);
  }

  // QUIC alone, when the Https block did not need writing (otherwise it went in that same call).
  const quic = quicChange(detail, args.quic);
  if (quic) {
    ctx.log.info(`CDN domain ${domain}: turning QUIC ${quic.Switch}`);
    await writer.quic(quic);
    detail = await wait.waitFor(domain, judgeSettled, timeoutMs, `the QUIC change of CDN domain ${domain}`);
  }

  if (!redirectMatches(detail.ForceRedirect, args.redirect)) {
    if (args.redirect) {
      ctx.log.info(`CDN domain ${domain}: HTTPS is deployed; redirecting HTTP to HTTPS (${args.redirect.statusCode})`);
      await writer.redirect(redirectOn(args.redirect));
      detail = args.waitForDeployment
        ? await wait.waitFor(domain, judgeSettled, timeoutMs, `the forced-redirect change of CDN domain ${domain}`)
        : await ctx.cdn.requireDomain(domain);
    } else {
      detail = await turnRedirectOff(ctx, writer, detail, timeoutMs, "");
    }
  }
  return outputsAfterApply(args, facts, detail);
}

/**
 * A failure after something was written keeps what the API now has as the resource's state (the
 * engine records it), so `destroy` cleans it up and the next `up` sees the unfinished work in its
 * diff (sslStatus not deployed, the redirect not as declared) and completes it. When the API cannot
 * be read back, the state is built from what the writer wrote, with the deployment unfinished and
 * the certificate's identity unknown, which the next `up` repairs.
 */
async function keepPartialState(ctx: Context, error: unknown, args: ResolvedArgs, progress: ApplyProgress): Promise<unknown> {
  if (!progress.writer.wrote || !progress.facts || !(error instanceof Error)) return error;
  let detail: DetailDomain | undefined;
  try {
    detail = await ctx.cdn.findDomain(args.domain);
  } catch {
    detail = undefined;
  }
  detail ??= asWritten(progress.writer);
  const api = apiSettings(detail);
  const desired = outputsAfterApply(args, progress.facts, detail);
  // The redirect, client CA and QUIC as the API has them, so the next diff sees what is still to do.
  // A certificate counts as set only once the Https block carrying it was written (a redirect-off
  // write may come first): until then the state keeps the one set before, so the next diff still
  // sees the certificate change to make.
  const certificate = progress.writer.written.https ? {} : certificateBefore(progress.previous);
  const outs = { ...desired, ...certificate, forceRedirect: api.forceRedirect, ...clientCaAfterRead(ctx.log, desired, detail), quic: quicAfterRead(desired, detail) };
  return new PartialStateError(error.message, args.domain, withoutUndefined(outs), [error.message]);
}

/** The domain as the writer left it, never read back: deployment not known to be done, no certificate identity (nor key). */
function asWritten(writer: DomainWriter): DetailDomain {
  const { https, redirect, quic } = writer.written;
  const { CertInfo: _written, ...settings } = https ?? { Switch: "off" as const };
  return {
    Domain: writer.domain,
    Https: { ...settings, SslStatus: settings.Switch === "on" ? "deploying" : "closed" },
    ForceRedirect: redirect,
    Quic: quic,
  } as unknown as DetailDomain;
}

async function applyKeepingPartialState(ctx: Context, args: ResolvedArgs, timeoutMs: number, previous: CdnHttpsConfigState | undefined): Promise<CdnHttpsConfigOutputs> {
  const progress: ApplyProgress = { writer: ctx.cdn.deployments.writer(args.domain), previous };
  try {
    return await applyDesired(ctx, args, timeoutMs, previous, progress);
  } catch (e) {
    throw await keepPartialState(ctx, e, args, progress);
  } finally {
    progress.writer.release();
  }
}

export async function create(ctx: Context, inputs: CdnHttpsConfigInputs, op: Operation): Promise<{ id: string; state: CdnHttpsConfigState }> {
  const args = resolveArgs(inputs);
  const state = await ctx.locks.run(args.domain, () => applyKeepingPartialState(ctx, args, op.timeoutMs, undefined));
  return { id: args.domain, state };
}

export async function update(ctx: Context, id: string, olds: CdnHttpsConfigState, inputs: CdnHttpsConfigInputs, op: Operation): Promise<CdnHttpsConfigState> {
  return ctx.locks.run(normalizeDomain(id), () => applyKeepingPartialState(ctx, resolveArgs(inputs), op.timeoutMs, olds));
}

/** Redirect off first (never redirect to a site without HTTPS), then HTTPS off with client verification and QUIC; already gone is success. */
export async function remove(ctx: Context, id: string, props: Partial<CdnHttpsConfigState>, op: Operation): Promise<void> {
  const domain = normalizeDomain(id);
  const timeoutMs = op.timeoutMs;
  const wait = props.waitForDeployment !== false;
  const declarers = ctx.declarations.declarers([cdnDomain(domain)]);
  if (declarers.length > 0) {
    // A resource still in the program (a rename, a move into a component) declares this domain.
    ctx.log.info(leftForSentence(cdnDomain(domain), declarers, "its HTTPS is left on"));
    return;
  }
  // A destroy's writes are paced by UpdateDomainConfig's rate limit: its reads are patient (services/cdn.ts).
  await ctx.locks.run(domain, async () => {
    try {
      let detail = await ctx.cdn.findDomain(domain, true);
      if (!detail) return;
      detail = await settleDeploymentInFlight(ctx, detail, timeoutMs);
      const serving = deployedCertOf(detail.Https);
      if (detail.Https?.Switch === "on" && props.deployedCert && !sameDeployedCert(props.deployedCert, serving)) {
        // Someone else (another resource, stack or the console) has since set its own certificate.
        ctx.log.info(`CDN domain ${domain} now serves another certificate (${describeDeployedCert(serving)}) than this resource set; ` +
          "its HTTPS is left on and only the resource is removed");
        return;
      }
      const writer = ctx.cdn.deployments.writer(domain);
      if (detail.ForceRedirect?.Switch === "on") detail = await turnRedirectOff(ctx, writer, detail, timeoutMs, " before HTTPS");
      if (detail.Https?.Switch === "on") {
        const change = httpsOffChange(detail);
        ctx.log.info(`CDN domain ${domain}: turning HTTPS off${change.Quic ? ", and QUIC with it (QUIC needs HTTPS)" : ""}`);
        await writeHttps(writer, detail, change);
        if (wait) await ctx.cdn.deployments.waitFor(domain, judgeSettled, timeoutMs, `turning HTTPS off on CDN domain ${domain}`, true);
      }
    } catch (e) {
      if (isNotFound(e)) return;
      throw e;
    }
  });
}
