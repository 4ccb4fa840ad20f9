// A certificate for CSS (live streaming) playback domains, bound to several of them with HTTPS on:
// the console's "Configure Certificate" flow. The certificate is uploaded to SSL Certificate
// Management (as the console's sync does); the binding moves domains already bound elsewhere to it.
//
//   pulumi config set --path 'playDomains[0]' play1.example.com
//   pulumi config set --path 'playDomains[1]' play2.example.com
//   pulumi config set certificateFile ./fullchain.pem
//   pulumi config set privateKeyFile ./privkey.pem
//   pulumi up
//
// Destroy unbinds the domains (they can no longer use HTTPS), then deletes the uploaded certificate.
import * as fs from "fs";
import * as pulumi from "@pulumi/pulumi";
import { LiveCertificate, LiveDomainBinding } from "pulumi-tencentcloud-https";

const config = new pulumi.Config();

function pemFile(configKey: string, envName: string): string {
  const file = config.get(configKey) || process.env[envName];
  if (!file) throw new Error(`Set the stack config ${configKey} (or the environment variable ${envName}) to a PEM file.`);
  return fs.readFileSync(file, "utf8");
}

const certificate = new LiveCertificate("play-cert", {
  alias: "playback certificate (pulumi)",
  certificate: pemFile("certificateFile", "LIVE_CERTIFICATE_FILE"),
  privateKey: pulumi.secret(pemFile("privateKeyFile", "LIVE_PRIVATE_KEY_FILE")),
});

const binding = new LiveDomainBinding("play-https", {
  certificateId: certificate.certificateId,
  domains: config.requireObject<string[]>("playDomains"),
  enableHttps: true,
});

export const certificateId = certificate.certificateId;
export const certificateExpiresAt = certificate.expiresAt;
// The console's view: domain, HTTPS state, certificate, alias, source and expiration.
export const bindings = binding.bindings;
