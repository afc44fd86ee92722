#!/usr/bin/env node
// The sovereign-dc CLI. In this repository it runs from the TypeScript sources, compiled on load
// by Sucrase's require hook (as the programs it evaluates are: line numbers kept, so stack traces
// and source locations stay exact). An installed package runs the JavaScript built into dist/
// (`npm run build`), which ships without the sources.
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const sources = path.join(__dirname, "..");
const fromSources = fs.existsSync(path.join(sources, "cli", "main.ts"));
const root = fromSources ? sources : path.join(__dirname, "..", "dist");
const ext = fromSources ? ".ts" : ".js";
const load = (file) => require(path.join(root, `${file}${ext}`));
if (fromSources) {
  require("../engine/register-ts.js");
}
// Defer the SDK's function-serialisation dependencies (TypeScript, arborist): ~0.6 s a process.
load("engine/lazy-sdk").installLazySdkDependencies();

// plan and check run the policy pack in a process of its own; start it before loading the
// engine so that its start-up overlaps the program's evaluation.
const command = process.argv[2];
const pack =
  command === "plan" || command === "check"
    ? load("engine/spawn-pack").spawnPack(path.join(root, fromSources ? "policy" : "policy-pack"))
    : undefined;

const { main } = load("cli/main");
// Loaded now: evaluating a program of this very project (`plan` here) makes the engine forget
// the project's modules, and a later load would measure nothing.
const timings = load("engine/timings");

// Exit 0 and 1 are verdicts; any other way of ending — a crash, an error nothing caught, the
// event loop draining before the command returned — exits 2 with a reason.
process.exitCode = 2;
let finished = false;
const abort = (why) => {
  if (pack) {
    pack.child.kill();
  }
  process.stderr.write(`error: ${why}\n`, () => process.exit(2));
};
process.on("uncaughtException", (e) =>
  abort(`the run ended without a verdict: an error nothing caught: ${(e && e.stack) || e}`),
);
let drained = 0;
process.on("beforeExit", () => {
  if (finished) {
    return;
  }
  // The evaluation's own watchdog reacts to the same event and reports what never finished;
  // give it one more round before concluding that nothing will.
  drained += 1;
  if (drained > 1) {
    abort("the run ended without a verdict: the command stopped before it finished.");
  } else {
    setImmediate(() => undefined);
  }
});

main(process.argv, undefined, pack).then((code) => {
  finished = true;
  timings.mark("output");
  if (pack) {
    pack.child.kill();
  }
  // Flush stdout before exiting: documents can be larger than one pipe buffer.
  process.stdout.write("", () => process.exit(code));
});
