/**
 * Pulumi.yaml as the Pulumi CLI reads it: the older `config: <folder>` names the folder of the
 * stack files (the CLI rewrites it to `stackConfigDir`), and the two together are refused.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadProject, UsageError } from "../../engine/project";

function projectWith(yaml: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-project-"));
  fs.writeFileSync(path.join(dir, "Pulumi.yaml"), yaml);
  return dir;
}

test("config naming a folder is where the stack files are, and sets no config", () => {
  const dir = projectWith("name: app\nruntime: nodejs\nconfig: stacks/\n");
  const project = loadProject(dir);
  expect(project.stackConfigDir).toBe(path.join(dir, "stacks/"));
  expect(project.config).toEqual({});
});

test("config naming a folder beside stackConfigDir is refused, as the CLI refuses it", () => {
  const dir = projectWith("name: app\nruntime: nodejs\nconfig: stacks/\nstackConfigDir: env/\n");
  expect(() => loadProject(dir)).toThrow(UsageError);
  expect(() => loadProject(dir)).toThrow(
    `${path.join(dir, "Pulumi.yaml")}: "config" names a folder ("stacks/") and "stackConfigDir" is set too; the Pulumi CLI refuses both. Keep only stackConfigDir.`,
  );
});

test("config as a map still declares the stacks' values, the folder the project's own", () => {
  const dir = projectWith("name: app\nruntime: nodejs\nconfig:\n  aws:region: us-west-2\n");
  const project = loadProject(dir);
  expect(project.stackConfigDir).toBe(dir);
  expect(project.config).toEqual({ "aws:region": "us-west-2" });
});
