#!/usr/bin/env node
// Checks the packed guard against releases of @pulumi/pulumi, as a project that installs one of
// them would run it: the offline engine leans on the SDK's runtime (its mock monitor, callback
// server and registration), which changes between releases — 3.257 fails a program on an input
// whose value failed instead of leaving it waiting, 3.260 changed how transforms are registered.
//
//   npm run sdk:compat [-- <version> ...]     (default: the peer range's floor and the newest)
//
// For each version, a fresh project outside this repository installs that SDK, this repository's
// @pulumi/aws, @pulumi/kubernetes and @pulumi/alicloud and the tarball `npm pack` makes of this
// package (the network is needed), then checks each program below under a US stack, or its
// fixture's own; the exit code and the line that says why must be the ones written here, whatever
// the version.
"use strict";
const { execFileSync, spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const semver = require("semver");

const root = path.resolve(__dirname, "..");
const pkg = require(path.join(root, "package.json"));

/**
 * The programs, the exit code each must end with, a line its output must hold, the stack (`dev`
 * unless given), and what it must give instead on releases older than one (a program written
 * for an API the release does not have fails, naming it).
 */
const programs = [
  // Transforms change what is registered: a bucket moved to Virginia, inside US.
  ["test/fixtures/engine/transforms.ts", 0, "SEALED: stack dev has no path out of US"],
  // Hooks and state migrations are taken and never run (each throws if it runs); before 3.220 the
  // SDK has no ErrorHook, and the program fails on it as under the Pulumi CLI.
  [
    "test/fixtures/engine/hooks.ts",
    0,
    "SEALED: stack dev has no path out of US",
    "dev",
    {
      before: "3.220.0",
      code: 2,
      line: "has no pulumi.ErrorHook (the program was written for another version of the package)",
    },
  ],
  // An input whose apply throws is named with its resource, whether the program fails or stalls.
  [
    "test/fixtures/verdict/apply-throws.ts",
    2,
    'aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock "logs" never registered, whose input "bucket" failed: RangeError (no message)',
  ],
  // A promise that never settles stalls the program under every release.
  [
    "test/fixtures/verdict/never-resolves.ts",
    2,
    'aws:s3/bucket:Bucket "uploads" never registered, whose input "bucket" waits on a promise that never settled',
  ],
  // yaml/v2 components rendered as their provider renders them, under the fixture's own stack
  // (its config and manifests copied beside it): the public Service in one of them is found.
  [
    "test/fixtures/yaml-v2/index.ts",
    1,
    '[mandatory] kubernetes-service-exposure kubernetes:core/v1:Service "web:default/web"',
    "prod",
  ],
  // A multi-language component constructed by its plugin (the fixture's provider.js, installed
  // in a PULUMI_HOME of the run's own): output values nested in its inputs, five at once, one
  // handed whole to another and read back by its URN.
  [
    "test/fixtures/plugins/index.ts",
    0,
    "SEALED: stack beijing has no path out of CN (6 advisory findings)",
    "beijing",
  ],
];

function npm(args, cwd) {
  return execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
}

const requested = process.argv.slice(2);
const floor = /^\^?(\d+\.\d+\.\d+)$/.exec(pkg.peerDependencies["@pulumi/pulumi"])?.[1];
const versions =
  requested.length > 0 ? requested : [floor, npm(["view", "@pulumi/pulumi", "version"]).trim()];
for (const v of versions) {
  if (!/^\d+\.\d+\.\d+$/.test(v ?? "")) {
    process.stderr.write(
      `sdk-compat: received ${JSON.stringify(v)}; expected versions as 3.248.0\n`,
    );
    process.exit(2);
  }
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-sdk-compat-"));
const tarball = path.join(work, npm(["pack", "--silent", "--pack-destination", work], root).trim());
const aws = require(path.join(root, "node_modules/@pulumi/aws/package.json")).version;
const kubernetes = require(path.join(root, "node_modules/@pulumi/kubernetes/package.json")).version;
const alicloud = require(path.join(root, "node_modules/@pulumi/alicloud/package.json")).version;
let failed = 0;
for (const v of versions) {
  const dir = path.join(work, v);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, "package.json"), '{ "name": "p", "private": true }\n');
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: p\nruntime: nodejs\n");
  fs.writeFileSync(
    path.join(dir, "Pulumi.dev.yaml"),
    "config:\n  aws:region: us-west-2\n  sovereign-dc:jurisdiction: US\n",
  );
  const sdks = [
    `@pulumi/pulumi@${v}`,
    `@pulumi/aws@${aws}`,
    `@pulumi/kubernetes@${kubernetes}`,
    `@pulumi/alicloud@${alicloud}`,
  ];
  npm(["install", "--no-audit", "--no-fund", ...sdks, tarball], dir);
  // The plugin fixture's `acme` plugin, as `pulumi plugin install` would put it, run on the
  // project's own SDK.
  const home = path.join(dir, ".pulumi-home");
  const plugin = path.join(home, "plugins", "resource-acme-v1.0.0", "pulumi-resource-acme");
  fs.mkdirSync(path.dirname(plugin), { recursive: true });
  fs.writeFileSync(
    plugin,
    `#!/bin/sh\nexec "${process.execPath}" "${path.join(dir, "provider.js")}" "$@"\n`,
    { mode: 0o755 },
  );
  for (const [program, usual, usualLine, stack = "dev", older] of programs) {
    const [code, line] =
      older !== undefined && semver.lt(v, older.before)
        ? [older.code, older.line]
        : [usual, usualLine];
    const from = path.dirname(path.join(root, program));
    const file = stack === "dev" ? path.basename(program) : `${stack}-${path.basename(program)}`;
    fs.copyFileSync(path.join(root, program), path.join(dir, file));
    if (stack !== "dev") {
      // The fixture's own stack config, and the folders of files it reads.
      const config = `Pulumi.${stack}.yaml`;
      // Its project's own keys, under this project's name (`p`).
      const project = /^name:\s*(\S+)/m.exec(
        fs.readFileSync(path.join(from, "Pulumi.yaml"), "utf8"),
      );
      const text = fs.readFileSync(path.join(from, config), "utf8");
      fs.writeFileSync(
        path.join(dir, config),
        project ? text.replaceAll(`  ${project[1]}:`, "  p:") : text,
      );
      for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        if (entry.isDirectory()) {
          fs.cpSync(path.join(from, entry.name), path.join(dir, entry.name), { recursive: true });
        } else if (!entry.name.startsWith("Pulumi.") && entry.name !== path.basename(program)) {
          // The modules it imports (the plugin fixture's store.ts and provider.js).
          fs.copyFileSync(path.join(from, entry.name), path.join(dir, entry.name));
        }
      }
    }
    const run = spawnSync(
      path.join(dir, "node_modules/.bin/sovereign-dc"),
      ["check", file, "--stack", stack],
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...process.env, PULUMI_HOME: home, PULUMI_IGNORE_AMBIENT_PLUGINS: "true" },
      },
    );
    const ok = run.status === code && `${run.stdout}${run.stderr}`.includes(line);
    failed += ok ? 0 : 1;
    process.stdout.write(
      `${ok ? "ok  " : "FAIL"} @pulumi/pulumi ${v} ${file}: exit ${run.status}${ok ? "" : ` (expected ${code} and: ${line})\n${run.stderr}`}\n`,
    );
  }
}
fs.rmSync(work, { recursive: true, force: true });
process.exit(failed === 0 ? 0 : 1);
