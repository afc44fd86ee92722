// The test files `npm run mutation` (stryker.config.mjs) runs against each mutant of the verdict
// core. Stryker switches a mutant on inside the jest process, so only tests that call the core in
// that process can see it: the policy-pack tests reach it over gRPC in a child process, and the
// engine and CLI tests through evaluation and CLI processes, all of which load the unmutated
// code. Those tests are left out, and with them the suite's environment that starts the shared
// processes (test/support/environment.ts): every file here runs in Node's own.
//
// Jest loads every test file that imports a mutated file for each mutant, so the list is kept to
// the files that decide mutants: test/core (the core's own tests), the border analysis's and the
// oracle's. The catalog checks (test/residency, the zones test) test module-level data, which
// the run leaves out (stryker.config.mjs, ignoreStatic); test/policy/helpers.test.ts's cases of
// the core are in test/core.
const base = require("./jest.config");

/** @type {import('jest').Config} */
module.exports = {
  ...base,
  testEnvironment: "node",
  // Stryker runs each mutant's tests with --findRelatedTests, which follows imports only through
  // files under `roots`: the tests reach residency/placement.ts through policy/border.
  roots: ["<rootDir>/test", "<rootDir>/policy", "<rootDir>/residency"],
  testMatch: [
    "<rootDir>/test/core/**/*.test.ts",
    "<rootDir>/test/paths/**/*.test.ts",
    "<rootDir>/test/border/analyze.test.ts",
    "<rootDir>/test/border/policy.test.ts",
  ],
};
