#!/usr/bin/env node
// Builds the installable package into dist/: the CLI, the engine, the policy pack and the report
// as JavaScript with declarations and source maps (tsconfig.build.json), the engine's ES-module
// loader beside them, and the self-contained policy pack in dist/policy-pack/ (build-pack.js).
// `npm pack` runs it (prepack); `npm test` and `npm start` run from the sources.
"use strict";
const { execFileSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");

fs.rmSync(dist, { recursive: true, force: true });
execFileSync(
  process.execPath,
  [
    path.join(root, "node_modules", "@typescript", "native", "bin", "tsc"),
    "-p",
    path.join(root, "tsconfig.build.json"),
  ],
  // Diagnostics only, and to stderr: `npm pack --json` prints its document on stdout.
  { cwd: root, stdio: ["ignore", process.stderr, process.stderr] },
);
// JavaScript as it is: the ES-module loader runs on Node's loader thread, and the TypeScript
// hook is what compiles TypeScript.
for (const file of [
  "esm-loader.mjs",
  "experimental-warnings.js",
  "node-flags.js",
  "program-resolution.js",
  "register-ts.js",
  "typescript-fallback.js",
]) {
  fs.copyFileSync(path.join(root, "engine", file), path.join(dist, "engine", file));
}
// The inventory of the providers' resource types, which `sovereign-dc coverage` reads.
fs.copyFileSync(
  path.join(root, "policy", "inventory", "sdk-types.jsonl"),
  path.join(dist, "policy", "inventory", "sdk-types.jsonl"),
);
require("./build-pack").buildPack(path.join(dist, "policy-pack"));
process.stderr.write(`Built ${path.relative(process.cwd(), dist) || "."}\n`);
