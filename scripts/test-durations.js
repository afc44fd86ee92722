#!/usr/bin/env node
// Writes test/support/durations.json — how long each test file takes, in seconds — from a jest
// run's JSON report, for test/support/sequencer.js to order a run that has no timings of its own.
//
//   npx jest --json --outputFile=/tmp/jest-report.json && npm run test:durations -- /tmp/jest-report.json
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const report = process.argv[2];
if (!report) {
  process.stderr.write("usage: npm run test:durations -- <jest --json report file>\n");
  process.exit(2);
}
const { testResults } = JSON.parse(fs.readFileSync(report, "utf8"));
if (!Array.isArray(testResults) || testResults.length === 0) {
  process.stderr.write(`${report}: no testResults; expected the report of \`jest --json\`\n`);
  process.exit(2);
}
const durations = Object.fromEntries(
  testResults
    .map((r) => [
      path.relative(root, r.name).split(path.sep).join("/"),
      Math.round((r.endTime - r.startTime) / 100) / 10,
    ])
    .sort(([a], [b]) => (a < b ? -1 : 1)),
);
fs.writeFileSync(
  path.join(root, "test", "support", "durations.json"),
  `${JSON.stringify(durations, null, 2)}\n`,
);
process.stdout.write(`test/support/durations.json: ${testResults.length} files\n`);
