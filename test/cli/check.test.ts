// `tencent-https check`: table output and exit codes, on files written to a temporary directory.
import { expect } from "chai";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseCheckArgs, run } from "../../cli/check";
import { makeChain, otherKey } from "../support/certs";

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
    expect(parseCheckArgs(["--cert", "a", "--bogus"])).to.equal('unknown option "--bogus"; the options are --cert, --key and --domain');
    expect(parseCheckArgs(["--cert"])).to.equal("--cert needs a value");
  });

  it("suggests --cert when a file is given without it", async () => {
    const err = capture();
    expect(await run(["fullchain.pem"], capture(), err)).to.equal(2);
    expect(err.text).to.contain('"fullchain.pem" is not an option: name the certificate file with --cert').and.contain("--cert fullchain.pem");
  });
});
