// Soak (small size): a fleet with ~20% of API calls failing transiently completes with no failure
// surfaced, no duplicate SSL certificate, every CDN domain deployed and every binding in place.
// `npm run soak` runs the full size.
import { expect } from "chai";
import { soak } from "../../bench/soak";

describe("proof: soak with transient faults (small fleet)", function () {
  this.timeout(180_000);

  it("creates, previews, rotates and destroys the fleet with nothing surfaced and the state as declared", async () => {
    const lines: string[] = [];
    const problems = await soak({ cdn: 12, bindings: 3, domainsPerBinding: 3 }, 50, (l) => lines.push(l));
    if (problems.length) console.log(lines.join("\n"));
    expect(problems).to.deep.equal([]);
    // The faults really happened: some error answers were absorbed in each phase (create, preview, rotate, destroy).
    const absorbed = lines.filter((l) => /error answers\s+(?!none)/.test(l));
    expect(absorbed.length, lines.join("\n")).to.equal(4);
  });
});
