// Mutation testing of the code that decides verdicts: `npm run mutation` (README, "Mutation
// testing"). Stryker switches mutants on inside the jest process, so the run uses only the test
// files that call this code in that process (jest.mutation.config.js); the policy-pack tests
// drive a child process that never sees a mutant.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: "npm",
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.mutation.config.js" },
  // Each mutant runs only the tests that reached its code in the initial run.
  coverageAnalysis: "perTest",
  mutate: [
    // The one data-flow model's code: the field compiler and the views over it, name resolution,
    // the ARN and place scanners, the resolver, the graph, the readers and the labeller. The type
    // tables under paths/types are data of the policies, not the evaluator.
    "policy/paths/*.ts",
    "residency/jurisdictions.ts",
    "residency/placement.ts",
  ],
  // A static mutant (module-level data: the jurisdiction catalog, the ref-kind and identifier
  // tables) can only be tested by reloading every module and running every test, and the catalog
  // alone holds about 900 of them: they would take nine tenths of the run. The catalog's lists are
  // held by test/residency/catalog.test.ts and the zones test instead; static mutants are reported
  // as ignored and left out of the score.
  ignoreStatic: true,
  concurrency: 2,
  reporters: ["clear-text", "progress-append-only", "json"],
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  clearTextReporter: { allowEmojis: false, logTests: false },
  tempDirName: ".stryker-tmp",
  thresholds: { high: 90, low: 80, break: 80 },
};
