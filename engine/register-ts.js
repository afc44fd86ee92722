// Compiles TypeScript on require with Sucrase — the engine's own sources when it runs from this
// repository, and the programs it evaluates (.ts and .cts) — as `sucrase/register/ts` does: the
// `imports` and `typescript` transforms, line numbers kept, an inline source map. Each compiled
// file is kept in a cache folder keyed by a hash of Sucrase's version, the file's path and its
// content, so a process that loads a file compiled before (every CLI run, evaluation process and
// policy pack after the first) reads it instead of compiling it again: about a tenth of a second
// per process. A cache that cannot be written (a read-only disk) only costs that time.
//
// Plain JavaScript: it is what makes TypeScript loadable.
"use strict";
const crypto = require("node:crypto");
const fs = require("node:fs");
const path = require("node:path");
const pirates = require("pirates");
const {
  commonJsSyntaxError,
  compileWithTypeScript,
  exportsByList,
  holdsNamespace,
  refuseUnstrippable,
  useNodeTypeStripping,
} = require("./typescript-fallback.js");

const registered = Symbol.for("sovereign-dc.register-ts");
// What a cached file was compiled by: Sucrase's version, and this hook's own revision (2: a file
// Sucrase cannot compile into parseable JavaScript is compiled by TypeScript; 3: so is a file
// that declares a namespace, which Sucrase drops; 4: and one that exports by a list and imports
// a module of the program, whose exports Sucrase assigns late; 5: or whose list stands above a
// name's declaration, which Sucrase reads before it is set; 6: TypeScript targets the language
// host's default, ES2020, when the project's tsconfig names none; 7: JavaScript TypeScript emits
// that Node refuses is refused at the line of the file, not cached).
const compilerVersion = `${require("sucrase/package.json").version}+7`;
const options = { transforms: ["imports", "typescript"] };
/**
 * This package's own sources (its folders beside engine/, outside node_modules and the test
 * fixtures, which are programs like any other) target ES2022, as the built package does
 * (tsconfig.build.json): optional chaining, `??` and class fields stay native instead of being
 * rewritten into helper calls, which cost the pack a tenth of its time on a large stack.
 * Programs keep Sucrase's rewriting: a program's own tsconfig may target older JavaScript, and
 * its class fields then follow TypeScript's assignment semantics.
 */
const ownOptions = { ...options, disableESTransforms: true };
const ownRoot = path.join(__dirname, "..") + path.sep;
const notOwn = [
  `${path.sep}node_modules${path.sep}`,
  `${ownRoot}test${path.sep}fixtures${path.sep}`,
];

/**
 * A program compiled without `esModuleInterop` — the setting of Pulumi's own templates, and
 * TypeScript's default — turns `import * as x from "m"` into `require("m")` itself, as ts-node
 * does under the Pulumi CLI; Sucrase's interop would hand the program a copy of the module, which
 * Pulumi's function serialiser no longer recognises as a module (a Lambda callback capturing an
 * AWS SDK client then fails to serialise). So a program whose tsconfig.json leaves
 * `esModuleInterop` off is compiled with TypeScript's own (legacy) interop; one that turns it on,
 * has no tsconfig.json, or one this cannot read in full keeps Sucrase's.
 */
const legacyInteropOptions = { ...options, enableLegacyTypeScriptModuleInterop: true };

function optionsFor(filePath) {
  if (filePath.startsWith(ownRoot) && !notOwn.some((p) => filePath.includes(p))) {
    return ownOptions;
  }
  return esModuleInterop(path.dirname(filePath)) === false ? legacyInteropOptions : options;
}

/** `esModuleInterop` of the tsconfig.json nearest to `dir`, by folder; undefined when unknown. */
const interopByDir = new Map();

function esModuleInterop(dir) {
  if (interopByDir.has(dir)) {
    return interopByDir.get(dir);
  }
  const file = path.join(dir, "tsconfig.json");
  const parent = path.dirname(dir);
  let found;
  if (fs.existsSync(file)) {
    const setting = interopOf(file, 0);
    found = setting === undefined ? undefined : setting === "unset" ? false : setting;
  } else if (parent !== dir && path.basename(dir) !== "node_modules") {
    found = esModuleInterop(parent);
  }
  interopByDir.set(dir, found);
  return found;
}

/**
 * `compilerOptions.esModuleInterop` as TypeScript reads `file`: its own setting, else that of
 * the configs it extends (a later one of a list over an earlier one); "unset" when none sets it,
 * undefined when one of them cannot be read.
 */
function interopOf(file, depth) {
  const config = readConfig(file);
  if (config === undefined || depth > 8) {
    return undefined;
  }
  const own = config.compilerOptions && config.compilerOptions.esModuleInterop;
  if (typeof own === "boolean") {
    return own;
  }
  const bases = config.extends === undefined ? [] : [config.extends].flat();
  for (const base of [...bases].reverse()) {
    const baseFile =
      typeof base === "string" ? resolveExtends(base, path.dirname(file)) : undefined;
    const inherited = baseFile === undefined ? undefined : interopOf(baseFile, depth + 1);
    if (inherited !== "unset") {
      return inherited;
    }
  }
  return "unset";
}

/** A tsconfig file: JSON with comments and trailing commas. */
function readConfig(file) {
  let text;
  try {
    text = fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    // Comments or trailing commas: TypeScript's own dialect.
  }
  const { parse } = require("jsonc-parser");
  const errors = [];
  const config = parse(text, errors, { allowTrailingComma: true });
  return errors.length === 0 && config !== null && typeof config === "object" ? config : undefined;
}

/** The file an `extends` names: a path, or a package's config as Node resolves it. */
function resolveExtends(base, dir) {
  const candidates =
    base.startsWith(".") || path.isAbsolute(base)
      ? [path.resolve(dir, base), path.resolve(dir, `${base}.json`)]
      : [base, `${base}.json`, `${base}/tsconfig.json`];
  for (const candidate of candidates) {
    try {
      if (path.isAbsolute(candidate)) {
        if (fs.statSync(candidate).isFile()) {
          return candidate;
        }
      } else {
        return require.resolve(candidate, { paths: [dir] });
      }
    } catch {
      // The next form.
    }
  }
  return undefined;
}

/**
 * node_modules/.cache/sovereign-dc-ts beside the Sucrase this process uses, unless
 * SOVEREIGN_DC_TS_CACHE names another folder.
 */
const cacheDir =
  process.env.SOVEREIGN_DC_TS_CACHE ||
  path.join(
    path.dirname(path.dirname(require.resolve("sucrase/package.json"))),
    ".cache",
    "sovereign-dc-ts",
  );

/**
 * The file compiled by TypeScript, which reports only syntax: JavaScript that Node still refuses
 * (a reserved word as a name, `const static`, in a module's strict mode) is refused here, naming
 * the line of the file it comes from rather than the line of the compiled output Node would name.
 */
function compileStrictly(code, filePath) {
  const js = compileWithTypeScript(code, filePath, "commonjs");
  const error = commonJsSyntaxError(js, filePath);
  if (error === undefined) {
    return js;
  }
  const [where = "", text = ""] = String(error.stack).split("\n");
  const line = Number(/:(\d+)$/.exec(where)?.[1]);
  const statement = (Number.isInteger(line) ? js.split("\n")[line - 1] : text).trim();
  const at = code.split("\n").findIndex((l) => l.trim() === statement);
  throw new SyntaxError(
    at >= 0
      ? `${filePath}:${at + 1}: ${error.message} (${statement})`
      : `${filePath}: ${error.message}, in ${JSON.stringify(statement)} of the JavaScript it compiles to`,
  );
}

function compile(code, filePath) {
  const options = optionsFor(filePath);
  // A namespace Sucrase would drop, or exports it would assign late: TypeScript compiles the
  // file, and Sucrase need not run.
  if (options !== ownOptions && (holdsNamespace(code) || exportsByList(code))) {
    return compileStrictly(code, filePath);
  }
  // Loaded on the first file not in the cache: a process whose files are all compiled already
  // (most CLI runs, every evaluation process and pack after the first) never loads Sucrase.
  const { transform } = require("sucrase");
  let compiled;
  try {
    const { code: js, sourceMap } = transform(code, {
      ...options,
      sourceMapOptions: { compiledFilename: filePath },
      filePath,
    });
    const map = Buffer.from(JSON.stringify(sourceMap)).toString("base64");
    compiled = `${js}\n//# sourceMappingURL=data:application/json;charset=utf-8;base64,${map}`;
  } catch {
    // Sucrase's parser refuses some TypeScript that TypeScript accepts: TypeScript decides.
  }
  if (
    options === ownOptions ||
    (compiled !== undefined && commonJsSyntaxError(compiled, filePath) === undefined)
  ) {
    return compiled;
  }
  return compileStrictly(code, filePath);
}

function cached(code, filePath) {
  refuseUnstrippable(code, filePath);
  const key = crypto
    .createHash("sha256")
    .update(`${compilerVersion}\0${JSON.stringify(optionsFor(filePath))}\0${filePath}\0`)
    .update(code)
    .digest("hex");
  const file = path.join(cacheDir, key.slice(0, 2), `${key.slice(2)}.js`);
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    // Not compiled yet.
  }
  const js = compile(code, filePath);
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // Written aside and renamed: a process reading the cache never sees half a file.
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, js);
    fs.renameSync(tmp, file);
  } catch {
    // No cache here; compiling each time is correct, only slower.
  }
  return js;
}

/**
 * Installs the hooks for .ts and .cts files, and the refusal of .mts; once per process. The mark
 * is kept on Node's module system, which the hooks change, not on `globalThis`: a process may hold
 * several realms (jest's test files), and each would chain one more hook on the one
 * `require.extensions`.
 */
function registerTs() {
  const processWide = require("node:module");
  if (processWide[registered]) {
    return;
  }
  processWide[registered] = true;
  pirates.addHook(cached, { exts: [".ts", ".cts"] });
  // Node would otherwise read a .mts file as CommonJS JavaScript and fail on its syntax.
  processWide._extensions[".mts"] = (_module, filename) => {
    throw new Error(
      `Cannot require ${filename}: a .mts file is an ES module, and CommonJS cannot require one ` +
        "(Node.js 20). Import it from an ES-module program, or make it a .ts or .cts file.",
    );
  };
}

registerTs();

/**
 * Reads the module interop of a project's files from `file`, the tsconfig its Pulumi.yaml names
 * (`runtime.options.tsconfig`), which ts-node then reads for every file of the program instead of
 * the tsconfig.json nearest to it.
 */
function useProjectTsconfig(dir, file) {
  const setting = interopOf(file, 0);
  interopByDir.set(dir, setting === undefined ? undefined : setting === "unset" ? false : setting);
}

module.exports = { registerTs, compile, optionsFor, useProjectTsconfig, useNodeTypeStripping };
