/**
 * engine/esm-loader.mjs's hooks, each step written once and driven two ways: the asynchronous
 * hooks `module.register` takes (Node 20, and 22 before 22.15) and the in-thread, synchronous
 * ones `module.registerHooks` takes (22.15, 23.5 and later; Node 26 deprecates
 * `module.register`). Both are called with stand-in next hooks, on whatever Node runs the suite,
 * and must answer alike; the synchronous ones leave a `require` to the engine's require hooks.
 * In a process of its own, which imports the hooks as the ES module they are (jest's sandbox
 * would not).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";
import { pathToFileURL } from "node:url";

const esm = path.resolve(__dirname, "..", "fixtures", "engine", "esm");
const loader = pathToFileURL(path.resolve(__dirname, "..", "..", "engine", "esm-loader.mjs")).href;
const url = (file: string) => pathToFileURL(path.join(esm, file)).href;
/** Files of a package that is not "type": "module". */
const other = (file: string) =>
  pathToFileURL(path.resolve(__dirname, "..", "fixtures", "engine", "esm-imports-ts", file)).href;

/** What each driver answers to each case: `{ value }` or `{ error: code }`. */
const answers = JSON.parse(
  execFileSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `
import * as fs from "node:fs";
const hooks = await import(${JSON.stringify(loader)});
const parentURL = ${JSON.stringify(url("top-level-await.ts"))};
const importing = { conditions: ["node", "import"], parentURL };
const requiring = { conditions: ["node", "require"], parentURL };
// Node's own resolution, for files only; and its load, which says what it was asked.
const nodeResolve = (specifier, context) => {
  const found = new URL(specifier, context.parentURL).href;
  if (!fs.existsSync(new URL(found))) {
    throw Object.assign(new Error("not found: " + found), { code: "ERR_MODULE_NOT_FOUND" });
  }
  return { url: found };
};
const nodeLoad = (u) => ({ format: "as Node loads it", source: u });
const drivers = {
  register: { resolve: hooks.resolve, load: hooks.load },
  registerHooks: { resolve: hooks.resolveSync, load: hooks.loadSync },
};
const cases = {
  nodeNext: (d) => d.resolve("./lib/tags.js", importing, nodeResolve),
  missing: (d) => d.resolve("./lib/missing.js", importing, nodeResolve),
  typescript: (d) => d.load(${JSON.stringify(url("top-level-await.ts"))}, importing, nodeLoad),
  other: (d) => d.load(${JSON.stringify(url("package.json"))}, importing, nodeLoad),
  requireResolve: (d) => d.resolve("./lib/tags.js", requiring, (s) => ({ url: "untouched " + s })),
  requireLoad: (d) => d.load(${JSON.stringify(url("top-level-await.ts"))}, requiring, nodeLoad),
  commonPackageModule: (d) => d.load(${JSON.stringify(other("lib.ts"))}, importing, nodeLoad),
  commonPackageEnum: (d) => d.load(${JSON.stringify(other("tier.ts"))}, importing, nodeLoad),
  commonPackageCommonJs: (d) => d.load(${JSON.stringify(other("common.ts"))}, importing, nodeLoad),
};
const out = {};
for (const [driver, d] of Object.entries(drivers)) {
  out[driver] = {};
  for (const [name, run] of Object.entries(cases)) {
    try {
      out[driver][name] = { value: await run(d) };
    } catch (e) {
      out[driver][name] = { error: e.code ?? e.message };
    }
  }
}
process.stdout.write(JSON.stringify(out));
`,
    ],
    { encoding: "utf8" },
  ),
) as Record<
  string,
  Record<string, { value?: { url?: string; format?: string; source?: string }; error?: string }>
>;

describe.each(["register", "registerHooks"])("module.%s's hooks", (driver) => {
  const a = answers[driver];

  test("resolve a NodeNext-style .js specifier to the program's TypeScript file", () => {
    expect(a.nodeNext).toEqual({ value: { url: url(path.join("lib", "tags.ts")) } });
  });

  test("leave a specifier that names nothing Node's failure", () => {
    expect(a.missing).toEqual({ error: "ERR_MODULE_NOT_FOUND" });
  });

  test("compile a TypeScript ES module's types away and keep its imports", () => {
    expect(a.typescript.value?.format).toBe("module");
    expect(a.typescript.value?.source).toContain('from "./lib/tags.js"');
    expect(a.typescript.value?.source).not.toContain("type Tags");
  });

  test("hand any other file to the next hook", () => {
    expect(a.other).toEqual({ value: { format: "as Node loads it", source: url("package.json") } });
  });
});

test("the in-thread hooks leave a require to the engine's require hooks", () => {
  expect(answers.registerHooks.requireResolve).toEqual({
    value: { url: "untouched ./lib/tags.js" },
  });
  expect(answers.registerHooks.requireLoad).toEqual({
    value: { format: "as Node loads it", source: url("top-level-await.ts") },
  });
});

/** Whether the Node running the suite strips types itself (22.18, 23.6 and later). */
const strips = Boolean((process.features as { typescript?: unknown }).typescript);

describe.each(["register", "registerHooks"])(
  "a .ts file an ES module imports from a package that is not a module, by module.%s's hooks",
  (driver) => {
    const a = answers[driver];

    test("is CommonJS for the engine's require hooks when its syntax is CommonJS's", () => {
      expect(a.commonPackageCommonJs).toEqual({
        value: { format: "commonjs", shortCircuit: true },
      });
    });

    // Found on the Node versions bench: an .mjs entry importing ./lib.ts, which Node 22.18 and
    // later load by erasing the types, exited 2 here.
    (strips ? test : test.skip)(
      "is an ES module where Node strips types and its syntax is a module's, refused where Node cannot erase them",
      () => {
        expect(a.commonPackageModule.value?.format).toBe("module");
        expect(a.commonPackageModule.value?.source).toContain('export const region = "eu-west-1";');
        expect(a.commonPackageEnum.error).toContain(
          'tier.ts: TypeScript enum is not supported in strip-only mode: an ES module imports it from a package that is not "type": "module", so Node loads it itself',
        );
      },
    );

    (strips ? test.skip : test)("is CommonJS where Node does not strip types", () => {
      expect(a.commonPackageModule).toEqual({ value: { format: "commonjs", shortCircuit: true } });
    });
  },
);

test("Node's type stripping is asked why it refuses a file, where this Node can say", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { stripRefusal } = require("../../engine/typescript-fallback.js") as {
    stripRefusal(code: string): string | undefined;
  };
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const canSay = typeof require("node:module").stripTypeScriptTypes === "function";
  expect(stripRefusal("const a: number = 1;\n")).toBeUndefined();
  expect(stripRefusal("enum Tier { Hot }\n")).toBe(
    canSay ? "TypeScript enum is not supported in strip-only mode" : undefined,
  );
  expect(stripRefusal("class A { constructor(private x: number) {} }\n")).toBe(
    canSay ? "TypeScript parameter property is not supported in strip-only mode" : undefined,
  );
});
