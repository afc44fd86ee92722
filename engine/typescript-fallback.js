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
  commonJsSyntaxError,
  compileWithTypeScript,
  exportsByList,
  holdsNamespace,
  refuseUnstrippable,
  stripRefusal,
  useNodeTypeStripping,
};
