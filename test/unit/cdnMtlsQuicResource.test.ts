// CdnHttpsConfig's mTLS/QUIC pieces that need no API: the check of the client CA, its outputs, the
// diff of clientCertificate and quic, and what read reports after a console change.
import { expect } from "chai";
import {
  clientCaAfterRead, clientCaFailures, clientCaOutputs, clientVerificationMatches, mtlsQuicChanges, quicAfterRead,
} from "../../provider/cdnHttpsConfig/mtlsQuic";
import { encodeClientCertificate } from "../../provider/rules/clientCertificate";
import type { DetailDomain, Https } from "../../provider/tencentcloud/types";
import { UNKNOWN } from "../../provider/unknown";
import { cdnDomain } from "../support/cdnDomain";
import { makeCa, makeChain } from "../support/certs";

const ca = makeCa({ cn: "Clients CA" });
const rotated = makeCa({ cn: "Clients CA 2", slot: 1 });
const outs = clientCaOutputs(ca);
const detail = (https: Https | undefined, quic?: "on" | "off"): DetailDomain => cdnDomain({ Https: https, ...(quic ? { Quic: { Switch: quic } } : {}) });
const verifying = (pem: string) => detail({ Switch: "on", VerifyClient: "on", ClientCertInfo: { Certificate: encodeClientCertificate(pem), CertName: "x" } });

/** Warnings are not under test here. */
const quiet = { log: { info: () => undefined, warn: () => undefined } };

describe("CdnHttpsConfig: client CA and QUIC without the API", () => {
  it("check fails each bad client CA on clientCertificate.caCertificates and skips unknown values", () => {
    const server = makeChain();
    const failures = clientCaFailures(quiet, { certificate: server.certificate, clientCertificate: { caCertificates: server.leafPem } }, "cdn.example.com");
    expect(failures).to.have.length(1);
    expect(failures[0].property).to.equal("clientCertificate.caCertificates");
    expect(failures[0].reason).to.match(/server certificate/);
    expect(clientCaFailures(quiet, { clientCertificate: { caCertificates: UNKNOWN } }, undefined)).to.deep.equal([]);
    expect(clientCaFailures(quiet, { clientCertificate: { caCertificates: ca } }, undefined)).to.deep.equal([]);
    expect(clientCaFailures(quiet, {}, undefined)).to.deep.equal([]);
  });

  it("outputs the CA's identity, and nothing without a CA", () => {
    expect(outs.clientCaName).to.equal("Clients CA");
    expect(outs.clientCaFingerprint).to.match(/^[0-9a-f]{64}$/);
    expect(outs.clientCaExpiresAt).to.match(/Z$/);
    expect(clientCaOutputs(undefined)).to.deep.equal({});
  });

  it("diff: a rotated CA, a removed one and a changed quic are in-place changes; the same CA and an unset quic are none", () => {
    const olds = { ...outs, quic: true };
    expect(mtlsQuicChanges(olds, { clientCertificate: { caCertificates: ca.replace(/\n/g, "\r\n") }, quic: true })).to.deep.equal([]);
    expect(mtlsQuicChanges(olds, { clientCertificate: { caCertificates: rotated } })).to.deep.equal(["clientCertificate"]);
    expect(mtlsQuicChanges(olds, { quic: false })).to.deep.equal(["clientCertificate", "quic"]);
    expect(mtlsQuicChanges({}, {})).to.deep.equal([]);
    expect(mtlsQuicChanges(olds, { clientCertificate: { caCertificates: UNKNOWN }, quic: UNKNOWN })).to.deep.equal(["clientCertificate", "quic"]);
  });

  it("read keeps the recorded CA while served, and reports a console change or verification turned off", () => {
    const old = { ...outs, quic: true };
    expect(clientCaAfterRead(quiet.log, old, verifying(ca))).to.deep.equal(outs);
    const swapped = clientCaAfterRead(quiet.log, old, verifying(rotated));
    expect(swapped.clientCaFingerprint).to.equal(clientCaOutputs(rotated).clientCaFingerprint);
    expect(swapped.clientCertificate).to.deep.equal({ caCertificates: rotated });
    expect(mtlsQuicChanges({ ...swapped }, { clientCertificate: { caCertificates: ca } })).to.deep.equal(["clientCertificate"]);
    const none = { clientCertificate: undefined, clientCaFingerprint: undefined, clientCaName: undefined, clientCaExpiresAt: undefined };
    expect(clientCaAfterRead(quiet.log, old, detail({ Switch: "on", VerifyClient: "off" }))).to.deep.equal(none);
    expect(clientCaAfterRead(quiet.log, undefined, detail({ Switch: "on" }))).to.deep.equal(none);
  });

  it("the write's judgement: the domain verifies against the declared CA, or verifies nothing when none is declared", () => {
    expect(clientVerificationMatches(verifying(ca), ca)).to.equal(true);
    expect(clientVerificationMatches(verifying(rotated), ca)).to.equal(false);
    expect(clientVerificationMatches(detail({ Switch: "on" }), ca)).to.equal(false);
    expect(clientVerificationMatches(verifying(ca), undefined)).to.equal(false);
    expect(clientVerificationMatches(detail({ Switch: "on", VerifyClient: "off" }), undefined)).to.equal(true);
  });

  it("read reports QUIC only when it is declared", () => {
    expect(quicAfterRead({ quic: true }, detail({ Switch: "on" }, "off"))).to.equal(false);
    expect(quicAfterRead({ quic: false }, detail({ Switch: "on" }, "on"))).to.equal(true);
    expect(quicAfterRead({}, detail({ Switch: "on" }, "on"))).to.equal(undefined);
  });
});
