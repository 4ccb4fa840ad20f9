// GET /_emulator/ lists every admin route (what it does, what it takes), and that list is the one
// the emulator dispatches from: each route it names answers, an unlisted one points back to it.
import { expect } from "chai";
import http from "node:http";
import { startEmulator, EmulatorHandle } from "../../emulator";

function get(emu: EmulatorHandle, path: string, method = "GET", body?: string): Promise<{ status: number; json: any }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, emu.url);
    const req = http.request(url, { method, agent: false, headers: body ? { "Content-Type": "application/json" } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString("utf8")) }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

describe("emulator: admin index", function () {
  let emu: EmulatorHandle;
  before(async () => { emu = await startEmulator({ seed: { cdnDomains: [{ domain: "admin.example.com" }] } }); });
  after(() => emu.stop());

  it("GET /_emulator/ (and /_emulator) lists the admin routes", async function () {
    const { status, json } = await get(emu, "/_emulator/");
    expect(status).to.equal(200);
    const routes = json.routes.map((r: any) => r.route);
    expect(routes).to.include.members([
      "GET /_emulator/state", "GET /_emulator/requests", "POST /_emulator/faults", "POST /_emulator/seed", "POST /_emulator/reset",
      "POST /_emulator/clock", "POST /_emulator/cdn-domain", "POST /_emulator/cdn-domain/remove", "POST /_emulator/live-binding",
      "POST /_emulator/ssl-certificate",
    ]);
    expect(json.routes.every((r: any) => typeof r.does === "string" && r.does.length > 10)).to.equal(true);
    expect((await get(emu, "/_emulator")).json).to.deep.equal(json);
  });

  it("GET /_emulator/ready answers 200 once the emulator serves (a readiness probe, issue 29)", async function () {
    expect(await get(emu, "/_emulator/ready")).to.deep.equal({ status: 200, json: { ready: true } });
    expect((await get(emu, "/_emulator/")).json.routes.map((r: any) => r.route)).to.include("GET /_emulator/ready");
  });

  it("every listed GET route answers; an unknown route names the index", async function () {
    const { json } = await get(emu, "/_emulator/");
    for (const r of json.routes.filter((x: any) => x.route.startsWith("GET "))) {
      expect((await get(emu, r.route.slice(4))).status, r.route).to.equal(200);
    }
    const missing = await get(emu, "/_emulator/nope");
    expect(missing.status).to.equal(404);
    expect(missing.json.error).to.contain("GET /_emulator/ lists them");
  });
});
