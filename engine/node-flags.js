"use strict";
/**
 * V8 options for the processes a check runs in, set when this module loads: the evaluation
 * process (bin/sovereign-dc.js loads it for `plan` and `check`), and the policy pack and the
 * evaluation workers the engine starts (spawn-pack.ts `preloads` has Node load it first). Plain
 * JavaScript, as it loads before anything compiles TypeScript.
 *
 * A check is short and runs on few cores: the program's evaluation, the pack judging what it
 * registers, and V8's background threads share them. On Node 20 (V8 11), V8 sends a function to
 * its optimising compiler once it has spent an interrupt budget (66 KiB of bytecode executed, by
 * default); over a run of a few seconds most of what that compiler produces is used too little to
 * repay it, and it compiles on the cores the evaluation and the pack need. With eight times the
 * budget in both processes, a check of bench/scale.bench.ts's synthetic data center took,
 * alternated in one run: 500 resources 0.95 s instead of 1.09, 2,000 2.04–2.14 s instead of 2.39,
 * 5,000 4.39–4.45 s instead of 4.74, and 20,000 did not slow down. Twice and four times the budget
 * gained less, sixteen times no more; without the optimising compiler (`--max-opt=2`), 5,000
 * resources ran slower than by default.
 *
 * The tiering options differ between V8 generations, so the options are chosen by this Node's V8
 * major version, and only options that V8 knows are set: a V8 that does not know an option it is
 * given at run time prints "Error: unrecognized flag" on stderr (seen on Node 22, 24 and 26 with
 * the interrupt budget, which V8 12 dropped). Measured with a check of 5,000 resources from
 * bench/scale.bench.ts, alternated: on Node 22 (V8 12), where optimisation waits on invocation
 * counts, eight times the count for the optimising compiler used 4.58 user CPU-seconds on average
 * instead of 4.85 (five runs each); on Node 24 (V8 13) and 26 (V8 14), whose mid-tier compiler
 * (Maglev) takes the early work, neither that nor the count for Maglev changed anything measurable
 * (3.7–3.8 s either way), so no option is set there.
 *
 * Set at run time rather than on the command line: a Node whose V8 does not know an option
 * refuses to start when given it there ("bad option"). An option the process was started with
 * (`node --interrupt-budget=… sovereign-dc check …`) is left as given.
 */
const v8 = require("node:v8");

/** The engine's V8 options by V8 major version; a version not listed gets none. */
const optionsByV8 = {
  11: ["--interrupt-budget=540672"],
  12: ["--invocation-count-for-turbofan=24000"],
};

/** The options for the V8 of `v8Version` (`process.versions.v8`). */
function v8FlagsFor(v8Version) {
  return optionsByV8[Number.parseInt(v8Version, 10)] ?? [];
}

const engineV8Flags = v8FlagsFor(process.versions.v8);

const given = new Set(process.execArgv.map((a) => a.split("=")[0].replace(/_/g, "-")));
for (const flag of engineV8Flags) {
  if (!given.has(flag.split("=")[0])) {
    v8.setFlagsFromString(flag);
  }
}

module.exports = { engineV8Flags, v8FlagsFor };
