// The TC3 signer against the published vectors of tencentcloud-api.md §1.6, byte for byte.
import { expect } from "chai";
import { signTc3, deriveSigningKeys, sha256Hex, credentialDate, SignInput } from "../../provider/tencentcloud/signer";

// The `\u` escapes are literal backslash sequences in the signed bytes, not decoded characters.
const PAYLOAD = String.raw`{"Limit": 1, "Filters": [{"Values": ["\u672a\u547d\u540d"], "Name": "instance-name"}]}`;
const EXAMPLE_ID = "AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE";
const EXAMPLE_KEY = "Gu5t9xGARNpq86cd98joQYCN3EXAMPLE";

const base: SignInput = {
  secretId: EXAMPLE_ID,
  secretKey: EXAMPLE_KEY,
  service: "cvm",
  host: "cvm.tencentcloudapi.com",
  action: "DescribeInstances",
  timestamp: 1551113065,
  payload: PAYLOAD,
  contentType: "application/json; charset=utf-8",
};

describe("signTc3", () => {
  it("hashes the shared payload and derives the UTC date", () => {
    expect(sha256Hex(PAYLOAD)).to.equal("35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064");
    expect(credentialDate(1551113065)).to.equal("2019-02-25");
  });

  describe("vector B (content-type;host, EXAMPLE key)", () => {
    const r = signTc3(base);
    it("builds the canonical request", () => {
      expect(r.canonicalRequest).to.equal(
        "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n\n" +
          "content-type;host\n35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
      );
      expect(sha256Hex(r.canonicalRequest)).to.equal("5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031");
    });
    it("builds the string to sign and credential scope", () => {
      expect(r.credentialScope).to.equal("2019-02-25/cvm/tc3_request");
      expect(r.stringToSign).to.equal(
        "TC3-HMAC-SHA256\n1551113065\n2019-02-25/cvm/tc3_request\n5ffe6a04c0664d6b969fab9a13bdab201d63ee709638e2749d62a09ca18d7031",
      );
    });
    it("derives the intermediate keys", () => {
      const k = deriveSigningKeys(EXAMPLE_KEY, "2019-02-25", "cvm");
      expect(k.secretDate.toString("hex")).to.equal("d1308c81fe71cfd4e06437bbc067b2b8a3d2d8c0e375d547f15c41d5214b395a");
      expect(k.secretService.toString("hex")).to.equal("3c7cb7c7795393edc14fd2e0e6434a518564b4504b88e94f5d11bf59ba3e7050");
      expect(k.secretSigning.toString("hex")).to.equal("ac658d5dde49e9bfdd14e04e062f66b05d9f637d44b8a8d845327d4a77f666b1");
    });
    it("produces the signature and Authorization header", () => {
      expect(r.signature).to.equal("72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168");
      expect(r.authorization).to.equal(
        "TC3-HMAC-SHA256 Credential=AKIDz8krbsJ5yKBZQpn74WFkmLPx3EXAMPLE/2019-02-25/cvm/tc3_request, " +
          "SignedHeaders=content-type;host, Signature=72e494ea809ad7a8c8f7a4507b9bddcbaa8e581f516e8da2f66e2c5a96525168",
      );
    });
  });

  it("vector B' (masked key) gives the widely quoted signature", () => {
    const r = signTc3({ ...base, secretKey: "Gu5t9xGARNpq86cd98joQYCN3*******" });
    expect(r.signature).to.equal("2230eefd229f582d8b1b891af7107b91597240707d778ab3738f756258d7652c");
  });

  describe("vector A (content-type;host;x-tc-action)", () => {
    const a: SignInput = { ...base, secretKey: "*".repeat(32), signedHeaders: ["content-type", "host", "x-tc-action"] };
    const r = signTc3(a);
    it("lowercases the action value in the canonical headers", () => {
      expect(r.canonicalRequest).to.equal(
        "POST\n/\n\ncontent-type:application/json; charset=utf-8\nhost:cvm.tencentcloudapi.com\n" +
          "x-tc-action:describeinstances\n\ncontent-type;host;x-tc-action\n" +
          "35e9c5b0e3ae67532d3c9f17ead6c90222632e5b1ff7f6e89887f1398934f064",
      );
      expect(sha256Hex(r.canonicalRequest)).to.equal("7019a55be8395899b900fb5564e4200d984910f34794a27cb3fb7d10ff6a1e84");
    });
    it("derives the intermediate keys and signature", () => {
      const k = deriveSigningKeys("*".repeat(32), "2019-02-25", "cvm");
      expect(k.secretDate.toString("hex")).to.equal("da98fb70dcf6b112dc21038d1eeeb3a95c74b4dcb12c1131f864f6066bd02be0");
      expect(k.secretService.toString("hex")).to.equal("8d70cbefb03939f929db64d32dc2ba89b1095620119fe3e050e2b18c5bd2752f");
      expect(k.secretSigning.toString("hex")).to.equal("b596b923aad85185e2d1f6659d2a062e0a86731226e021e61bfe06f7ed05f5af");
      expect(r.signature).to.equal("10b1a37a7301a02ca19a647ad722d5e43b4b3cff309d421d85b46093f6ab6c4f");
      expect(r.authorization).to.contain("SignedHeaders=content-type;host;x-tc-action, ");
    });
    it("with the EXAMPLE key gives the recomputed signature", () => {
      expect(signTc3({ ...a, secretKey: EXAMPLE_KEY }).signature).to.equal(
        "644be983de9a8a3f00db8eadaba61467c3b429e2215758ba897b738ca469fd26",
      );
    });
  });

  it("vector C (GET with query, form content type, empty payload)", () => {
    const r = signTc3({
      ...base,
      method: "GET",
      query: "Limit=10&Offset=0",
      timestamp: 1539084154,
      payload: "",
      contentType: "application/x-www-form-urlencoded",
    });
    expect(r.canonicalRequest).to.equal(
      "GET\n/\nLimit=10&Offset=0\ncontent-type:application/x-www-form-urlencoded\nhost:cvm.tencentcloudapi.com\n\n" +
        "content-type;host\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    );
    expect(sha256Hex(r.canonicalRequest)).to.equal("91c9c192c14460df6c1ffc69e34e6c5e90708de2a6d282cccf957dbf1aa7f3a7");
    expect(r.credentialScope).to.equal("2018-10-09/cvm/tc3_request");
    expect(r.signature).to.equal("5da7a33f6993f0614b047e5df4582db9e9bf4672ba50567dba16c6ccf174c474");
  });

  it("agrees with the official Node SDK's Sign.sign3 on a body of ours", () => {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    const { default: Sign } = require("tencentcloud-sdk-nodejs/tencentcloud/common/sign.js");
    const body = { Domain: "www.example.com", Https: { Switch: "on" } };
    const ours = signTc3({
      ...base, service: "cdn", host: "cdn.tencentcloudapi.com", payload: JSON.stringify(body), contentType: "application/json",
    });
    const theirs: string = Sign.sign3({
      method: "POST", url: "https://cdn.tencentcloudapi.com/", payload: body, timestamp: 1551113065, service: "cdn",
      secretId: EXAMPLE_ID, secretKey: EXAMPLE_KEY, multipart: false, boundary: "", headers: { "Content-Type": "application/json" },
    });
    expect(ours.authorization).to.equal(theirs);
  });

  it("rejects an x-tc-action signed header without an action", () => {
    expect(() => signTc3({ ...base, action: undefined, signedHeaders: ["content-type", "host", "x-tc-action"] })).to.throw(/action/);
  });
});
