/**
 * policy/names.ts is what the engine configures the pack by, without loading the policies: it
 * must be the pack's policies, in order, and the pack refuses to load when it is not.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { policies } from "../../policy/policies";
import { root } from "../helpers/cli";
import { hardeningPolicyNames, policyNames } from "../../policy/names";

test("names the pack's policies in the pack's order, and hardening policies among them", () => {
  expect(policyNames).toEqual(policies.map((p) => p.name));
  expect(hardeningPolicyNames.filter((n) => !policyNames.includes(n))).toEqual([]);
});

test("the pack does not load when names.ts and its policies differ", () => {
  for (const names of [
    { policyNames: policyNames.slice(1), hardeningPolicyNames },
    { policyNames: [...policyNames].reverse(), hardeningPolicyNames },
    { policyNames, hardeningPolicyNames: ["no-such-policy"] },
  ]) {
    jest.isolateModules(() => {
      jest.doMock("../../policy/names", () => names);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      expect(() => require("../../policy/policies")).toThrow(/policy\/names\.ts (lists|names)/);
      jest.dontMock("../../policy/names");
    });
  }
});

test("the CLI's modules load none of the pack's policies", () => {
  // A fresh process: this file has loaded the policies itself.
  const script = `
    require(${JSON.stringify(path.join(root, "cli", "main.ts"))});
    const loaded = Object.keys(require.cache)
      .filter((k) => k.startsWith(${JSON.stringify(path.join(root, "policy") + path.sep)}))
      .map((k) => k.slice(${root.length + 1}));
    process.stdout.write(JSON.stringify(loaded.sort()));
  `;
  const out = execFileSync(
    process.execPath,
    ["--require", path.join(root, "engine", "register-ts.js"), "-e", script],
    { cwd: root },
  ).toString();
  const loaded = JSON.parse(out) as string[];
  expect(loaded).toContain("policy/names.ts");
  expect(
    loaded.filter(
      (f) =>
        [
          "policy/policies.ts",
          "policy/paths/index.ts",
          "policy/paths/analyze.ts",
          "policy/paths/no-path.ts",
          "policy/paths/posture.ts",
        ].includes(f) || f.startsWith("policy/border/"),
    ),
  ).toEqual([]);
});
