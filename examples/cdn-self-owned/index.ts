// HTTPS on one CDN domain with a certificate of your own. The certificate chain and the private key
// are read from files named by stack config (or the environment), so no key is ever committed:
//
//   pulumi config set domain cdn.example.com
//   pulumi config set certificateFile ./fullchain.pem
//   pulumi config set privateKeyFile ./privkey.pem        # or: export CDN_PRIVATE_KEY_FILE=...
//   pulumi up
//
// The key goes into state only as a secret and never into an output. Renewing the certificate is
// replacing the two files and running `pulumi up` again: an in-place rotation, no moment of plain HTTP.
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { CdnHttpsConfig } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();

function pemFile(configKey: string, envName: string): string {
  const file = config.get(configKey) || process.env[envName];
  if (!file) throw new Error(`Set the stack config ${configKey} (or the environment variable ${envName}) to a PEM file.`);
  return fs.readFileSync(file, "utf8");
}

const https = new CdnHttpsConfig("site-https", {
  domain: config.require("domain"),
  certificate: pemFile("certificateFile", "CDN_CERTIFICATE_FILE"),
  privateKey: pulumi.secret(pemFile("privateKeyFile", "CDN_PRIVATE_KEY_FILE")),
  alias: "managed by pulumi",
  http2: true,
  tlsVersions: ["TLSv1.2", "TLSv1.3"],
});

export const domain = https.domain;
export const sslStatus = https.sslStatus;
export const expiresAt = https.expiresAt;
export const fingerprint = https.fingerprint;
