// Jest runs the longest test files first so that neither worker is left with a long file at the
// end. It knows how long a file takes from its own cache of earlier runs; a fresh clone (CI) has
// none and falls back to file size, which puts the slowest files — the installed package, the
// corpus, CLI runs — in the middle of the run and leaves one worker with them at its end. Without
// a timing of its own, a file takes the one measured on this repository
// (test/support/durations.json, written by `npm run test:durations`); a new file, unmeasured,
// still runs first.
"use strict";
const path = require("node:path");
const Sequencer = require("@jest/test-sequencer").default;
const measured = require("./durations.json");

const root = path.resolve(__dirname, "..", "..");

class MeasuredSequencer extends Sequencer {
  time(test) {
    const own = super.time(test);
    if (own !== null && own !== undefined) {
      return own;
    }
    const seconds = measured[path.relative(root, test.path).split(path.sep).join("/")];
    return seconds === undefined ? undefined : seconds * 1000;
  }
}

module.exports = MeasuredSequencer;
