/**
 * Every stack this repository ships — each `Pulumi.<stack>.yaml` next to Pulumi.yaml, found here,
 * never listed — has a valid spec, plans sealed and gets its report. A new stack file is tested
 * as soon as it is added.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadProject, loadStackConfig } from "../../engine/project";
import { parseStackSpec } from "../../residency/spec";
import { cliMany, type CliRun, root } from "../helpers/cli";

const stacks = fs
  .readdirSync(root)
  .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
  .filter((s): s is string => s !== undefined)
  .sort();

const out = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-shipped-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

const runs = new Map<string, { json: CliRun; md: CliRun }>();

beforeAll(async () => {
  const results = await cliMany(
    stacks.flatMap((stack) => [
      { args: ["plan", "--stack", stack, "--format", "json"] },
      { args: ["plan", "--stack", stack, "--format", "md", "--out", path.join(out, stack)] },
    ]),
  );
  stacks.forEach((stack, i) => runs.set(stack, { json: results[2 * i], md: results[2 * i + 1] }));
}, 180_000);

test("the repository ships stacks", () => {
  expect(stacks.length).toBeGreaterThan(0);
});

describe.each(stacks)("shipped stack %s", (stack) => {
  it("has a valid spec", () => {
    const { config } = loadStackConfig(loadProject(root), stack);
    expect(() => parseStackSpec(config, stack)).not.toThrow();
  });

  it("plans with exit 0 and no mandatory violation", () => {
    const { json } = runs.get(stack)!;
    expect({ code: json.code, stderr: json.code === 0 ? "" : json.stderr }).toEqual({
      code: 0,
      stderr: "",
    });
    const doc = JSON.parse(json.stdout) as { stack: string; violations: { level: string }[] };
    expect(doc.stack).toBe(stack);
    expect(doc.violations.filter((v) => v.level === "mandatory")).toEqual([]);
  });

  it("builds its report", () => {
    const { md } = runs.get(stack)!;
    expect(md.code).toBe(0);
    const report = fs.readFileSync(path.join(out, stack, "report.md"), "utf8");
    expect(report.startsWith(`# Residency report — stack \`${stack}\`\n`)).toBe(true);
    expect(report).toContain("**Verdict: sealed.**");
  });
});
