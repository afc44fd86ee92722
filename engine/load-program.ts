/**
 * Loads a Pulumi program the way the Node.js language host does under `pulumi up`: a CommonJS
 * program with `require`, an ES module (`"type": "module"`, .mjs, .mts) with `import()`,
 * TypeScript compiled on load, with the NodeNext-style specifiers TypeScript itself accepts
 * (`import { acl } from "./acl.js"` where only acl.ts exists). Node alone does not resolve those;
 * under `pulumi up` ts-node's resolver does (its ESM loader, or for CommonJS its
 * `experimentalResolver`); here the require hooks below and engine/esm-loader.mjs do. Also
 * describes a program's failure in words when the error it threw carries none.
 */
import * as fs from "node:fs";
import Module from "node:module";
import { getTsconfig } from "get-tsconfig";
import * as path from "node:path";
import * as util from "node:util";
import { fileURLToPath, pathToFileURL } from "node:url";

type ResolveFilename = (
  request: string,
  parent: NodeModule | undefined,
  isMain: boolean,
  options?: unknown,
) => string;

/** Marks our resolver on `Module._resolveFilename`; global, so that every copy of this module sees it. */
const resolverMark = Symbol.for("sovereign-dc.load-program.resolver");
/**
 * Where the once-a-process marks live: Node's module system, whose hooks they guard. Not
 * `globalThis`, which is one per realm: jest gives each test file a realm of its own, and a mark
 * there let every file chain another compile hook on the one `require.extensions` (each compiling
 * every file again, and keeping its test file alive) and register the ES-module loader again.
 */
const processWide = Module as unknown as Record<symbol, unknown>;

/** The TypeScript extension each JavaScript extension of a NodeNext specifier stands for. */
const sourceExtensions: Readonly<Record<string, string>> = {
  ".js": ".ts",
  ".mjs": ".mts",
  ".cjs": ".cts",
};

const nodeModules = `${path.sep}node_modules${path.sep}`;

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The TypeScript file a program's relative `.js`, `.mjs` or `.cjs` specifier names, as
 * TypeScript's NodeNext resolution maps it (`./acl.js` → `./acl.ts`, `./lib/index.js` →
 * `./lib/index.ts`, `./x.mjs` → `./x.mts`, `./x.cjs` → `./x.cts`), or undefined when the
 * specifier is not such a one, its importer lies under node_modules, or no such file exists.
 * Callers try it only after Node's own resolution failed: a real `.js` file wins.
 */
export function typeScriptSourceFor(
  request: string,
  parentFile: string | undefined,
  exists: (file: string) => boolean = isFile,
): string | undefined {
  if (parentFile === undefined || !/^\.\.?\//.test(request) || parentFile.includes(nodeModules)) {
    return undefined;
  }
  const ext = path.extname(request);
  const sourceExt = sourceExtensions[ext];
  if (sourceExt === undefined) {
    return undefined;
  }
  const candidate = path.resolve(
    path.dirname(parentFile),
    request.slice(0, -ext.length) + sourceExt,
  );
  return exists(candidate) ? candidate : undefined;
}

/**
 * The folder of the Pulumi SDK the engine runs on: the copy whose runtime the engine answers
 * lookups through, runs callbacks on unknown values with and reads unknowns of
 * (engine/invokes). A program, or a provider SDK, that brings a copy of its own (a project
 * pinned to another version, the CLI run from another install) would register through a runtime
 * none of that reaches: lookups the engine cannot answer would come back as plain objects
 * holding its private marks, callbacks on unknown values would be skipped, and a stack could
 * pass on values it was never shown. So every `@pulumi/pulumi` a program loads is this one.
 */
let sdkDir: string | undefined;

/** The engine's own SDK file for an `@pulumi/pulumi` specifier, or undefined for any other. */
export function engineSdkRequest(request: string): string | undefined {
  if (request !== "@pulumi/pulumi" && !request.startsWith("@pulumi/pulumi/")) {
    return undefined;
  }
  // installProgramResolver asks first, before its hook exists: require.resolve goes through it.
  sdkDir ??= path.dirname(require.resolve("@pulumi/pulumi/package.json"));
  return path.join(sdkDir, request.slice("@pulumi/pulumi".length));
}

/** How the program's project has Node resolve its specifiers (engine/program-resolution.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const resolution = require("./program-resolution.js") as {
  resolutionOf(file: string): { kind: "node" } | { kind: "tsx"; projectDir: string } | undefined;
  aliasFile(specifier: string, projectDir: string): string | undefined;
};

/**
 * The file a tsconfig `paths` alias names where the program's project runs it under tsx, which
 * maps them for `require` too (engine/program-resolution.js); undefined otherwise.
 */
function tsxAlias(request: string, parent: string | undefined): string | undefined {
  if (
    parent === undefined ||
    /^[./]/.test(request) ||
    parent.includes(`${path.sep}node_modules${path.sep}`)
  ) {
    return undefined;
  }
  const mode = resolution.resolutionOf(parent);
  return mode?.kind === "tsx" ? resolution.aliasFile(request, mode.projectDir) : undefined;
}

/**
 * Makes `require` resolve NodeNext-style specifiers of a program's own files (see
 * typeScriptSourceFor), and `@pulumi/pulumi` to the engine's own SDK (engineSdkRequest).
 * Installing it again changes nothing: the hook never stacks.
 */
export function installProgramResolver(): void {
  const mod = Module as unknown as {
    _resolveFilename: ResolveFilename & { [resolverMark]?: true };
  };
  if (mod._resolveFilename[resolverMark]) {
    return;
  }
  engineSdkRequest("@pulumi/pulumi");
  const base = mod._resolveFilename;
  const resolve: ResolveFilename & { [resolverMark]?: true } = function (
    this: unknown,
    request,
    parent,
    isMain,
    options,
  ) {
    const sdk = engineSdkRequest(request);
    if (sdk !== undefined) {
      return base.call(this, sdk, parent, isMain, options);
    }
    try {
      return base.call(this, request, parent, isMain, options);
    } catch (e) {
      const source =
        (e as { code?: string }).code === "MODULE_NOT_FOUND"
          ? (typeScriptSourceFor(request, parent?.filename) ?? tsxAlias(request, parent?.filename))
          : undefined;
      if (source === undefined) {
        throw e;
      }
      // Through Node's own resolution, so the file gets the same (real) path as any other.
      return base.call(this, source, parent, isMain, options);
    }
  };
  resolve[resolverMark] = true;
  mod._resolveFilename = resolve;
}

/** Why Node loads `file` as an ES module, or undefined when it loads it as CommonJS. */
export function esModuleReason(file: string): string | undefined {
  const ext = path.extname(file);
  if (ext === ".mjs" || ext === ".mts") {
    return `it is a ${ext} file`;
  }
  if (ext === ".cjs" || ext === ".cts") {
    return undefined;
  }
  const manifest = modulePackageOf(file);
  return manifest === undefined ? undefined : `${manifest} sets "type": "module"`;
}

/**
 * The package.json that makes `file`'s package an ES-module one (`"type": "module"`): the
 * nearest one, by Node's rule, which the language host follows; undefined when it does not.
 */
export function modulePackageOf(file: string): string | undefined {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (isFile(manifest)) {
      let type: unknown;
      try {
        type = (JSON.parse(fs.readFileSync(manifest, "utf8")) as { type?: unknown }).type;
      } catch {
        // Not ours to judge: Node reports a broken package.json when it loads the program.
      }
      return type === "module" ? manifest : undefined;
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

/** Set once the ESM loader hooks are registered in this process. */
const esmLoaderMark = Symbol.for("sovereign-dc.load-program.esm-loader");
/** Set once this process imported an ES-module program. */
const esmLoadedMark = Symbol.for("sovereign-dc.load-program.esm-loaded");

/** Sucrase's hooks for .ts and .cts, and a clear error for .mts; installed once a process. */
function installCompileHooks(): void {
  // Programs are TypeScript, as under `pulumi up`; Sucrase compiles them (.ts, .cts) on load and
  // keeps their line numbers, so a failing program's stack trace points at its source. The hook
  // module installs itself once a process.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require("./register-ts.js");
}

/**
 * Registers engine/esm-loader.mjs, which compiles TypeScript ES modules with Sucrase and
 * resolves their NodeNext-style specifiers, as ts-node's ESM loader does under `pulumi up`: as
 * in-thread hooks where Node has `module.registerHooks` (22.15, 23.5 and later; Node 26 deprecates
 * `module.register` and prints DEP0205's warning when it is called), else with `module.register`.
 * Once a process: Node chains every registration.
 */
function installEsmLoader(): void {
  const state = processWide as { [esmLoaderMark]?: true };
  if (state[esmLoaderMark]) {
    return;
  }
  state[esmLoaderMark] = true;
  const hooks = path.join(__dirname, "esm-loader.mjs");
  const { registerHooks } = Module as unknown as { registerHooks?: RegisterHooks };
  if (typeof registerHooks === "function") {
    // Node loads an ES module with require() on every Node that has registerHooks.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { resolveSync, loadSync } = require(hooks) as SyncHooks;
    registerHooks({ resolve: resolveSync, load: loadSync });
  } else {
    Module.register(pathToFileURL(hooks));
  }
}

/** engine/esm-loader.mjs's in-thread hooks, and Node's `module.registerHooks` that takes them. */
interface SyncHooks {
  resolveSync: (...args: never[]) => unknown;
  loadSync: (...args: never[]) => unknown;
}
type RegisterHooks = (hooks: {
  resolve: SyncHooks["resolveSync"];
  load: SyncHooks["loadSync"];
}) => unknown;

/**
 * Node's `import()`, out of reach of the require hooks' compilers, which would turn the
 * expression into `require()` (the SDK's language host does the same).
 */
// oxlint-disable-next-line no-eval -- a constant expression, evaluated once, outside the hooks' reach
const dynamicImport = (0, eval)("(url) => import(url)") as (url: string) => Promise<unknown>;

/**
 * Loads a program file for its side effects and exports, as the language host does for a
 * CommonJS program. Use loadProgram for a program that may be an ES module.
 */
export function requireProgram(file: string): unknown {
  installCompileHooks();
  installProgramResolver();
  // A failure while the program loads is placed by its first frame in the program's files
  // (programFrame), under Node's module loader's own frames and those of the engine's loader
  // hooks: eight of Node 22's and later's for a require that finds no module, which with the
  // hooks' left the program's frame past V8's default of ten (seen on Node 24, not on 20). Deeper
  // stacks while the program loads; a limit the program sets itself is left as it set it.
  const limit = Error.stackTraceLimit;
  const loading =
    typeof limit === "number" ? Math.max(limit, loadingStackTraceLimit) : loadingStackTraceLimit;
  Error.stackTraceLimit = loading;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(file);
  } finally {
    if (Error.stackTraceLimit === loading) {
      Error.stackTraceLimit = limit;
    }
  }
}

/** Stack frames an error raised while a CommonJS program loads records (requireProgram). */
const loadingStackTraceLimit = 40;

/**
 * Loads a program as the language host does, and gives what it exports: CommonJS with `require`
 * (requireProgram: `module.exports`, whatever it holds — a CommonJS `exports.default` is a named
 * export like any other, which the language host does not call), an ES module (esModuleReason)
 * with `import()`, its top-level await settled when this resolves (its default export, when it
 * has one, else its named exports).
 * Node keeps an imported ES module for the life of the process, so a program imported once does
 * not run again in it: a process that must evaluate programs after one asks importedEsModule.
 */
export async function loadProgram(program: string): Promise<unknown> {
  const file = esModuleEntry(program);
  if (file === undefined) {
    return requireProgram(program);
  }
  if (!isFile(file)) {
    // As require reports it (import() would name the engine as the importer).
    throw Object.assign(new Error(`Cannot find module '${program}'`), {
      code: "MODULE_NOT_FOUND",
    });
  }
  // CommonJS TypeScript the program imports still goes through the require hooks.
  installCompileHooks();
  installProgramResolver();
  installEsmLoader();
  (globalThis as { [esmLoadedMark]?: true })[esmLoadedMark] = true;
  const exported = (await dynamicImport(pathToFileURL(file).href)) as Record<string, unknown>;
  // The language host's rule: a default export stands for the program's outputs, alone.
  if (
    Object.getOwnPropertyDescriptor(exported, "default") !== undefined &&
    Object.keys(exported).length !== 1
  ) {
    throw new Error(
      "expected entrypoint module to have either a default export or named exports but not both",
    );
  }
  return Object.getOwnPropertyDescriptor(exported, "default") !== undefined
    ? exported.default
    : exported;
}

/**
 * The file to import() for an ES-module program, or undefined for a CommonJS one. A folder runs
 * as the language host runs one: its index.js, index.mjs, index.ts or index.mts, in that order.
 */
function esModuleEntry(program: string): string | undefined {
  let isDirectory = false;
  try {
    isDirectory = fs.statSync(program).isDirectory();
  } catch {
    // A missing file: its extension and package.json still say which loader would have run it.
  }
  if (!isDirectory) {
    return esModuleReason(program) === undefined ? undefined : program;
  }
  if (esModuleReason(path.join(program, "index.js")) === undefined) {
    return undefined;
  }
  const entries = ["index.js", "index.mjs", "index.ts", "index.mts"].map((f) =>
    path.join(program, f),
  );
  return entries.find(isFile) ?? entries[0];
}

/** Whether this process imported an ES-module program (see loadProgram). */
export function importedEsModule(): boolean {
  return (globalThis as { [esmLoadedMark]?: true })[esmLoadedMark] === true;
}

const maxShown = 80;

function shorten(text: string): string {
  return text.length > maxShown ? `${text.slice(0, maxShown - 1)}…` : text;
}

/** The files the require hook has TypeScript compile, and how (engine/typescript-fallback.js). */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fallback = require("./typescript-fallback.js") as {
  holdsNamespace(code: string): boolean;
  exportsByList(code: string): boolean;
  holdsParameterProperty(code: string): boolean;
  definesClassFields(dir: string, esm: boolean): boolean;
  compileWithTypeScript(code: string, file: string, moduleKind: "commonjs" | "esnext"): string;
};

/** A position in the TypeScript compilation of `source`, as a position in `source`. */
function typeScriptPosition(
  source: string,
  file: string,
  line: number,
  column: number,
): [number, number] {
  const js = fallback.compileWithTypeScript(source, file, "commonjs");
  const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(
    js,
  );
  if (inline !== null) {
    const payload = JSON.parse(Buffer.from(inline[1], "base64").toString("utf8")) as {
      sourceRoot?: string;
      sourcesContent?: string[];
    };
    const entry = new Module.SourceMap({
      ...payload,
      sourceRoot: payload.sourceRoot ?? "",
      sourcesContent: payload.sourcesContent ?? [],
    } as ConstructorParameters<typeof Module.SourceMap>[0]).findEntry(line - 1, column - 1);
    if ("originalLine" in entry) {
      return [entry.originalLine + 1, entry.originalColumn + 1];
    }
  }
  return [line, column];
}

/**
 * The column of `written` where the code at `column` of `compiled` (the same line as Sucrase
 * emitted it) stands: the longest start of that code, of at least four characters, that occurs
 * once in the written line. Undefined when none does.
 */
function columnOfText(compiled: string, written: string, column: number): number | undefined {
  const rest = compiled.slice(column - 1);
  for (let n = Math.min(rest.length, 60); n >= 4; n--) {
    const at = written.indexOf(rest.slice(0, n));
    if (at !== -1) {
      return written.indexOf(rest.slice(0, n), at + 1) === -1 ? at + 1 : undefined;
    }
  }
  return undefined;
}

/**
 * The source position of a position in a TypeScript file as Sucrase compiled it. Sucrase keeps
 * lines but not columns (`import`s and `export =` are rewritten, helpers prepended to line 1):
 * compiling the file again, as the require hook did, gives the source map to read it back.
 */
function sourcePosition(file: string, line: number, column: number): [number, number] {
  // With source maps on (`--enable-source-maps`), Node has already mapped the stack.
  if (!/\.[cm]?ts$/.test(file) || process.sourceMapsEnabled) {
    return [line, column];
  }
  // An ES module's imports stay imports (engine/esm-loader.mjs); only the types go.
  const esm = !file.endsWith(".cts") && esModuleReason(file) !== undefined;
  try {
    // Loaded only here, when a program fails: a run whose files are compiled already never needs it.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { transform } = require("sucrase") as typeof import("sucrase");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { optionsFor } = require("./register-ts.js") as {
      optionsFor(file: string): import("sucrase").Options;
    };
    const source = fs.readFileSync(file, "utf8");
    const options: import("sucrase").Options = esm
      ? {
          transforms: ["typescript"],
          disableESTransforms: fallback.definesClassFields(path.dirname(file), true),
        }
      : optionsFor(file);
    if (
      !esm &&
      (fallback.holdsNamespace(source) ||
        fallback.exportsByList(source) ||
        (options.disableESTransforms === true && fallback.holdsParameterProperty(source)))
    ) {
      // The require hook had TypeScript compile this file (engine/typescript-fallback.js), whose
      // lines are not the source's: its own source map reads the position back.
      return typeScriptPosition(source, file, line, column);
    }
    const { code, sourceMap } = transform(source, {
      ...options,
      filePath: file,
      sourceMapOptions: { compiledFilename: file },
    });
    // Sucrase's map loses the tokens of every line after a template literal with a substitution
    // (`${url}:sub`): it maps such a line as a whole, to a column of the template's line. So a
    // line Sucrase left as it was is its own map, and in a line it rewrote (`export const` loses
    // its `export`), the code from the failing column on is found in the line as written.
    const written = source.split("\n")[line - 1];
    const compiled = code.split("\n")[line - 1];
    if (written !== undefined && compiled !== undefined) {
      const at = compiled === written ? column : columnOfText(compiled, written, column);
      if (at !== undefined) {
        return [line, at];
      }
    }
    const payload = {
      ...sourceMap!,
      sourceRoot: sourceMap!.sourceRoot ?? "",
      sourcesContent: sourceMap!.sourcesContent ?? [],
    };
    const entry = new Module.SourceMap(payload).findEntry(line - 1, column - 1);
    // Sucrase maps every token it emits, a rewritten one (`acl` → `acl: _acl.acl`) as a whole.
    if ("originalLine" in entry && entry.generatedLine === line - 1) {
      return [entry.originalLine + 1, entry.originalColumn + 1];
    }
  } catch {
    // The file changed or cannot be read: the compiled position is the best there is.
  }
  return [line, column];
}

/** The guard's own files, whose frames are never the program's (unless the program lies among them). */
const guardRoot = path.resolve(__dirname, "..") + path.sep;

/** A file of the program's own: of `root`, or any other on disk but a package's or the guard's. */
function ownFile(file: string, root: string): boolean {
  const own =
    file.startsWith(root + path.sep) || (path.isAbsolute(file) && !file.startsWith(guardRoot));
  return own && !file.includes(nodeModules);
}

/**
 * `file:line:column` of the first stack frame in the program's own files, relative to `root`: a
 * file of `root` or — a monorepo's shared code, `../lib` — any other file on disk that is not a
 * package's (node_modules) and not the guard's own.
 */
function programFrame(stack: string, root: string): string | undefined {
  const lines = stack.split("\n");
  // A file V8 could not compile (`const static = 1` in a module, which is strict): its stack
  // opens with `file:line`, the line as compiled and a caret under the failing token.
  const header = /^(file:\/\/)?(.+):(\d+)$/.exec(lines[0]);
  const caret = lines[2]?.indexOf("^") ?? -1;
  if (header !== null && caret >= 0) {
    const file = header[1] === undefined ? header[2] : fileURLToPath(header[1] + header[2]);
    if (ownFile(file, root)) {
      const [line, column] = sourcePosition(file, Number(header[3]), caret + 1);
      return `${path.relative(root, file)}:${line}:${column}`;
    }
  }
  for (const text of lines) {
    const m = /^\s*at (?:.*? \()?(file:\/\/)?(.+?):(\d+):(\d+)\)?$/.exec(text);
    if (m === null) {
      continue;
    }
    // An ES module's frames name it by URL.
    const file = m[1] === undefined ? m[2] : fileURLToPath(m[1] + m[2]);
    if (ownFile(file, root)) {
      const [line, column] = sourcePosition(file, Number(m[3]), Number(m[4]));
      return `${path.relative(root, file)}:${line}:${column}`;
    }
  }
  return undefined;
}

/** `error serializing property "subnetId": `, as the SDK prefixes an input's failure (nested too). */
export const serializing = /^(?:error serializing property "[^"]*": )+/;

/** `require is not defined`: a name of CommonJS's module scope, which an ES module has not. */
const commonJsName = /^(require|module|exports|__dirname|__filename) is not defined$/;

/** `pulumi.utils.liftProperties is not a function`: a name of the SDK's own, called by a package. */
const sdkNameMissing =
  /\bpulumi\.(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]* is not a (?:function|constructor)\b/;

/** The `@pulumi/pulumi` a project installs for itself: its version and manifest's folder. */
function projectSdk(root: string): { version: string; dir: string } | undefined {
  // Walked by hand: `require.resolve` of the SDK answers the engine's own (engineSdkRequest).
  for (let dir = path.resolve(root); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "node_modules", "@pulumi", "pulumi", "package.json");
    try {
      const { version } = JSON.parse(fs.readFileSync(manifest, "utf8")) as { version?: unknown };
      if (typeof version === "string") {
        return { version, dir: path.dirname(manifest) };
      }
    } catch {
      // Not installed at this level: look further up, as Node does.
    }
    if (path.dirname(dir) === dir) {
      return undefined;
    }
  }
}

/**
 * Why a package of the program failed calling the SDK (`pulumi.utils.liftProperties is not a
 * function`), where the project installs an SDK of an older major version than the engine's: the
 * engine evaluates every program with its own SDK (engineSdkRequest), and the provider SDKs
 * built for the older one call what it no longer has. Undefined for any other failure.
 */
export function olderSdkNote(message: string, root: string): string | undefined {
  if (!sdkNameMissing.test(message)) {
    return undefined;
  }
  const own = projectSdk(root);
  engineSdkRequest("@pulumi/pulumi");
  let engine: string | undefined;
  try {
    engine = (
      JSON.parse(fs.readFileSync(path.join(sdkDir!, "package.json"), "utf8")) as {
        version?: string;
      }
    ).version;
  } catch {
    return undefined;
  }
  const major = (v: string) => Number(v.split(".")[0]);
  if (own === undefined || engine === undefined || !(major(own.version) < major(engine))) {
    return undefined;
  }
  return `the project installs @pulumi/pulumi ${own.version} (${path.relative(root, own.dir) || "."}), and the engine evaluates every program with its own, ${engine}: the provider SDKs written for ${major(own.version)}.x call what ${major(engine)}.x removed, so check the program under the Pulumi CLI with its own SDK, or move the project to @pulumi/pulumi ${major(engine)}.x and its providers' matching releases`;
}

/** The words that close a failure `missingApi` explains. */
export const missingApiCause = "the program was written for another version of the package";

/** `aws.ec2.getSubnetIds is not a function`: the dotted name and what it was used as. */
const notCallable = /^((?:[A-Za-z_$][\w$]*\.)+[A-Za-z_$][\w$]*) is not a (function|constructor)$/;

/** `Cannot read properties of undefined (reading 'DefaultVpc')`: a member of nothing was read. */
const readOfUndefined = /^Cannot read properties of undefined \(reading '[^']*'\)$/;

/** The dotted name that ends where a member is read: `new awsx.vpc.` → `awsx.vpc`. */
const dottedBefore = /((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*)\s*\.\s*$/;

/**
 * The dotted name a failure at `at` is about: the one Node names (`x.y is not a function`), or,
 * for a member read of undefined, the name before the member at that line and column of the
 * program's source (`new awsx.vpc.DefaultVpc(…)`: `awsx.vpc`).
 */
function failedName(err: Error, file: string, at: string): string | undefined {
  if (!(err instanceof TypeError)) {
    return undefined;
  }
  // The SDK prefixes an input's failure with where it was serialised (SDKs since 3.257 fail the
  // program with that error).
  const message = err.message.replace(serializing, "");
  const callable = notCallable.exec(message);
  if (callable !== null) {
    return callable[1];
  }
  const position = /:(\d+):(\d+)$/.exec(at);
  if (!readOfUndefined.test(message) || position === null) {
    return undefined;
  }
  const line = fs.readFileSync(file, "utf8").split("\n")[Number(position[1]) - 1] ?? "";
  const before = dottedBefore.exec(line.slice(0, Number(position[2]) - 1));
  return before === null ? undefined : before[1];
}

/**
 * Why a name fails, when the program imports its first part from a package that lacks the rest
 * (`awsx.ec2.Vpc.fromExistingIds`, `aws.ec2.getSubnetIds`, `awsx.vpc`: APIs a new major version
 * of the SDK removed): the package and version the project installs. Undefined when the name is
 * not read from an import of the failing file, or the package has it (a value of the program's).
 */
function missingApi(err: Error, at: string, root: string): string | undefined {
  try {
    const file = path.join(root, at.replace(/:\d+:\d+$/, ""));
    const name = failedName(err, file, at);
    if (name === undefined) {
      return undefined;
    }
    const [first, ...rest] = name.split(".");
    const source = fs.readFileSync(file, "utf8");
    const spec = importedPackage(source, first);
    const req = Module.createRequire(file);
    if (spec === undefined) {
      // `dep.invokeUrl` undefined, or `vpc.privateSubnetIds.then` not a function.
      return rest.length === 1
        ? outputOfClass(source, first, rest[0], req)
        : rest.length === 2 && rest[1] === "then"
          ? outputOfClass(source, first, rest[0], req, true)
          : undefined;
    }
    // A bare name is the package's only by a named import (`import { apigateway } from
    // "@pulumi/awsx"`: awsx 0.x's namespace, which awsx 1 removed); a namespace or default
    // import that is undefined is no missing API.
    if (rest.length === 0 && spec.named === undefined) {
      return undefined;
    }
    const found = walkImport(req, spec, rest);
    if (found.missingAt !== undefined) {
      const missing = [first, ...rest.slice(0, found.missingAt + 1)].join(".");
      return `${installed(req, spec.pkg)}, which the project installs, has no ${missing} (${missingApiCause})`;
    }
  } catch {
    // The file, the package or its manifest cannot be read: say nothing more than Node did.
  }
  return undefined;
}

/**
 * The value `path` names under an import (`spec`), or where the walk found nothing: the index in
 * `path` of the first part the package lacks (a named import's own export counted before it).
 */
function walkImport(
  req: NodeJS.Require,
  spec: { pkg: string; named?: string },
  path: readonly string[],
): { value?: unknown; missingAt?: number } {
  let value: unknown = req(spec.pkg);
  const walk = spec.named === undefined ? path : [spec.named, ...path];
  for (const [i, key] of walk.entries()) {
    value =
      value !== null && (typeof value === "object" || typeof value === "function")
        ? (value as Record<string, unknown>)[key]
        : undefined;
    if (value === undefined) {
      return { missingAt: i - (walk.length - path.length) };
    }
  }
  return { value };
}

/** `@pulumi/aws 7.48.0`: the package a (sub)path import is of, with the version installed. */
function installed(req: NodeJS.Require, specifier: string): string {
  // A subpath (`@pulumi/aws/ec2`) is of the package its first one or two parts name.
  const pkg = specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");
  const manifest = req(`${pkg}/package.json`) as { version?: unknown };
  return typeof manifest.version === "string" ? `${pkg} ${manifest.version}` : pkg;
}

/**
 * What a failure on `variable.output` says about the SDK, when the variable holds a resource of
 * an imported SDK's class: `dep.invokeUrl` undefined, an output the class no longer declares
 * (aws 7 moved it to the stage); `vpc.privateSubnetIds.then` not a function (`awaited`), an
 * output the class declares, which is a pulumi.Output where the version the program was written
 * for (awsx 0.x) gave a Promise. Undefined when the variable is not such a resource, or the
 * class's outputs do not explain the failure.
 */
function outputOfClass(
  source: string,
  variable: string,
  output: string,
  req: NodeJS.Require,
  awaited = false,
): string | undefined {
  const id = variable.replace(/[$]/g, "\\$");
  const declared = new RegExp(
    String.raw`(?:const|let|var)\s+${id}\s*=\s*new\s+([\w$.]+)\s*\(`,
  ).exec(source);
  const [first, ...rest] = declared?.[1].split(".") ?? [];
  const spec = first === undefined ? undefined : importedPackage(source, first);
  if (spec === undefined) {
    return undefined;
  }
  const { value } = walkImport(req, spec, rest);
  if (typeof value !== "function") {
    return undefined;
  }
  // An SDK's resource class names each of its outputs in its constructor (`resourceInputs["arn"]`).
  const has = value.toString().includes(JSON.stringify(output));
  const sdk = `${installed(req, spec.pkg)}, which the project installs`;
  if (awaited) {
    return has
      ? `${sdk}, gives ${declared![1]} an output ${output} that is a pulumi.Output, not a Promise: read it with apply or pass it whole (${missingApiCause})`
      : undefined;
  }
  return has ? undefined : `${sdk}, gives ${declared![1]} no output ${output} (${missingApiCause})`;
}

/**
 * The package `name` is bound to in `source`: a namespace or default import or a `require`
 * (`import * as aws from "@pulumi/aws"`), or a named import (`import { ec2 } from "@pulumi/awsx"`,
 * with the export it names). Relative imports are the program's own modules: undefined.
 */
function importedPackage(
  source: string,
  name: string,
): { pkg: string; named?: string } | undefined {
  const id = name.replace(/[$]/g, "\\$");
  const pkg = String.raw`["']([^"'./][^"']*)["']`;
  const whole = new RegExp(
    String.raw`(?:import\s+(?:\*\s+as\s+)?${id}\s+from\s+${pkg}|(?:const|let|var|import)\s+${id}\s*=\s*require\(\s*${pkg}\s*\))`,
  ).exec(source);
  if (whole !== null) {
    return { pkg: whole[1] ?? whole[2] };
  }
  for (const named of source.matchAll(
    new RegExp(String.raw`import\s*(?:type\s+)?\{([^}]*)\}\s*from\s*${pkg}`, "g"),
  )) {
    for (const part of named[1].split(",")) {
      const [exported, local] = part.trim().split(/\s+as\s+/);
      if ((local ?? exported) === name && exported !== "") {
        return { pkg: named[2], named: exported };
      }
    }
  }
  return undefined;
}

function describeThrown(value: unknown): string {
  if (value === undefined || value === null) {
    return `threw ${String(value)}`;
  }
  switch (typeof value) {
    case "string":
      return `threw the string ${shorten(JSON.stringify(value))}`;
    case "number":
    case "boolean":
    case "bigint":
      return `threw the ${typeof value} ${String(value)}`;
    case "symbol":
      return `threw ${value.toString()}`;
    case "function":
      return `threw a function ${value.name || "(anonymous)"}`;
  }
  const shown = shorten(util.inspect(value, { breakLength: Infinity, depth: 2 }));
  return Array.isArray(value) ? `threw an array ${shown}` : `threw an object ${shown}`;
}

/**
 * What to do about a package a program imports that is not installed: install the program's
 * dependencies — unless the name is an alias of its tsconfig.json's `compilerOptions.paths`
 * (`$lib/db`, `@app/config`), which Node does not map: `pulumi up` fails on it too unless the
 * program runs under a loader that maps them.
 */
/**
 * How to bring a package the program requires and Node cannot find: installing the dependencies
 * where the project's package.json lists it, adding it where that file does not (npm install
 * alone cannot bring it; found on a public program that required an SDK it never declared).
 */
function installHint(name: string, root: string): string {
  let manifest: Record<string, unknown>;
  try {
    manifest = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as Record<
      string,
      unknown
    >;
  } catch {
    return "install the program's dependencies (npm install in its project)";
  }
  const listed = [
    "dependencies",
    "devDependencies",
    "optionalDependencies",
    "peerDependencies",
  ].some((k) => {
    const deps = manifest[k];
    return typeof deps === "object" && deps !== null && name in deps;
  });
  return listed
    ? "install the program's dependencies (npm install in its project)"
    : `the project's package.json does not list ${JSON.stringify(name)}, so npm install does not bring it and pulumi up fails on it too: add it (npm install ${name} in the project)`;
}

function missingPackageHint(name: string, root: string): string {
  let paths: Record<string, unknown>;
  let baseUrl: string | undefined;
  try {
    const tsconfig = getTsconfig(root);
    paths = tsconfig?.config.compilerOptions?.paths ?? {};
    const base = tsconfig?.config.compilerOptions?.baseUrl;
    baseUrl =
      tsconfig && base !== undefined ? path.resolve(path.dirname(tsconfig.path), base) : undefined;
  } catch (e) {
    // A tsconfig.json that does not parse, or `extends` a file that is not there.
    return `install the program's dependencies (npm install in its project); its tsconfig.json, which could name it as a path alias, cannot be read: ${(e as Error).message}`;
  }
  // Node names the package part alone (`$lib` of `$lib/db`).
  const alias = Object.keys(paths).find((key) => {
    const star = key.indexOf("*");
    const prefix = star < 0 ? key : key.slice(0, star);
    return (
      prefix !== "" &&
      (key === name || `${name}/`.startsWith(prefix) || (star > 0 && name.startsWith(prefix)))
    );
  });
  // A folder or module of the project under compilerOptions.baseUrl (`lib/mk` for `./lib/mk`).
  const base = alias === undefined ? baseUrl : undefined;
  if (
    base !== undefined &&
    ["", ".ts", ".tsx", ".js", ".mts", ".mjs"].some((ext) =>
      fs.existsSync(path.join(base, name + ext)),
    )
  ) {
    const relative = path.join(path.relative(root, base), name).split(path.sep).join("/");
    return `it names ${JSON.stringify(relative)} of the project through compilerOptions.baseUrl in tsconfig.json, which only the compiler applies and Node does not: pulumi up fails on it too, and npm install cannot help. Import it by a relative path ("./${relative}")`;
  }
  return alias === undefined
    ? installHint(name, root)
    : `it is the alias ${JSON.stringify(alias)} of compilerOptions.paths in tsconfig.json, which Node does not map: pulumi up fails on it too unless the project runs the program under a loader that maps them (runtime.options.nodeargs "--import tsx" in Pulumi.yaml, as the guard reads it, or "-r tsconfig-paths/register")`;
}

/**
 * What a failed program threw, in words: an error's message, or — when it has none — its type
 * and the first place in the program's own files it came from (`TypeError (no message) at
 * index.ts:12:5`, relative to `root`, by default the program's folder); for a value that is not
 * an Error, what it was (`threw undefined`, `threw an object { code: 7 }`).
 */
/** The errors of a connection that cannot be made to a host (its name, or its address). */
const unreachableCodes = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ETIMEDOUT",
]);

/** The host a failure could not connect to: the error's own, or its cause's (fetch's). */
function unreachableHost(e: unknown): string | undefined {
  for (let at: unknown = e, depth = 0; at instanceof Error && depth < 3; depth++) {
    const { code, hostname, address } = at as {
      code?: unknown;
      hostname?: unknown;
      address?: unknown;
    };
    if (typeof code === "string" && unreachableCodes.has(code)) {
      const host = typeof hostname === "string" ? hostname : address;
      return typeof host === "string" && host !== "" ? host : undefined;
    }
    at = (at as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * Whether `err` is the AWS SDK's own failure to find credentials (v2's `CredentialsError`, v3's
 * `CredentialsProviderError`): a program that calls AWS itself, not through Pulumi, fails so
 * offline, before it sends anything.
 */
function awsCredentialsError(err: Error): boolean {
  const code = (err as { code?: unknown }).code;
  return (
    code === "CredentialsError" ||
    err.name === "CredentialsError" ||
    err.name === "CredentialsProviderError"
  );
}

/**
 * Whether a program's failure has a cause of its own that exit 2 names, which no lookup's
 * unknown answer brought about: a command it ran that failed (`Command failed: docker build …`:
 * no Docker daemon here), a host this machine cannot reach, the AWS SDK without credentials. A
 * command built from a stand-in's mark is not such a failure: the unknown value may be its cause.
 */
export function failedOfItsOwn(e: unknown): boolean {
  if (!(e instanceof Error || util.types.isNativeError(e))) {
    return false;
  }
  const err = e as Error;
  // Node's error for a command that failed (`execSync`, `exec`): its message, which the SDK
  // prefixes where a resource's input failed, names the command.
  const command =
    typeof err.message === "string" &&
    /(?:^|: )Command failed: /.test(err.message) &&
    ("status" in err || "cmd" in err) &&
    !err.message.includes("⟨unknown ");
  return command || unreachableHost(err) !== undefined || awsCredentialsError(err);
}

/**
 * Why a program failed, in the words of exit 2: the error's message, where in the program it
 * was thrown, and what it most likely means offline (a package not installed, an API the
 * installed SDK lacks, a host this machine cannot reach, the AWS SDK without credentials).
 */
export function describeProgramFailure(
  e: unknown,
  program: string,
  root: string = path.dirname(program),
): string {
  if (!(e instanceof Error || util.types.isNativeError(e))) {
    return describeThrown(e);
  }
  const err = e as Error;
  if (typeof err.message === "string" && err.message.trim() !== "") {
    // Where in the program: an SDK's own errors ("Missing required property 'bucket'") name no
    // resource, and the line that declared it does.
    const at = typeof err.stack === "string" ? programFrame(err.stack, root) : undefined;
    let message = err.message;
    if ((err as { code?: unknown }).code === "MODULE_NOT_FOUND") {
      // Node's require stack lists the engine's own files; what helps is what is missing.
      const first = message.split("\n")[0];
      const name = /^Cannot find module '([^']*)'/.exec(first)?.[1] ?? "";
      message = /^[./]/.test(name) ? first : `${first}: ${missingPackageHint(name, root)}`;
    }
    const esm = /^Cannot find package '([^']*)' imported from (.*)$/.exec(message.split("\n")[0]);
    if ((err as { code?: unknown }).code === "ERR_MODULE_NOT_FOUND" && esm !== null) {
      // An ES module's import of a package that is not installed: Node names the importing file
      // by its URL or absolute path, and no frame of the program.
      const importer = esm[2].startsWith("file:") ? fileURLToPath(esm[2]) : esm[2];
      message = `Cannot find package '${esm[1]}': ${missingPackageHint(esm[1], root)} (imported from ${path.relative(root, importer)})`;
    }
    // Node's spawn of a command that exists fails with ENOENT, naming only the command
    // ("spawnSync /bin/sh ENOENT"), when the working directory it is given does not exist.
    const spawned = err as { code?: unknown; syscall?: unknown; path?: unknown };
    if (
      spawned.code === "ENOENT" &&
      typeof spawned.syscall === "string" &&
      spawned.syscall.startsWith("spawn") &&
      typeof spawned.path === "string" &&
      path.isAbsolute(spawned.path) &&
      fs.existsSync(spawned.path)
    ) {
      message = `${message}: ${spawned.path} exists, so the working directory (cwd) the program runs it in does not`;
    }
    const cjs = commonJsName.exec(message);
    if (cjs !== null && at !== undefined) {
      // Node says "in ES module scope" only of a name used while the module itself runs; used
      // later (in a callback, a function called from another module) the message is bare.
      const file = path.resolve(root, at.replace(/:\d+:\d+$/, ""));
      const why = esModuleReason(file);
      if (why !== undefined) {
        message = `${cjs[1]} is not defined in ES module scope: ${path.relative(root, file)} is an ES module (${why.replace(root + path.sep, "")}), where Node defines no ${cjs[1]}, under pulumi up too; use import (or createRequire from node:module)`;
      }
    }
    const missing = at === undefined ? undefined : missingApi(err, at, root);
    if (missing !== undefined) {
      message = `${message}: ${missing}`;
    }
    const older = olderSdkNote(message, root);
    if (older !== undefined) {
      message = `${message}: ${older}`;
    }
    // What lies under a failure that names none (`fetch failed`: the host it could not reach).
    const cause = (err as { cause?: unknown }).cause;
    if (cause instanceof Error && cause.message !== "" && !message.includes(cause.message)) {
      message = `${message} (${cause.message})`;
    }
    if (awsCredentialsError(err)) {
      message = `${message}: the program calls AWS itself with the AWS SDK while it runs (not through a resource or a lookup of the Pulumi provider), which needs credentials and the cloud's answer, and offline there are neither; read the value from the stack's config or with the provider's lookup (\`aws.ssm.getParameterOutput\`, say, which offline is a value not known at preview), or check the program under the Pulumi CLI with credentials`;
    }
    const host = unreachableHost(err);
    if (host !== undefined) {
      message = `${message}: the program, or a package it uses, connects to ${host} while it runs (to call an API or a database, or to download a chart, a manifest or CRDs by URL, say), and this machine cannot reach it; check it where the network reaches ${host}, or under the Pulumi CLI`;
    }
    if (at === undefined || message.includes(at)) {
      return message;
    }
    return message.includes("\n") ? `${message}\n(at ${at})` : `${message} (at ${at})`;
  }
  const ctor = (err as { constructor?: { name?: unknown } }).constructor?.name;
  const type =
    err.name && err.name !== "Error" ? err.name : typeof ctor === "string" && ctor ? ctor : "Error";
  const at = typeof err.stack === "string" ? programFrame(err.stack, root) : undefined;
  return at === undefined
    ? `${type} (no message; no stack frame in the program's files)`
    : `${type} (no message) at ${at}`;
}
