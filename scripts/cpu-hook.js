// Loaded into every Node process of a test run by scripts/test-cpu.js (NODE_OPTIONS=--require):
// when the process exits, appends one JSON line — its command line and the CPU time it used —
// to the file SOVEREIGN_DC_CPU_LOG names. Only `exit` is listened to: a signal listener would
// keep a process alive that its parent means to end, so a process ended by a signal is not
// counted.
"use strict";
const fs = require("node:fs");

const log = process.env.SOVEREIGN_DC_CPU_LOG;
if (log) {
  const started = Date.now();
  process.on("exit", () => {
    const cpu = process.cpuUsage();
    try {
      fs.appendFileSync(
        log,
        `${JSON.stringify({
          pid: process.pid,
          argv: process.argv.slice(1).join(" "),
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
