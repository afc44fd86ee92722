#!/usr/bin/env node
// ESLint's type-aware rules (Pulumi's; see eslint.config.mjs) over the code that declares
// resources, with ESLint's cache made safe for them.
//
// ESLint's cache re-lints a file when its own content (or the config) changes. That is exact for
// rules that read one file, but Pulumi's rules read types from other files too: a component
// whose return type becomes an Output changes the verdict on an unchanged stack file. So the cache
// lives in a folder named after a hash of everything the typed program is built from — the code
// linted with types, the TypeScript configs and the lockfile (the SDKs' declarations). A change
// there starts a fresh cache; a change anywhere else (engine, pack, tests: most changes) leaves
// nothing for ESLint to do. Arguments: the files or folders to lint (default: the folders of the
// typed program).
"use strict";
const { createHash } = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
/** What the typed lint's program is built from (see eslint.config.mjs, tsconfig.eslint.json). */
const typedSources = ["components", "stacks", "test/fixtures"];
const typedInputs = [
  "tsconfig.json",
  "tsconfig.eslint.json",
  "test/fixtures/engine/esm/tsconfig.json",
  "package-lock.json",
];

function typedProgramHash() {
  const hash = createHash("sha256");
  const files = [
    ...typedInputs,
    ...typedSources.flatMap((dir) =>
      fs
        .readdirSync(path.join(root, dir), { recursive: true })
        .map((f) => path.join(dir, String(f)))
        .filter((f) => /\.[cm]?ts$/.test(f)),
    ),
  ].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(fs.readFileSync(path.join(root, file)));
    hash.update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const cacheRoot = path.join(root, "node_modules", ".cache", "eslint");
const cacheDir = path.join(cacheRoot, typedProgramHash());
// Caches of earlier typed programs are never valid again.
for (const old of fs.existsSync(cacheRoot) ? fs.readdirSync(cacheRoot) : []) {
  if (path.join(cacheRoot, old) !== cacheDir) {
    fs.rmSync(path.join(cacheRoot, old), { recursive: true, force: true });
  }
}
async function main() {
  const { ESLint } = require("eslint");
  const eslint = new ESLint({
    cwd: root,
    cache: true,
    cacheStrategy: "content",
    cacheLocation: `${cacheDir}${path.sep}`,
  });
  const results = await eslint.lintFiles(
    process.argv.length > 2 ? process.argv.slice(2) : typedSources,
  );
  const formatter = await eslint.loadFormatter("stylish");
  const text = await formatter.format(results);
  if (text) {
    process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
  }
  return results.some((r) => r.errorCount > 0) ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (err) => {
    process.stderr.write(`${err && err.stack ? err.stack : err}\n`);
    process.exitCode = 2;
  },
);
