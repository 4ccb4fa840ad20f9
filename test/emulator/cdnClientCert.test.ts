// The emulator's model of client-certificate verification and QUIC, as pure functions: base64 PEM,
// the ClientCertInfo it answers, and the refusals with codes from errors.json's UpdateDomainConfig list.
import { expect } from "chai";
import { ApiError } from "../../emulator/core/errors";
import { assertQuicHasHttps, decodeClientCertificate, resolveClientCertInfo, resolveQuic } from "../../emulator/backends/cdn/clientCert";
import { makeCa } from "../support/certs";

const codeOf = (fn: () => unknown): string => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return e.code;
    throw e;
  }
  throw new Error("expected an ApiError");
};

const NOW = Date.parse("2026-12-01T00:00:00Z");
const ca = makeCa({ cn: "Clients CA", notAfter: new Date("2031-02-03T04:05:06Z") });
const b64 = Buffer.from(ca).toString("base64");

describe("emulator: client certificate and QUIC model", () => {
  it("decodes base64 PEM and refuses a plain PEM or base64 of something else", () => {
    expect(decodeClientCertificate(b64)).to.equal(ca);
    expect(codeOf(() => decodeClientCertificate(ca))).to.equal("InvalidParameter.SslCertParseError");
    expect(codeOf(() => decodeClientCertificate(Buffer.from("hello").toString("base64")))).to.equal("InvalidParameter.SslCertParseError");
    expect(codeOf(() => decodeClientCertificate(""))).to.equal("InvalidParameter.CdnCertInfoNotFound");
  });

  it("stores the certificate as sent and fills CertName, ExpireTime and DeployTime (China time)", () => {
    expect(resolveClientCertInfo({ Certificate: b64, CertName: "ignored", ExpireTime: "2000-01-01 00:00:00" }, "on", NOW)).to.deep.equal({
      Certificate: b64, CertName: "Clients CA", ExpireTime: "2031-02-03 12:05:06", DeployTime: "2026-12-01 08:00:00",
    });
  });

  it("refuses VerifyClient on without a client certificate, and allows off without one", () => {
    expect(codeOf(() => resolveClientCertInfo(undefined, "on", NOW))).to.equal("InvalidParameter.CdnCertInfoNotFound");
    expect(codeOf(() => resolveClientCertInfo({}, "on", NOW))).to.equal("InvalidParameter.CdnCertInfoNotFound");
    expect(resolveClientCertInfo(undefined, "off", NOW)).to.equal(undefined);
    const damaged = Buffer.from("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n").toString("base64");
    expect(codeOf(() => resolveClientCertInfo({ Certificate: damaged }, "on", NOW))).to.equal("InvalidParameter.SslCertParseError");
  });

  it("reads the Quic block whole and refuses QUIC without HTTPS", () => {
    expect(resolveQuic({ Switch: "on" })).to.deep.equal({ Switch: "on" });
    expect(codeOf(() => resolveQuic({}))).to.equal("MissingParameter");
    expect(codeOf(() => resolveQuic({ Switch: "yes" }))).to.equal("InvalidParameter.CdnParamError");
    expect(codeOf(() => assertQuicHasHttps({ Switch: "off" }, { Switch: "on" }))).to.equal("FailedOperation.CdnConfigError");
    expect(codeOf(() => assertQuicHasHttps(undefined, { Switch: "on" }))).to.equal("FailedOperation.CdnConfigError");
    assertQuicHasHttps({ Switch: "on" }, { Switch: "on" });
    assertQuicHasHttps({ Switch: "off" }, { Switch: "off" });
  });
});
