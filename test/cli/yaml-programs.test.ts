/**
 * `check` on Pulumi YAML projects, as on TypeScript ones: a folder whose Pulumi.yaml says
 * `runtime: yaml` is evaluated from its template and judged by the same pack.
 */
import * as path from "node:path";
import { cliMany, type CliRun } from "../helpers/cli";

const fixture = (name: string) => path.join("test", "fixtures", "yaml", name);

let runs: CliRun[];
beforeAll(async () => {
  runs = await cliMany([
    { args: ["check", fixture("sealed"), "--stack", "cn"] },
    { args: ["check", fixture("abroad"), "--stack", "cn", "--format", "json"] },
    { args: ["check", fixture("broken"), "--stack", "cn"] },
    { args: ["check", fixture("stack-reference"), "--stack", "cn"] },
    { args: ["check", fixture("stack-reference"), "--stack", "bare"] },
    { args: ["check", path.join(fixture("abroad"), "Pulumi.yaml"), "--stack", "cn"] },
  ]);
});

test("a YAML program that keeps its records in Beijing is sealed", () => {
  const [sealed] = runs;
  expect(sealed.code).toBe(0);
  expect(sealed.stdout).toContain(
    "Checked test/fixtures/yaml/sealed/Pulumi.yaml as stack cn (jurisdiction CN): 6 resources",
  );
  expect(sealed.stdout.trim().split("\n").at(-1)).toBe(
    "SEALED: stack cn has no path out of CN (0 advisory findings).",
  );
});

test("a JSON template's bucket on a Frankfurt provider fails resource-placement", () => {
  const doc = JSON.parse(runs[1].stdout) as {
    violations: { policy: string; level: string; resourceName: string }[];
  };
  expect(runs[1].code).toBe(1);
  expect(
    doc.violations.filter((v) => v.level === "mandatory").map((v) => [v.policy, v.resourceName]),
  ).toEqual([
    ["resource-placement", "archive"],
    ["resource-placement", "frankfurt"],
  ]);
});

test("a template the engine cannot evaluate is no verdict: exit 2 naming the construct", () => {
  const [, , broken] = runs;
  expect(broken.code).toBe(2);
  expect(broken.stdout).toBe("");
  expect(broken.stderr).toContain(
    "resources.records.properties.bucket.fn::templateFile: the built-in fn::templateFile is not one the engine evaluates offline",
  );
});

test("a StackReference resource reads the other stack's outputs as the stack config declares them", () => {
  const [declared, bare] = runs.slice(3);
  expect(declared.code).toBe(0);
  expect(declared.stdout).toContain(
    "Checked test/fixtures/yaml/stack-reference/Pulumi.yaml as stack cn (jurisdiction CN): 3 resources",
  );
  // Undeclared, the outputs are not known offline: the rule's source fails closed, named.
  expect(bare.code).toBe(1);
  expect(bare.stdout).toContain(
    'but ingress[0].cidrBlocks[0] is not known offline: it comes from another stack\'s outputs (StackReference "network"',
  );
});

test("Pulumi.yaml given as the program stands for its project: the template in Main.json is judged", () => {
  const viaProjectFile = runs[5];
  expect(viaProjectFile.code).toBe(1);
  expect(viaProjectFile.stdout.split("\n")[0]).toBe(
    "Checked test/fixtures/yaml/abroad/Main.json as stack cn (jurisdiction CN): 3 resources",
  );
});
