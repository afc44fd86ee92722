/**
 * A program that fails on an environment variable it reads and the environment check runs in
 * does not set: Node's words for the undefined value do not name the variable, so the reason
 * names it.
 */
import * as path from "node:path";
import { cli, root } from "../helpers/cli";

const project = path.join(root, "test", "fixtures", "unset-environment");

it("names the unset variable the program read when it fails on an undefined value", async () => {
  const run = await cli(["check", project, "--stack", "us"]);
  expect(run.code).toBe(2);
  expect(run.stderr).toContain("Received undefined (at index.ts:5:");
  expect(run.stderr).toContain(
    "The program read the environment variable SDC_FIXTURE_PUBLIC_KEY_FILE, which is not set here, so the undefined value may be it. Set it in the environment check runs in, as pulumi up would run with it.",
  );
});

it("checks the program once the variable is set", async () => {
  const run = await cli(["check", project, "--stack", "us"], {
    env: { SDC_FIXTURE_PUBLIC_KEY_FILE: path.join(project, "deployer.pub") },
  });
  expect(run.stderr).not.toContain("environment variable");
  expect(run.stdout).toContain("SEALED: stack us has no path out of US");
  expect(run.code).toBe(0);
});
