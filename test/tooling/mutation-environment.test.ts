/**
 * The environment of `npm run mutation`: once a test fails under the active mutant, the tests
 * after it are skipped; the initial run (no active mutant) and the next mutant run everything.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bailAfterFirstFailure } = require("../support/mutation-environment.js") as {
  bailAfterFirstFailure(
    event: { name: string; test?: { mode?: string; errors: unknown[] } },
    mutant: string | undefined,
    seen: { failedUnder?: string },
  ): void;
};

/** Runs tests (each failing or not) through the handler as circus would; the modes they start in. */
function run(outcomes: boolean[], mutant: string | undefined, seen: { failedUnder?: string }) {
  return outcomes.map((fails) => {
    const test: { mode?: string; errors: unknown[] } = { errors: [] };
    bailAfterFirstFailure({ name: "test_start", test }, mutant, seen);
    if (test.mode === "skip") {
      return "skipped";
    }
    if (fails) {
      test.errors.push(new Error("expected"));
    }
    bailAfterFirstFailure({ name: "test_done", test }, mutant, seen);
    return fails ? "failed" : "passed";
  });
}

test("under a mutant, the tests after the first failure are skipped, in later files too", () => {
  const seen = {};
  expect(run([false, true, false, true], "7", seen)).toEqual([
    "passed",
    "failed",
    "skipped",
    "skipped",
  ]);
  expect(run([false, false], "7", seen)).toEqual(["skipped", "skipped"]);
});

test("the next mutant runs every test again", () => {
  const seen = {};
  run([true], "7", seen);
  expect(run([false, true, false], "8", seen)).toEqual(["passed", "failed", "skipped"]);
});

test("the initial run, with no active mutant, runs every test whatever fails", () => {
  const seen = {};
  expect(run([true, false, true], undefined, seen)).toEqual(["failed", "passed", "failed"]);
  expect(seen).toEqual({});
});

test("events without a test (hooks, describe blocks) change nothing", () => {
  const seen = {};
  bailAfterFirstFailure({ name: "run_start" }, "7", seen);
  expect(seen).toEqual({});
});
