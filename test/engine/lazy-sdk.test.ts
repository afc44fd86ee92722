/**
 * engine/lazy-sdk.ts: in a process that installs the hook, loading the Pulumi SDK leaves the
 * function serialiser (with the TypeScript compiler and @npmcli/arborist), the Automation API and
 * semver unloaded, and each loads the first time it is used. Run in a fresh process: jest's module registry would hide the hook.
 */
import { execFileSync } from "node:child_process";
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
