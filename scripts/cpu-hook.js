// Loaded into every Node process of a test run by scripts/test-cpu.js (NODE_OPTIONS=--require):
// when the process exits, appends one JSON line — its command line and the CPU time it used —
// to the file SOVEREIGN_DC_CPU_LOG names. Only `exit` is listened to: a signal listener would
// keep a process alive that its parent means to end, so a process ended by a signal is not
// counted. Only a process's main thread writes: NODE_OPTIONS reaches its worker threads too,
// and `process.cpuUsage()` there is the whole process's, which its main thread counts already.
// A `node -e` probe has no script in its argv: its command line is the code it evaluates.
"use strict";
const fs = require("node:fs");
const { isMainThread } = require("node:worker_threads");

const log = process.env.SOVEREIGN_DC_CPU_LOG;
if (log && isMainThread) {
  const started = Date.now();
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    const evaluated = process.execArgv.findIndex((a) => a === "-e" || a === "--eval");
    const argv =
      process.argv.length > 1 || evaluated < 0
        ? process.argv.slice(1).join(" ")
        : `-e ${String(process.execArgv[evaluated + 1] ?? "").replace(/\s+/g, " ")}`;
    try {
      fs.appendFileSync(
        log,
        `${JSON.stringify({
          pid: process.pid,
          argv,
          user: cpu.user / 1e6,
          system: cpu.system / 1e6,
          wall: (Date.now() - started) / 1000,
        })}\n`,
      );
    } catch {
      // The log is a measurement aid: a process must not fail because it cannot write to it.
    }
  });
}
