/**
 * Usage errors of the CLI, run in-process through `main` (no program is evaluated, so no child
 * process is needed): exit 2 and a message that says what is wrong and how to fix it.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { main } from "../../cli/main";

const root = path.resolve(__dirname, "..", "..");

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = "";
  let err = "";
  const code = await main(["node", "sovereign-dc", ...args], {
    out: (t) => {
      out += t;
    },
    err: (t) => {
      err += t;
    },
  });
  return { code, out, err };
}

describe("sovereign-dc usage errors exit 2", () => {
  it("names the allowed formats", async () => {
    const r = await run("plan", "--format", "xml");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "error: option '--format <format>' argument 'xml' is invalid. Allowed choices are text, json, md.\n",
    });
  });

  // Found by a new user: plan and policy-config fell back to this repository's own stack.
  it("asks plan and policy-config for a stack when the project has several, naming them", async () => {
    for (const command of ["plan", "policy-config"]) {
      const r = await run(command, "--project", root);
      expect(r).toEqual({
        code: 2,
        out: "",
        err: `error: --stack not given: ${command} runs for one stack's config, the Pulumi.<stack>.yaml beside the project's Pulumi.yaml; give --stack <stack>. Stacks of this project: cn-shanghai, eu-frankfurt, us-west.\n`,
      });
    }
  });

  // Found by a new user: a flag naming another border than the stack's was dropped unread.
  it("refuses a --jurisdiction that differs from the stack's own, and one not in the catalog", async () => {
    const withFlag = (jurisdiction: string) =>
      run("preflight", "--stack", "cn-shanghai", "--project", root, "--jurisdiction", jurisdiction);
    const differs = await withFlag("US");
    expect(differs.code).toBe(2);
    expect(differs.err).toBe(
      "error: --jurisdiction US differs from sovereign-dc:jurisdiction CN of Pulumi.cn-shanghai.yaml, which decides the stack's border: leave --jurisdiction out, or change the stack's config.\n",
    );
    const unknown = await withFlag("cn");
    expect(unknown.code).toBe(2);
    expect(unknown.err).toMatch(
      /^error: --jurisdiction: received "cn"; expected a jurisdiction of the catalog \(did you mean CN\?\): CN, /,
    );
  });

  it("names the stacks of the project when the stack has no config file", async () => {
    const r = await run("plan", "--stack", "cn-nowhere", "--project", root);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `error: --stack "cn-nowhere": no Pulumi.cn-nowhere.yaml in ${root}; stacks of this project: cn-shanghai, eu-frankfurt, us-west.\n`,
    );
  });

  it("names Pulumi.yaml's main and the folder when plan finds no program entry", async () => {
    const project = path.join(root, "test", "fixtures", "engine", "no-main");
    const r = await run("plan", "--stack", "dev", "--project", project);
    expect(r).toEqual({
      code: 2,
      out: "",
      err:
        `error: Cannot find the program entry: Pulumi.yaml sets main: "src/index.ts", but there ` +
        `is no such file or folder in ${project}. Point main at the program file (or its ` +
        "folder), or run `sovereign-dc check <program file>`.\n",
    });
  });

  // Found by a new user: each of these gave a message that did not say what was wrong.
  it("names settings written outside config:, a bad level for all, and a missing --policy-config file", async () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-usage-"));
    fs.writeFileSync(path.join(project, "Pulumi.yaml"), "name: app\nruntime: nodejs\n");
    fs.writeFileSync(path.join(project, "Pulumi.prod.yaml"), "sovereign-dc:jurisdiction: US\n");
    const stray = await run("policy-config", "--project", project);
    expect(stray.code).toBe(2);
    expect(stray.err).toBe(
      `error: ${path.join(project, "Pulumi.prod.yaml")}: sovereign-dc:jurisdiction is at the top level of the file, where Pulumi reads no stack settings; put it under config: (config:\n  sovereign-dc:jurisdiction: …).\n`,
    );
    fs.writeFileSync(
      path.join(project, "Pulumi.prod.yaml"),
      "config:\n  sovereign-dc:jurisdiction: US\n",
    );
    const levels = path.join(project, "levels.json");
    fs.writeFileSync(levels, JSON.stringify({ all: "mandtory" }));
    const all = await run("policy-config", "--project", project, "--policy-config", levels);
    expect(all).toEqual({
      code: 2,
      out: "",
      err: `error: --policy-config ${levels}: all received "mandtory"; it sets every policy's level, one of CrossGuard's advisory, mandatory, remediate, disabled (a policy's own settings go under its name).\n`,
    });
    const missing = path.join(project, "nosuch.json");
    const none = await run("policy-config", "--project", project, "--policy-config", missing);
    expect(none.err).toBe(
      `error: --policy-config ${missing}: no such file (from ${process.cwd()}).\n`,
    );
  });

  it("refuses --out for a plan that writes no report folder, before the program runs", async () => {
    const r = await run("plan", "--stack", "cn-shanghai", "--project", root, "--out", "report");
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "error: --out report: the folder of the report --format md writes (report.md, plan.json, data-paths.svg); --format text prints to stdout, and --sarif <file> writes the findings as SARIF.\n",
    });
  });

  it("says the program file does not exist", async () => {
    const r = await run("check", "nowhere.ts", "--stack", "prod");
    expect(r).toEqual({ code: 2, out: "", err: 'error: <program> "nowhere.ts": no such file.\n' });
  });

  it("asks for --stack on check, naming the stacks of the program's project", async () => {
    const r = await run("check", path.join(root, "test", "fixtures", "check-program", "index.ts"));
    expect(r).toEqual({
      code: 2,
      out: "",
      err: "error: --stack not given: check judges a program under one stack's config, the Pulumi.<stack>.yaml beside its Pulumi.yaml; give --stack <stack>. Stacks of this project: prod.\n",
    });
  });

  it("names an output file it cannot write, without a stack trace", async () => {
    // A file where a folder is expected: its "folder" cannot be created.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-out-")), "taken");
    fs.writeFileSync(file, "");
    const out = path.join(file, "policy-config.json");
    const r = await run("policy-config", "--stack", "cn-shanghai", "--project", root, "--out", out);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      `error: --out ${JSON.stringify(out)}: cannot write it (EEXIST: file already exists, mkdir '${file}'); give a file path in a folder you can write to.\n`,
    );
  });

  it("prints help and exits 2 without a command", async () => {
    const r = await run();
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage: sovereign-dc [options] [command]");
  });

  it("exits 0 for --help", async () => {
    const r = await run("--help");
    expect(r.code).toBe(0);
    expect(r.out).toContain("plan [options]");
  });
});

describe("sovereign-dc new-stack refusals", () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-usage-"));
    fs.writeFileSync(
      path.join(dir, "Pulumi.yaml"),
      `name: sovereign-dc\nruntime: nodejs\nmain: ${path.join(root, "stacks", "index.ts")}\n`,
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("refuses a CIDR too small for one /24 per zone", async () => {
    const r = await run(
      "new-stack",
      "bj",
      "--cloud",
      "alicloud",
      "--region",
      "cn-beijing",
      "--jurisdiction",
      "CN",
      "--cidr",
      "10.40.0.0/24",
      "--zones",
      "cn-beijing-a,cn-beijing-c",
      "--project",
      dir,
    );
    expect(r).toEqual({
      code: 2,
      out: "",
      err: 'error: --cidr: received "10.40.0.0/24"; expected a block of /22 or larger to hold one /24 per zone (2 zone(s)).\n',
    });
  });

  it("refuses a malformed --bucket", async () => {
    const r = await run(
      "new-stack",
      "bj",
      "--cloud",
      "alicloud",
      "--region",
      "cn-beijing",
      "--jurisdiction",
      "CN",
      "--cidr",
      "10.40.0.0/16",
      "--zones",
      "cn-beijing-a",
      "--bucket",
      "telemetry",
      "--project",
      dir,
    );
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      'error: --bucket: received "telemetry"; expected name:retentionDays:purpose, the days a whole number, e.g. telemetry:365:Vehicle telemetry.\n',
    );
  });
});
