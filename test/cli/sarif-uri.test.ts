/**
 * Where a SARIF result points: the program's path from its repository's root, which code scanning
 * resolves, wherever `check` ran from (a new user ran it from a subfolder and got `../index.ts`).
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import { sarifUri, toSarif } from "../../cli/sarif";
import type { Violation } from "../../engine/check";
import { cliCheckCommands } from "../../engine/project";

const tmp = () => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-sarif-")));

test("names the program from the root of the repository that holds it, from any folder", () => {
  const repo = tmp();
  fs.mkdirSync(path.join(repo, ".git"));
  fs.mkdirSync(path.join(repo, "infra", "extra"), { recursive: true });
  const program = path.join(repo, "infra", "index.ts");
  expect(sarifUri(program, path.join(repo, "infra", "extra"))).toBe("infra/index.ts");
  expect(sarifUri("../index.ts", path.join(repo, "infra", "extra"))).toBe("infra/index.ts");
  expect(sarifUri(program, repo)).toBe("infra/index.ts");
});

test("outside a repository, its path from the current folder, or its file URI above it", () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, "extra"));
  const program = path.join(dir, "index.ts");
  expect(sarifUri(program, dir)).toBe("index.ts");
  expect(sarifUri(program, path.join(dir, "extra"))).toBe(pathToFileURL(program).href);
});

/** offline-visibility's finding on an awsx VPC, telling how to run the pack: `commands`. */
const hiddenVpc = (commands: string): Violation => ({
  policy: "offline-visibility",
  level: "mandatory",
  urn: "urn:pulumi:dev::p::awsx:ec2:Vpc::net",
  resourceName: "net",
  resourceType: "awsx:ec2:Vpc",
  path: null,
  message: `awsx:ec2:Vpc "net" cannot be seen offline: run ${commands}`,
});

// Found by an old-against-new bench: a finding that tells how to run the pack under the Pulumi
// CLI names the pack's folder from where `check` ran, and its fingerprint moved with it, so code
// scanning opened a new alert for the same finding when CI ran from another folder.
test("a finding's fingerprint is the same from any folder check runs in", () => {
  // Built where `check` runs, as the engine builds it.
  const print = (stack: string) => {
    const finding = hiddenVpc(cliCheckCommands(stack));
    const log = toSarif([finding], "index.ts", "index.ts", "0.0.0");
    return {
      message: finding.message,
      print: log.runs[0].results?.[0].partialFingerprints?.["sovereignDcFinding/v1"],
    };
  };
  const here = process.cwd();
  try {
    const first = print("dev");
    process.chdir(os.tmpdir());
    const elsewhere = print("dev");
    expect(elsewhere.message).not.toBe(first.message);
    expect(elsewhere.print).toBe(first.print);
    // Still the finding's own: another stack's command is another finding.
    expect(print("prod").print).not.toBe(first.print);
  } finally {
    process.chdir(here);
  }
});

// A project in another folder than the one `check` ran in gets the commands with --project and
// --cwd, the pack named from the project's folder: one alert still, whichever folder CI runs from.
test("a finding's fingerprint is the same from the project's folder and from above it", () => {
  const repo = tmp();
  const infra = path.join(repo, "my infra");
  fs.mkdirSync(infra);
  const print = (from: string) => {
    const finding = hiddenVpc(cliCheckCommands("dev", infra, from));
    return toSarif([finding], "index.ts", "index.ts", "0.0.0").runs[0].results?.[0]
      .partialFingerprints?.["sovereignDcFinding/v1"];
  };
  const here = process.cwd();
  try {
    process.chdir(infra);
    const inProject = print(infra);
    process.chdir(repo);
    expect(cliCheckCommands("dev", infra, repo)).toContain("--project 'my infra'");
    expect(print(repo)).toBe(inProject);
    process.chdir(os.tmpdir());
    expect(print(os.tmpdir())).toBe(inProject);
  } finally {
    process.chdir(here);
  }
});
