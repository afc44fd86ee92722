/**
 * Pulumi.yaml as the Pulumi CLI reads it: the older `config: <folder>` names the folder of the
 * stack files (the CLI rewrites it to `stackConfigDir`), and the two together are refused.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import {
  cliCheckCommands,
  listStacks,
  loadProject,
  loadStackConfig,
  organizationIn,
  stackNameIn,
  UsageError,
} from "../../engine/project";

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

// Found on public example projects whose Pulumi.yaml is a template's, `name: ${PROJECT}`.
test.each(["${PROJECT}", "my app", "a".repeat(101)])(
  "a project name the Pulumi CLI refuses is refused, naming the value and what is allowed: %s",
  (name) => {
    const dir = projectWith(`name: ${JSON.stringify(name)}\nruntime: nodejs\n`);
    expect(() => loadProject(dir)).toThrow(
      new UsageError(
        `${path.join(dir, "Pulumi.yaml")}: "name" is ${JSON.stringify(name)}, which the Pulumi CLI refuses: a project name is 1 to 100 letters, digits, hyphens, underscores and periods.`,
      ),
    );
  },
);

test("twin: a name of letters, digits, hyphens, underscores and periods is a project's", () => {
  const dir = projectWith("name: Acme_web-2.0\nruntime: nodejs\n");
  expect(loadProject(dir).name).toBe("Acme_web-2.0");
});

test("config as a map still declares the stacks' values, the folder the project's own", () => {
  const dir = projectWith("name: app\nruntime: nodejs\nconfig:\n  aws:region: us-west-2\n");
  const project = loadProject(dir);
  expect(project.stackConfigDir).toBe(dir);
  expect(project.config).toEqual({ "aws:region": "us-west-2" });
});

// Found on a public repository whose TypeScript and Python projects sit side by side: the guard
// looked for a Node.js entry in the Python project and named files it could never have.
test("the entry of a project of another language runtime is refused, naming the runtime and the way to check it", () => {
  const python = projectWith(
    "name: app\nruntime:\n  name: python\n  options:\n    virtualenv: venv\n",
  );
  fs.writeFileSync(path.join(python, "__main__.py"), "import pulumi\n");
  const project = loadProject(python);
  expect(project.runtime).toBe("python");
  expect(() => project.main).toThrow(UsageError);
  expect(() => project.main).toThrow(
    `${path.join(python, "Pulumi.yaml")}: the project's runtime is "python"; sovereign-dc evaluates programs of the nodejs, bun and yaml runtimes only. The residency pack judges a program of any language under the Pulumi CLI: ${cliCheckCommands("<stack>", python)}`,
  );
  for (const runtime of ["nodejs", "bun"]) {
    const dir = projectWith(`name: app\nruntime: ${runtime}\n`);
    fs.writeFileSync(path.join(dir, "index.ts"), "export {};\n");
    expect(loadProject(dir).main).toBe(path.join(dir, "index.ts"));
  }
});

// Found on a bench of Pulumi's templates, checked from the folder above them: the way to check a
// component under the Pulumi CLI told to run policy-config and pulumi preview in the folder
// `check` ran in, which holds no Pulumi.yaml (or another project's), with the pack named from
// there; and, after a lookup's unknown answer failed the program, with the pack named from the
// project's folder instead.
describe("the way to check a stack under the Pulumi CLI", () => {
  const pack = path.resolve(__dirname, "..", "..", "policy");
  const repo = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), "sdc-commands-")));
  const infra = path.join(repo, "infra");
  fs.mkdirSync(infra);

  test("in the project's folder: the commands as run there", () => {
    expect(cliCheckCommands("prod", infra, infra)).toBe(
      "npx sovereign-dc policy-config --stack prod --out policy/config/prod.json, then " +
        `pulumi preview --stack prod --policy-pack ${path.relative(infra, pack)} --policy-pack-config policy/config/prod.json.`,
    );
  });

  test("from another folder: the project's stack file, its folder for the preview, the pack from there", () => {
    const expected =
      "npx sovereign-dc policy-config --project infra --stack prod --out infra/policy/config/prod.json, then " +
      `pulumi preview --cwd infra --stack prod --policy-pack ${path.relative(infra, pack)} --policy-pack-config policy/config/prod.json.`;
    expect(cliCheckCommands("prod", infra, repo)).toBe(expected);
    // The same while the program runs in its project's folder, and from the current folder.
    const here = process.cwd();
    try {
      process.chdir(infra);
      expect(cliCheckCommands("prod", infra, repo)).toBe(expected);
      process.chdir(repo);
      expect(cliCheckCommands("prod", infra)).toBe(expected);
    } finally {
      process.chdir(here);
    }
  });

  test("a folder whose name a shell would split is quoted", () => {
    const spaced = path.join(repo, "my infra");
    expect(cliCheckCommands("prod", spaced, repo)).toContain(
      "policy-config --project 'my infra' --stack prod --out 'my infra'/policy/config/prod.json, then pulumi preview --cwd 'my infra' --stack prod",
    );
  });
});

test("a YAML project's program is Main.json, else Main.yaml, of its main folder, else Pulumi.yaml", () => {
  const dir = projectWith("name: app\nruntime: yaml\nresources: {}\n");
  expect(loadProject(dir).main).toBe(path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, "Main.yaml"), "resources: {}\n");
  expect(loadProject(dir).main).toBe(path.join(dir, "Main.yaml"));
  fs.writeFileSync(path.join(dir, "Main.json"), "{}\n");
  expect(loadProject(dir).main).toBe(path.join(dir, "Main.json"));
  const nested = projectWith("name: app\nruntime: yaml\nmain: infra/\n");
  expect(() => loadProject(nested).main).toThrow(
    `Cannot find the program: Pulumi.yaml sets main: "infra/", and ${path.join(nested, "infra")} holds no Main.json, Main.yaml or Pulumi.yaml.`,
  );
  fs.mkdirSync(path.join(nested, "infra"));
  fs.writeFileSync(path.join(nested, "infra", "Main.yaml"), "resources: {}\n");
  expect(loadProject(nested).main).toBe(path.join(nested, "infra", "Main.yaml"));
});

// pulumi/examples' CUE programs: the YAML host evaluates what `cue export` prints.
test("a YAML project whose program a compiler writes is refused, naming the compiler", () => {
  const dir = projectWith(
    "name: app\nruntime:\n  name: yaml\n  options:\n    compiler: cue export\n",
  );
  fs.writeFileSync(path.join(dir, "main.cue"), "package main\n");
  expect(() => loadProject(dir).main).toThrow(UsageError);
  expect(() => loadProject(dir).main).toThrow(
    `${path.join(dir, "Pulumi.yaml")}: the program is what the YAML runtime's compiler option prints ("cue export"), which sovereign-dc does not run.`,
  );
});

// Found by probing the engine against the Pulumi CLI's own rules (workspace.ProjectStackPath): a
// stack file takes its project file's extension, and the project file is the first of
// Pulumi.json, Pulumi.yaml and Pulumi.yml. Reading another file judged a config the CLI never
// applies: a Pulumi.cn.yml in CN beside Pulumi.yaml was "sealed" while pulumi up ran with none.
describe("the stack file is the one the Pulumi CLI reads", () => {
  const stackFile = (dir: string, file: string, region: string) =>
    fs.writeFileSync(path.join(dir, file), `config:\n  aws:region: ${region}\n`);

  test("beside Pulumi.yaml, Pulumi.<stack>.yaml only: a .yml stack file is named and refused", () => {
    const dir = projectWith("name: app\nruntime: nodejs\n");
    stackFile(dir, "Pulumi.cn.yml", "cn-northwest-1");
    const project = loadProject(dir);
    expect(listStacks(project)).toEqual([]);
    expect(() => loadStackConfig(project, "cn")).toThrow(
      new UsageError(
        `--stack "cn": no Pulumi.cn.yaml in ${dir}; stacks of this project: none. Pulumi.cn.yml is there, which the Pulumi CLI does not read for the project file Pulumi.yaml (a stack file takes its project file's extension): rename it to Pulumi.cn.yaml.`,
      ),
    );
  });

  test("beside Pulumi.yml, Pulumi.<stack>.yml, whatever a .yaml says", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-project-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yml"), "name: app\nruntime: nodejs\n");
    stackFile(dir, "Pulumi.cn.yaml", "cn-northwest-1");
    stackFile(dir, "Pulumi.cn.yml", "eu-west-1");
    const project = loadProject(dir);
    expect(listStacks(project)).toEqual(["cn"]);
    expect(loadStackConfig(project, "cn").config["aws:region"]).toBe("eu-west-1");
  });

  test("Pulumi.json comes first, with its Pulumi.<stack>.json", () => {
    const dir = projectWith("name: app\nruntime: nodejs\n");
    stackFile(dir, "Pulumi.cn.yaml", "cn-northwest-1");
    fs.writeFileSync(path.join(dir, "Pulumi.json"), '{"name": "json-app", "runtime": "nodejs"}');
    fs.writeFileSync(
      path.join(dir, "Pulumi.cn.json"),
      '{"config": {"aws:region": "eu-west-1", "json-app:tier": "gold"}}',
    );
    const project = loadProject(dir);
    expect(project.name).toBe("json-app");
    expect(loadStackConfig(project, "cn").config).toMatchObject({
      "aws:region": "eu-west-1",
      "json-app:tier": "gold",
    });
  });

  test("a stack named in full, <org>/<stack> or <org>/<project>/<stack>, reads Pulumi.<stack>.yaml", () => {
    const project = loadProject(projectWith("name: app\nruntime: nodejs\n"));
    expect(stackNameIn(project, "cn")).toBe("cn");
    expect(stackNameIn(project, "acme/cn")).toBe("cn");
    expect(stackNameIn(project, "acme/app/cn")).toBe("cn");
    // …and its organization is the program's (pulumi.getOrganization()), as under the CLI.
    expect([
      organizationIn("acme/app/cn"),
      organizationIn("acme/cn"),
      organizationIn("cn"),
    ]).toEqual(["acme", "acme", undefined]);
    expect(() => stackNameIn(project, "acme/other/cn")).toThrow(
      new UsageError(
        `--stack "acme/other/cn": its project "other" is not this project, "app" (${path.join(project.dir, "Pulumi.yaml")}).`,
      ),
    );
    expect(() => stackNameIn(project, "acme//cn")).toThrow(
      new UsageError(
        `--stack "acme//cn": a stack is <stack>, <org>/<stack> or <org>/<project>/<stack>.`,
      ),
    );
  });
});
