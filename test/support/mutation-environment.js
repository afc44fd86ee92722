// The test environment of `npm run mutation` (jest.mutation.config.js): Node's own, and one
// failing test is enough. Stryker needs a single failure to count a mutant killed, but cannot
// ask jest to stop there (jest bails only between test files, and not when run
// programmatically), so every test naming the mutant would run to its end: for a mutant of the
// field compiler, hundreds of tests in a dozen files. Once a test fails under the active mutant,
// this environment skips the tests after it — in its file and in the run's later files, which
// share this module in Stryker's runner process. Stryker names the active mutant in the
// environment; the initial run, which measures what each test covers, has none and runs all.
"use strict";
const { TestEnvironment } = require("jest-environment-node");

/** The variable in which Stryker names the active mutant (@stryker-mutator/api's constant). */
const ACTIVE_MUTANT = "__STRYKER_ACTIVE_MUTANT__";

/**
 * Skips a test that starts after one failed under the same active mutant.
 * @param {{ name: string, test?: { mode?: string, errors: unknown[] } }} event
 * @param {string | undefined} mutant the active mutant, if any
 * @param {{ failedUnder?: string }} seen the mutant a test last failed under
 */
function bailAfterFirstFailure(event, mutant, seen) {
  if (mutant === undefined || event.test === undefined) {
    return;
  }
  if (event.name === "test_start" && seen.failedUnder === mutant) {
    event.test.mode = "skip";
  } else if (event.name === "test_done" && event.test.errors.length > 0) {
    seen.failedUnder = mutant;
  }
}

const seen = {};

/**
 * Whether a test has failed under the active mutant: the mutation runner then loads no further
 * test file (test/support/mutation-runner.js), this module being shared by the runner process.
 */
function killed() {
  const mutant = process.env[ACTIVE_MUTANT];
  return mutant !== undefined && seen.failedUnder === mutant;
}

class MutationEnvironment extends TestEnvironment {
  handleTestEvent(event) {
    bailAfterFirstFailure(event, process.env[ACTIVE_MUTANT], seen);
  }
}

module.exports = MutationEnvironment;
module.exports.bailAfterFirstFailure = bailAfterFirstFailure;
module.exports.killed = killed;
