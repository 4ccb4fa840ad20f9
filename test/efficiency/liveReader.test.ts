// The live readers (provider/runtime/liveReader.ts) against an in-memory account that other
// operations change between calls: bindings found by a filter naming them, never by offset;
// domain checks sharing one listing; every answer from a call sent after the read was asked.
import { expect } from "chai";
import { createLiveReaders, LiveLookups, searchGroups, BINDINGS_PAGE, CHECK_LISTING_TTL_MS } from "../../provider/runtime/liveReader";
import type { LiveDomainCertBinding, LiveDomainInfo } from "../../provider/tencentcloud/types";

const info = (name: string, type = 1): LiveDomainInfo =>
  ({ Name: name, Type: type, Status: 1, CreateTime: "", BCName: 0, TargetDomain: "", PlayType: 1, IsDelayLive: 0, CurrentCName: "" });
const row = (name: string, certificateId: string): LiveDomainCertBinding =>
  ({ DomainName: name, CertificateAlias: "", CertType: 1, Status: 1, CertExpireTime: "", CertId: 1, CloudCertId: certificateId });

/** An account whose rows the test (or a hook run before every answer) can change. */
function fakeAccount(domains: string[]) {
  const all = domains.map((d) => info(d));
  const bound = new Map<string, string>();
  const calls: string[] = [];
  let beforeAnswer = (): void => undefined;
  const api: LiveLookups = {
    async domainsPage(pageNum, pageSize) {
      calls.push(`domains page ${pageNum}`); beforeAnswer();
      return { rows: all.slice((pageNum - 1) * pageSize, pageNum * pageSize), total: all.length };
    },
    async domain(name) { calls.push(`domain ${name}`); beforeAnswer(); return all.find((d) => d.Name === name); },
    async bindingsMatching(search, length) {
      calls.push(`search ${search}`); beforeAnswer();
      const rows = [...bound].filter(([d]) => d.includes(search)).map(([d, c]) => row(d, c));
      return { rows: rows.slice(0, length), total: rows.length };
    },
    async binding(name) { calls.push(`binding ${name}`); beforeAnswer(); const c = bound.get(name); return c ? row(name, c) : undefined; },
  };
  return { api, all, bound, calls, onEveryAnswer: (f: () => void) => { beforeAnswer = f; } };
}

const zoneDomains = (zone: string, n: number) => Array.from({ length: n }, (_, k) => `play${k}.${zone}`);

describe("live readers", () => {
  it("groups names by parent zone; a lone name or a name right under a TLD is asked on its own", () => {
    expect(searchGroups(["a.z.example.com", "B.z.example.com.", "c.other.org", "example.com"])).to.deep.equal([
      { names: ["example.com"] },
      { search: ".z.example.com", names: ["a.z.example.com", "b.z.example.com"] },
      { names: ["c.other.org"] },
    ]);
  });

  it("reads 10 bindings' 100 domains at once with one filtered call per binding's zone, while the others unbind", async () => {
    const zones = Array.from({ length: 10 }, (_, g) => `g${g}.example.com`);
    const acct = fakeAccount([]);
    for (const [g, z] of zones.entries()) for (const d of zoneDomains(z, 10)) acct.bound.set(d, `cert${g}`);
    for (const d of zoneDomains("foreign.example.org", 60)) acct.bound.set(d, "foreign");
    // Another operation unbinds a domain of g9 before every answer: offset pages would shift.
    let victim = 0;
    acct.onEveryAnswer(() => { acct.bound.delete(`play${victim++}.g9.example.com`); });
    const readers = createLiveReaders(acct.api);
    const asked = zones.slice(0, 9).flatMap((z) => zoneDomains(z, 10));
    const answers = await Promise.all(asked.map((d) => readers.binding(d)));
    expect(answers.map((a) => a?.CloudCertId)).to.deep.equal(asked.map((d) => `cert${d.split(".")[1].slice(1)}`));
    expect(acct.calls.sort()).to.deep.equal(zones.slice(0, 9).map((z) => `search .${z}`).sort());
  });

  it("says unbound only from a complete answer: names a truncated search did not show are asked by name", async () => {
    const mine = zoneDomains("big.example.com", BINDINGS_PAGE + 10);
    const acct = fakeAccount([]);
    for (const d of mine) acct.bound.set(d, "c1");
    const readers = createLiveReaders(acct.api);
    const asked = [mine[0], mine[BINDINGS_PAGE + 5], "unbound.big.example.com"];
    const answers = await Promise.all(asked.map((d) => readers.binding(d)));
    expect(answers.map((a) => a?.CloudCertId)).to.deep.equal(["c1", "c1", undefined]);
    expect(acct.calls).to.deep.equal(["search .big.example.com", `binding ${mine[BINDINGS_PAGE + 5]}`, "binding unbound.big.example.com"]);
  });

  it("answers a read asked during a call with a later call, which sees what was written meanwhile", async () => {
    const acct = fakeAccount([]);
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const inner = acct.api.binding;
    let held = false;
    acct.api.binding = async (name) => {
      if (!held) { held = true; const answer = await inner(name); await gate; return answer; } // answered before the write, delivered late
      return inner(name);
    };
    const readers = createLiveReaders(acct.api);
    const first = readers.binding("a.z.example.com");
    while (!held) await new Promise((r) => setTimeout(r, 1)); // the first call is on its way
    acct.bound.set("a.z.example.com", "new"); // a write, then a read asked after it
    const second = readers.binding("a.z.example.com");
    release();
    expect(await first).to.equal(undefined);
    expect(await second).to.include({ CloudCertId: "new" });
    expect(acct.calls).to.deep.equal(["binding a.z.example.com", "binding a.z.example.com"]);
  });

  it("checks 100 domains of 10 bindings with one DescribeLiveDomains page, and confirms a name it did not list", async () => {
    const names = Array.from({ length: 10 }, (_, g) => zoneDomains(`g${g}.example.com`, 10)).flat();
    const acct = fakeAccount(names.slice(1)); // the first is added by someone else after the listing
    acct.onEveryAnswer(() => { if (acct.calls.length === 2 && !acct.all.some((d) => d.Name === names[0])) acct.all.push(info(names[0])); });
    const readers = createLiveReaders(acct.api);
    const answers = await Promise.all([...names, "missing.example.com"].map((d) => readers.domain(d)));
    expect(answers.slice(0, 100).every((a, i) => a?.Name === names[i])).to.equal(true);
    expect(answers[100]).to.equal(undefined);
    expect(acct.calls).to.have.members(["domains page 1", `domain ${names[0]}`, "domain missing.example.com"]);
  });

  it("asks a few names exactly when the account's listing has more pages than names and none is at hand", async () => {
    const acct = fakeAccount(Array.from({ length: 350 }, (_, i) => `d${i}.example.com`));
    const clock = { t: 0, now() { return this.t; } };
    const readers = createLiveReaders(acct.api, clock);
    await Promise.all(["d0.example.com", "d1.example.com"].map((d) => readers.domain(d)));
    expect(acct.calls.filter((c) => c.startsWith("domains page"))).to.have.length(4); // the first listing learns the size
    acct.calls.length = 0;
    clock.t += CHECK_LISTING_TTL_MS + 1; // the listing is too old for checks, and answered 2 names for its 4 pages
    expect((await Promise.all(["d349.example.com", "d7.example.com"].map((d) => readers.domain(d)))).map((d) => d?.Name))
      .to.deep.equal(["d349.example.com", "d7.example.com"]);
    expect(acct.calls).to.deep.equal(["domain d349.example.com", "domain d7.example.com"]);
  });

  it("answers checks from a listing sent shortly before, and lists again once it is too old and was worth its pages", async () => {
    const names = Array.from({ length: 3 }, (_, g) => zoneDomains(`g${g}.example.com`, 5));
    const acct = fakeAccount([...names.flat(), ...Array.from({ length: 200 }, (_, i) => `other${i}.example.org`)]);
    const clock = { t: 0, now() { return this.t; } };
    const readers = createLiveReaders(acct.api, clock);
    const check = (g: number) => Promise.all(names[g].map((d) => readers.domain(d)));
    expect((await check(0)).map((d) => d?.Name)).to.deep.equal(names[0]);
    expect(acct.calls.sort()).to.deep.equal(["domains page 1", "domains page 2", "domains page 3"]);
    clock.t += CHECK_LISTING_TTL_MS; // as old as a check may use
    acct.all.splice(acct.all.findIndex((d) => d.Name === names[1][0]), 1); // someone deletes a domain: not seen yet
    expect((await check(1)).map((d) => d?.Name)).to.deep.equal(names[1]);
    expect(acct.calls).to.have.length(3);
    clock.t += 1; // too old now; the listing answered 10 names for its 3 pages, so another pays for itself
    expect((await check(2)).map((d) => d?.Name)).to.deep.equal(names[2]);
    expect(acct.calls).to.have.length(6);
    expect(await readers.domain(names[1][0])).to.equal(undefined); // the new listing lacks it, and so does the API
    expect(acct.calls.slice(6)).to.deep.equal([`domain ${names[1][0]}`]);
  });

  it("never answers a certificate delete's playback domains from a listing already answered, however recent", async () => {
    const acct = fakeAccount(zoneDomains("a.example.com", 10));
    const clock = { t: 0, now() { return this.t; } };
    const readers = createLiveReaders(acct.api, clock);
    await readers.domain("play0.a.example.com"); // a check's listing, which later checks may use
    acct.all.push(info("new.a.example.com"));
    expect(await readers.playbackDomains()).to.include("new.a.example.com");
    expect(acct.calls).to.deep.equal(["domains page 1", "domains page 1"]);
  });

  it("never answers a binding from an earlier answer, however recent: a read after our write sees it", async () => {
    const acct = fakeAccount([]);
    const clock = { t: 0, now() { return this.t; } };
    const readers = createLiveReaders(acct.api, clock);
    expect(await readers.binding("a.z.example.com")).to.equal(undefined);
    acct.bound.set("a.z.example.com", "mine"); // our write
    expect(await readers.binding("a.z.example.com")).to.include({ CloudCertId: "mine" });
    expect(acct.calls).to.deep.equal(["binding a.z.example.com", "binding a.z.example.com"]);
  });

  it("lists the playback domains once for the certificate deletes asking at once, and again for one asking later", async () => {
    const acct = fakeAccount([...zoneDomains("a.example.com", 150), "push.example.com"]);
    acct.all[150].Type = 0;
    const readers = createLiveReaders(acct.api);
    const [first, second] = await Promise.all([readers.playbackDomains(), readers.playbackDomains()]);
    expect(first).to.have.length(150).and.not.include("push.example.com");
    expect(second).to.deep.equal(first);
    expect(acct.calls.sort()).to.deep.equal(["domains page 1", "domains page 2"]);
    acct.all.push(info("new.a.example.com"));
    expect(await readers.playbackDomains()).to.include("new.a.example.com");
    expect(acct.calls).to.have.length(4);
  });

  it("answers a check asked while the checks' listing is in flight from that listing, and asks a name it lacks afresh", async () => {
    const names = zoneDomains("g.example.com", 20);
    const acct = fakeAccount(names);
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const inner = acct.api.domainsPage;
    let held = false;
    acct.api.domainsPage = async (pageNum, pageSize) => {
      if (!held) { held = true; const page = await inner(pageNum, pageSize); await gate; return page; }
      return inner(pageNum, pageSize);
    };
    const readers = createLiveReaders(acct.api);
    const first = readers.domain(names[0]);
    while (!held) await new Promise((r) => setTimeout(r, 1)); // the listing is on its way
    let callsWhenJoinedAnswered = -1;
    const joined = readers.domain(names[1]).then((d) => { callsWhenJoinedAnswered = acct.calls.length; return d; });
    const lacking = readers.domain("late.g.example.com");
    release();
    expect((await first)?.Name).to.equal(names[0]);
    expect((await joined)?.Name).to.equal(names[1]);
    expect(callsWhenJoinedAnswered).to.be.at.most(2); // answered by the first listing (and the lacking name's call)
    // The name the listing lacks: asked by name.
    expect(await lacking).to.equal(undefined);
    expect(acct.calls).to.deep.equal(["domains page 1", "domain late.g.example.com"]);
  });
});
