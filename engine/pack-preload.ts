/**
 * `node --require` entry for the policy pack's process when the engine starts it: the pack's
 * analyzer server would otherwise outlive a parent that dies or forgets it (a crashed CLI, a
 * test runner tearing down). The engine keeps an IPC channel open to the pack; when the channel
 * closes, the pack exits.
 */
if (process.connected) {
  process.on("disconnect", () => process.exit(0));
}

// With SOVEREIGN_DC_TIMINGS set, the pack reports its CPU time and peak memory when it ends.
// eslint-disable-next-line @typescript-eslint/no-require-imports
(require("./timings") as typeof import("./timings")).reportOnExit("pack");
