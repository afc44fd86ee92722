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
};
const out = {};
for (const [driver, d] of Object.entries(drivers)) {
  out[driver] = {};
  for (const [name, run] of Object.entries(cases)) {
    try {
      out[driver][name] = { value: await run(d) };
    } catch (e) {
      out[driver][name] = { error: e.code };
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
