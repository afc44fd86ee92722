// Transpile-only jest: type-checking runs once in `npm run typecheck` (tsc --noEmit), not per file.

// Jest's workers (forked with this process's execArgv) run thousands of tests each and allocate
// fast: semi-spaces of 64 MB instead of V8's 16 MB spare them many scavenges (measured: about 3%
// less CPU for the policy, paths, border and component tests). Their garbage collection runs on
// the worker's own thread (--single-threaded-gc): on two cores, with two workers and the
// processes they start all busy, V8's helper threads only contend for the same cores, and the
// workers' CPU went from 81–84 to 69–71 CPU-seconds over the suite, jest's wall time from 124–133 s
// to 114–117 (alternated, two runs each). Only the workers: the short-lived processes they start
// (CLI runs, evaluation and pack processes) ran slower with the larger semi-spaces, and no
// cheaper with the single-threaded collector.
for (const flag of ["--max-semi-space-size=64", "--single-threaded-gc"]) {
  const name = flag.split("=")[0];
  if (!process.execArgv.some((a) => a === name || a.startsWith(`${name}=`))) {
    process.execArgv.push(flag);
  }
}
// The workers also run with the V8 options of a check's processes (engine/node-flags.js, loaded
// first): a raised interrupt budget keeps the optimising compiler from code each test file runs
// too little to repay it. Workers' CPU over the suite 58.8 → 50.4–51.1 CPU-seconds, jest's wall
// time 84.1 → 80.2–81.6 s (one run each, in turn).
const v8Options = require("node:path").join(__dirname, "engine", "node-flags.js");
if (!process.execArgv.includes(v8Options)) {
  process.execArgv.push("--require", v8Options);
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
