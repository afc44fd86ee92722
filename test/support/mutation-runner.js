// The test-file runner of `npm run mutation` (jest.mutation.config.js): jest's own, one file at a
// time, that loads no further file once a test has failed under the active mutant. Loading a
// test file — a fresh module registry, the domain tables and the compiled rows — costs more than
// most of its tests, and the mutation environment's skipping of the tests after a failure still
// leaves each later file to be loaded. Stryker runs jest in band; a parallel run is left as jest
// runs it.
"use strict";
const TestRunner = require("jest-runner").default;
const { killed } = require("./mutation-environment.js");

class MutationRunner extends TestRunner {
  async runTests(tests, watcher, options) {
    if (!options.serial) {
      return super.runTests(tests, watcher, options);
    }
    for (const test of tests) {
      if (killed()) {
        return;
      }
      await super.runTests([test], watcher, options);
    }
  }
}

module.exports = MutationRunner;
