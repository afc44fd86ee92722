/**
 * README.md's examples are tests: every code block carries a `readme-test` annotation (grammar in
 * ./examples.ts) and runs against what the README says it does — the shell commands that run
 * offline, the policy and stack config snippets, the output and the JSON document it shows. A
 * block that is only illustrative says so and is reported as skipped; a block without an
 * annotation fails, so a new example cannot slip in untested.
 */
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import YAML from "yaml";
import { loadProject } from "../../engine/project";
import { cliSequences, type CliRequest, type CliRun, root } from "../helpers/cli";
import {
  type Annotation,
  type Example,
  type Outcome,
  readReadme,
  type ShellCommand,
} from "./examples";

const readme = readReadme(fs.readFileSync(path.join(root, "README.md"), "utf8"));
const where = (e: Example) => `README.md:${e.line}`;

/** What one README command did: the CLI's run, what a pipeline made of its stdout, its folder. */
interface Done {
  readonly run: CliRun;
  /** stdout after the pipeline's other stages and any redirect ("" when redirected). */
  readonly stdout: string;
  /** Where it ran, and so where the files it wrote are. */
  readonly dir: string;
}

const sandboxes: string[] = [];

/** A copy of this project as a user's checkout has it, where the commands' files land. */
function sandbox(
  copies: readonly { to: string; from: string }[],
  files: readonly { path: string; text: string }[],
): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-readme-"));
  sandboxes.push(dir);
  const project = YAML.parse(fs.readFileSync(path.join(root, "Pulumi.yaml"), "utf8"));
  fs.writeFileSync(
    path.join(dir, "Pulumi.yaml"),
    YAML.stringify({ ...project, main: loadProject(root).main }),
  );
  for (const name of fs.readdirSync(root).filter((f) => /^Pulumi\..+\.ya?ml$/.test(f))) {
    fs.copyFileSync(path.join(root, name), path.join(dir, name));
  }
  // Programs copied in (`with`) import the SDKs as a user's program does, from node_modules.
  fs.symlinkSync(path.join(root, "node_modules"), path.join(dir, "node_modules"), "dir");
  for (const copy of copies) {
    fs.cpSync(path.join(root, copy.from), path.join(dir, copy.to), { recursive: true });
  }
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(dir, file.path)), { recursive: true });
    fs.writeFileSync(path.join(dir, file.path), file.text);
  }
  return dir;
}

/** The CLI arguments a README command runs, or why it cannot run offline. */
function cliArgs(command: ShellCommand): readonly string[] | string {
  const [first, ...rest] = command.stages;
  if (rest.some((stage) => stage[0] !== "jq" || stage.length !== 2)) {
    return "only `| jq <filter>` may follow the CLI in a pipeline";
  }
  if (first[0] === "npx" && first[1] === "sovereign-dc") {
    return first.slice(2);
  }
  if (first.join(" ") === "npm start") {
    const script: string = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"))
      .scripts.start;
    const [node, bin, ...args] = script.split(/\s+/);
    return node === "node" && bin === "bin/sovereign-dc.js"
      ? args
      : `npm start runs "${script}", not the CLI`;
  }
  return "it is not an `npx sovereign-dc` command";
}

const hasJq = spawnSync("jq", ["--version"]).status === 0;

/** `| jq <filter>`: jq where it is installed; without it, the paths-and-length filters in JS. */
function jq(filter: string, input: string): string {
  if (hasJq) {
    const r = spawnSync("jq", [filter], { input, encoding: "utf8" });
    if (r.status !== 0) {
      throw new Error(`jq ${filter} exited ${r.status}: ${r.stderr}`);
    }
    return r.stdout;
  }
  let value: unknown = JSON.parse(input);
  for (const part of filter.split("|").map((p) => p.trim())) {
    if (part === "length") {
      value = (value as unknown[]).length;
    } else if (/^(\.[A-Za-z_]\w*)+$/.test(part)) {
      for (const key of part.slice(1).split(".")) {
        value = (value as Record<string, unknown>)[key];
      }
    } else {
      throw new Error(`jq is not installed, and "${filter}" is more than paths and length.`);
    }
  }
  return `${JSON.stringify(value)}\n`;
}

/** Every way the run departs from the documented outcome; empty when it matches. */
function departures(outcome: Outcome, done: Done): string[] {
  const found: string[] = [];
  const { run, stdout, dir } = done;
  const ran = `(stderr: ${JSON.stringify(run.stderr.trim())})`;
  if (outcome.exit !== undefined && run.code !== outcome.exit) {
    found.push(`exited ${run.code}, documented exit ${outcome.exit} ${ran}`);
  }
  if (outcome.stdoutIs !== undefined && stdout.trim() !== outcome.stdoutIs) {
    found.push(`printed ${JSON.stringify(stdout.trim())}, documented "${outcome.stdoutIs}"`);
  }
  for (const text of outcome.stdoutHas.filter((t) => !stdout.includes(t))) {
    found.push(`stdout lacks "${text}" ${ran}`);
  }
  for (const text of outcome.stderrHas.filter((t) => !run.stderr.includes(t))) {
    found.push(`stderr lacks "${text}" ${ran}`);
  }
  for (const file of outcome.writes.filter((f) => !fs.existsSync(path.join(dir, f)))) {
    found.push(`wrote no ${file}`);
  }
  for (const { file, text } of outcome.fileHas) {
    const full = path.join(dir, file);
    if (!fs.existsSync(full)) {
      found.push(`wrote no ${file}`);
    } else if (!fs.readFileSync(full, "utf8").includes(text)) {
      found.push(`${file} lacks "${text}"`);
    }
  }
  return [...new Set(found)];
}

/** The lines of `expected` appear in `actual`, in order; `…` stands for any text. */
function missingLines(expected: string, actual: string): string[] {
  const lines = actual.split("\n");
  let at = 0;
  const missing: string[] = [];
  for (const want of expected.split("\n").filter((l) => l.trim() !== "")) {
    const pattern = new RegExp(
      want
        .trim()
        .split("…")
        .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
        .join(".*"),
    );
    const hit = lines.findIndex((l, k) => k >= at && pattern.test(l));
    if (hit < 0) {
      missing.push(want.trim());
    } else {
      at = hit + 1;
    }
  }
  return missing;
}

/** Where the real document's keys differ from the documented one's (see ./examples.ts). */
function shapeDiff(documented: unknown, real: unknown, at: string): string[] {
  // A value the program or finding does not have is null (a stack's parent, a finding's path).
  if (real === null) {
    return [];
  }
  if (Array.isArray(documented)) {
    if (!Array.isArray(real)) {
      return [`${at}: documented an array, got ${JSON.stringify(real)}`];
    }
    if (documented.length > 0 && real.length === 0) {
      return [`${at}: documented elements, the real document has none to compare`];
    }
    return documented.length === 0
      ? []
      : real.flatMap((element, i) => shapeDiff(documented[0], element, `${at}[${i}]`));
  }
  if (documented !== null && typeof documented === "object") {
    const keys = Object.keys(documented);
    if (keys.length === 1 && keys[0] === "…") {
      return typeof real === "object" ? [] : [`${at}: expected an object`];
    }
    if (typeof real !== "object") {
      return [`${at}: documented an object, got ${JSON.stringify(real)}`];
    }
    const realKeys = Object.keys(real);
    if ([...keys].sort().join() !== [...realKeys].sort().join()) {
      return [`${at}: documented keys ${keys.join(", ")}; real keys ${realKeys.join(", ")}`];
    }
    return keys.flatMap((k) =>
      shapeDiff(
        (documented as Record<string, unknown>)[k],
        (real as Record<string, unknown>)[k],
        `${at}.${k}`,
      ),
    );
  }
  return [];
}

/** The file that a `file` block right before this one adds to this block's copy. */
function filesFor(index: number): { path: string; text: string }[] {
  const previous = readme.examples[index - 1];
  return previous?.annotation?.kind === "file"
    ? [{ path: previous.annotation.path, text: previous.content }]
    : [];
}

/** The CLI commands of one example, in order; `exit` is the documented exit code. */
interface Job {
  readonly example: Example;
  readonly commands: readonly { request: CliRequest; dir: string; exit?: number }[];
}

/**
 * Two lanes for the two processes that run the commands (cliSequences): each gets about half of
 * the work (heaviest first; a plan of this repository's stack weighs several checks of a small
 * program) and ends with the commands documented to exit 2, which retire their process when a
 * program ran (cli-batch-worker.ts) — a new one costs a Node start, an SDK load and a pack start.
 * A job's commands stay in order in a lane.
 */
function twoLanes(jobs: readonly Job[]): Job[][] {
  const cost = (j: Job) =>
    j.commands.reduce((sum, c) => sum + (c.request.args[0] === "plan" ? 4 : 1), 0);
  const retires = (j: Job) => j.commands.some((c) => c.exit === 2);
  const lanes: Job[][] = [[], []];
  const load = [0, 0];
  for (const job of jobs.filter((j) => !retires(j)).sort((a, b) => cost(b) - cost(a))) {
    const i = load[0] <= load[1] ? 0 : 1;
    lanes[i].push(job);
    load[i] += cost(job);
  }
  jobs.filter(retires).forEach((job, k) => lanes[k % 2].push(job));
  return lanes;
}

/** What each example's commands did, in order. */
const done = new Map<Example, { run: CliRun; dir: string }[]>();

beforeAll(async () => {
  const jobs: Job[] = [];
  readme.examples.forEach((example, index) => {
    const a = example.annotation;
    if (a?.kind === "run") {
      const dir = sandbox(a.copies, filesFor(index));
      const commands = a.steps.flatMap((step) => {
        const args = cliArgs(step.command);
        return "skip" in step || typeof args === "string"
          ? []
          : [{ request: { args, cwd: dir }, dir, exit: step.outcome.exit }];
      });
      jobs.push({ example, commands });
    } else if (a?.kind === "policy-config") {
      const dir = sandbox([], [{ path: "policy-config.json", text: example.content }]);
      const args = [...a.args, "--policy-config", path.join(dir, "policy-config.json")];
      jobs.push({ example, commands: [{ request: { args }, dir, exit: a.outcome.exit }] });
    } else if (a?.kind === "output") {
      jobs.push({
        example,
        commands: [{ request: { args: a.args }, dir: root, exit: a.outcome.exit }],
      });
    } else if (a?.kind === "shape") {
      jobs.push({ example, commands: [{ request: { args: a.args }, dir: root }] });
    }
  });
  const lanes = twoLanes(jobs);
  const results = await cliSequences(
    lanes.map((lane) => lane.flatMap((job) => job.commands.map((c) => c.request))),
  );
  lanes.forEach((lane, i) => {
    let k = 0;
    for (const job of lane) {
      done.set(
        job.example,
        job.commands.map((c) => ({ run: results[i][k++], dir: c.dir })),
      );
    }
  });
});

afterAll(() => {
  for (const dir of sandboxes) {
    fs.unlinkSync(path.join(dir, "node_modules"));
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

describe("README.md", () => {
  it("puts a readme-test annotation right before every code block, and only there", () => {
    expect({
      unannotated: readme.examples
        .filter((e) => e.annotation === undefined && e.error === undefined)
        .map((e) => `${where(e)} \`\`\`${e.lang}`),
      dangling: readme.dangling.map((line) => `README.md:${line}`),
    }).toEqual({ unannotated: [], dangling: [] });
  });

  readme.examples.forEach((example, index) => {
    const a = example.annotation;
    const title = `${where(example)} \`\`\`${example.lang}`;
    if (example.error !== undefined) {
      it(`${title}: its annotation reads`, () => {
        throw new Error(`${where(example)}: ${example.error}`);
      });
    } else if (a !== undefined) {
      describeExample(example, index, a, title);
    }
  });
});

function describeExample(example: Example, index: number, a: Annotation, title: string): void {
  switch (a.kind) {
    case "skip":
      it.skip(`${title} — illustrative: ${a.why}`, () => undefined);
      return;
    case "run": {
      let k = 0;
      for (const step of a.steps) {
        const name = `${where(example)} $ ${step.command.text}`;
        if ("skip" in step) {
          it.skip(`${name} — ${step.skip}`, () => undefined);
          continue;
        }
        const args = cliArgs(step.command);
        // Only the commands that run offline were sent (beforeAll); index their results.
        const i = typeof args === "string" ? -1 : k++;
        it(name, () => {
          if (typeof args === "string") {
            throw new Error(`${name}: cannot run offline (${args}); mark it skip — <why>.`);
          }
          const { run, dir } = done.get(example)![i];
          let stdout = run.stdout;
          for (const [, filter] of step.command.stages.slice(1)) {
            stdout = jq(filter, stdout);
          }
          if (step.command.redirect !== undefined) {
            fs.writeFileSync(path.join(dir, step.command.redirect), stdout);
            stdout = "";
          }
          expect(departures(step.outcome, { run, stdout, dir })).toEqual([]);
        });
      }
      return;
    }
    case "file": {
      const next = readme.examples[index + 1];
      it(`${title}: ${a.path}, for ${next ? where(next) : "no block"}`, () => {
        expect(next?.annotation?.kind).toBe("run");
        if (/\.ya?ml$/.test(a.path)) {
          expect(() => YAML.parse(example.content)).not.toThrow();
        } else if (a.path.endsWith(".json")) {
          expect(() => JSON.parse(example.content)).not.toThrow();
        }
      });
      return;
    }
    case "policy-config":
      it(`${title}: --policy-config of ${a.args.join(" ")}`, () => {
        const [{ run, dir }] = done.get(example)!;
        expect(departures(a.outcome, { run, stdout: run.stdout, dir })).toEqual([]);
      });
      return;
    case "output":
      it(`${title}: ${a.stream} of ${a.args.join(" ")}`, () => {
        const [{ run, dir }] = done.get(example)!;
        expect({
          departures: departures(a.outcome, { run, stdout: run.stdout, dir }),
          missingLines: missingLines(example.content, run[a.stream]),
        }).toEqual({ departures: [], missingLines: [] });
      });
      return;
    case "shape":
      it(`${title}: has the keys of ${a.args.join(" ")}`, () => {
        const [{ run }] = done.get(example)!;
        expect(run.stderr).toBe("");
        expect(shapeDiff(JSON.parse(example.content), JSON.parse(run.stdout), "$")).toEqual([]);
      });
      return;
    case "paths":
      it(`${title}: names files and folders that exist`, () => {
        const named = example.content
          .split("\n")
          .filter((l) => l.trim() !== "")
          .map((l) => l.split(/\s{2,}/).filter((c) => /^[\w.-]+\/?$/.test(c)));
        expect(named.filter((cols) => cols.length === 0)).toEqual([]);
        expect(named.flat().filter((p) => !fs.existsSync(path.join(root, p)))).toEqual([]);
      });
      return;
  }
}
