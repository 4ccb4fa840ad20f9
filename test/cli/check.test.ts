// `tencent-https check`: table output and exit codes, on files written to a temporary directory.
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCheckArgs, run } from "../../cli/check";
import { makeCa, makeChain, otherKey } from "../support/certs";

function capture() {
  let text = "";
  return { write: (t: string) => { text += t; }, get text() { return text; } };
}

describe("cli: tencent-https check", () => {
  let dir: string;
  const file = (name: string, content: string) => {
    const p = path.join(dir, name);
    fs.writeFileSync(p, content);
    return p;
  };
  before(() => { dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-")); });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("exits 0 and prints the facts and 'no findings' for a good chain, key and domains", async () => {
    const chain = makeChain();
    const out = capture();
    const code = await run(["--cert", file("good.pem", chain.certificate), "--key", file("good.key", chain.privateKey),
      "--domain", "example.com", "--domain=www.example.com,api.example.com"], out, capture());
    expect(code).to.equal(0);
    expect(out.text).to.contain("subject      CN=example.com").and.contain(`sha256       ${chain.fingerprintSha256}`)
      .and.contain("names        example.com, *.example.com").and.contain("no findings");
  });

  it("exits 1 with a table row per finding on errors, without printing the key", async () => {
    const chain = makeChain();
    const key = otherKey();
    const out = capture();
    const code = await run(["--cert", file("leaf.pem", chain.leafPem), "--key", file("other.key", key), "--domain", "example.org"], out, capture());
    expect(code).to.equal(1);
    const lines = out.text.split("\n");
    const header = lines.findIndex((l) => l.startsWith("SEVERITY"));
    expect(lines[header]).to.match(/^SEVERITY  CODE\s+MESSAGE$/);
    const rows = lines.slice(header + 1).filter(Boolean).map((l) => l.split(/\s{2,}/).slice(0, 2).join(" "));
    expect(rows).to.deep.equal(["error KEY_MISMATCH", "error DOMAIN_NOT_COVERED", "error CHAIN_INCOMPLETE"]);
    expect(out.text).not.to.contain(key.split("\n")[1]);
  });

  it("exits 0 on warnings only", async () => {
    const out = capture();
    expect(await run(["--cert", file("self.pem", makeChain({ selfSigned: true }).certificate)], out, capture())).to.equal(0);
    expect(out.text).to.match(/warning\s+SELF_SIGNED\s+Certificate "example\.com"/);
  });

  it("exits 1 with PEM_INVALID for a DER file", async () => {
    const der = Buffer.from(makeChain().leafPem.split("\n").slice(1, -2).join(""), "base64");
    const p = path.join(dir, "leaf.der");
    fs.writeFileSync(p, der);
    const out = capture();
    expect(await run(["--cert", p], out, capture())).to.equal(1);
    expect(out.text).to.match(/error\s+PEM_INVALID\s+The certificate is binary DER/);
  });

  it("exits 2 on usage errors and unreadable files", async () => {
    const err = capture();
    expect(await run([], capture(), err)).to.equal(2);
    expect(err.text).to.contain("--cert is required").and.contain("usage: tencent-https check");
    expect(await run(["--cert", path.join(dir, "missing.pem")], capture(), err)).to.equal(2);
    expect(err.text).to.contain('cannot read the certificate file').and.contain("ENOENT");
    expect(parseCheckArgs(["--cert", "a", "--bogus"])).to.equal('unknown option "--bogus"; the options are --cert, --key, --domain, --client-ca, --json and --strict');
    expect(parseCheckArgs(["--cert"])).to.equal("--cert needs a value");
  });

  it("suggests --cert when a file is given without it", async () => {
    const err = capture();
    expect(await run(["fullchain.pem"], capture(), err)).to.equal(2);
    expect(err.text).to.contain('"fullchain.pem" is not an option: name the certificate file with --cert').and.contain("--cert fullchain.pem");
  });
  it("--client-ca alone: exits 0 with the CA's name, expiry and fingerprint for a good CA", async () => {
    const out = capture();
    const code = await run(["--client-ca", file("clients-ca.pem", makeCa({ cn: "Clients CA", notAfter: new Date("2031-02-03T04:05:06Z") }))], out, capture());
    expect(code).to.equal(0);
    expect(out.text).to.contain("client CA    Clients CA").and.contain("expires      2031-02-03T04:05:06Z")
      .and.match(/sha256       [0-9a-f]{64}/).and.contain("no findings: the client CA can be used as is");
  });

  it("--client-ca with a leaf given by mistake, or the server certificate itself, exits 1 with its code", async () => {
    const server = makeChain();
    const leafOut = capture();
    expect(await run(["--client-ca", file("client-leaf.pem", makeChain({ domains: ["alice"] }).leafPem)], leafOut, capture())).to.equal(1);
    expect(leafOut.text).to.match(/error\s+CLIENT_CA_NOT_CA\s+clientCertificate\.caCertificates: certificate "alice"/);
    const sameOut = capture();
    const code = await run(["--cert", file("server.pem", server.certificate), "--client-ca", file("server-leaf.pem", server.leafPem)], sameOut, capture());
    expect(code).to.equal(1);
    expect(sameOut.text).to.contain("no findings: the certificate can be used as is").and.match(/error\s+CLIENT_CA_IS_SERVER_CERT/);
    const err = capture();
    expect(await run(["--client-ca", path.join(dir, "missing-ca.pem")], capture(), err)).to.equal(2);
    expect(err.text).to.contain("cannot read the client CA file");
    expect(parseCheckArgs(["--client-ca", "ca.pem", "--key", "k"])).to.equal("--key and --domain need --cert");
  });

  it("--strict exits 1 on warnings too (a SHA-1 chain browsers reject), 0 when clean", async () => {
    const sha1 = makeChain({ sha1Intermediate: true });
    const lax = capture();
    expect(await run(["--cert", file("sha1.pem", sha1.certificate)], lax, capture())).to.equal(0);
    expect(lax.text).to.match(/warning\s+SHA1\s/);
    const strict = capture();
    const err = capture();
    expect(await run(["--strict", "--cert", file("sha1.pem", sha1.certificate)], strict, err)).to.equal(1);
    expect(strict.text).to.equal(lax.text);
    expect(err.text).to.equal("tencent-https check: --strict: 1 warning counts as a failure.\n");
    expect(await run(["--strict", "--cert", file("clean.pem", makeChain().certificate)], capture(), capture())).to.equal(0);
  });

  it("--json prints the facts and findings as JSON, with the same exit codes", async () => {
    const chain = makeChain();
    const out = capture();
    expect(await run(["--json", "--cert", file("j.pem", chain.certificate), "--domain", "example.org"], out, capture())).to.equal(1);
    const report = JSON.parse(out.text);
    expect(report.certificate.facts).to.include({ fingerprintSha256: chain.fingerprintSha256, subject: "CN=example.com" });
    expect(report.certificate.findings.map((f: { code: string; severity: string }) => `${f.severity} ${f.code}`)).to.deep.equal(["error DOMAIN_NOT_COVERED"]);
    expect(report).to.not.have.property("clientCa");
    const ca = capture();
    expect(await run(["--json", "--client-ca", file("ca.pem", makeCa({ cn: "Clients CA" }))], ca, capture())).to.equal(0);
    expect(JSON.parse(ca.text)).to.have.keys(["clientCa"]);
    expect(JSON.parse(ca.text).clientCa.findings).to.deep.equal([]);
  });

  it("- reads the certificate, key or client CA from stdin; only one of them", async () => {
    const chain = makeChain();
    const out = capture();
    expect(await run(["--cert", "-", "--domain", "example.com"], out, capture(), () => chain.certificate)).to.equal(0);
    expect(out.text).to.contain(`sha256       ${chain.fingerprintSha256}`).and.contain("no findings");
    const key = capture();
    expect(await run(["--cert", file("k.pem", chain.certificate), "--key", "-"], key, capture(), () => otherKey())).to.equal(1);
    expect(key.text).to.match(/error\s+KEY_MISMATCH/);
    const err = capture();
    expect(await run(["--cert", "-", "--key", "-"], capture(), err, () => chain.certificate)).to.equal(2);
    expect(err.text).to.contain("only one of --cert, --key and --client-ca can read stdin (-)");
  });
});
