/**
 * engine/lazy-sdk.ts: in a process that installs the hook, loading the Pulumi SDK leaves the
 * function serialiser (with the TypeScript compiler and @npmcli/arborist), the Automation API and
 * semver unloaded, and each loads the first time it is used. Run in a fresh process: jest's module registry would hide the hook.
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as path from "node:path";
import { root } from "../helpers/cli";

const probe = `
const loaded = (part) => Object.keys(require.cache).some((k) => k.includes(part));
require(${JSON.stringify(path.join(root, "engine", "lazy-sdk.ts"))}).installLazySdkDependencies();
const pulumi = require("@pulumi/pulumi");
const parts = {
  typescript: "/node_modules/typescript/",
  arborist: "/@npmcli/arborist/",
  automation: "/@pulumi/pulumi/automation/",
  serialiser: "/@pulumi/pulumi/runtime/closure/",
  semver: "/node_modules/semver/",
};
const state = () => Object.fromEntries(Object.entries(parts).map(([k, p]) => [k, loaded(p)]));
const before = state();
const workspace = typeof pulumi.automation.LocalWorkspace;
// A second registration of one module version compares the versions.
const module = { version: "1.2.3", construct: () => undefined };
pulumi.runtime.registerResourceModule("probe", "index", module);
pulumi.runtime.registerResourceModule("probe", "index", module);
pulumi.runtime
  .serializeFunction(() => 42)
  .then((f) => {
    const after = state();
    process.stdout.write(JSON.stringify({ before, workspace, serialised: f.text.includes("42"), after }));
  });
`;

test("the SDK loads without the serialiser, the Automation API and semver, which load on use", () => {
  const out = execFileSync(
    process.execPath,
    ["--require", require.resolve("sucrase/register/ts"), "-e", probe],
    // The serialiser's own warnings (Node's deprecated `sys`, WASI) are not this test's output.
    { cwd: root, stdio: ["ignore", "pipe", "pipe"] },
  ).toString();
  expect(JSON.parse(out)).toEqual({
    before: {
      typescript: false,
      arborist: false,
      automation: false,
      serialiser: false,
      semver: false,
    },
    workspace: "function",
    serialised: true,
    after: { typescript: true, arborist: false, automation: true, serialiser: true, semver: true },
  });
});

/**
 * A project without TypeScript (it is an optional peer of the SDK): the SDK's shim falls back to
 * the TypeScript it vendors, as under the Pulumi CLI, and a program's inline function (a Lambda's
 * handler) is serialised. Here no `typescript` resolves, as in such a project.
 */
test("a project without TypeScript serialises with the SDK's vendored one", () => {
  const withoutTypeScript = `
const Module = require("node:module");
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request === "typescript") {
    throw Object.assign(new Error("Cannot find module 'typescript'"), { code: "MODULE_NOT_FOUND" });
  }
  return resolve.call(this, request, ...rest);
};
${probe}`;
  const r = spawnSync(
    process.execPath,
    ["--require", require.resolve("sucrase/register/ts"), "-e", withoutTypeScript],
    { cwd: root, encoding: "utf8" },
  );
  expect(r.status).toBe(0);
  expect((JSON.parse(r.stdout) as { serialised: boolean }).serialised).toBe(true);
});

/**
 * The serialiser requires every built-in module Node lists; one that prints an ExperimentalWarning
 * when it loads (node:ffi on Node 26; WASI, which the serialiser skips, on every Node here) is
 * loaded for it without the warning, and for anyone else as Node loads it.
 */
test("built-in modules the serialiser loads print no ExperimentalWarning; the program's own still do", () => {
  const closure = path.join(
    root,
    "node_modules",
    "@pulumi",
    "pulumi",
    "runtime",
    "closure",
    "createClosure.js",
  );
  const load = (parent: string) =>
    spawnSync(
      process.execPath,
      [
        "--require",
        require.resolve("sucrase/register/ts"),
        "-e",
        `require(${JSON.stringify(path.join(root, "engine", "lazy-sdk.ts"))}).installLazySdkDependencies();
         const Module = require("node:module");
         const wasi = Module._load("wasi", { filename: ${JSON.stringify(parent)} }, false);
         process.emitWarning("the program's own", "DeprecationWarning");
         process.stdout.write(typeof wasi.WASI);`,
      ],
      { cwd: root, encoding: "utf8" },
    );
  const forSerialiser = load(closure);
  expect(forSerialiser.stdout).toBe("function");
  expect(forSerialiser.stderr).not.toContain("ExperimentalWarning");
  expect(forSerialiser.stderr).toContain("DeprecationWarning: the program's own");
  const forProgram = load(path.join(root, "index.ts"));
  expect(forProgram.stdout).toBe("function");
  expect(forProgram.stderr).toContain("ExperimentalWarning: WASI is an experimental feature");
});

test("withoutExperimentalWarnings drops ExperimentalWarnings in each form emitWarning takes, and no other", () => {
  // In a process of its own: jest's sandbox has a process object of its own.
  const r = spawnSync(
    process.execPath,
    [
      "--require",
      require.resolve("sucrase/register/ts"),
      "-e",
      `const { withoutExperimentalWarnings } = require(${JSON.stringify(path.join(root, "engine", "lazy-sdk.ts"))});
       withoutExperimentalWarnings(() => {
         process.emitWarning("by type", "ExperimentalWarning");
         process.emitWarning("by options", { type: "ExperimentalWarning" });
         process.emitWarning(Object.assign(new Error("by error"), { name: "ExperimentalWarning" }));
         process.emitWarning("kept", "DeprecationWarning");
       });
       process.emitWarning("after", "ExperimentalWarning");`,
    ],
    { cwd: root, encoding: "utf8" },
  );
  const warnings = r.stderr.split("\n").filter((l) => /^\(node:\d+\) /.test(l));
  expect(warnings.map((l) => l.replace(/^\(node:\d+\) /, ""))).toEqual([
    "DeprecationWarning: kept",
    "ExperimentalWarning: after",
  ]);
});
