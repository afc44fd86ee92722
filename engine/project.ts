/**
 * Reads a Pulumi project and a stack's config from disk the way the Pulumi CLI does:
 * `Pulumi.yaml` names the project (and so the config namespace) and the program, and
 * `Pulumi.<stack>.yaml` holds the stack's config. Config reaches the program as a flat map of
 * namespaced keys whose structured values are JSON text — the form `pulumi.Config` reads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { yaml } from "./yaml";
import { type NodeArgs, nodeArgsOf } from "./nodeargs";
import { packFolder } from "./spawn-pack";

/** A config, project or usage problem the user must fix; the CLI exits 2 on it. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export interface ProjectInfo {
  /** Folder that holds Pulumi.yaml. */
  readonly dir: string;
  /** The project name (`name:` in Pulumi.yaml). */
  readonly name: string;
  /**
   * Absolute path of the program entry, resolved when first read: a folder whose entry is
   * missing is still a project (`check <file>` runs another program in it). Reading it then
   * throws a UsageError naming Pulumi.yaml's `main` and the folder.
   */
  readonly main: string;
  /**
   * Set when the entry is not the one package.json names because that file does not exist: the
   * Pulumi language host then warns and runs the project folder, and so does the guard. Reading
   * it resolves the entry, as reading `main` does.
   */
  readonly mainNote: string | undefined;
  /**
   * Whether the entry is a TypeScript index file of a folder (index.ts, index.mts), which the
   * language host's require finds only with its TypeScript compiler registered: Node alone looks
   * for index.js. Reading it resolves the entry, as reading `main` does.
   */
  readonly mainIsTypeScriptIndex: boolean;
  /** Folder holding the Pulumi.<stack>.yaml files. */
  readonly stackConfigDir: string;
  /**
   * The extension of the stack files the Pulumi CLI reads: the project file's own
   * (`Pulumi.<stack>.yml` beside `Pulumi.yml`, `.json` beside `Pulumi.json`).
   */
  readonly stackFileExt: string;
  /** The language runtime Pulumi.yaml names (`runtime:` or `runtime.name`): nodejs, bun, … */
  readonly runtime?: string;
  /** The backend URL Pulumi.yaml pins, if any. */
  readonly backendUrl?: string;
  /** What the Node.js runtime's `nodeargs` option has node do before the program (nodeargs.ts). */
  readonly nodeArgs?: NodeArgs;
  /**
   * False when the Node.js runtime's `typescript` option is: the language host then registers no
   * TypeScript compiler, and node loads the program itself.
   */
  readonly typescript?: boolean;
  /** The tsconfig file the Node.js runtime's `tsconfig` option names, relative to the project. */
  readonly tsconfig?: string;
  /**
   * Project-level config (Pulumi.yaml `config:`), flat as a stack's: what every stack of the
   * project gets for a key its own file does not set.
   */
  readonly config: Readonly<Record<string, string>>;
}

export interface StackConfig {
  readonly stack: string;
  /** The file the config was read from. */
  readonly file: string;
  /** Flat config: `namespace:key` → string (structured values as JSON text). */
  readonly config: Readonly<Record<string, string>>;
  /** Keys whose values are `secure:` ciphertext in the file. */
  readonly secretKeys: readonly string[];
  /** `secretsprovider:` of the stack file, if any. */
  readonly secretsProvider?: string;
  /** The Pulumi ESC environments the stack file imports (`environment:`), in order. */
  readonly environments: readonly string[];
}

function readYaml(file: string): unknown {
  const text = fs.readFileSync(file, "utf8");
  try {
    return yaml().parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid YAML: ${(e as Error).message}`);
  }
}

/**
 * The project file of folder `dir`, if it holds one: Pulumi.json, Pulumi.yaml or Pulumi.yml,
 * the first of them, as the Pulumi CLI looks (its encoding.Exts order).
 */
export function projectFileIn(dir: string): string | undefined {
  return ["Pulumi.json", "Pulumi.yaml", "Pulumi.yml"]
    .map((f) => path.join(dir, f))
    .find((f) => fs.existsSync(f));
}

/** The nearest project file from `start` up, as the Pulumi CLI finds the project it runs in. */
export function nearestProjectFile(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    const file = projectFileIn(dir);
    if (file !== undefined || path.dirname(dir) === dir) {
      return file;
    }
  }
}

/** Finds Pulumi.yaml in `start` or its parents and reads the project from it. */
export function loadProject(start: string): ProjectInfo {
  const file = nearestProjectFile(start);
  if (file === undefined) {
    throw new UsageError(
      `No Pulumi.yaml found in ${path.resolve(start)} or any parent folder; run the command inside a Pulumi project, or name its folder with --project.`,
    );
  }
  return readProject(path.dirname(file), file);
}

function readProject(dir: string, file: string): ProjectInfo {
  const doc = readYaml(file) as Record<string, unknown> | null;
  const name = doc?.name;
  if (typeof name !== "string" || name === "") {
    throw new UsageError(`${file}: "name" is missing; a Pulumi project needs a name.`);
  }
  // The Pulumi CLI's own rule for a project name (tokens.ValidateProjectName): a template's
  // `${PROJECT}` left in place is refused there, so it is no project to judge here either.
  if (!/^[A-Za-z0-9_.-]{1,100}$/.test(name)) {
    throw new UsageError(
      `${file}: "name" is ${JSON.stringify(name)}, which the Pulumi CLI refuses: a project name is 1 to 100 letters, digits, hyphens, underscores and periods.`,
    );
  }
  const mainSetting = typeof doc?.main === "string" ? doc.main : undefined;
  // The project's older form, `config: <folder>`, names the folder of the stack files; the
  // Pulumi CLI reads it as `stackConfigDir` and refuses the two together.
  const configDir = typeof doc?.config === "string" ? doc.config : undefined;
  if (configDir !== undefined && doc?.stackConfigDir !== undefined) {
    throw new UsageError(
      `${file}: "config" names a folder (${JSON.stringify(configDir)}) and "stackConfigDir" is set too; the Pulumi CLI refuses both. Keep only stackConfigDir.`,
    );
  }
  const stackConfigDir = path.join(
    dir,
    configDir ?? (typeof doc?.stackConfigDir === "string" ? doc.stackConfigDir : "."),
  );
  const backend = doc?.backend as { url?: unknown } | undefined;
  let main: ResolvedMain | undefined;
  const runtime = runtimeName(doc?.runtime);
  // The Node.js runtime's options (`runtime: { name: nodejs, options: {…} }`).
  const runtimeOptions =
    typeof doc?.runtime === "object" && doc.runtime !== null
      ? (doc.runtime as { options?: Record<string, unknown> }).options
      : undefined;
  const resolved = () => {
    nodeRuntime(file, runtime);
    if (runtime === "yaml") {
      // A Pulumi YAML program: Pulumi.yaml itself, or Main.yaml of the folder `main` names.
      const options = (doc?.runtime as { options?: Record<string, unknown> } | undefined)?.options;
      if (typeof options?.compiler === "string") {
        // The YAML host runs the compiler (`cue export`) and evaluates what it prints.
        throw new UsageError(
          `${file}: the program is what the YAML runtime's compiler option prints (${JSON.stringify(options.compiler)}), which sovereign-dc does not run. The residency pack judges it under the Pulumi CLI: ${cliCheckCommands("<stack>", dir)}`,
        );
      }
      return (main ??= { file: yamlProgramFile(file, mainSetting) });
    }
    return (main ??= resolveMain(dir, file, mainSetting));
  };
  return {
    dir,
    name,
    get main() {
      return resolved().file;
    },
    get mainNote() {
      return resolved().note;
    },
    get mainIsTypeScriptIndex() {
      return resolved().typeScriptIndex === true;
    },
    stackConfigDir,
    stackFileExt: path.extname(file),
    runtime,
    backendUrl: typeof backend?.url === "string" ? backend.url : undefined,
    nodeArgs: nodeArgsOfRuntime(runtimeOptions, file),
    tsconfig: typeof runtimeOptions?.tsconfig === "string" ? runtimeOptions.tsconfig : undefined,
    typescript: runtimeOptions?.typescript === false ? false : undefined,
    config: configDir === undefined ? projectConfig(file, name, doc?.config) : {},
  };
}

/** The nodeargs of a Node.js runtime's options, read (nodeargs.ts); undefined without any. */
function nodeArgsOfRuntime(
  options: Readonly<Record<string, unknown>> | undefined,
  file: string,
): NodeArgs | undefined {
  const nodeargs = options?.nodeargs;
  if (nodeargs === undefined) {
    return undefined;
  }
  if (typeof nodeargs !== "string") {
    throw new UsageError(
      `${file}: runtime.options.nodeargs is ${JSON.stringify(nodeargs)}; the language host takes a string of node's flags ("--require ./setup.js").`,
    );
  }
  return nodeArgsOf(nodeargs, file);
}

/** What a program reads offline for the `secure:` config value of `key`, which it cannot decrypt. */
export function offlineSecretPlaceholder(key: string): string {
  return `[secret ${key}, not decrypted offline]`;
}

/** Whether a text is such a placeholder: it says where a value came from, and holds no secret. */
export function isOfflineSecretPlaceholder(text: string): boolean {
  return /^\[secret [^\]\s]+, not decrypted offline\]$/.test(text);
}

/** A file a Pulumi YAML project's program may be: its template, as YAML or JSON. */
export const yamlProgramPattern = /\.(ya?ml|json)$/;

/**
 * The file of a YAML project's program, as the YAML host finds it: Main.json, else Main.yaml, of
 * the folder `main` names (the project's folder without it), else Pulumi.yaml there.
 */
function yamlProgramFile(projectFile: string, mainSetting: string | undefined): string {
  const dir = path.resolve(path.dirname(projectFile), mainSetting ?? ".");
  const found = ["Main.json", "Main.yaml", "Pulumi.yaml"]
    .map((f) => path.join(dir, f))
    .find((f) => fs.existsSync(f));
  if (found === undefined) {
    throw new UsageError(
      `Cannot find the program: ${path.basename(projectFile)} sets main: ${JSON.stringify(mainSetting)}, and ${dir} holds no Main.json, Main.yaml or Pulumi.yaml.`,
    );
  }
  return found;
}

/** The runtimes whose programs the engine evaluates: JavaScript and TypeScript ones, and YAML. */
const evaluatedRuntimes = ["nodejs", "bun", "yaml"];

/**
 * Refuses a project of another language runtime (Python, Go, .NET, Java, YAML), whose entry the
 * engine would look for in vain; the pack judges such a program under the Pulumi CLI.
 */
function nodeRuntime(file: string, runtime: string | undefined): void {
  if (runtime === undefined || evaluatedRuntimes.includes(runtime)) {
    return;
  }
  throw new UsageError(
    `${file}: the project's runtime is ${JSON.stringify(runtime)}; sovereign-dc evaluates ` +
      `programs of the ${evaluatedRuntimes.slice(0, -1).join(", ")} and ${evaluatedRuntimes.at(-1)} runtimes only. The residency pack judges ` +
      `a program of any language under the Pulumi CLI: ${cliCheckCommands("<stack>", path.dirname(file))}`,
  );
}

/**
 * The commands that run the residency pack on `stack` under the Pulumi CLI, with credentials:
 * its pack config written from the stack config, then a preview with the pack. Typed in `from`
 * (the folder `check` or `plan` ran in): for a project in another folder (`check infra/index.ts`
 * from the repository's root) the config is written from that project's stack file
 * (`--project`) into its folder, and the preview runs there (`--cwd`), with the pack named from
 * there — as the Pulumi CLI reads a path given to a command run with `--cwd`.
 */
export function cliCheckCommands(
  stack: string,
  projectDir?: string,
  from: string = process.cwd(),
): string {
  const project = projectDir === undefined ? "" : path.relative(from, projectDir);
  const config = path.join("policy", "config", `${stack}.json`);
  if (project === "") {
    // `policy` in this repository, `node_modules/sovereign-dc/dist/policy-pack` in a project
    // that installed the guard.
    const pack = path.relative(from, packFolder()) || ".";
    return (
      `npx sovereign-dc policy-config --stack ${stack} --out ${config}, then ` +
      `pulumi preview --stack ${stack} --policy-pack ${shellWord(pack)} --policy-pack-config ${config}.`
    );
  }
  const pack = path.relative(projectDir ?? from, packFolder()) || ".";
  return (
    `npx sovereign-dc policy-config --project ${shellWord(project)} --stack ${stack} --out ${path.join(shellWord(project), config)}, then ` +
    `pulumi preview --cwd ${shellWord(project)} --stack ${stack} --policy-pack ${shellWord(pack)} --policy-pack-config ${config}.`
  );
}

/** A path as a shell takes it whole: quoted where it holds a space or another special character. */
function shellWord(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replace(/'/g, `'\\''`)}'`;
}

/** The runtime Pulumi.yaml names: `runtime: bun`, or `runtime: { name: bun, options: … }`. */
function runtimeName(v: unknown): string | undefined {
  const name = typeof v === "object" && v !== null ? (v as { name?: unknown }).name : v;
  return typeof name === "string" && name !== "" ? name : undefined;
}

/**
 * Pulumi.yaml's `config:` as the Pulumi CLI applies it to every stack: a key's plain value, or
 * the `value` or else the `default` of a declaration (`{ type, description, default }`); a
 * declaration with neither sets nothing. Keys without a namespace are the project's.
 */
function projectConfig(file: string, project: string, raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) {
    return {};
  }
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new UsageError(`${file}: "config" must be a map of keys to values or declarations.`);
  }
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(raw as Record<string, unknown>)) {
    const declared = typeof entry === "object" && entry !== null && !Array.isArray(entry);
    const value = declared
      ? ((entry as Record<string, unknown>).value ?? (entry as Record<string, unknown>).default)
      : entry;
    if (value === undefined || value === null) {
      continue;
    }
    out[key.includes(":") ? key : `${project}:${key}`] =
      typeof value === "string" ? value : JSON.stringify(value);
  }
  return out;
}

/** The program entry, and why it is not the one package.json names, when it is not. */
interface ResolvedMain {
  readonly file: string;
  readonly note?: string;
  /** The folder's index.ts or index.mts (ProjectInfo `mainIsTypeScriptIndex`). */
  readonly typeScriptIndex?: boolean;
}

/** The nearest folder from `dir` upward that holds a package.json, as the language host finds it. */
function packageRootOf(dir: string): string | undefined {
  for (let at = dir; ; at = path.dirname(at)) {
    if (fs.existsSync(path.join(at, "package.json"))) {
      return at;
    }
    if (path.dirname(at) === at) {
      return undefined;
    }
  }
}

/** A package.json's fields, or nothing when it cannot be read (the host reads it best-effort). */
function readPackage(file: string): { exports?: unknown; main?: unknown } {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as { exports?: unknown; main?: unknown };
  } catch {
    return {};
  }
}

/**
 * The entry package.json names, as the language host reads it: `exports` (a path, or the `"."`
 * export as a path or its `default`, `require` or `import` condition), else `main`.
 */
function packageEntry(pkg: { exports?: unknown; main?: unknown }): string | undefined {
  const exp = pkg.exports;
  const dot = typeof exp === "object" && exp !== null ? (exp as Record<string, unknown>)["."] : exp;
  if (exp !== undefined) {
    if (typeof dot === "string") {
      return dot;
    }
    if (typeof dot === "object" && dot !== null) {
      const c = dot as Record<string, unknown>;
      const entry = c.default ?? c.require ?? c.import;
      return typeof entry === "string" ? entry : undefined;
    }
    return undefined;
  }
  return typeof pkg.main === "string" && pkg.main !== "" ? pkg.main : undefined;
}

/** Node's entry of a folder: its package.json `main` if that file exists, else its index file. */
function folderEntry(base: string): ResolvedMain | undefined {
  const pkgFile = path.join(base, "package.json");
  if (fs.existsSync(pkgFile)) {
    const main = readPackage(pkgFile).main;
    if (typeof main === "string" && main !== "") {
      const file = path.resolve(base, main);
      if (fs.existsSync(file) && fs.statSync(file).isFile()) {
        return { file };
      }
    }
  }
  // The language host's order (engine/load-program.ts loads a folder the same way).
  for (const candidate of ["index.js", "index.mjs", "index.ts", "index.mts"]) {
    if (fs.existsSync(path.join(base, candidate))) {
      return {
        file: path.join(base, candidate),
        ...(candidate.endsWith("ts") ? { typeScriptIndex: true } : {}),
      };
    }
  }
  return undefined;
}

/**
 * Resolves the program entry as the Node.js language host does: Pulumi.yaml's `main` (a file,
 * or a folder Node loads by its package.json `main` or index file); without it, the entry the
 * nearest package.json names (`exports`, else `main`) — which, when that file does not exist,
 * the host warns about and replaces by the project folder — else the project folder.
 */
function resolveMain(
  dir: string,
  projectFile: string,
  mainSetting: string | undefined,
): ResolvedMain {
  const yamlName = path.basename(projectFile);
  const base = mainSetting ? path.resolve(dir, mainSetting) : dir;
  if (mainSetting) {
    if (!fs.existsSync(base)) {
      throw new UsageError(
        `Cannot find the program entry: ${yamlName} sets main: ${JSON.stringify(mainSetting)}, ` +
          `but there is no such file or folder in ${dir}. Point main at the program file ` +
          "(or its folder), or run `sovereign-dc check <program file>`.",
      );
    }
    if (fs.statSync(base).isFile()) {
      return { file: base };
    }
  }
  let note: string | undefined;
  const root = mainSetting ? undefined : packageRootOf(dir);
  const named =
    root === undefined ? undefined : packageEntry(readPackage(path.join(root, "package.json")));
  if (root !== undefined && named !== undefined) {
    const file = path.join(root, named);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      return { file };
    }
    if (!fs.existsSync(file)) {
      note = `${path.join(root, "package.json")} names ${JSON.stringify(named)} as the program's entry, but there is no such file; like the Pulumi language host ("Could not find entry point … specified in package.json"), the guard runs the project folder ${dir} instead`;
    }
  }
  const found = folderEntry(
    root !== undefined && named !== undefined && note === undefined ? path.join(root, named) : base,
  );
  if (found !== undefined) {
    return { ...found, note: note && `${note}: ${path.basename(found.file)}.` };
  }
  if (note !== undefined && root !== undefined) {
    throw new UsageError(
      `Cannot find the program entry: ${path.join(root, "package.json")} names ${JSON.stringify(named)}, ` +
        `which does not exist (a build output not built yet?), and the project folder ${dir} has no ` +
        `index.js, index.mjs, index.ts or index.mts to run instead. Build the program, set main in ` +
        `${yamlName} to the program file, or run \`sovereign-dc check <program file>\`.`,
    );
  }
  const what = mainSetting
    ? `${yamlName} sets main: ${JSON.stringify(mainSetting)}, and the folder`
    : `${yamlName} sets no main, and the project folder`;
  throw new UsageError(
    `Cannot find the program entry: ${what} ${base} has no package.json "main", index.js, ` +
      `index.mjs, index.ts or index.mts. Set main in ${yamlName} to the program file, or run ` +
      "`sovereign-dc check <program file>`.",
  );
}

/** Stack names that have a stack file (Pulumi.<stack>.yaml) the Pulumi CLI reads in the project. */
export function listStacks(project: ProjectInfo): string[] {
  const ext = project.stackFileExt;
  return fs
    .readdirSync(project.stackConfigDir)
    .filter((f) => f.startsWith("Pulumi.") && f.endsWith(ext))
    .map((f) => f.slice("Pulumi.".length, -ext.length))
    .filter((s) => s !== "")
    .sort();
}

/**
 * The name of the stack a `--stack` names, as the Pulumi CLI takes it: `<stack>`,
 * `<org>/<stack>` or `<org>/<project>/<stack>`, whose stack file is Pulumi.<stack>.yaml all the
 * same. A project part other than this project's name is refused, as the Pulumi CLI refuses it.
 */
export function stackNameIn(project: ProjectInfo, given: string): string {
  const parts = given.split("/");
  const name = parts.at(-1) ?? "";
  const problem =
    parts.length > 3 || parts.some((p) => p === "")
      ? "a stack is <stack>, <org>/<stack> or <org>/<project>/<stack>"
      : parts.length === 3 && parts[1] !== project.name
        ? `its project ${JSON.stringify(parts[1])} is not this project, ${JSON.stringify(project.name)} (${path.join(project.dir, "Pulumi" + project.stackFileExt)})`
        : undefined;
  if (problem !== undefined) {
    throw new UsageError(`--stack ${JSON.stringify(given)}: ${problem}.`);
  }
  return name;
}

/**
 * The organization a `--stack` names in full (`<org>/<stack>`, `<org>/<project>/<stack>`), which
 * the program's `pulumi.getOrganization()` answers with, as under the Pulumi CLI; undefined for a
 * bare stack name.
 */
export function organizationIn(given: string | undefined): string | undefined {
  const parts = given?.split("/") ?? [];
  return parts.length >= 2 && parts[0] !== "" ? parts[0] : undefined;
}

/** Reads `Pulumi.<stack>.yaml` into the flat config map the Pulumi runtime holds. */
export function loadStackConfig(project: ProjectInfo, stack: string): StackConfig {
  const base = `Pulumi.${stack}${project.stackFileExt}`;
  const file = path.join(project.stackConfigDir, base);
  if (!fs.existsSync(file)) {
    const known = listStacks(project);
    // A stack file of another extension is one the Pulumi CLI never reads for this project: it
    // would run the stack on an empty config.
    const unread = [".yaml", ".yml", ".json"]
      .filter((ext) => ext !== project.stackFileExt)
      .map((ext) => `Pulumi.${stack}${ext}`)
      .find((f) => fs.existsSync(path.join(project.stackConfigDir, f)));
    throw new UsageError(
      `--stack ${JSON.stringify(stack)}: no ${base} in ${project.stackConfigDir}; ` +
        `stacks of this project: ${known.length > 0 ? known.join(", ") : "none"}.` +
        (unread === undefined
          ? ""
          : ` ${unread} is there, which the Pulumi CLI does not read for the project file Pulumi${project.stackFileExt} (a stack file takes its project file's extension): rename it to ${base}.`),
    );
  }
  const doc = (readYaml(file) ?? {}) as Record<string, unknown>;
  // A namespaced key at the top level is a setting Pulumi never reads: only `config:` holds them.
  const stray = Object.keys(doc).filter((k) => k.includes(":"));
  if (stray.length > 0) {
    throw new UsageError(
      `${file}: ${stray.join(", ")} ${stray.length === 1 ? "is" : "are"} at the top level of the file, where Pulumi reads no stack settings; put ${stray.length === 1 ? "it" : "them"} under config: (config:\n  ${stray[0]}: …).`,
    );
  }
  const raw = (doc.config ?? {}) as Record<string, unknown>;
  if (typeof raw !== "object" || Array.isArray(raw)) {
    throw new UsageError(`${file}: "config" must be a map of keys to values.`);
  }
  // The stack's own file wins over the project's config, key by key.
  const config: Record<string, string> = { ...project.config };
  const secretKeys: string[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const fullKey = key.includes(":") ? key : `${project.name}:${key}`;
    if (isSecure(value)) {
      secretKeys.push(fullKey);
      // Ciphertext cannot be decrypted offline; the program sees a placeholder that names the
      // key, so a finding about the value says where it came from and why it was not read.
      config[fullKey] = offlineSecretPlaceholder(fullKey);
      continue;
    }
    config[fullKey] = typeof value === "string" ? value : JSON.stringify(value);
  }
  return {
    stack,
    file,
    config,
    secretKeys,
    secretsProvider: typeof doc.secretsprovider === "string" ? doc.secretsprovider : undefined,
    environments: environmentsOf(doc.environment),
  };
}

/**
 * The ESC environments a stack file's `environment:` imports: a list of names, or an object
 * whose `imports` lists them (an entry may be a one-key map of the name to its options).
 */
function environmentsOf(v: unknown): string[] {
  const list =
    Array.isArray(v) || v === undefined || v === null
      ? v
      : typeof v === "object"
        ? (v as { imports?: unknown }).imports
        : [v];
  return [list ?? []]
    .flat()
    .map((e) => (typeof e === "object" && e !== null ? Object.keys(e)[0] : e))
    .filter((e): e is string => typeof e === "string" && e !== "");
}

function isSecure(v: unknown): boolean {
  return (
    typeof v === "object" &&
    v !== null &&
    !Array.isArray(v) &&
    Object.keys(v).length === 1 &&
    "secure" in v
  );
}
