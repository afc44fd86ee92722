/**
 * engine/lazy-sdk.ts: in a process that installs the hook, loading the Pulumi SDK leaves the
 * TypeScript compiler, @npmcli/arborist and the Automation API unloaded, and each loads the
 * first time it is used. Run in a fresh process: jest's module registry would hide the hook.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { root } from "../helpers/cli";

const probe = `
const loaded = (part) => Object.keys(require.cache).some((k) => k.includes(part));
require(${JSON.stringify(path.join(root, "engine", "lazy-sdk.ts"))}).installLazySdkDependencies();
const pulumi = require("@pulumi/pulumi");
const before = {
  typescript: loaded("/node_modules/typescript/"),
  arborist: loaded("/@npmcli/arborist/"),
  automation: loaded("/@pulumi/pulumi/automation/"),
};
const workspace = typeof pulumi.automation.LocalWorkspace;
const after = { automation: loaded("/@pulumi/pulumi/automation/") };
process.stdout.write(JSON.stringify({ before, workspace, after }));
`;

test("the SDK loads without the compiler, arborist and the Automation API, which load on use", () => {
  const out = execFileSync(
    process.execPath,
    ["--require", require.resolve("sucrase/register/ts"), "-e", probe],
    { cwd: root },
  ).toString();
  expect(JSON.parse(out)).toEqual({
    before: { typescript: false, arborist: false, automation: false },
    workspace: "function",
    after: { automation: true },
  });
});
