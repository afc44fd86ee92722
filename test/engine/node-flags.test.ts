/**
 * The V8 options a check's processes run with (engine/node-flags.js): every process the engine
 * starts loads them first, this Node's V8 knows each of them (set at run time, one it did not
 * know would be ignored without a word, and the gain bench/scale.bench.ts measures would be gone),
 * and an option a process was started with is left as given.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { preloads } from "../../engine/spawn-pack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineV8Flags } = require("../../engine/node-flags.js") as {
  engineV8Flags: readonly string[];
};

const flagsModule = path.resolve(__dirname, "..", "..", "engine", "node-flags.js");

test("the processes the engine starts load the options before anything else", () => {
  expect(preloads().slice(0, 2)).toEqual(["--require", flagsModule]);
});

test.each(engineV8Flags)("this Node's V8 knows %s", (flag) => {
  // Given on the command line, an option V8 does not know stops Node before it runs anything.
  const r = spawnSync(process.execPath, [flag, "-e", ""], { encoding: "utf8" });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});

/**
 * Whether a small function called 80 times is optimised by then, in a Node started with `flags`
 * (V8 reads no option back; the interrupt budget shows in when a hot function is optimised,
 * which %GetOptimizationStatus tells: bit 4). Compiled on the main thread, so the answer does
 * not depend on a background compile finishing first.
 */
function optimisedSoon(flags: readonly string[]): string {
  return spawnSync(
    process.execPath,
    [
      "--allow-natives-syntax",
      "--no-concurrent-recompilation",
      ...flags,
      "-e",
      `function hot(n) { let s = 0; for (let i = 0; i < n; i++) s += i % 7; return s; }
       for (let i = 0; i < 80; i++) hot(100);
       process.stdout.write(String((%GetOptimizationStatus(hot) & 16) !== 0));`,
    ],
    { encoding: "utf8" },
  ).stdout;
}

test("loading them raises the budget, and an option the process was started with is left as given", () => {
  expect(optimisedSoon([])).toBe("true");
  expect(optimisedSoon(["--require", flagsModule])).toBe("false");
  expect(optimisedSoon(["--interrupt-budget=1000", "--require", flagsModule])).toBe("true");
});
