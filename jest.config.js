// Transpile-only jest: type-checking runs once in `npm run typecheck` (tsc --noEmit), not per file.

// Jest's workers (forked with this process's execArgv) run thousands of tests each and allocate
// fast: semi-spaces of 64 MB instead of V8's 16 MB spare them many scavenges (measured: about 3%
// less CPU for the policy, paths, border and component tests). Only the workers: the short-lived
// processes they start (CLI runs, evaluation and pack processes) ran slower with it.
if (!process.execArgv.some((a) => a.startsWith("--max-semi-space-size"))) {
  process.execArgv.push("--max-semi-space-size=64");
}
/** @type {import('jest').Config} */
module.exports = {
  // Node's environment plus one policy pack and one evaluation process per worker, shared by
  // the test files it runs (test/support/environment.ts).
  testEnvironment: "<rootDir>/test/support/environment.ts",
  // Jest's default (cores - 1) is one worker on a 2-core machine; much of the suite waits on
  // the child processes it starts (evaluations, the policy pack), so two workers overlap.
  maxWorkers: 2,
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Longest files first, by the timings measured on this repository when jest has none.
  testSequencer: "<rootDir>/test/support/sequencer.js",
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022" } }] },
  testTimeout: 60000,
  // The SDK loads these eagerly for function serialisation, the Automation API and provider
  // version checks, which few tests running in jest use; defer them (test/support/lazy-sdk/, and engine/lazy-sdk.ts for the
  // same in the engine's own processes).
  moduleNameMapper: {
    "^typescript$": "<rootDir>/test/support/lazy-sdk/typescript.js",
    "^@npmcli/arborist$": "<rootDir>/test/support/lazy-sdk/arborist.js",
    "^\\./automation$": "<rootDir>/test/support/lazy-sdk/automation.js",
    "^\\./closure/(serializeClosure|codePaths)$": "<rootDir>/test/support/lazy-sdk/$1.js",
    "^semver$": "<rootDir>/test/support/lazy-sdk/semver.js",
  },
};
