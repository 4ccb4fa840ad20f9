// Credential and endpoint resolution: Pulumi config (own namespace, then tencentcloud:), then env.
import { expect } from "chai";
import { ConfigureRequest, MISSING_CREDENTIALS_MESSAGE, readConfig, resolveClientOptions as resolveWith, StoredConfig } from "../../provider/config";
import { ProviderContext } from "../../provider/context";

const ENV_KEYS = ["TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY", "TENCENTCLOUD_SECURITY_TOKEN", "TENCENTCLOUD_HTTPS_ENDPOINT"];

/** What the provider context keeps of its configure (as ProviderContext.configure does). */
let stored: StoredConfig | undefined;
const configure = (req: ConfigureRequest) => { stored = readConfig(req); };
const resolveClientOptions = () => resolveWith(stored);

function configureWith(values: Record<string, string>): string[] {
  const asked: string[] = [];
  configure({ config: { get: (k: string) => { asked.push(k); return values[k]; } } });
  return asked;
}

describe("provider config", () => {
  const saved: Record<string, string | undefined> = {};
  beforeEach(() => {
    for (const k of ENV_KEYS) { saved[k] = process.env[k]; delete process.env[k]; }
    stored = undefined;
  });
  afterEach(() => {
    for (const k of ENV_KEYS) { if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k]; }
  });

  it("asks for fully namespaced keys", () => {
    const asked = configureWith({});
    expect(asked).to.include.members([
      "tencentcloud-https:secretId", "tencentcloud-https:secretKey", "tencentcloud-https:securityToken", "tencentcloud-https:endpoint",
      "tencentcloud:secretId", "tencentcloud:secretKey", "tencentcloud:securityToken",
    ]);
  });

  it("prefers tencentcloud-https: over tencentcloud: over the environment", () => {
    process.env.TENCENTCLOUD_SECRET_ID = "env-id";
    process.env.TENCENTCLOUD_SECRET_KEY = "env-key";
    expect(resolveClientOptions().credentials).to.deep.equal({ secretId: "env-id", secretKey: "env-key" });

    configureWith({ "tencentcloud:secretId": "up-id", "tencentcloud:secretKey": "up-key", "tencentcloud:securityToken": "up-tok" });
    expect(resolveClientOptions().credentials).to.deep.equal({ secretId: "up-id", secretKey: "up-key", token: "up-tok" });

    configureWith({
      "tencentcloud-https:secretId": "own-id", "tencentcloud-https:secretKey": "own-key",
      "tencentcloud:secretId": "up-id", "tencentcloud:secretKey": "up-key", "tencentcloud:securityToken": "up-tok",
    });
    expect(resolveClientOptions().credentials).to.deep.equal({ secretId: "own-id", secretKey: "own-key" });
  });

  it("reads the session token from the environment with env credentials", () => {
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k", TENCENTCLOUD_SECURITY_TOKEN: "t" });
    expect(resolveClientOptions().credentials.token).to.equal("t");
  });

  it("takes the endpoint from config, else from the environment, else none", () => {
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k" });
    expect(resolveClientOptions().endpoint).to.equal(undefined);
    process.env.TENCENTCLOUD_HTTPS_ENDPOINT = "http://127.0.0.1:9";
    expect(resolveClientOptions().endpoint).to.equal("http://127.0.0.1:9");
    configureWith({ "tencentcloud-https:endpoint": "http://127.0.0.1:8" });
    expect(resolveClientOptions().endpoint).to.equal("http://127.0.0.1:8");
  });

  it("rejects an endpoint that is not an http(s) URL, naming where it came from", () => {
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k", TENCENTCLOUD_HTTPS_ENDPOINT: "localhost:99" });
    expect(() => resolveClientOptions()).to.throw(/TENCENTCLOUD_HTTPS_ENDPOINT/);
    configureWith({ "tencentcloud-https:endpoint": "not a url" });
    expect(() => resolveClientOptions()).to.throw(/tencentcloud-https:endpoint has no scheme .*e\.g\. http:\/\/127\.0\.0\.1:8787/);
  });

  it("refuses plain http:// to another machine (requests carry private keys), allows it to this one", () => {
    configureWith({ "tencentcloud-https:secretId": "i", "tencentcloud-https:secretKey": "k", "tencentcloud-https:endpoint": "http://emulator.internal:8787" });
    expect(() => resolveClientOptions()).to.throw("The Tencent Cloud endpoint from tencentcloud-https:endpoint uses plain http:// to another machine (emulator.internal:8787); " +
      "requests carry private keys, so use https://, or http:// only to 127.0.0.1 or localhost.");
    for (const ok of ["https://cdn.internal:8443", "http://localhost:8787", "http://127.0.0.1:8787", "http://[::1]:8787"]) {
      configureWith({ "tencentcloud-https:secretId": "i", "tencentcloud-https:secretKey": "k", "tencentcloud-https:endpoint": ok });
      expect(resolveClientOptions().endpoint).to.equal(ok);
    }
  });

  it("explains missing credentials in one sentence naming the config keys and env variables", () => {
    configureWith({});
    expect(() => resolveClientOptions()).to.throw(MISSING_CREDENTIALS_MESSAGE);
    for (const name of ["tencentcloud-https:secretId", "tencentcloud-https:secretKey", "tencentcloud:secretId",
      "TENCENTCLOUD_SECRET_ID", "TENCENTCLOUD_SECRET_KEY"]) expect(MISSING_CREDENTIALS_MESSAGE).to.contain(name);
    expect(MISSING_CREDENTIALS_MESSAGE.match(/\.(\s|$)/g)).to.have.length(1); // one sentence
    expect(() => new ProviderContext().client).to.throw(MISSING_CREDENTIALS_MESSAGE);
  });

  it("never pairs an id and a key from different sources", () => {
    process.env.TENCENTCLOUD_SECRET_KEY = "env-key";
    configureWith({ "tencentcloud-https:secretId": "own-id" });
    expect(() => resolveClientOptions()).to.throw(
      "Tencent Cloud credentials are incomplete: tencentcloud-https:secretId is set but tencentcloud-https:secretKey is not; set both.",
    );
  });

  it("treats blank values as unset", () => {
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "i", TENCENTCLOUD_SECRET_KEY: "k" });
    configureWith({ "tencentcloud-https:secretId": "  ", "tencentcloud-https:secretKey": "" });
    expect(resolveClientOptions().credentials.secretId).to.equal("i");
  });

  it("memoises the client per credentials and endpoint, per provider context", () => {
    const ctx = new ProviderContext();
    const configureCtx = (values: Record<string, string>) => ctx.configure({ config: { get: (k: string) => values[k] } });
    configureCtx({ "tencentcloud-https:secretId": "a", "tencentcloud-https:secretKey": "k" });
    const first = ctx.client;
    expect(ctx.client).to.equal(first);
    expect(ctx.cdn).to.equal(ctx.cdn);
    configureCtx({ "tencentcloud-https:secretId": "a", "tencentcloud-https:secretKey": "k", "tencentcloud-https:endpoint": "http://127.0.0.1:1" });
    const second = ctx.client;
    expect(second).to.not.equal(first);
    configureCtx({ "tencentcloud-https:secretId": "a", "tencentcloud-https:secretKey": "k" });
    expect(ctx.client).to.equal(first);
    Object.assign(process.env, { TENCENTCLOUD_SECRET_ID: "a", TENCENTCLOUD_SECRET_KEY: "k" });
    expect(new ProviderContext().client, "another process has clients of its own").to.not.equal(first);
  });

  it("keeps what configure read even if the request object changes later", () => {
    const values: Record<string, string> = { "tencentcloud-https:secretId": "a", "tencentcloud-https:secretKey": "k" };
    configure({ config: { get: (k: string) => values[k] } });
    delete values["tencentcloud-https:secretKey"];
    expect(resolveClientOptions().credentials.secretKey).to.equal("k");
  });
});
