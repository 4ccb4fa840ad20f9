// Client-certificate verification (Https.VerifyClient + Https.ClientCertInfo) and QUIC (the top-level
// Quic block) of UpdateDomainConfig, as the service enforces them: pure functions from what was sent
// to what is stored (and answered), or the API's error. Independent of provider/rules on purpose,
// so the two check each other. Spec: objects Https, ClientCert and Quic of cdn 2018-06-06; member
// names and types were already checked against the spec (../spec.ts) before these run.
import type { ClientCert, Https, Quic } from "../../../provider/tencentcloud/types";
import { ApiError } from "../../core/errors";
import { CertError, parseCertificate } from "../../core/certs";
import { chinaTime } from "../../core/format";
import { assertObject, requiredSwitch } from "./params";

const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

// Codes, all from errors.json's list for UpdateDomainConfig:
// - VerifyClient on without a client certificate: InvalidParameter.CdnCertInfoNotFound ("证书信息不存在或非法"),
//   the code the service already gives for HTTPS on without CertInfo.
// - a Certificate that is not base64 of a PEM certificate: InvalidParameter.SslCertParseError ("SSL证书解析错误").
// - QUIC without HTTPS: FailedOperation.CdnConfigError, the code of the other refusal that depends on the
//   domain's state rather than on the request's form (redirect to HTTPS without a deployed certificate).
const noClientCert = (why: string) => new ApiError("InvalidParameter.CdnCertInfoNotFound", why);
const parseError = (why: string) => new ApiError("InvalidParameter.SslCertParseError", `Client certificate parse error: ${why}.`);

/**
 * The PEM text of ClientCert.Certificate. The spec: "客户端证书 PEM 格式，需要进行 Base 64 编码".
 * guess: that means the PEM text itself base64-encoded (so the value has no "-----BEGIN" line); a
 * plain PEM sent as is, or any other value, is refused like a certificate that does not parse.
 */
export function decodeClientCertificate(value: unknown): string {
  if (typeof value !== "string" || value === "") throw noClientCert("Https.ClientCertInfo.Certificate is required.");
  const compact = value.replace(/\s+/g, "");
  if (!BASE64.test(compact)) throw parseError("Https.ClientCertInfo.Certificate must be the PEM certificate encoded in Base64");
  const pem = Buffer.from(compact, "base64").toString("utf8");
  if (!pem.includes("-----BEGIN CERTIFICATE-----")) throw parseError("the Base64 value does not hold a PEM certificate");
  return pem;
}

/**
 * The ClientCertInfo to store and answer: the Certificate as sent (base64) with CertName and
 * ExpireTime filled by the service. Sent CertName/ExpireTime/DeployTime are input-less
 * ("作为入参时无需填充"). guess: the name is the first certificate's CN, the expiry its notAfter, the
 * deploy time the moment of the write; the service accepts any parsable certificate (CA or not).
 */
export function resolveClientCertInfo(sent: unknown, verifyClient: "on" | "off", now: number): ClientCert | undefined {
  if (sent === undefined || sent === null) {
    if (verifyClient === "on") throw noClientCert("Https.ClientCertInfo is required when Https.VerifyClient is on.");
    return undefined;
  }
  const info = assertObject(sent, "Https.ClientCertInfo");
  const pem = decodeClientCertificate(info.Certificate);
  try {
    const cert = parseCertificate(pem);
    return { Certificate: (info.Certificate as string).replace(/\s+/g, ""), CertName: cert.commonName, ExpireTime: chinaTime(cert.notAfter), DeployTime: chinaTime(now) };
  } catch (e) {
    if (e instanceof CertError) throw parseError(e.message);
    throw e;
  }
}

/** The Quic block, whole: Switch is required (spec: Quic.Switch required). */
export function resolveQuic(sent: unknown): Quic {
  return { Switch: requiredSwitch(assertObject(sent, "Quic"), "Quic") };
}

/** QUIC runs over HTTPS: refused when it would be on (sent or kept) while HTTPS is off (sent or kept). */
export function assertQuicHasHttps(https: Https | undefined, quic: Quic | undefined): void {
  if (quic?.Switch === "on" && https?.Switch !== "on") {
    throw new ApiError("FailedOperation.CdnConfigError", "QUIC requires HTTPS: configure HTTPS on the domain before turning QUIC on, and turn QUIC off before turning HTTPS off.");
  }
}
