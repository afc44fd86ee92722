#!/usr/bin/env node
// Builds the residency policy pack as a folder of its own — the layout `pulumi policy publish`
// and `pulumi preview --policy-pack <dir>` expect, usable from any repository: PulumiPolicy.yaml,
// a package.json that declares what the pack needs at run time, and the pack's JavaScript (the
// policies and the jurisdiction catalog they read), built by `npm run build` into dist/.
//
//   npm run build:pack [-- <out-dir>]     (default: dist/policy-pack)
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");

/** The packages the pack's code requires, with the versions this package pins for them. */
function packDependencies(dir, pkg) {
  const wanted = new Set();
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) {
        walk(file);
      } else if (entry.name.endsWith(".js")) {
        for (const m of fs.readFileSync(file, "utf8").matchAll(/require\("([^".][^"]*)"\)/g)) {
          const parts = m[1].split("/");
          wanted.add(m[1].startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]);
        }
      }
    }
  };
  walk(dir);
  // The policy SDK talks to the Pulumi engine through @pulumi/pulumi, which it expects as a peer.
  wanted.add("@pulumi/pulumi");
  const deps = {};
  for (const name of [...wanted].filter((n) => !n.startsWith("node:")).sort()) {
    const range = pkg.dependencies[name] ?? pkg.peerDependencies?.[name];
    if (range === undefined) {
      throw new Error(`The policy pack requires ${name}, which package.json does not depend on.`);
    }
    deps[name] = range;
  }
  return deps;
}

function buildPack(out) {
  const built = path.join(root, "dist");
  if (!fs.existsSync(path.join(built, "policy", "index.js"))) {
    throw new Error("dist/policy/index.js is missing: run `npm run build` first.");
  }
  const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
  fs.rmSync(out, { recursive: true, force: true });
  // The inventory of the providers' types and its reader, which only `sovereign-dc coverage`
  // reads; the rest of policy/inventory (the place rules arn-locality reads properties by, the
  // flow tables) is code the pack runs.
  const inventory = path.join(built, "policy", "inventory");
  const coverageOnly = (src) =>
    path.dirname(src) === inventory &&
    (src.endsWith(".jsonl") || /^sdk\.js(\.map)?$/.test(path.basename(src)));
  for (const part of ["policy", "residency"]) {
    fs.cpSync(path.join(built, part), path.join(out, part), {
      recursive: true,
      // The pack needs the JavaScript (with its source maps), not the declarations.
      filter: (src) => !src.endsWith(".d.ts") && !coverageOnly(src),
    });
  }
  const yaml = fs
    .readFileSync(path.join(root, "policy", "PulumiPolicy.yaml"), "utf8")
    .replace(/^version:.*\n?/m, "");
  fs.writeFileSync(
    path.join(out, "PulumiPolicy.yaml"),
    `${yaml.trimEnd()}\nversion: ${pkg.version}\nlicense: ${pkg.license}\n`,
  );
  const manifest = {
    name: "sovereign-dc-policy",
    version: pkg.version,
    description:
      "CrossGuard residency policy pack of sovereign-dc: fails any Pulumi program with a path out of its jurisdiction.",
    license: pkg.license,
    main: "policy/index.js",
    dependencies: packDependencies(out, pkg),
  };
  fs.writeFileSync(path.join(out, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  return out;
}

module.exports = { buildPack };

if (require.main === module) {
  const out = buildPack(path.resolve(process.argv[2] ?? path.join(root, "dist", "policy-pack")));
  process.stdout.write(`Built the policy pack in ${path.relative(process.cwd(), out) || "."}\n`);
}
