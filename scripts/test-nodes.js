#!/usr/bin/env node
// Runs the jest suite on other releases of Node.js than the one at hand: users run the guard on
// the Node their Pulumi projects use, and the engine leans on what changes between releases (V8's
// tiering options, the ES-module loader's hook API, the module loader's stack frames, which
// built-in modules warn when they load). CI runs the machine's Node only.
//
//   npm run test:nodes [-- <major or version> ...] [-- <jest arguments>]
//   npm run test:nodes -- 22 24 26
//   npm run test:nodes -- 26 -- test/engine       # only the engine's tests, on Node 26
//
// Each release is the `node-<platform>-<arch>` package of the npm registry (the binaries the
// `node` package installs), fetched once into node_modules/.cache/sovereign-dc-nodes/ with
// `npm pack` (the network is needed the first time). Jest runs with that release's bin folder
// first on PATH, so the processes the suite starts (CLI runs, evaluations, the pack, npm) run on
// it too. Prints one line per release and exits non-zero if any failed.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const cache = path.join(root, "node_modules", ".cache", "sovereign-dc-nodes");

const argv = process.argv.slice(2);
const split = argv.indexOf("--");
const versions = split === -1 ? argv : argv.slice(0, split);
const jestArgs = split === -1 ? [] : argv.slice(split + 1);
for (const v of versions) {
  if (!/^\d+(\.\d+){0,2}$/.test(v)) {
    console.error(
      `test:nodes: received ${JSON.stringify(v)}; expected a Node.js major version or a full one (22, 24.22.3)`,
    );
    process.exit(2);
  }
}
if (versions.length === 0) {
  versions.push("22", "24", "26");
}

const binaryPackage = `node-${process.platform === "win32" ? "win" : process.platform}-${process.arch}`;

/** The bin folder of `version`'s release, fetched and unpacked on first use. */
function release(version) {
  const exact = execFileSync("npm", ["view", `${binaryPackage}@${version}`, "version", "--json"], {
    encoding: "utf8",
  });
  const found = JSON.parse(exact);
  const newest = Array.isArray(found) ? found[found.length - 1] : found;
  if (typeof newest !== "string") {
    throw new Error(`test:nodes: the registry has no ${binaryPackage} ${version}`);
  }
  const dir = path.join(cache, newest);
  const bin = path.join(dir, "package", "bin");
  if (!fs.existsSync(path.join(bin, process.platform === "win32" ? "node.exe" : "node"))) {
    fs.mkdirSync(dir, { recursive: true });
    const tarball = execFileSync(
      "npm",
      ["pack", `${binaryPackage}@${newest}`, "--silent", "--pack-destination", dir],
      { encoding: "utf8" },
    ).trim();
    execFileSync("tar", ["xzf", path.join(dir, tarball), "-C", dir]);
    fs.rmSync(path.join(dir, tarball));
  }
  return { version: newest, bin };
}

let failed = 0;
const lines = [];
for (const v of versions) {
  const { version, bin } = release(v);
  console.log(`== Node.js ${version}`);
  const started = Date.now();
  const r = spawnSync(
    path.join(bin, "node"),
    [path.join(root, "node_modules", "jest", "bin", "jest.js"), ...jestArgs],
    {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, PATH: `${bin}${path.delimiter}${process.env.PATH}` },
    },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  lines.push(`Node.js ${version}: ${r.status === 0 ? "passed" : "FAILED"} in ${seconds} s`);
  failed += r.status === 0 ? 0 : 1;
}
console.log(lines.join("\n"));
process.exit(failed === 0 ? 0 : 1);
