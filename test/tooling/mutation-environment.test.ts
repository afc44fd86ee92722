/**
 * The environment of `npm run mutation`: once a test fails under the active mutant, the tests
 * after it are skipped; the initial run (no active mutant) and the next mutant run everything.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

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

describe("a mutation run of real test files (jest in band, as Stryker runs it)", () => {
  const root = path.resolve(__dirname, "..", "..");
  let dir: string;

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-mutation-"));
    // Jest runs files it has no timings for in path order here: the failing file first.
    fs.writeFileSync(
      path.join(dir, "a.test.js"),
      'test("passes", () => {});\ntest("fails", () => { throw new Error("killed"); });\ntest("after", () => {});\n',
    );
    fs.writeFileSync(path.join(dir, "b.test.js"), 'test("later file", () => {});\n');
    fs.writeFileSync(
      path.join(dir, "jest.config.json"),
      JSON.stringify({
        rootDir: dir,
        testEnvironment: path.join(root, "test/support/mutation-environment.js"),
        runner: path.join(root, "test/support/mutation-runner.js"),
        testSequencer: path.join(root, "test/support/mutation-sequencer.js"),
        transform: {},
        cache: false,
      }),
    );
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** jest's JSON summary of a run of both files, with this active mutant (or none). */
  function jest(mutant: string | undefined) {
    const env = { ...process.env };
    delete env.__STRYKER_ACTIVE_MUTANT__;
    const run = spawnSync(
      process.execPath,
      [
        path.join(root, "node_modules/jest/bin/jest.js"),
        "--config",
        path.join(dir, "jest.config.json"),
        "--runInBand",
        "--json",
      ],
      {
        env: mutant === undefined ? env : { ...env, __STRYKER_ACTIVE_MUTANT__: mutant },
        encoding: "utf8",
      },
    );
    const out = JSON.parse(run.stdout) as Record<string, number> & { testResults: unknown[] };
    return {
      suites: out.testResults.length,
      failed: out.numFailedTests,
      passed: out.numPassedTests,
      skipped: out.numPendingTests,
    };
  }

  test("under a mutant, the first failure skips the rest of its file and loads no later file", () => {
    expect(jest("3")).toEqual({ suites: 1, failed: 1, passed: 1, skipped: 1 });
  });

  test("twin: the initial run, with no mutant active, runs every test of every file", () => {
    expect(jest(undefined)).toEqual({ suites: 2, failed: 1, passed: 3, skipped: 0 });
  });
});
