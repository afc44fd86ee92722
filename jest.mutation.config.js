// The test files `npm run mutation` (stryker.config.mjs) runs against each mutant of the verdict
// core. Stryker switches a mutant on inside the jest process, so only tests that call the core in
// that process can see it: the policy-pack tests reach it over gRPC in a child process, and the
// engine and CLI tests through evaluation and CLI processes, all of which load the unmutated
// code. Those tests are left out, and with them the suite's environment that starts the shared
// processes (test/support/environment.ts): every file here runs in Node's own
// (test/support/mutation-environment.js).
//
// For each mutant jest loads every listed test file that imports the mutated file, so the list is
// the files that kill mutants: test/core (the core's own tests, exact results in-process) and the
// border policy on the runtime's proxies. test/border/analyze.test.ts and the oracle in test/paths
// also run the core in-process, but they load every flow table and policy for each mutant and
// killed none that test/core does not (measured on policy/border/resolver.ts: 248 killed either
// way, 184 s with them, 116 s without). The catalog checks (test/residency, the zones test) test
// module-level data, which the run leaves out (stryker.config.mjs, ignoreStatic).
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  // Node's own environment, which skips a mutant's remaining tests once one has killed it. A path,
  // not <rootDir>: Stryker's runner resolves the environment it wraps with require.resolve.
  testEnvironment: require.resolve("./test/support/mutation-environment.js"),
  // Jest's runner, loading no further test file once a mutant is killed.
  runner: require.resolve("./test/support/mutation-runner.js"),
  // Stryker runs each mutant's tests with --findRelatedTests, which follows imports only through
  // files under `roots`: tests reach residency/placement.ts through policy/paths, for example.
  roots: ["<rootDir>/test", "<rootDir>/policy", "<rootDir>/residency"],
  testMatch: ["<rootDir>/test/core/**/*.test.ts", "<rootDir>/test/border/policy.test.ts"],
  // Of the files --findRelatedTests picks, load only those that hold a test the mutant's run names.
  testSequencer: "<rootDir>/test/support/mutation-sequencer.js",
};
