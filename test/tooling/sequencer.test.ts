/**
 * The order of a test run without jest's own timings (a fresh clone, CI): the measured durations
 * of test/support/durations.json, longest first, and files nobody measured yet before them.
 */
import * as fs from "node:fs";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const Sequencer = require("../support/sequencer.js") as new (options: object) => {
  sort(tests: FakeTest[]): FakeTest[];
  time(test: FakeTest): number | undefined;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const measured = require("../support/durations.json") as Record<string, number>;

const root = path.resolve(__dirname, "..", "..");

interface FakeTest {
  path: string;
  duration?: number;
  context: { config: { cache: boolean }; hasteFS: { getSize(p: string): number } };
}

/** A test file as jest hands it to the sequencer, with no cache of earlier runs. */
function fresh(file: string, size = 1): FakeTest {
  return {
    path: path.join(root, file),
    context: { config: { cache: false }, hasteFS: { getSize: () => size } },
  };
}

const names = (tests: FakeTest[]) => tests.map((t) => path.relative(root, t.path));

test("without jest's timings, measured files run longest first and unmeasured ones before them", () => {
  const byTime = Object.entries(measured).sort((a, b) => b[1] - a[1]);
  expect(byTime.length).toBeGreaterThan(3);
  const [slow, , middle] = byTime;
  const fast = byTime[byTime.length - 1];
  // The smallest file is the slowest one: size alone would run it last.
  const tests = [
    fresh(fast[0], 500),
    fresh(slow[0], 1),
    fresh("test/new-file.test.ts", 2),
    fresh(middle[0], 100),
  ];
  const sorted = names(new Sequencer({}).sort(tests));
  expect(sorted).toEqual(["test/new-file.test.ts", slow[0], middle[0], fast[0]]);
});

test("a file's own timing from jest's cache wins over the measured one", () => {
  const [file, seconds] = Object.entries(measured)[0];
  const timed = fresh(file);
  /** A sequencer whose jest cache holds a timing for `file` (jest keeps [status, ms] by path). */
  class Cached extends Sequencer {
    _getCache(): Record<string, [number, number]> {
      return { [timed.path]: [1, 123] };
    }
  }
  expect(new Cached({}).time(timed)).toBe(123);
  expect(new Sequencer({}).time(fresh(file))).toBe(seconds * 1000);
  expect(new Sequencer({}).time(fresh("test/new-file.test.ts"))).toBeUndefined();
});

test("every measured file exists (regenerate with npm run test:durations after moving one)", () => {
  const missing = Object.keys(measured).filter((f) => !fs.existsSync(path.join(root, f)));
  expect(missing).toEqual([]);
});
