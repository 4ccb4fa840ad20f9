// rules/clientCertificate and rules/cdnWrite: the client-CA encoding, the Https/Quic writes, the
// request invariants, the delete order and the drift judgement of the client CA.
import { expect } from "chai";
import { inspectClientCa } from "../../provider/certificate";
import { clientCaIdentity, decodeClientCertificate, encodeClientCertificate, sameClientCa, servedClientCaOf, withClientVerification } from "../../provider/rules/clientCertificate";
import { changeProblem, DesiredHttps, httpsChange, httpsOffChange, quicChange } from "../../provider/rules/cdnWrite";
import type { Https } from "../../provider/tencentcloud/types";
import { cdnDomain } from "../support/cdnDomain";
import { makeCa } from "../support/certs";


const hosted: DesiredHttps = { cert: { source: "hosted", certificateId: "abc123" }, http2: true, ocspStapling: false };
const ca = makeCa({ cn: "Clients CA", notAfter: new Date("2031-02-03T04:05:06Z") });
const facts = inspectClientCa({ caCertificates: ca }).facts!;
const encoded = encodeClientCertificate(ca);
const servingHttps = (info: Https["ClientCertInfo"], verify: "on" | "off" = "on"): Https =>
  ({ Switch: "on", SslStatus: "deployed", VerifyClient: verify, ClientCertInfo: info, CertInfo: { CertId: "abc123" } });

describe("rules/cdnMtlsQuic", () => {
  describe("the client CA on the wire", () => {
    it("encodes the normalised PEM text as base64 (no BEGIN line on the wire) and decodes it back", () => {
      expect(encoded).to.match(/^[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(encoded, "base64").toString("utf8")).to.equal(ca);
      expect(encodeClientCertificate(ca.replace(/\n/g, "\r\n") + "\n\n")).to.equal(encoded);
      expect(decodeClientCertificate(encoded)).to.equal(ca);
      expect(decodeClientCertificate(ca)).to.equal(ca);
      expect(decodeClientCertificate("bm90IGEgY2VydA==")).to.equal(undefined); // "not a cert"
      expect(decodeClientCertificate(null)).to.equal(undefined);
    });

    it("turns verification on only together with its CA, and off without sending the read ClientCertInfo back", () => {
      const read: Https = servingHttps({ Certificate: "old", CertName: "Old CA", ExpireTime: "2030-01-01 00:00:00", DeployTime: "2026-01-01 00:00:00" });
      expect(withClientVerification(read, ca)).to.deep.include({ VerifyClient: "on", ClientCertInfo: { Certificate: encoded } });
      const off = withClientVerification(read, undefined);
      expect(off.VerifyClient).to.equal("off");
      expect(off).not.to.have.property("ClientCertInfo");
      expect(off.CertInfo).to.deep.equal({ CertId: "abc123" });
    });
  });

  describe("the write of create and update", () => {
    it("merges the Https block with client verification and puts Quic in the same call when it changes", () => {
      const change = httpsChange(cdnDomain({ Quic: { Switch: "off" } }), hosted, { clientCa: ca, quic: true });
      expect(change.Quic).to.deep.equal({ Switch: "on" });
      expect(change.Https).to.deep.include({ Switch: "on", VerifyClient: "on", ClientCertInfo: { Certificate: encoded }, CertInfo: { CertId: "abc123" } });
      expect(changeProblem(cdnDomain(), change)).to.equal(undefined);
    });

    it("leaves QUIC alone when unmanaged or already as desired", () => {
      expect(httpsChange(cdnDomain({ Quic: { Switch: "on" } }), hosted, {})).not.to.have.property("Quic");
      expect(quicChange(cdnDomain({ Quic: { Switch: "on" } }), true)).to.equal(undefined);
      expect(quicChange(cdnDomain(), false)).to.equal(undefined); // no Quic block reads as off
      expect(quicChange(cdnDomain({ Quic: { Switch: "on" } }), false)).to.deep.equal({ Switch: "off" });
    });
  });

  describe("request invariants", () => {
    it("refuses VerifyClient on without its client CA", () => {
      const change = { Https: { ...servingHttps(undefined) } };
      expect(changeProblem(cdnDomain(), change)).to.match(/cannot be turned on without its client CA/);
    });

    it("refuses QUIC without HTTPS: turned on with HTTPS off, or HTTPS turned off under QUIC", () => {
      expect(changeProblem(cdnDomain({ Https: { Switch: "off" } }), { Quic: { Switch: "on" } })).to.match(/QUIC needs HTTPS/);
      expect(changeProblem(cdnDomain({ Https: servingHttps(undefined, "off"), Quic: { Switch: "on" } }), { Https: { Switch: "off" } })).to.match(/QUIC needs HTTPS/);
      expect(changeProblem(cdnDomain({ Quic: { Switch: "on" } }), { Https: { Switch: "off" }, Quic: { Switch: "off" } })).to.equal(undefined);
    });
  });

  describe("HTTPS off on delete", () => {
    it("turns verification off with HTTPS, and QUIC off in the same call", () => {
      const detail = cdnDomain({ Https: servingHttps({ Certificate: encoded, CertName: "Clients CA" }), Quic: { Switch: "on" } });
      const change = httpsOffChange(detail);
      expect(change).to.deep.equal({ Https: { Switch: "off", VerifyClient: "off" }, Quic: { Switch: "off" } });
      expect(changeProblem(detail, change)).to.equal(undefined);
      expect(changeProblem(detail, { Https: change.Https })).to.match(/QUIC needs HTTPS/); // why QUIC rides along
    });

    it("sends no Quic block when QUIC is off", () => {
      expect(httpsOffChange(cdnDomain({ Https: servingHttps(undefined, "off") }))).to.deep.equal({ Https: { Switch: "off", VerifyClient: "off" } });
    });
  });

  describe("drift of the client CA", () => {
    const recorded = clientCaIdentity(facts);

    it("reads the served CA by fingerprint when the API returns the certificate", () => {
      const served = servedClientCaOf(servingHttps({ Certificate: encoded, CertName: "Clients CA", ExpireTime: "2031-02-03 12:05:06" }));
      expect(served).to.deep.equal({ fingerprintSha256: facts.fingerprintSha256, name: "Clients CA", notAfter: "2031-02-03T04:05:06.000Z" });
      expect(sameClientCa(recorded, served)).to.equal(true);
      const other = servedClientCaOf(servingHttps({ Certificate: encodeClientCertificate(makeCa({ cn: "Clients CA", notAfter: new Date("2031-02-03T04:05:06Z"), slot: 1 })) }));
      expect(sameClientCa(recorded, other)).to.equal(false); // same name and expiry, another key: the fingerprint decides
    });

    it("falls back to name and expiry when the certificate is not returned", () => {
      const byName = (name: string, expire: string) => servedClientCaOf(servingHttps({ Certificate: "", CertName: name, ExpireTime: expire }));
      expect(sameClientCa(recorded, byName("Clients CA", "2031-02-03 12:05:06"))).to.equal(true);
      expect(sameClientCa(recorded, byName("Clients CA", "2032-02-03 12:05:06"))).to.equal(false);
      expect(sameClientCa(recorded, byName("Another CA", "2031-02-03 12:05:06"))).to.equal(false);
      expect(sameClientCa(recorded, servedClientCaOf(servingHttps(undefined)))).to.equal(false);
    });

    it("verification turned off (or HTTPS off) is no client CA, which differs from a recorded one", () => {
      expect(servedClientCaOf(servingHttps({ Certificate: encoded }, "off"))).to.equal(undefined);
      expect(servedClientCaOf({ Switch: "off", VerifyClient: "on", ClientCertInfo: { Certificate: encoded } })).to.equal(undefined);
      expect(sameClientCa(recorded, undefined)).to.equal(false);
      expect(sameClientCa(undefined, undefined)).to.equal(true);
    });
  });
});
