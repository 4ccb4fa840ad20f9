// Temporary credentials on an injected clock: fetched on first use, renewed before they expire (a
// share of their lifetime ahead), one renewal for many callers at once, and never handed out once
// expired, even when the renewal fails: then the failure, naming the source, is what the caller gets.
import { expect } from "chai";
import { CredentialsError } from "../../provider/credentials/types";
import { RefreshingCredentials, renewAhead } from "../../provider/credentials/refreshing";

describe("credentials: renewed before they expire", () => {
  let now = 0;
  let fetched = 0;
  let fail: Error | undefined;
  const LIFETIME = 60_000;
  const make = () => new RefreshingCredentials("the test source", "test", async () => {
    fetched++;
    if (fail) throw fail;
    return { credentials: { secretId: `id${fetched}`, secretKey: `key${fetched}`, token: `token${fetched}` }, expiresAt: now + LIFETIME };
  }, () => now);
  beforeEach(() => { now = 1_000_000; fetched = 0; fail = undefined; });

  it("fetches once, keeps them while they are fresh, renews within the window before expiry", async () => {
    const creds = make();
    expect((await creds.current()).secretId).to.equal("id1");
    now += LIFETIME - renewAhead(LIFETIME) - 1;
    expect((await creds.current()).secretId).to.equal("id1");
    now += 2;
    expect((await creds.current()).secretId, "renewed before expiry").to.equal("id2");
    expect(fetched).to.equal(2);
  });

  it("renews a short lifetime ahead too (seconds), and many callers share one renewal", async () => {
    expect(renewAhead(2_000)).to.be.within(500, 1_000);
    expect(renewAhead(7_200_000)).to.equal(300_000);
    const creds = make();
    const all = await Promise.all(Array.from({ length: 10 }, () => creds.current()));
    expect(new Set(all.map((c) => c.secretId))).to.deep.equal(new Set(["id1"]));
    expect(fetched).to.equal(1);
  });

  it("never hands out expired credentials: a failed renewal close to expiry is the caller's error, naming the source", async () => {
    const creds = make();
    await creds.current();
    fail = new CredentialsError("the test source: the identity provider is down.");
    now += LIFETIME - renewAhead(LIFETIME) + 1;
    expect((await creds.current()).secretId, "still valid for a while: used while the renewal is retried").to.equal("id1");
    now += renewAhead(LIFETIME);
    let error: Error | undefined;
    try { await creds.current(); } catch (e) { error = e as Error; }
    expect(error?.message).to.equal("the test source: the identity provider is down.");
    fail = undefined;
    expect((await creds.current()).secretId, "once the source answers again").to.equal(`id${fetched}`);
  });
});
