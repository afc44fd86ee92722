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
  booleanOption,
  commonJsSyntaxError,
  compileWithTypeScript,
  definesClassFields,
  exportsByList,
  holdsNamespace,
  holdsParameterProperty,
  refuseUnstrippable,
  tsconfigFor,
  useNodeTypeStripping,
  useTsconfig,
} = require("./typescript-fallback.js");

const registered = Symbol.for("sovereign-dc.register-ts");
// What a cached file was compiled by: Sucrase's version, and this hook's own revision (2: a file
// Sucrase cannot compile into parseable JavaScript is compiled by TypeScript; 3: so is a file
// that declares a namespace, which Sucrase drops; 4: and one that exports by a list and imports
// a module of the program, whose exports Sucrase assigns late; 5: or whose list stands above a
// name's declaration, which Sucrase reads before it is set; 6: TypeScript targets the language
// host's default, ES2020, when the project's tsconfig names none; 7: JavaScript TypeScript emits
// that Node refuses is refused at the line of the file, not cached; 8: TypeScript is told the
// project's class-field semantics as the language host's ts-node has them).
const compilerVersion = `${require("sucrase/package.json").version}+8`;
const options = { transforms: ["imports", "typescript"] };
/**
 * This package's own sources (its folders beside engine/, outside node_modules and the test
 * fixtures, which are programs like any other) target ES2022, as the built package does
 * (tsconfig.build.json): optional chaining, `??` and class fields stay native instead of being
 * rewritten into helper calls, which cost the pack a tenth of its time on a large stack.
 * Programs keep Sucrase's rewriting unless their class fields have define semantics (below): a
 * program's own tsconfig may target older JavaScript, and its class fields then follow
 * TypeScript's assignment semantics.
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

/**
 * A program whose class fields have define semantics under pulumi up (typescript-fallback.js's
 * `definesClassFields`: tsconfig's target ES2022 or later, or `useDefineForClassFields: true`)
 * keeps them as written, for Node to define: a field declared without a value (`region?: string;`)
 * is then reset to undefined after `super()`, as ts-node compiles it, where Sucrase's rewriting
 * would drop it and keep the value the base class set. A `declare`d field stays a type.
 */
const defineOptions = { ...options, disableESTransforms: true };
const legacyInteropDefineOptions = { ...legacyInteropOptions, disableESTransforms: true };

function optionsFor(filePath) {
  if (filePath.startsWith(ownRoot) && !notOwn.some((p) => filePath.includes(p))) {
    return ownOptions;
  }
  const dir = path.dirname(filePath);
  const legacy = esModuleInterop(dir) === false;
  if (definesClassFields(dir, false)) {
    return legacy ? legacyInteropDefineOptions : defineOptions;
  }
  return legacy ? legacyInteropOptions : options;
}

/**
 * `esModuleInterop` of the tsconfig that governs the files of `dir` (typescript-fallback.js's
 * `tsconfigFor`); undefined when unknown.
 */
const interopByConfig = new Map();

function esModuleInterop(dir) {
  const file = tsconfigFor(dir);
  if (file === undefined) {
    return undefined;
  }
  if (!interopByConfig.has(file)) {
    const setting = booleanOption(file, "esModuleInterop", 0);
    interopByConfig.set(
      file,
      setting === undefined ? undefined : setting === "unset" ? false : setting,
    );
  }
  return interopByConfig.get(file);
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
  // A namespace Sucrase would drop, exports it would assign late, or, with define semantics,
  // parameter properties TypeScript declares as fields of their own: TypeScript compiles the
  // file, and Sucrase need not run.
  if (
    options !== ownOptions &&
    (holdsNamespace(code) ||
      exportsByList(code) ||
      (options.disableESTransforms === true && holdsParameterProperty(code)))
  ) {
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
 * Reads the settings of a project's files (module interop, class fields) from `file`, the
 * tsconfig its Pulumi.yaml names (`runtime.options.tsconfig`), which ts-node then reads for every
 * file of the program instead of the tsconfig.json nearest to it.
 */
function useProjectTsconfig(dir, file) {
  useTsconfig(dir, file);
}

module.exports = { registerTs, compile, optionsFor, useProjectTsconfig, useNodeTypeStripping };
