/**
 * `sovereign-dc` — plan, check and scaffold sealed regional stacks offline.
 *
 * Exit codes (a contract other tools rely on): 0 sealed, 1 mandatory violation(s), 2 usage,
 * config or program error. Documents go to stdout; diagnostics to stderr.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { Command, CommanderError, InvalidArgumentError, Option } from "commander";
import {
  enginePolicies,
  mergePolicyConfigFile,
  packConfigFor,
  settingsFromStackConfig,
  type Violation,
} from "../engine/check";
import { defaultTimeoutSeconds, ProgramError } from "../engine/program-error";
import { PackError } from "../engine/pack-error";
import { providerKeyWarnings } from "../engine/provider-config-keys";
import {
  listStacks,
  loadProject,
  loadStackConfig,
  nearestProjectFile,
  projectFileIn,
  organizationIn,
  stackNameIn,
  UsageError,
} from "../engine/project";
import type { PackHandle } from "../engine/spawn-pack";
import { onEveryPolicy } from "../engine/waivers";
import type { UnknownAtPreview } from "../policy/framework";
import { deferredResources, evaluateAndCheck, exitCodeOf, type RunResult } from "./run";
import { newStack } from "./new-stack";
import { preflightCommand } from "./preflight";
import { counted } from "../report/counted";
import { sarifUri, toSarif } from "./sarif";
import {
  planDocument,
  renderTree,
  renderOutputsAsText,
  renderPlaceholderAccount,
  renderUnknownFunctions,
  renderFindings,
  typeCounts,
} from "./view";

/** The package's version, from its package.json (above cli/ in the sources, above dist/ built). */
const version: string = (() => {
  for (let dir = path.join(__dirname, ".."); ; dir = path.dirname(dir)) {
    const file = path.join(dir, "package.json");
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, "utf8")) as { name?: string; version: string };
      if (pkg.name === "sovereign-dc") {
        return pkg.version;
      }
    }
    if (path.dirname(dir) === dir) {
      return "0.0.0";
    }
  }
})();

export interface Io {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

/**
 * Stdout as the process started with it: a program evaluated in this process has its own output
 * sent to stderr from then on (cli/run.ts), the command's document still comes here.
 */
const documentOut = process.stdout.write.bind(process.stdout);

const processIo: Io = {
  out: (t) => documentOut(t),
  err: (t) => process.stderr.write(t),
};

/** The last line of the text output: the verdict, with what waivers hold back and advises. */
function verdictLine(
  stack: string,
  jurisdiction: string | undefined,
  violations: readonly Violation[],
) {
  const code = exitCodeOf(violations);
  if (code === 1) {
    const mandatory = violations.filter((v) => v.level === "mandatory" && !v.waived).length;
    return `NOT SEALED: stack ${stack} has ${counted(mandatory, "mandatory residency violation")}; it must not be deployed. Fix each, or waive a transfer your organisation has approved, with its reason and expiry, in a --policy-config file.`;
  }
  if (code === 2) {
    const waiting = deferredResources(violations);
    return `NOT JUDGED: stack ${stack} shows no mandatory violation at this preview, but ${waiting.length} ${waiting.length === 1 ? "resource waits" : "resources wait"} for values not known at preview: ${waiting.join(", ")}. pulumi up judges each on its known values before creating it; run without --first-preview for the verdict on the program's evaluated values.`;
  }
  const waived = violations.filter((v) => v.waived !== undefined).length;
  const advisory = violations.filter((v) => v.level === "advisory" && !v.waived).length;
  const held = waived > 0 ? ` but ${counted(waived, "waived crossing")}` : "";
  // What the check could not see, lowered by the team's --policy-config: the verdict is over the
  // rest, and says so.
  const unseen = violations.filter((v) => v.lowered === true && !v.waived).length;
  if (unseen > 0) {
    return `SEALED: stack ${stack} has no path out of ${jurisdiction} in what the check could see${held} (${counted(advisory, "advisory finding")}); ${counted(unseen, "finding")} on what it could not see offline ${unseen === 1 ? "is" : "are"} advisory by --policy-config (offline-visibility), left to pulumi preview --policy-pack.`;
  }
  return `SEALED: stack ${stack} has no path out of ${jurisdiction}${held} (${counted(advisory, "advisory finding")}).`;
}

/**
 * Where stdout carries a document (json, sarif) or only the verdict (md), the warnings about the
 * program's inputs go to stderr, and so does the reason of an exit 2 for resources a first preview
 * leaves unjudged, as every exit 2's does.
 */
function notesOnStderr(code: number, stack: string, result: RunResult, io: Io): void {
  for (const line of renderOutputsAsText(result.plan)) {
    io.err(`${line}\n`);
  }
  if (code === 2) {
    io.err(`${verdictLine(stack, result.jurisdiction, result.violations)}\n`);
  }
}

/** The findings as a SARIF 2.1.0 log whose locations point into `programFile`. */
function sarifText(result: RunResult, programFile: string): string {
  const uri = sarifUri(programFile);
  // Positions in the program's own project: the SDK skips a fixed number of constructor frames,
  // one too many for a ComponentResource made directly, which can leave the first frame in the
  // engine that loaded the program.
  const projectFile = nearestProjectFile(path.dirname(path.resolve(programFile)));
  const projectDir = path.dirname(projectFile ?? path.resolve(programFile));
  const positions = new Map(
    result.plan.resources.flatMap((r) =>
      r.source && !path.relative(projectDir, r.source.file).startsWith("..")
        ? [[r.urn, r.source] as const]
        : [],
    ),
  );
  return `${JSON.stringify(toSarif(result.violations, uri, programFile, version, positions), null, 2)}\n`;
}

/** `--sarif <file>`: the findings for code scanning, beside whatever the command prints. */
function writeSarif(file: string, result: RunResult, programFile: string, io: Io): void {
  writeOutputFile("--sarif", file, sarifText(result, programFile), io);
}

/** Writes a file an option names, creating its folder; a failure is a usage error naming both. */
function writeOutputFile(option: string, file: string, text: string, io: Io): void {
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(file, text);
  } catch (e) {
    throw new UsageError(
      `${option} ${JSON.stringify(file)}: cannot write it (${(e as Error).message}); ` +
        "give a file path in a folder you can write to.",
    );
  }
  io.err(`Wrote ${file}\n`);
}

async function planCommand(
  opts: {
    stack: string;
    format: string;
    out?: string;
    sarif?: string;
    project: string;
    policyConfig?: string;
    timeout: number;
    firstPreview?: boolean;
    organization?: string;
    pack?: PackHandle;
  },
  io: Io,
): Promise<number> {
  if (opts.out !== undefined && opts.format !== "md") {
    // Before the program runs: the folder would otherwise be left empty without a word.
    throw new UsageError(
      `--out ${opts.out}: the folder of the report --format md writes (report.md, plan.json, data-paths.svg); --format ${opts.format} prints to stdout, and --sarif <file> writes the findings as SARIF.`,
    );
  }
  const warning = entryWarning(opts.project);
  if (warning !== undefined) {
    io.err(warning);
  }
  const result = await evaluateAndCheck({
    projectDir: opts.project,
    stack: opts.stack,
    policyConfigFile: opts.policyConfig,
    timeoutSeconds: opts.timeout,
    firstPreview: opts.firstPreview,
    organization: opts.organization,
    pack: opts.pack,
    sourcePositions: opts.sarif !== undefined,
  });
  const code = exitCodeOf(result.violations);
  providerKeyWarnings(result.plan.config, opts.project, result.plan.project).forEach((w) =>
    io.err(`${w}\n`),
  );
  if (opts.sarif !== undefined) {
    writeSarif(opts.sarif, result, loadProject(opts.project).main, io);
  }
  const doc = planDocument(result.plan, result.jurisdiction, result.violations);
  if (opts.format === "json") {
    io.out(`${JSON.stringify(doc, null, 2)}\n`);
    notesOnStderr(code, opts.stack, result, io);
    return code;
  }
  if (opts.format === "md") {
    const outDir = opts.out ?? path.join(opts.project, "out", opts.stack);
    // The report module renders the diagram with WebAssembly; load it only when asked for.
    // (A require, not import(): the CLI's TypeScript is compiled by a CommonJS require hook.)
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { writeReport } = require("../report/index") as typeof import("../report/index");
    const { gitCommit, hashedFile, sdkVersions } =
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require("../report/provenance") as typeof import("../report/provenance");
    const project = loadProject(opts.project);
    const files = await writeReport(result.plan, result.violations, outDir, {
      levels: Object.fromEntries(
        Object.entries(result.packConfig).flatMap(([p, s]) =>
          typeof s.enforcementLevel === "string" ? [[p, s.enforcementLevel]] : [],
        ),
      ),
      provenance: {
        tool: `sovereign-dc ${version}`,
        sdks: sdkVersions(result.plan, project.dir),
        stackFile: hashedFile(loadStackConfig(project, opts.stack).file, project.dir),
        policyConfig:
          opts.policyConfig === undefined ? undefined : hashedFile(opts.policyConfig, project.dir),
        commit: gitCommit(project.dir),
      },
    });
    notesOnStderr(0, opts.stack, result, io);
    io.err(`Wrote ${files.map((f) => path.relative(process.cwd(), f) || f).join(", ")}\n`);
    io.out(`${verdictLine(opts.stack, result.jurisdiction, result.violations)}\n`);
    return code;
  }
  const counts = typeCounts(result.plan)
    .map(([t, n]) => `  ${String(n).padStart(4)}  ${t}`)
    .join("\n");
  io.out(
    [
      `Stack ${opts.stack} (jurisdiction ${result.jurisdiction}) — ${result.plan.resources.length} resources, evaluated offline`,
      "",
      renderTree(result.plan),
      "",
      "Resources by type:",
      counts,
      "",
      ...renderUnknownFunctions(result.plan),
      ...renderOutputsAsText(result.plan),
      ...renderPlaceholderAccount(result.violations, result.plan),
      ...renderFindings(result.violations, { heading: true }),
      verdictLine(opts.stack, result.jurisdiction, result.violations),
      "",
    ].join("\n"),
  );
  return code;
}

async function checkCommand(
  given: string | undefined,
  opts: {
    stack?: string;
    format: string;
    jurisdiction?: string;
    sarif?: string;
    policyConfig?: string;
    timeout: number;
    firstPreview?: boolean;
    pack?: PackHandle;
  },
  io: Io,
): Promise<number> {
  const program = given ?? enclosingProject();
  if (!fs.existsSync(program)) {
    throw new UsageError(`<program> ${JSON.stringify(program)}: no such file.`);
  }
  // A folder is a project: its entry is the program `pulumi up` runs there. So is its Pulumi.yaml,
  // whose program may be another file (a YAML project's Main.json, a Node.js project's entry).
  const file = fs.statSync(program).isDirectory()
    ? projectEntry(program)
    : path.basename(program) === "Pulumi.yaml"
      ? projectEntry(path.dirname(path.resolve(program)))
      : path.resolve(program);
  if (!/\.([cm]?[tj]s|ya?ml|json)$/.test(file)) {
    // Named as the project's entry where the argument is its folder or Pulumi.yaml.
    const what =
      file === path.resolve(program)
        ? "expected"
        : `its entry ${JSON.stringify(path.relative(process.cwd(), file) || file)} (Pulumi.yaml main, or package.json's) is not`;
    const jsx = /\.[jt]sx$/.test(file)
      ? " sovereign-dc does not compile JSX (.tsx, .jsx): judge such a program under the Pulumi CLI (pulumi preview --policy-pack), or keep its entry in a .ts file."
      : "";
    throw new UsageError(
      `<program> ${JSON.stringify(program)}: ${what} a Pulumi program file (.ts, .mts, .cts, .js, .mjs or .cjs, or the .yaml or .json of a Pulumi YAML project).${jsx}`,
    );
  }
  const stack =
    opts.stack === undefined
      ? missingStack(file)
      : opts.stack.includes("/")
        ? stackNameIn(loadProject(path.dirname(file)), opts.stack)
        : opts.stack;
  const other = otherEntry(file);
  if (other !== undefined) {
    io.err(`${other}\n`);
  }
  const warning = fs.statSync(program).isDirectory() ? entryWarning(program) : undefined;
  if (warning !== undefined) {
    io.err(warning);
  }
  const result = await evaluateAndCheck({
    projectDir: path.dirname(file),
    stack,
    program: file,
    jurisdiction: opts.jurisdiction,
    policyConfigFile: opts.policyConfig,
    timeoutSeconds: opts.timeout,
    firstPreview: opts.firstPreview,
    organization: organizationIn(opts.stack),
    pack: opts.pack,
    sourcePositions: opts.sarif !== undefined || opts.format === "sarif",
  });
  const code = exitCodeOf(result.violations);
  providerKeyWarnings(result.plan.config, path.dirname(file), result.plan.project).forEach((w) =>
    io.err(`${w}\n`),
  );
  if (opts.sarif !== undefined) {
    writeSarif(opts.sarif, result, file, io);
  }
  if (opts.format === "json") {
    io.out(
      `${JSON.stringify(planDocument(result.plan, result.jurisdiction, result.violations), null, 2)}\n`,
    );
    notesOnStderr(code, stack, result, io);
  } else if (opts.format === "sarif") {
    io.out(sarifText(result, file));
    notesOnStderr(code, stack, result, io);
  } else {
    io.out(
      [
        `Checked ${path.relative(process.cwd(), file)} as stack ${stack} (jurisdiction ${result.jurisdiction})${opts.firstPreview ? ", as its first pulumi preview sees it (what providers compute on create unknown)" : ""}: ${counted(result.plan.resources.length, "resource")}`,
        ...renderUnknownFunctions(result.plan),
        ...renderOutputsAsText(result.plan),
        ...renderPlaceholderAccount(result.violations, result.plan),
        ...renderFindings(result.violations, { heading: false }),
        verdictLine(stack, result.jurisdiction, result.violations),
        "",
      ].join("\n"),
    );
  }
  return code;
}

/**
 * The stack `plan` or `policy-config` runs for: the one given, or the project's only stack; without
 * `--stack` in a project of several (or none), refused, naming them.
 */
function stackOf(opts: { stack?: string; project: string }, command: string): string {
  if (opts.stack !== undefined) {
    return opts.stack.includes("/")
      ? stackNameIn(loadProject(opts.project), opts.stack)
      : opts.stack;
  }
  const stacks = listStacks(loadProject(opts.project));
  if (stacks.length === 1) {
    return stacks[0];
  }
  throw new UsageError(
    `--stack not given: ${command} runs for one stack's config, the Pulumi.<stack>.yaml beside the project's Pulumi.yaml; give --stack <stack>. ${stacksOfProject(stacks)}`,
  );
}

/** The stacks of a project, as the refusals of a missing `--stack` name them. */
function stacksOfProject(stacks: readonly string[]): string {
  return `Stacks of this project: ${stacks.length > 0 ? stacks.join(", ") : "none (no Pulumi.<stack>.yaml)"}.`;
}

/**
 * `check` without `--stack`: refused, naming the stacks of the program's project (its
 * Pulumi.<stack>.yaml files) to choose from. The Pulumi CLI would take the stack selected in its
 * workspace; the offline check names the stack it judges.
 */
function missingStack(file: string): never {
  let stacks: string[] | undefined;
  try {
    stacks = listStacks(loadProject(path.dirname(file)));
  } catch {
    // No project around the file: the evaluation would say so; the option is what is missing here.
  }
  const known = stacks === undefined ? "" : ` ${stacksOfProject(stacks)}`;
  throw new UsageError(
    `--stack not given: check judges a program under one stack's config, the Pulumi.<stack>.yaml beside its Pulumi.yaml; give --stack <stack>.${known}`,
  );
}

/**
 * The folder of the Pulumi project `check` judges when no program is given: the nearest one that
 * holds Pulumi.yaml, from the current folder up, as the Pulumi CLI finds the project it runs in.
 * Named relative to the current folder, as a user would give it.
 */
function enclosingProject(): string {
  const cwd = process.cwd();
  const file = nearestProjectFile(cwd);
  if (file === undefined) {
    throw new UsageError(
      `<program> not given, and no Pulumi project (Pulumi.yaml) in ${cwd} or any folder above it: run check inside a Pulumi project, or give a program file or a project folder.`,
    );
  }
  return path.relative(cwd, path.dirname(file)) || ".";
}

/** The entry of the project in `dir` (Pulumi.yaml there, not in a parent: it names the project). */
function projectEntry(dir: string): string {
  if (projectFileIn(dir) === undefined) {
    throw new UsageError(
      `<program> ${JSON.stringify(dir)}: a folder must hold a Pulumi project (Pulumi.yaml), whose entry is checked; give a program file or a project folder.`,
    );
  }
  return loadProject(dir).main;
}

/** The language host's warning about the entry of the project in `dir`, when it has one. */
function entryWarning(dir: string): string | undefined {
  try {
    const note = loadProject(dir).mainNote;
    return note === undefined ? undefined : `warning: ${note}\n`;
  } catch {
    // A project whose entry cannot be found fails with its own error when it is evaluated.
    return undefined;
  }
}

/**
 * A note when the file checked is not the entry the project's Pulumi.yaml (its `main`, or
 * package.json's) makes `pulumi up` run: the verdict is the file's, which a job that checks a
 * fixed path may no longer deploy. None when it is, or when the folder holds no project entry.
 */
function otherEntry(file: string): string | undefined {
  let entry: string;
  try {
    entry = loadProject(path.dirname(file)).main;
  } catch {
    return undefined;
  }
  if (path.resolve(entry) === path.resolve(file)) {
    return undefined;
  }
  const rel = (f: string) => path.relative(process.cwd(), f) || path.basename(f);
  return `note: ${rel(file)} is not this project's entry: pulumi up runs ${rel(entry)} (Pulumi.yaml main, else the file package.json names by exports or main if it exists, else index.js, index.mjs, index.ts, index.mts). The verdict below is for ${rel(file)}.`;
}

function policyConfigCommand(
  opts: {
    stack: string;
    project: string;
    out?: string;
    policyConfig?: string;
    unknownAtPreview?: UnknownAtPreview;
  },
  io: Io,
): number {
  const project = loadProject(opts.project);
  const stack = loadStackConfig(project, opts.stack);
  const settings = settingsFromStackConfig(stack.config);
  if (settings.jurisdiction === undefined) {
    throw new UsageError(
      `${path.basename(stack.file)} sets no sovereign-dc:jurisdiction; the pack needs one.`,
    );
  }
  const base = packConfigFor(settings);
  // The same overrides `check` and `plan` take (waivers, levels, allowTypes), kept in one file;
  // the engine's own findings are not the pack's, and the Pulumi CLI refuses unknown policies.
  const merged = opts.policyConfig
    ? Object.fromEntries(
        Object.entries(mergePolicyConfigFile(base, opts.policyConfig)).filter(
          ([name]) => !enginePolicies.some((p) => p.name === name),
        ),
      )
    : base;
  // Written under every policy, as CrossGuard config is per policy; stack policies ignore it.
  const config =
    opts.unknownAtPreview === undefined
      ? merged
      : onEveryPolicy(merged, { unknownAtPreview: opts.unknownAtPreview });
  const text = `${JSON.stringify(config, null, 2)}\n`;
  if (opts.out) {
    writeOutputFile("--out", opts.out, text, io);
  } else {
    io.out(text);
  }
  if (stack.environments.length > 0) {
    io.err(
      `note: ${path.basename(stack.file)} imports the Pulumi ESC environment(s) ${stack.environments.join(", ")}: sovereign-dc:* keys they set are not in this file, which holds the stack file's own.\n`,
    );
  }
  return 0;
}

function buildProgram(
  io: Io,
  pack: PackHandle | undefined,
  setCode: (p: Promise<number> | number) => void,
): Command {
  const program = new Command("sovereign-dc")
    .description("Plan, check and scaffold sealed per-country data-center stacks, offline.")
    .version(version)
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const format = (choices: string[]) =>
    new Option("--format <format>", "output format").choices(choices).default("text");
  const timeout = () =>
    new Option(
      "--timeout <seconds>",
      "give up (exit 2, naming what never finished) on a program that runs longer",
    )
      .default(defaultTimeoutSeconds)
      .argParser(parseTimeout);

  const firstPreview = () =>
    new Option(
      "--first-preview",
      "judge the program as pulumi preview sees it on a stack with nothing deployed: every output a provider computes on create (IDs, ARNs, endpoints) unknown",
    );

  program
    .command("plan")
    .description(
      "Evaluate this project's program for a stack offline and print its resources and residency verdict.",
    )
    .option(
      "--stack <stack>",
      "stack to plan (may be left out in a project of one stack: Pulumi.<stack>.yaml)",
    )
    .addOption(format(["text", "json", "md"]))
    .option(
      "--out <dir>",
      "with --format md: folder for report.md, plan.json and data-paths.svg (default: out/<stack> of the project)",
    )
    .option("--sarif <file>", "also write the findings as SARIF 2.1.0 to <file> (code scanning)")
    .option("--project <dir>", "folder of the Pulumi project", process.cwd())
    .option(
      "--policy-config <file>",
      "policy pack config (the --policy-pack-config format) laid over the stack's",
    )
    .addOption(timeout())
    .addOption(firstPreview())
    .action((opts) =>
      setCode(
        planCommand(
          {
            ...opts,
            stack: stackOf(opts, "plan"),
            organization: organizationIn(opts.stack as string | undefined),
            pack,
          },
          io,
        ),
      ),
    );

  program
    .command("check")
    .description(
      "Evaluate any Pulumi program file under a stack's config and run the residency policy pack on it.",
    )
    .argument(
      "[program]",
      "the program file (.ts or .js, or a Pulumi YAML project's .yaml or .json), or a project folder: its entry (default: the project of the current folder, found upward as the Pulumi CLI finds it)",
    )
    // Required, and refused in checkCommand with the project's stacks named when it is missing.
    .option(
      "--stack <stack>",
      "stack whose Pulumi.<stack>.yaml (next to the program's Pulumi.yaml) supplies config (required)",
    )
    .addOption(format(["text", "json", "sarif"]))
    .option("--sarif <file>", "also write the findings as SARIF 2.1.0 to <file> (code scanning)")
    .option("--jurisdiction <id>", "jurisdiction to check against when the stack config names none")
    .option(
      "--policy-config <file>",
      "policy pack config (the --policy-pack-config format) laid over the stack's",
    )
    .addOption(timeout())
    .addOption(firstPreview())
    .action((file, opts) => setCode(checkCommand(file, { ...opts, pack }, io)));

  program
    .command("new-stack")
    .description(
      "Scaffold Pulumi.<name>.yaml for a new regional stack, validated before it is written.",
    )
    .argument("<name>", "stack name, e.g. cn-beijing")
    // Required, and checked together in newStack: a missing option is named with every other.
    .option("--cloud <cloud>", "alicloud or aws (required)")
    .option("--region <region>", "region every resource is created in (required)")
    .option("--jurisdiction <id>", "jurisdiction the stack must stay in: CN, US, EU, … (required)")
    .option(
      "--cidr <cidr>",
      "network CIDR, one /24 per zone carved from it (default: the first /16 of 10.0.0.0/8 no other stack of the project overlaps)",
    )
    .option(
      "--zones <zones>",
      "comma-separated zones of the region, e.g. cn-beijing-a,cn-beijing-c (default: the region's zones in residency/zones.ts)",
    )
    .option(
      "--account-id <id>",
      "account the stack is pinned to: 12-digit AWS ID (required for aws), 16-digit Alibaba Cloud UID",
    )
    .option("--bucket <name:days:purpose...>", "data bucket(s): name, retention days, purpose")
    .option("--project <dir>", "folder of the Pulumi project", process.cwd())
    .option("--force", "overwrite an existing Pulumi.<name>.yaml", false)
    .action((name, opts) => setCode(newStack(name, opts, io)));

  program
    .command("preflight")
    .description(
      "Before pulumi up: check that the state backend, secrets provider and provider settings the Pulumi CLI would use here keep the stack's data inside its jurisdiction.",
    )
    .requiredOption("--stack <stack>", "stack to be deployed")
    .addOption(format(["text", "json"]))
    .option("--jurisdiction <id>", "jurisdiction to check against when the stack config names none")
    .option("--project <dir>", "folder of the Pulumi project", process.cwd())
    .action((opts) => setCode(preflightCommand(opts, io.out, process.env)));

  program
    .command("coverage")
    .description(
      "Count the providers' resource types the pack models, has reviewed or would fail closed; --type explains one.",
    )
    .addOption(format(["text", "json"]))
    .option("--type <token>", "explain one resource type, e.g. aws:s3/bucketV2:BucketV2")
    .action((opts) =>
      // Loaded on use: the inventory and the flow tables are of no use to the other commands.
      setCode(import("./coverage").then((c) => c.coverageCommand(opts, io.out))),
    );

  program
    .command("policy-config")
    .description(
      "Write the policy pack config for a stack, for pulumi preview --policy-pack-config.",
    )
    .option(
      "--stack <stack>",
      "stack (may be left out in a project of one stack: Pulumi.<stack>.yaml)",
    )
    .option("--project <dir>", "folder of the Pulumi project", process.cwd())
    .option("--out <file>", "file to write (default: stdout)")
    .option(
      "--policy-config <file>",
      "overrides (the --policy-pack-config format: waivers, levels, allowTypes) laid over the stack's, as check and plan take them",
    )
    .addOption(
      new Option(
        "--unknown-at-preview <choice>",
        "what resource policies do with a value not known at preview: defer (the pack's default: an advisory note, judged by pulumi up before it creates the resource) or fail (the preview fails)",
      ).choices(["defer", "fail"]),
    )
    .action((opts) =>
      setCode(policyConfigCommand({ ...opts, stack: stackOf(opts, "policy-config") }, io)),
    );
  return program;
}

/** `--timeout <seconds>`: a positive number of seconds. */
function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0) {
    throw new InvalidArgumentError(
      `received ${JSON.stringify(value)}; expected a positive number of seconds, e.g. --timeout 600.`,
    );
  }
  return seconds;
}

/** Runs the CLI and resolves to its exit code; never throws. */
export async function main(
  argv: readonly string[],
  io: Io = processIo,
  pack?: PackHandle,
): Promise<number> {
  let pending: Promise<number> | number = 2;
  const program = buildProgram(io, pack, (p) => {
    pending = p;
  });
  try {
    await program.parseAsync([...argv]);
    if (program.args.length === 0 && argv.length <= 2) {
      io.err(program.helpInformation());
      return 2;
    }
    return await pending;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit 0; every other parse failure is a usage error.
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    if (e instanceof ProgramError || e instanceof PackError) {
      io.err(`error: ${e.message}\n`);
      return 2;
    }
    io.err(`error: ${(e as Error).stack ?? String(e)}\n`);
    return 2;
  }
}
