/**
 * Node ESM loader hooks for ES-module programs, doing what ts-node's ESM loader does under
 * `pulumi up`: TypeScript is compiled on load by Sucrase, keeping line numbers, and a program's
 * NodeNext-style specifiers (`import { acl } from "./acl.js"` where only acl.ts exists) resolve to
 * its TypeScript files.
 *
 * engine/load-program.ts registers them in one of two ways, and each step is written once, as a
 * generator that yields what it asks of Node (the next hook's answer, a file's text), for the
 * two drivers below: on a Node with `module.registerHooks` (22.15, 23.5 and later) as in-thread,
 * synchronous hooks (`resolveSync`, `loadSync`), since Node 26 deprecates `module.register`
 * (DEP0205) and warns when it is called; on earlier Nodes with `module.register`, as the
 * asynchronous hooks Node runs on its loader thread (`resolve`, `load`). Either way plain
 * JavaScript, as the loader thread compiles nothing.
 */
import * as fs from "node:fs";
import { createRequire } from "node:module";
import * as path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const { transform } = require("sucrase");
const {
  aliasFile,
  isFile,
  resolutionOf,
  sourceExtensions,
  withTail,
} = require("./program-resolution.js");
const {
  commonJsSyntaxError,
  compileWithTypeScript,
  definesClassFields,
  holdsNamespace,
  holdsParameterProperty,
  refuseUnstrippable,
  stripRefusal,
} = require("./typescript-fallback.js");

const nodeModules = `${path.sep}node_modules${path.sep}`;

/** The program's own file a file: URL names, or undefined for anything else. */
function programFile(url) {
  if (typeof url !== "string" || !url.startsWith("file:")) {
    return undefined;
  }
  const file = fileURLToPath(url);
  return file.includes(nodeModules) ? undefined : file;
}

/** Node's rule: a .ts file is an ES module when its nearest package.json sets "type": "module". */
function isModulePackage(file) {
  for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
    const manifest = path.join(dir, "package.json");
    if (isFile(manifest)) {
      try {
        return JSON.parse(fs.readFileSync(manifest, "utf8")).type === "module";
      } catch {
        return false;
      }
    }
    if (path.dirname(dir) === dir) {
      return false;
    }
  }
}

/** Where CommonJS resolution finds `specifier` from `parent`, or undefined. */
function resolvedByRequire(specifier, parent) {
  try {
    return createRequire(parent).resolve(specifier);
  } catch {
    return undefined;
  }
}

/** The Pulumi SDK as this engine resolves it (see engineSdkRequest in load-program.ts). */
function isSdkSpecifier(specifier) {
  return specifier === "@pulumi/pulumi" || specifier.startsWith("@pulumi/pulumi/");
}

/** Resolving `specifier`: yields each request for the next hook, `[specifier, context]`. */
function* resolveSteps(specifier, context) {
  if (isSdkSpecifier(specifier)) {
    // Resolved from the engine's own folder: one copy of the SDK, the engine's.
    return yield [specifier, { ...context, parentURL: import.meta.url }];
  }
  try {
    return yield [specifier, context];
  } catch (e) {
    // Only after Node's own resolution failed: a real .js file wins, as under TypeScript.
    const parent = programFile(context.parentURL);
    const ext = path.extname(specifier);
    const sourceExt = sourceExtensions[ext];
    const relative = /^\.\.?\//.test(specifier);
    const missing = e?.code === "ERR_MODULE_NOT_FOUND" || e?.code === "ERR_UNSUPPORTED_DIR_IMPORT";
    const mode = parent === undefined ? undefined : resolutionOf(parent);
    if (!relative && missing && mode?.kind === "tsx") {
      // A tsconfig `paths` alias, as tsx maps it.
      const file = aliasFile(specifier, mode.projectDir);
      if (file !== undefined) {
        return yield [pathToFileURL(file).href, context];
      }
    }
    if (!relative && missing && mode !== undefined) {
      // A package's folder or extensionless file (`@pulumi/aws/s3`), as CommonJS resolves it.
      const file = resolvedByRequire(specifier, parent);
      if (file !== undefined) {
        return yield [pathToFileURL(file).href, context];
      }
    }
    if (!missing || parent === undefined || !relative) {
      throw e;
    }
    if (sourceExt === undefined) {
      const file =
        mode !== undefined ? withTail(path.resolve(path.dirname(parent), specifier)) : undefined;
      if (file === undefined) {
        throw e;
      }
      return yield [pathToFileURL(file).href, context];
    }
    const source = specifier.slice(0, -ext.length) + sourceExt;
    if (e.code !== "ERR_MODULE_NOT_FOUND" || !isFile(path.resolve(path.dirname(parent), source))) {
      throw e;
    }
    return yield [source, context];
  }
}

/**
 * The ES modules that define the AWS SDK v3's `Client` class (Smithy's, in its releases' layouts),
 * by file: the engine records the program's calls through it (engine/sdk-calls.ts), which for a
 * CommonJS program it does as the module is required. Here the module's source gets one line
 * that hands the class to the engine's recorder, in the program's own realm.
 */
const sdkClientModules =
  /[\\/](?:@smithy[\\/]core[\\/]dist-es[\\/]submodules[\\/]client[\\/]smithy-client|@(?:smithy|aws-sdk)[\\/]smithy-client[\\/]dist-es)[\\/]client\.js$/;

/** What the engine's recorder is reached by (engine/sdk-calls.ts `recorderKey`). */
const recorderKey = "sovereign-dc.sdk-calls.record-client";

/**
 * Loading `url`: yields `{ next: [url, context] }` for the next hook's answer and `{ read: file }`
 * for a file's text.
 */
function* loadSteps(url, context) {
  if (
    typeof url === "string" &&
    url.startsWith("file:") &&
    sdkClientModules.test(fileURLToPath(url))
  ) {
    const loaded = yield { next: [url, context] };
    if (loaded.format === "module" && loaded.source !== undefined && loaded.source !== null) {
      const source =
        typeof loaded.source === "string"
          ? loaded.source
          : Buffer.from(loaded.source).toString("utf8");
      return {
        ...loaded,
        source: `${source}\n;globalThis[Symbol.for(${JSON.stringify(recorderKey)})]?.({ Client });\n`,
        shortCircuit: true,
      };
    }
    return loaded;
  }
  const file = programFile(url);
  const ext = file === undefined ? undefined : path.extname(file);
  // Whether this Node strips types itself (22.18, 23.6 and later).
  const nodeStrips = Boolean(process.features?.typescript);
  if (ext === ".cts" || (ext === ".ts" && !isModulePackage(file) && !nodeStrips)) {
    // CommonJS TypeScript imported by an ES module: Node's CommonJS loader runs it, through the
    // Sucrase require hook the engine installed.
    return { format: "commonjs", shortCircuit: true };
  }
  if (ext !== ".ts" && ext !== ".mts") {
    return yield { next: [url, context] };
  }
  const source = yield { read: file };
  const code = typesOnly(source, file);
  if (ext === ".ts" && !isModulePackage(file)) {
    // On a Node that strips types, an ES module's import of such a file is Node's own under
    // pulumi up (the host's TypeScript compiler serves require alone): Node erases the types and
    // loads the file as an ES module when its syntax is a module's, as it does a .js file there
    // (module detection), refusing what erasing cannot express.
    if (!moduleSyntax(code, file)) {
      return { format: "commonjs", shortCircuit: true };
    }
    const refused = stripRefusal(source);
    if (refused !== undefined) {
      throw new SyntaxError(
        `${file}: ${refused}: an ES module imports it from a package that is not "type": "module", so Node loads it itself, erasing its types, and refuses it (pulumi up fails on it too)`,
      );
    }
  }
  // A project with `typescript: false` whose types Node strips itself (typescript-fallback.js):
  // what Node refuses to strip. The set is this thread's, so only the in-thread hooks see it.
  refuseUnstrippable(source, file);
  return { format: "module", source: code, shortCircuit: true };
}

/**
 * A TypeScript ES module with its types taken away: the imports stay ES imports. Sucrase keeps
 * every line where it was; a file with a namespace, which Sucrase would drop, goes to TypeScript
 * without it. Class fields with define semantics under pulumi up (typescript-fallback.js's
 * `definesClassFields`; the language host's default target for an ES-module program is ES2022)
 * stay as written, for Node to define, and a file with parameter properties, which TypeScript
 * then declares as fields, goes to TypeScript.
 */
function typesOnly(source, file) {
  const defines = definesClassFields(path.dirname(file), true);
  let code;
  if (!holdsNamespace(source) && !(defines && holdsParameterProperty(source))) {
    try {
      code = transform(source, {
        transforms: ["typescript"],
        disableESTransforms: defines,
        filePath: file,
      }).code;
    } catch {
      // Sucrase's parser refuses some TypeScript that TypeScript accepts: TypeScript decides.
    }
  }
  if (code === undefined || mistranslated(source, file, defines)) {
    code = compileWithTypeScript(source, file, "esnext");
  }
  return code;
}

/**
 * Whether a file's JavaScript (its types taken away) has an ES module's syntax: import or export
 * statements, import.meta, top-level await.
 */
function moduleSyntax(js, file) {
  const error = commonJsSyntaxError(js, file);
  return (
    error !== undefined &&
    /Cannot use import statement|Unexpected token 'export'|import\.meta|await is only valid/.test(
      error.message,
    )
  );
}

/**
 * Whether Sucrase's types-only output of an ES module would not parse (an arrow function's
 * type-asserted object body becomes a block, as in register-ts.js). Node parses a module only
 * when it links it, past this hook, so the check parses the same file with its imports made
 * CommonJS; what only a module may hold (top-level await, `import.meta`) is not a fault.
 */
function mistranslated(source, file, defines) {
  let cjs;
  try {
    cjs = transform(source, {
      transforms: ["typescript", "imports"],
      disableESTransforms: defines,
      filePath: file,
    }).code;
  } catch {
    return true;
  }
  const error = commonJsSyntaxError(cjs, file);
  return (
    error !== undefined && !/await is only valid|import\.meta|outside a module/.test(error.message)
  );
}

/**
 * Runs steps to their end, answering each request with `answer` (which returns, or throws into
 * the steps what it throws).
 */
function drive(steps, answer) {
  let step = steps.next();
  while (!step.done) {
    let value;
    try {
      value = answer(step.value);
    } catch (e) {
      step = steps.throw(e);
      continue;
    }
    step = steps.next(value);
  }
  return step.value;
}

/** As drive, with answers that may be promises. */
async function driveAsync(steps, answer) {
  let step = steps.next();
  while (!step.done) {
    let value;
    try {
      value = await answer(step.value);
    } catch (e) {
      step = steps.throw(e);
      continue;
    }
    step = steps.next(value);
  }
  return step.value;
}

/** The hooks for `module.register`, on Node's loader thread. */
export function resolve(specifier, context, nextResolve) {
  return driveAsync(resolveSteps(specifier, context), ([s, c]) => nextResolve(s, c));
}

export function load(url, context, nextLoad) {
  return driveAsync(loadSteps(url, context), (ask) =>
    ask.read === undefined ? nextLoad(...ask.next) : fs.promises.readFile(ask.read, "utf8"),
  );
}

/**
 * Whether an in-thread hook is called for an import. `module.registerHooks` hooks see every
 * `require` of the process too, which the engine's require hooks serve (load-program.ts), as
 * `module.register`'s did not: those pass through untouched.
 */
function forImport(context) {
  return context?.conditions?.includes("import") ?? false;
}

/** The hooks for `module.registerHooks`, in the thread that imports. */
export function resolveSync(specifier, context, nextResolve) {
  return forImport(context)
    ? drive(resolveSteps(specifier, context), ([s, c]) => nextResolve(s, c))
    : nextResolve(specifier, context);
}

export function loadSync(url, context, nextLoad) {
  return forImport(context)
    ? drive(loadSteps(url, context), (ask) =>
        ask.read === undefined ? nextLoad(...ask.next) : fs.readFileSync(ask.read, "utf8"),
      )
    : nextLoad(url, context);
}
