// mocha's spec reporter plus one plain closing line, "N passed, N failed, N skipped", which CI
// reads to tell a run that tested something from one that ran no test.
import Mocha = require("mocha");

class SummaryReporter extends Mocha.reporters.Spec {
  constructor(runner: Mocha.Runner, options?: Mocha.MochaOptions) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const s = runner.stats!;
      console.log(`${s.passes} passed, ${s.failures} failed, ${s.pending} skipped`);
    });
  }
}

export = SummaryReporter;
