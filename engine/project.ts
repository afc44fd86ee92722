/**
 * Reads a Pulumi project and a stack's config from disk the way the Pulumi CLI does:
 * `Pulumi.yaml` names the project (and so the config namespace) and the program, and
 * `Pulumi.<stack>.yaml` holds the stack's config. Config reaches the program as a flat map of
 * namespaced keys whose structured values are JSON text — the form `pulumi.Config` reads.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import YAML from "yaml";

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
  /** Folder holding the Pulumi.<stack>.yaml files. */
  readonly stackConfigDir: string;
  /** The language runtime Pulumi.yaml names (`runtime:` or `runtime.name`): nodejs, bun, … */
  readonly runtime?: string;
  /** The backend URL Pulumi.yaml pins, if any. */
  readonly backendUrl?: string;
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
    return YAML.parse(text);
  } catch (e) {
    throw new UsageError(`${file} is not valid YAML: ${(e as Error).message}`);
  }
}

/** Finds Pulumi.yaml in `start` or its parents and reads the project from it. */
export function loadProject(start: string): ProjectInfo {
  let dir = path.resolve(start);
  for (;;) {
    for (const candidate of ["Pulumi.yaml", "Pulumi.yml"]) {
      const file = path.join(dir, candidate);
      if (fs.existsSync(file)) {
        return readProject(dir, file);
      }
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new UsageError(
        `No Pulumi.yaml found in ${path.resolve(start)} or any parent folder; run the command inside a Pulumi project.`,
      );
    }
    dir = parent;
  }
}

function readProject(dir: string, file: string): ProjectInfo {
  const doc = readYaml(file) as Record<string, unknown> | null;
  const name = doc?.name;
  if (typeof name !== "string" || name === "") {
    throw new UsageError(`${file}: "name" is missing; a Pulumi project needs a name.`);
  }
  const mainSetting = typeof doc?.main === "string" ? doc.main : undefined;
  const stackConfigDir = path.join(
    dir,
    typeof doc?.stackConfigDir === "string" ? doc.stackConfigDir : ".",
  );
  const backend = doc?.backend as { url?: unknown } | undefined;
  let main: string | undefined;
  return {
    dir,
    name,
    get main() {
      return (main ??= resolveMain(dir, file, mainSetting));
    },
    stackConfigDir,
    runtime: runtimeName(doc?.runtime),
    backendUrl: typeof backend?.url === "string" ? backend.url : undefined,
    config: projectConfig(file, name, doc?.config),
  };
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

/** Resolves the program entry as the Node.js language host does: `main`, then package.json. */
function resolveMain(dir: string, projectFile: string, mainSetting: string | undefined): string {
  const base = mainSetting ? path.resolve(dir, mainSetting) : dir;
  if (fs.existsSync(base) && fs.statSync(base).isFile()) {
    return base;
  }
  const yamlName = path.basename(projectFile);
  if (mainSetting && !fs.existsSync(base)) {
    throw new UsageError(
      `Cannot find the program entry: ${yamlName} sets main: ${JSON.stringify(mainSetting)}, ` +
        `but there is no such file or folder in ${dir}. Point main at the program file ` +
        "(or its folder), or run `sovereign-dc check <program file>`.",
    );
  }
  const pkgFile = path.join(base, "package.json");
  if (fs.existsSync(pkgFile)) {
    const pkg = JSON.parse(fs.readFileSync(pkgFile, "utf8")) as { main?: string };
    if (pkg.main) {
      return path.resolve(base, pkg.main);
    }
  }
  // The language host's order (engine/load-program.ts loads a folder the same way).
  for (const candidate of ["index.js", "index.mjs", "index.ts", "index.mts"]) {
    if (fs.existsSync(path.join(base, candidate))) {
      return path.join(base, candidate);
    }
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

/** Stack names that have a Pulumi.<stack>.yaml in the project. */
export function listStacks(project: ProjectInfo): string[] {
  return fs
    .readdirSync(project.stackConfigDir)
    .map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1])
    .filter((s): s is string => s !== undefined)
    .sort();
}

/** Reads `Pulumi.<stack>.yaml` into the flat config map the Pulumi runtime holds. */
export function loadStackConfig(project: ProjectInfo, stack: string): StackConfig {
  const file = ["yaml", "yml"]
    .map((ext) => path.join(project.stackConfigDir, `Pulumi.${stack}.${ext}`))
    .find((f) => fs.existsSync(f));
  if (!file) {
    const known = listStacks(project);
    throw new UsageError(
      `--stack ${JSON.stringify(stack)}: no Pulumi.${stack}.yaml in ${project.stackConfigDir}; ` +
        `stacks of this project: ${known.length > 0 ? known.join(", ") : "none"}.`,
    );
  }
  const doc = (readYaml(file) ?? {}) as Record<string, unknown>;
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
      config[fullKey] = `[secret ${fullKey}, not decrypted offline]`;
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
