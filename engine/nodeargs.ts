/**
 * What a project's `runtime.options.nodeargs` in Pulumi.yaml has Node do before the program runs.
 * The language host splits the string as a shell would and puts the words before its runner on
 * node's command line (`node <nodeargs> …/run.js <program>`): a module preloaded with `--require`
 * or `--import` (`-r dotenv/config`, a file of the project that sets the environment), and the
 * variables of an `--env-file`, are the program's to read, and a program judged without them is
 * not the program `pulumi up` runs. The engine applies those; a TypeScript loader (tsx, ts-node)
 * is the engine's own compiling and resolution (program-resolution.js); flags that change neither
 * a module nor a value (heap size, warnings, diagnostics) change no verdict. Any other flag cannot
 * be applied offline, and the run ends with exit 2 naming it rather than judging another program.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as util from "node:util";
import { parse } from "shell-quote";
import { engineChildProcess } from "./program-loop";
import { UsageError } from "./project";

/** What the engine applies of a project's nodeargs. */
export interface NodeArgs {
  /** Modules preloaded as `--require` does, in order, as written. */
  readonly requires: readonly string[];
  /** Modules preloaded as `--import` does, in order, as written. */
  readonly imports: readonly string[];
  /** Environment files, in order; an `--env-file-if-exists` one may be missing. */
  readonly envFiles: ReadonlyArray<{ readonly file: string; readonly optional: boolean }>;
  /**
   * Whether Node strips the types of TypeScript it loads, where the flags say
   * (`--experimental-strip-types`, `--no-experimental-strip-types`; the last one given wins),
   * and whether it transforms what it cannot strip (`--experimental-transform-types`).
   */
  readonly stripTypes?: boolean;
  readonly transformTypes?: boolean;
}

/** Preloads that are TypeScript compilers or loaders: the engine compiles and resolves itself. */
const compilers =
  /^(?:tsx(?:\/[\w/-]*)?|ts-node(?:\/[\w/-]*)?|@swc-node\/register(?:\/[\w/-]*)?|esbuild-register(?:\/[\w/-]*)?|@esbuild-kit\/[\w/-]+)$/;

/** Flags that change no module the program loads and no value it reads. */
const inert = [
  /^--max-old-space-size(?:=|$)/,
  /^--max-semi-space-size(?:=|$)/,
  /^--stack-size(?:=|$)/,
  /^--stack-trace-limit(?:=|$)/,
  /^--enable-source-maps$/,
  /^--no-warnings$/,
  /^--no-deprecation$/,
  /^--disable-warning(?:=|$)/,
  /^--trace-[\w-]+$/,
  /^--inspect(?:-brk|-port|-wait)?(?:=|$)/,
  /^--expose-gc$/,
  /^--unhandled-rejections(?:=|$)/,
  /^--experimental-specifier-resolution(?:=|$)/,
  /^--es-module-specifier-resolution(?:=|$)/,
  // Node's permission model (`--experimental-permission`, `--permission` from Node 24) is not:
  // it denies the program every file and process its --allow-* flags do not grant.
  /^--(?:no-)?experimental-(?!permission$)[\w-]+$/,
  /^--title(?:=|$)/,
  /^--dns-result-order(?:=|$)/,
  /^--use-(?:openssl|bundled)-ca$/,
  /^--(?:cpu|heap)-prof(?:-[\w-]+)?(?:=|$)/,
  /^--heapsnapshot-[\w-]+(?:=|$)/,
  /^--diagnostic-dir(?:=|$)/,
  /^--report-[\w-]+(?:=|$)/,
  /^--abort-on-uncaught-exception$/,
];

/** Flags whose value is the next word when not given with `=`. */
const takesValue = new Set([
  "-r",
  "--require",
  "--import",
  "--loader",
  "--experimental-loader",
  "--env-file",
  "--env-file-if-exists",
  "--max-old-space-size",
  "--stack-trace-limit",
  "--title",
  "--disable-warning",
  "--experimental-specifier-resolution",
  "--es-module-specifier-resolution",
  "--unhandled-rejections",
  "--dns-result-order",
]);

/**
 * The preloads and environment files of `nodeargs` (Pulumi.yaml's `runtime.options.nodeargs` of
 * `projectFile`); a UsageError names a flag the engine cannot apply.
 */
export function nodeArgsOf(nodeargs: string, projectFile: string): NodeArgs {
  const words = parse(nodeargs).map((w) => {
    // The host's splitting expands no glob: `--allow-fs-read=*` is the word as written.
    if (typeof w === "object" && "op" in w && w.op === "glob") {
      return w.pattern;
    }
    if (typeof w !== "string") {
      throw new UsageError(
        `${projectFile}: runtime.options.nodeargs is ${JSON.stringify(nodeargs)}, which holds shell syntax (${JSON.stringify(w)}) the language host does not run: it splits the string into words and hands them to node.`,
      );
    }
    return w;
  });
  const requires: string[] = [];
  const imports: string[] = [];
  const envFiles: Array<{ file: string; optional: boolean }> = [];
  const experiments: string[] = [];
  let stripTypes: boolean | undefined;
  let transformTypes: boolean | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    const eq = word.indexOf("=");
    const flag = word.startsWith("--") && eq > 0 ? word.slice(0, eq) : word;
    let value = flag === word ? undefined : word.slice(eq + 1);
    if (value === undefined && takesValue.has(flag)) {
      value = words[++i];
      if (value === undefined) {
        throw new UsageError(
          `${projectFile}: runtime.options.nodeargs is ${JSON.stringify(nodeargs)}, whose ${flag} has no value; node refuses it.`,
        );
      }
    }
    switch (flag) {
      case "-r":
      case "--require":
        if (!compilers.test(value!)) {
          requires.push(value!);
        }
        continue;
      case "--import":
        if (!compilers.test(value!)) {
          imports.push(value!);
        }
        continue;
      case "--loader":
      case "--experimental-loader":
        if (compilers.test(value!)) {
          continue;
        }
        break;
      case "--env-file":
      case "--env-file-if-exists":
        envFiles.push({ file: value!, optional: flag === "--env-file-if-exists" });
        continue;
      default:
        if (inert.some((re) => re.test(word))) {
          if (experimental.test(flag)) {
            experiments.push(value === undefined || flag !== word ? word : `${flag}=${value}`);
          }
          if (word === "--experimental-strip-types" || word === "--no-experimental-strip-types") {
            stripTypes = word === "--experimental-strip-types";
          }
          if (word === "--experimental-transform-types") {
            transformTypes = true;
          }
          continue;
        }
    }
    throw new UsageError(
      `${projectFile}: runtime.options.nodeargs holds ${JSON.stringify(value === undefined || flag !== word ? word : `${flag} ${value}`)}, which sovereign-dc does not apply offline, so the program it would judge is not the one pulumi up runs. It applies --require/-r and --import preloads and --env-file, reads tsx and ts-node as its own TypeScript loaders, and ignores flags that change no module or value (--max-old-space-size, --enable-source-maps, --no-warnings, …). Run the residency pack under the Pulumi CLI instead (pulumi preview --policy-pack).`,
    );
  }
  refusedByThisNode(experiments, nodeargs, projectFile);
  return {
    requires,
    imports,
    envFiles,
    ...(stripTypes === undefined ? {} : { stripTypes }),
    ...(transformTypes === undefined ? {} : { transformTypes }),
  };
}

/** What this Node said of each set of experimental flags: its refusal, or undefined. */
const refusals = new Map<string, string | undefined>();

/** Node's experimental flags, which come and go between releases. */
const experimental = /^--(?:no-)?experimental-[\w-]+$/;

/**
 * A UsageError when the Node running the check refuses one of the experimental flags of
 * `nodeargs` — one a later release removed (`--experimental-network-imports` from Node 22) or
 * one not yet known — as it refuses to start the program
 * under `pulumi up` with them. Asked of Node itself, with nothing else on its command line: the
 * flags change no module and no value, and have no effect of their own on a process that runs
 * nothing.
 */
function refusedByThisNode(flags: readonly string[], nodeargs: string, projectFile: string): void {
  if (flags.length === 0) {
    return;
  }
  // A check reads its project several times (the CLI, its preflight, the evaluation): Node is
  // asked once per set of flags.
  const key = flags.join("\0");
  let said = refusals.get(key);
  if (!refusals.has(key)) {
    const r = engineChildProcess.spawnSync(process.execPath, [...flags, "-e", ""], {
      encoding: "utf8",
      env: { ...process.env, NODE_OPTIONS: "" },
    });
    said =
      r.status === 0
        ? undefined
        : r.stderr.trim().split("\n")[0].replace(`${process.execPath}: `, "node: ");
    refusals.set(key, said);
  }
  if (said !== undefined) {
    throw new UsageError(
      `${projectFile}: runtime.options.nodeargs is ${JSON.stringify(nodeargs)}, which this Node (${process.version}) refuses (${said}): pulumi up under it fails before the program starts. Remove the flag, or check with the Node release the project runs on.`,
    );
  }
}

/**
 * Sets the variables of the environment files in `dir`'s project as node's `--env-file` does:
 * a variable the environment already holds keeps its value. The engine restores the whole
 * environment after each program (evaluate.ts), these variables with it.
 */
export function applyEnvFiles(args: NodeArgs, dir: string, projectFile: string): void {
  for (const { file, optional } of args.envFiles) {
    const at = path.resolve(dir, file);
    let text: string;
    try {
      text = fs.readFileSync(at, "utf8");
    } catch (e) {
      if (optional) {
        continue;
      }
      throw new UsageError(
        `${projectFile}: runtime.options.nodeargs names the environment file ${JSON.stringify(file)} (--env-file), which cannot be read (${(e as Error).message}); node refuses to start without it.`,
      );
    }
    // Node's own reader of .env files, as --env-file reads them.
    for (const [key, value] of Object.entries(util.parseEnv(text))) {
      if (process.env[key] === undefined) {
        process.env[key] = value;
      }
    }
  }
}

/**
 * Loads the preloads of `args` as node does before the program: `--require` ones in order (each
 * read anew, a module under node_modules included: `dotenv/config` reads the project's .env
 * when it loads), then `--import` ones through `importFile` (an ES module's loader). Both resolve
 * from `dir`, the folder the program runs in; a preload that cannot be found is node's refusal
 * to start, named.
 */
export async function loadPreloads(
  args: NodeArgs,
  dir: string,
  projectFile: string,
  importFile: (file: string) => Promise<unknown>,
): Promise<void> {
  const resolve = (flag: string, specifier: string): string => {
    try {
      return require.resolve(specifier, { paths: [dir] });
    } catch {
      throw new UsageError(
        `${projectFile}: runtime.options.nodeargs preloads ${JSON.stringify(specifier)} (${flag}), which cannot be found from ${dir}; node refuses to start without it.`,
      );
    }
  };
  for (const specifier of args.requires) {
    const file = resolve("--require", specifier);
    delete require.cache[file];
    // A preload is loaded for its side effects, as node's --require loads it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require(file);
  }
  for (const specifier of args.imports) {
    await importFile(resolve("--import", specifier));
  }
}
