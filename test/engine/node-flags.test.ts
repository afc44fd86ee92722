/**
 * The V8 options a check's processes run with (engine/node-flags.js): every process the engine
 * starts loads them first, this Node's V8 knows each of them (set at run time, one it did not
 * know would print "Error: unrecognized flag" under every check, and the gain
 * bench/scale.bench.ts measures would be gone), they are chosen by V8's major version, and an
 * option a process was started with is left as given. The suite runs on the Node at hand; these
 * tests hold on each of 20, 22, 24 and 26.
 */
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { preloads } from "../../engine/spawn-pack";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { engineV8Flags, v8FlagsFor } = require("../../engine/node-flags.js") as {
  engineV8Flags: readonly string[];
  v8FlagsFor(v8Version: string): readonly string[];
};

const flagsModule = path.resolve(__dirname, "..", "..", "engine", "node-flags.js");

test("the processes the engine starts load the options before anything else", () => {
  expect(preloads().slice(0, 2)).toEqual(["--require", flagsModule]);
});

test("loading them prints nothing, on this Node's V8", () => {
  const r = spawnSync(process.execPath, ["--require", flagsModule, "-e", ""], {
    encoding: "utf8",
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});

test("they are chosen by V8's major version: the interrupt budget for V8 11, the optimising compiler's invocation count for V8 12, none after", () => {
  expect(v8FlagsFor("11.3.244.8-node.38")).toEqual(["--interrupt-budget=540672"]);
  expect(v8FlagsFor("12.4.254.21-node.57")).toEqual(["--invocation-count-for-turbofan=24000"]);
  expect(v8FlagsFor("13.6.233.17-node.63")).toEqual([]);
  expect(v8FlagsFor("14.6.202.34-node.40")).toEqual([]);
  expect(engineV8Flags).toEqual(v8FlagsFor(process.versions.v8));
});

test("this Node's V8 knows each of them", () => {
  for (const flag of engineV8Flags) {
    // Given on the command line, an option V8 does not know stops Node before it runs anything.
    const r = spawnSync(process.execPath, [flag, "-e", ""], { encoding: "utf8" });
    expect({ flag, stderr: r.stderr, status: r.status }).toEqual({ flag, stderr: "", status: 0 });
  }
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

const raises = engineV8Flags.length > 0 ? test : test.skip;

raises(
  "loading them defers optimisation, and an option the process was started with is left as given",
  () => {
    const name = engineV8Flags[0].split("=")[0];
    // The default of the option, given on the command line, is left as given.
    const byDefault = { "--interrupt-budget": 67584, "--invocation-count-for-turbofan": 3000 }[
      name
    ];
    expect(byDefault).toBeDefined();
    expect(optimisedSoon([])).toBe("true");
    expect(optimisedSoon(["--require", flagsModule])).toBe("false");
    expect(optimisedSoon([`${name}=${byDefault}`, "--require", flagsModule])).toBe("true");
  },
);
