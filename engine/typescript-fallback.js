// TypeScript for the program files Sucrase mistranslates, shared by the require hook
// (register-ts.js) and the ES-module loader (esm-loader.mjs). Plain JavaScript, without side
// effects: the loader thread loads it too.
"use strict";
const fs = require("node:fs");
const path = require("node:path");
const { withoutExperimentalWarnings } = require("./experimental-warnings.js");

/** The SyntaxError Node meets compiling `js` as a CommonJS module body, or undefined. */
function commonJsSyntaxError(js, filePath) {
  try {
    require("node:vm").compileFunction(
      js,
      ["exports", "require", "module", "__filename", "__dirname"],
      {
        filename: filePath,
      },
    );
    return undefined;
  } catch (e) {
    if (e instanceof SyntaxError) {
      return e;
    }
    throw e;
  }
}

/**
 * Whether `code` declares a namespace (`namespace deploy { export function … }`, or the older
 * `module deploy { … }`) that is not `declare`d: Sucrase drops every namespace as if it held only
 * types, so one that holds functions or values would be missing at run time (`deploy is not
 * defined`). TypeScript compiles such a file; a namespace of types only comes out the same.
 */
function holdsNamespace(code) {
  return /^[ \t]*(?:export[ \t]+)?(?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{/m.test(code);
}

/**
 * Whether `code` exports names of its own through an export list (`export { bucket };`, not one
 * re-exported `from` another module) that Sucrase would assign otherwise than TypeScript: one
 * above a name's declaration (below), or in a file that imports a module of the program (a
 * relative path):
 * Sucrase assigns such exports where the list stands, TypeScript right after each declaration.
 * In an import cycle the other module reads them in between — `bucket` is set under the
 * Pulumi CLI (ts-node compiles with TypeScript) and undefined with Sucrase — so TypeScript
 * compiles such a file.
 */
function exportsByList(code) {
  const lists = [...code.matchAll(/^[ \t]*export[ \t]*\{([^}]*)\}[ \t]*;?[ \t]*(?:\/\/.*)?$/gm)];
  if (lists.length === 0) {
    return false;
  }
  if (/\bfrom[ \t]*["']\.\.?\/|\brequire\(["']\.\.?\//.test(code)) {
    return true;
  }
  // A list above the declaration of a name it exports (`export { settings };` then
  // `const settings = …`): Sucrase reads the name where the list stands, before it is set — a
  // `const`, `let` or `class` throws "Cannot access before initialization", a `var` exports
  // undefined — where TypeScript assigns it after the declaration.
  return lists.some((list) =>
    list[1]
      .split(",")
      .map((entry) => entry.trim().split(/\s+as\s+/)[0])
      .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name) && name !== "type")
      .some((name) =>
        new RegExp(String.raw`\b(?:const|let|var|class)[ \t]+${name.replace(/\$/g, "\\$")}\b`).test(
          code.slice(list.index + list[0].length),
        ),
      ),
  );
}

/**
 * Whether `code` declares a parameter property (`constructor(public zone: string)`). With define
 * semantics TypeScript declares it as a field of the class (`zone;`), above the class's other
 * fields, which Sucrase does not: such a file is compiled by TypeScript. A false match costs
 * only the time TypeScript takes.
 */
function holdsParameterProperty(code) {
  return /\bconstructor\s*\((?:[^()]|\([^()]*\))*?\b(?:public|private|protected|readonly|override)\s+[A-Za-z_$[{]/.test(
    code,
  );
}

/**
 * The tsconfig file that governs the files of a folder: the one Pulumi.yaml names for the
 * project (`useTsconfig`), else the tsconfig.json nearest to it, by folder, not above a
 * node_modules folder; undefined when there is none.
 */
const configByDir = new Map();

function tsconfigFor(dir) {
  if (configByDir.has(dir)) {
    return configByDir.get(dir);
  }
  const file = path.join(dir, "tsconfig.json");
  const parent = path.dirname(dir);
  let found;
  if (fs.existsSync(file)) {
    found = file;
  } else if (parent !== dir && path.basename(dir) !== "node_modules") {
    found = tsconfigFor(parent);
  }
  configByDir.set(dir, found);
  return found;
}

/** Has `file` govern the files of the project in `dir`, as ts-node reads it for all of them. */
function useTsconfig(dir, file) {
  configByDir.set(dir, file);
}

/**
 * A boolean of `compilerOptions` as TypeScript reads `file`: its own setting, else that of the
 * configs it extends (a later one of a list over an earlier one); "unset" when none sets it,
 * undefined when one of them cannot be read.
 */
function booleanOption(file, name, depth) {
  const config = readConfig(file);
  if (config === undefined || depth > 8) {
    return undefined;
  }
  const own = config.compilerOptions && config.compilerOptions[name];
  if (typeof own === "boolean") {
    return own;
  }
  const bases = config.extends === undefined ? [] : [config.extends].flat();
  for (const base of [...bases].reverse()) {
    const baseFile =
      typeof base === "string" ? resolveExtends(base, path.dirname(file)) : undefined;
    const inherited = baseFile === undefined ? undefined : booleanOption(baseFile, name, depth + 1);
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
 * Whether the class fields of the files in `dir` have define semantics under pulumi up, where a
 * field declared without a value (`region?: string;`) is reset to undefined after `super()`:
 * TypeScript's `useDefineForClassFields` as the language host's ts-node has it — the tsconfig's
 * setting (its own, else a config's it extends), else true when the target is ES2022 or later.
 * The target is the tsconfig's own `compilerOptions.target`, else the host's default (ES2020,
 * ES2022 for an ES-module program, `esm`): the host hands ts-node the tsconfig's own
 * compilerOptions over that default, which overrides a target only an extended config names.
 * False without a tsconfig, or with one that cannot be read (the host's ES2020).
 */
const definesByConfig = new Map();

function definesClassFields(dir, esm) {
  const file = tsconfigFor(dir);
  if (file === undefined) {
    return false;
  }
  const key = `${esm}\0${file}`;
  if (!definesByConfig.has(key)) {
    const setting = booleanOption(file, "useDefineForClassFields", 0);
    let defines = false;
    if (typeof setting === "boolean") {
      defines = setting;
    } else if (setting === "unset") {
      const own = readConfig(file).compilerOptions?.target;
      const target = typeof own === "string" ? own.toLowerCase() : esm ? "es2022" : "es2020";
      defines = target === "esnext" || Number(/^es(\d{4})$/.exec(target)?.[1]) >= 2022;
    }
    definesByConfig.set(key, defines);
  }
  return definesByConfig.get(key);
}

/**
 * A program file Sucrase cannot compile into JavaScript Node parses (`moduleKind` "commonjs" for
 * the require hook, "esnext" for the ES-module loader): Sucrase drops a type
 * assertion of an arrow function's object body (`(id) => <PolicyDocument>{ … }`), leaving a
 * block where an object was, and refuses a few other forms TypeScript accepts. Such a file is
 * compiled by TypeScript, as the Pulumi CLI would compile it: the project's own TypeScript, else
 * the one the Pulumi SDK ships for projects without one, with the project's tsconfig.json.
 * A file TypeScript cannot parse either is the program's syntax error, named by its place.
 */
function compileWithTypeScript(code, filePath, moduleKind) {
  const dir = path.dirname(filePath);
  const ts = typescriptFor(dir);
  const configFile = ts.findConfigFile(dir, ts.sys.fileExists);
  const fromConfig = configFile
    ? ts.parseJsonConfigFileContent(
        ts.readConfigFile(configFile, ts.sys.readFile).config ?? {},
        ts.sys,
        path.dirname(configFile),
      ).options
    : {};
  const output = ts.transpileModule(code, {
    fileName: filePath,
    reportDiagnostics: true,
    compilerOptions: {
      // The language host's defaults, under the project's own settings: without them TypeScript
      // targets ES5 and emits helpers (`__generator`) that read globals a serialised function
      // cannot capture (`Iterator`).
      target: moduleKind === "esnext" ? ts.ScriptTarget.ES2022 : ts.ScriptTarget.ES2020,
      ...fromConfig,
      // How imports resolve does not change one file's output, and NodeNext resolution would
      // refuse the module format set here.
      moduleResolution: undefined,
      module: moduleKind === "esnext" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      sourceMap: false,
      inlineSourceMap: true,
      declaration: false,
      noEmit: false,
      // The class-field semantics of the language host's ts-node, whose target may not be the
      // one TypeScript reads from the tsconfig here (a target only an extended config names).
      useDefineForClassFields: definesClassFields(dir, moduleKind === "esnext"),
    },
  });
  // The file's own errors (its syntax); settings of the project's tsconfig this compilation
  // overrides are not the program's fault.
  const error = (output.diagnostics ?? []).find(
    (d) => d.category === ts.DiagnosticCategory.Error && d.file !== undefined,
  );
  if (error) {
    const where =
      error.file && error.start !== undefined
        ? error.file.getLineAndCharacterOfPosition(error.start)
        : undefined;
    const at = where ? `:${where.line + 1}:${where.character + 1}` : "";
    throw new SyntaxError(
      `${filePath}${at}: ${ts.flattenDiagnosticMessageText(error.messageText, "\n")}`,
    );
  }
  return output.outputText;
}

/** The TypeScript compiler the project uses: its own, else the one the Pulumi SDK ships. */
function typescriptFor(dir) {
  try {
    return require(require.resolve("typescript", { paths: [dir] }));
  } catch {
    const sdk = path.dirname(
      require.resolve("@pulumi/pulumi/package.json", { paths: [dir, __dirname] }),
    );
    const vendored = fs
      .readdirSync(path.join(sdk, "vendor"))
      .find((d) => d.startsWith("typescript@"));
    return require(path.join(sdk, "vendor", vendored, "typescript.js"));
  }
}

/**
 * The folders of projects whose Pulumi.yaml sets `runtime.options.typescript: false` on a Node
 * that strips types itself (22.18, 23.6 and later): there the language host registers no
 * compiler, and Node loads the program's TypeScript by erasing its types, refusing what erasing
 * cannot express (an enum, a namespace with values, a parameter property). The engine still
 * compiles those files, after asking Node whether it would load them.
 */
const strippedByNode = new Set();

/** Has the files of `dir` (outside node_modules) checked as Node strips types, or no longer. */
function useNodeTypeStripping(dir, on) {
  const key = path.resolve(dir) + path.sep;
  if (on) {
    strippedByNode.add(key);
  } else {
    strippedByNode.delete(key);
  }
}

/** A SyntaxError when Node's type stripping refuses `code`, a file of such a project. */
function refuseUnstrippable(code, filePath) {
  if (filePath.includes(`${path.sep}node_modules${path.sep}`)) {
    return;
  }
  if (![...strippedByNode].some((dir) => filePath.startsWith(dir))) {
    return;
  }
  const refused = stripRefusal(code);
  if (refused !== undefined) {
    throw new SyntaxError(
      `${filePath}: ${refused}: Pulumi.yaml sets runtime.options.typescript to false, so no compiler is registered and Node loads the file by stripping its types, which it refuses here (pulumi up fails on it too). Remove the option, or write the file in TypeScript whose types Node can erase (a union of literals for an enum).`,
    );
  }
}

/**
 * Why Node's type stripping (`module.stripTypeScriptTypes`, strip-only) refuses `code`, or
 * undefined when it erases its types (or this Node cannot say).
 */
function stripRefusal(code) {
  const nodeModule = require("node:module");
  // Node 22.6 to 22.12 strip types (with --experimental-strip-types) but cannot be asked.
  if (typeof nodeModule.stripTypeScriptTypes !== "function") {
    return undefined;
  }
  try {
    // Node 22 and 24 call the function experimental, in a warning that is not the program's.
    withoutExperimentalWarnings(() => nodeModule.stripTypeScriptTypes(code, { mode: "strip" }));
    return undefined;
  } catch (e) {
    if (e && e.code === "ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX") {
      return e.message;
    }
    throw e;
  }
}

module.exports = {
  booleanOption,
  commonJsSyntaxError,
  compileWithTypeScript,
  definesClassFields,
  exportsByList,
  holdsNamespace,
  holdsParameterProperty,
  refuseUnstrippable,
  stripRefusal,
  tsconfigFor,
  useNodeTypeStripping,
  useTsconfig,
};
