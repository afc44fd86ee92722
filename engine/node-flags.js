"use strict";
/**
 * V8 options for the processes a check runs in, set when this module loads: the evaluation
 * process (bin/sovereign-dc.js loads it for `plan` and `check`), and the policy pack and the
 * evaluation workers the engine starts (spawn-pack.ts `preloads` has Node load it first). Plain
 * JavaScript, as it loads before anything compiles TypeScript.
 *
 * A check is short and runs on few cores: the program's evaluation, the pack judging what it
 * registers, and V8's background threads share them. V8 sends a function to its optimising
 * compiler once it has spent an interrupt budget (66 KiB of bytecode executed, by default);
 * over a run of a few seconds most of what that compiler produces is used too little to repay
 * it, and it compiles on the cores the evaluation and the pack need. With eight times the budget
 * in both processes, a check of bench/scale.bench.ts's synthetic data center took, alternated in
 * one run: 500 resources 0.95 s instead of 1.09, 2,000 2.04–2.14 s instead of 2.39, 5,000
 * 4.39–4.45 s instead of 4.74, and 20,000 did not slow down. Twice and four times the budget
 * gained less, sixteen times no more; without the optimising compiler (`--max-opt=2`), 5,000
 * resources ran slower than by default.
 *
 * Set at run time rather than on the command line: a Node whose V8 no longer knows an option
 * refuses to start when given it there ("bad option"), but ignores it here. An option the
 * process was started with (`node --interrupt-budget=… sovereign-dc check …`) is left as given.
 */
const v8 = require("node:v8");

const engineV8Flags = ["--interrupt-budget=540672"];

const given = new Set(process.execArgv.map((a) => a.split("=")[0].replace(/_/g, "-")));
for (const flag of engineV8Flags) {
  if (!given.has(flag.split("=")[0])) {
    v8.setFlagsFromString(flag);
  }
}

module.exports = { engineV8Flags };
