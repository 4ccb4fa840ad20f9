// The fuzz campaign's CI profile (issue 24): a couple of hundred generated inputs per resource, each
// through check against the emulator and, when accepted, through create and delete (for CdnHttpsConfig
// those of every fourth case, whose batched reads make each take a few hundred ms). What is asserted is
// bench/lib/fuzz/campaign.ts's list: check never throws and answers with sentences, writes nothing,
// calls nothing for what it refuses offline, and no private key's 16-character run appears anywhere.
// fast-check shrinks a failing input and prints the seed to replay it; FUZZ_SEED sets the seed
// (fixed by default, so CI is repeatable). `npm run fuzz` runs the full campaign.
import { expect } from "chai";
import fc from "fast-check";
import { RESOURCES, runCase, startContext, stopContext } from "../../bench/lib/fuzz/campaign";
import { buildMaterial, type Material } from "../../bench/lib/fuzz/material";
import { argumentsOf } from "../../bench/lib/fuzz/resources";

const RUNS = Number(process.env.FUZZ_CI_RUNS ?? 200);
const SEED = Number(process.env.FUZZ_SEED ?? 24);

describe("proof: fuzzing every check (CI profile)", function () {
  this.timeout(180_000);
  let material: Material;
  before(() => { material = buildMaterial(); });

  for (const kind of RESOURCES) {
    it(`${kind}: ${RUNS} generated inputs, seed ${SEED}`, async () => {
      const ctx = await startContext(material);
      const counts = { refused: 0, accepted: 0, created: 0 };
      let caseNumber = 0;
      try {
        await fc.assert(fc.asyncProperty(argumentsOf(kind, material), async (args) => {
          const create = kind !== "cdnHttpsConfig" || caseNumber++ % 4 === 0;
          const outcome = await runCase(ctx, kind, args, create);
          if (outcome.refused) counts.refused++; else counts.accepted++;
          if (outcome.created) counts.created++;
          if (outcome.violations.length > 0) throw new Error(outcome.violations.join("\n"));
        }), { numRuns: RUNS, seed: SEED });
      } finally {
        await stopContext(ctx);
      }
      // Both paths were really taken: refusals, and accepted inputs through create and delete.
      expect(counts.refused, JSON.stringify(counts)).to.be.above(RUNS / 10);
      expect(counts.created, JSON.stringify(counts)).to.be.above(RUNS / 20);
    });
  }
});
