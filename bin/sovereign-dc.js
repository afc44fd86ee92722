#!/usr/bin/env node
// The sovereign-dc CLI. In this repository it runs from the TypeScript sources, compiled on load
// by Sucrase's require hook (as the programs it evaluates are: line numbers kept, so stack traces
// and source locations stay exact). An installed package runs the JavaScript built into dist/
// (`npm run build`), which ships without the sources.
"use strict";

// Exit 0 and 1 are verdicts, 2 a run without one. `plan` and `check` evaluate a program in this
// process, and a program can end it in ways no handler sees: V8 aborts when the heap is full, the
// kernel's out-of-memory killer sends SIGKILL, a native addon crashes. So the command runs in a
// child process of this one, which waits and turns any other ending into exit 2 with a reason.
const command = process.argv[2];
const evaluationProcess = "SOVEREIGN_DC_EVALUATION_PROCESS";
// Under a debugger (`node --inspect …`) the command runs here, where the debugger is attached.
const debugging = process.execArgv.some((a) => a.startsWith("--inspect"));
if (
  (command === "plan" || command === "check") &&
  process.env[evaluationProcess] === undefined &&
  !debugging
) {
  supervise();
} else {
  // The launcher's process ID, which it hands its child: the child compares its parent with it.
  const launcher = process.env[evaluationProcess];
  delete process.env[evaluationProcess];
  run(launcher === undefined ? undefined : Number(launcher));
}

/** Why a child that ended with `code` or `signal` gave no verdict, in the words of exit 2. */
function endedWithout(code, signal) {
  if (signal === "SIGABRT") {
    return 'the evaluation process aborted (SIGABRT): Node does so when the program fills the heap ("JavaScript heap out of memory" above); give it more with NODE_OPTIONS=--max-old-space-size=<MB>';
  }
  if (signal === "SIGKILL") {
    return "the evaluation process was killed (SIGKILL): by the system's out-of-memory killer, or by someone else";
  }
  if (signal) {
    return `the evaluation process was stopped by ${signal}`;
  }
  return `the evaluation process exited with code ${code}`;
}

function supervise() {
  const { spawn } = require("node:child_process");
  const child = spawn(
    process.execPath,
    [...process.execArgv, __filename, ...process.argv.slice(2)],
    {
      stdio: "inherit",
      env: { ...process.env, [evaluationProcess]: String(process.pid) },
    },
  );
  const fail = (why) =>
    process.stderr.write(`error: the run ended without a verdict: ${why}.\n`, () =>
      process.exit(2),
    );
  // A terminal's Ctrl-C reaches both processes; a signal sent to this one alone is passed on.
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) {
    process.on(signal, () => child.kill(signal));
  }
  child.on("error", (e) => fail(`the evaluation process could not start: ${e.message}`));
  child.on("exit", (code, signal) => {
    reportTimings();
    if (code === 0 || code === 1 || code === 2) {
      process.exit(code);
    }
    fail(endedWithout(code, signal));
  });
}

/**
 * This process's line in the timings file (engine/timings.ts), when the run measures itself: the
 * benchmarks add up the memory of every process of a check, this one included.
 */
function reportTimings() {
  const target = process.env.SOVEREIGN_DC_TIMINGS;
  if (target === undefined || target === "") {
    return;
  }
  const usage = process.resourceUsage();
  const line = {
    role: "launcher",
    pid: process.pid,
    phases: {},
    wallMs: performance.now(),
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    maxRssKiB: usage.maxRSS,
  };
  require("node:fs").appendFileSync(target, `${JSON.stringify(line)}\n`);
}

/**
 * Why the `@pulumi/pulumi` the engine would run on (the project's: a peer dependency, resolved from
 * `root` as the engine resolves it) cannot serve, if it cannot: none is installed, or its release
 * is outside the package's peer range. The engine drives the SDK's runtime (its mock monitor,
 * callbacks, the analyzer's messages), which changes between releases; on a release it was not
 * tried on, it could fail to load, or judge a program the runtime evaluates differently.
 */
function unsupportedSdk(root) {
  const path = require("node:path");
  const range = require(path.join(__dirname, "..", "package.json")).peerDependencies[
    "@pulumi/pulumi"
  ];
  let file;
  try {
    file = require.resolve("@pulumi/pulumi/package.json", { paths: [root] });
  } catch {
    return `sovereign-dc evaluates programs on the project's @pulumi/pulumi (a peer dependency, ${range}), and none is installed where it runs (${root}): install it in the project (npm install @pulumi/pulumi).`;
  }
  const version = require(file).version;
  if (require("semver/functions/satisfies")(version, range, { includePrerelease: true })) {
    return undefined;
  }
  return `@pulumi/pulumi ${version} (${path.dirname(file)}) is not a release sovereign-dc runs on: its peer range is ${range}, the releases its engine, which drives the SDK's runtime, was tried on. Update the project's SDK (npm install @pulumi/pulumi@latest), or judge the program under the Pulumi CLI (pulumi preview --policy-pack).`;
}

/** Runs the command; `launcher` is the process ID of the launcher that supervises this one. */
function run(launcher) {
  const fs = require("node:fs");
  const path = require("node:path");

  const sources = path.join(__dirname, "..");
  const fromSources = fs.existsSync(path.join(sources, "cli", "main.ts"));
  const root = fromSources ? sources : path.join(__dirname, "..", "dist");
  const ext = fromSources ? ".ts" : ".js";
  const load = (file) => require(path.join(root, `${file}${ext}`));

  // Exit 0 and 1 are verdicts; any other way of ending — a crash, an error nothing caught, the
  // event loop draining before the command returned — exits 2 with a reason. Set before anything
  // loads: a module that fails to load (an SDK release whose runtime lacks what the engine reads,
  // a broken install) would otherwise end the run with Node's own exit code 1, a verdict's.
  process.exitCode = 2;
  // The policy pack's process, once started (plan and check): stopped however the run ends.
  const started = { pack: undefined };
  const exit = process.exit.bind(process);
  const stopPack = () => started.pack?.child.kill();
  const abort = (why) => {
    stopPack();
    process.stderr.write(`error: ${why}\n`, () => exit(2));
  };
  process.on("uncaughtException", (e) =>
    abort(`the run ended without a verdict: an error nothing caught: ${(e && e.stack) || e}`),
  );
  const refused = unsupportedSdk(root);
  if (refused !== undefined) {
    abort(refused);
    return;
  }
  if (command === "plan" || command === "check") {
    // The engine's V8 options for a check's process, set before the program's code compiles.
    require(path.join(root, "engine", "node-flags.js"));
  }
  if (fromSources) {
    require("../engine/register-ts.js");
  }
  // Defer the SDK's function-serialisation dependencies (TypeScript, arborist): ~0.6 s a process.
  load("engine/lazy-sdk").installLazySdkDependencies();

  // plan and check run the policy pack in a process of its own; start it before loading the
  // engine so that its start-up overlaps the program's evaluation.
  const packs = command === "plan" || command === "check" ? load("engine/spawn-pack") : undefined;
  const pack = packs?.spawnPack(packs.packFolder());
  started.pack = pack;

  // Stdout's own writer, taken before any program runs: once one has, process.stdout.write sends
  // the program's prints to stderr (cli/run.ts), and the document's flush below must not.
  const stdoutWrite = process.stdout.write.bind(process.stdout);
  const { main } = load("cli/main");
  // Loaded now: evaluating a program of this very project (`plan` here) makes the engine forget
  // the project's modules, and a later load would measure nothing.
  const timings = load("engine/timings");

  let finished = false;
  // A program (or a package it loads) that calls process.exit would end the run with its own
  // code, 0 included, before any verdict: that ending is exit 2 too, and says who ended it.
  process.exit = (code) => {
    if (finished) {
      return exit(code);
    }
    stopPack();
    const called = `process.exit(${code === undefined ? "" : JSON.stringify(code)})`;
    fs.writeSync(
      2,
      `error: the run ended without a verdict: ${called} was called before the evaluation finished, by the program or a package it loads.\n`,
    );
    return exit(2);
  };
  if (launcher !== undefined) {
    // A launcher killed outright (SIGKILL, as a CI job's timeout does) cannot stop this process:
    // it notices that its parent is gone and stops, with its pack, instead of running on. The
    // launcher's own ID is the one to compare with: one killed while this process was still
    // starting is already gone when it could first read its parent.
    setInterval(() => {
      if (process.ppid !== launcher) {
        abort("the run ended without a verdict: the launcher that started it is gone.");
      }
    }, 1000).unref();
  }
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
    stopPack();
    // Flush stdout before exiting: a document larger than a pipe's buffer (64 KiB on Linux) is
    // still being written when the command returns, and exiting would cut it off.
    stdoutWrite("", () => exit(code));
  });
}
