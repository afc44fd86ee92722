/**
 * engine/register-ts.js: TypeScript compiled on require, each file once — a later process reads
 * the compiled file from the cache, and a changed file (another key) is compiled again.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { root } from "../helpers/cli";

const hook = path.join(root, "engine", "register-ts.js");

function load(file: string, cache: string): string {
  return execFileSync(
    process.execPath,
    ["--require", hook, "-e", `process.stdout.write(String(require(${JSON.stringify(file)}).x))`],
    { env: { ...process.env, SOVEREIGN_DC_TS_CACHE: cache } },
  ).toString();
}

function cachedFiles(cache: string): string[] {
  return fs.existsSync(cache)
    ? fs
        .readdirSync(cache, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".js"))
    : [];
}

test("compiles a file once, reads it from the cache after, and compiles a changed file again", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-register-ts-"));
  const cache = path.join(dir, "cache");
  const file = path.join(dir, "answer.ts");
  try {
    fs.writeFileSync(file, "const n: number = 41;\nexport const x = n + 1;\n");
    expect(load(file, cache)).toBe("42");
    const [entry] = cachedFiles(cache);
    expect(cachedFiles(cache)).toHaveLength(1);
    const compiled = fs.readFileSync(path.join(cache, entry), "utf8");
    // Line numbers kept, types gone, a source map inline.
    expect(compiled.split("\n")[1]).toBe(" const x = n + 1; exports.x = x;");
    expect(compiled).not.toContain(": number");
    expect(compiled).toContain("//# sourceMappingURL=data:application/json;charset=utf-8;base64,");

    // What a later process runs is the cached file, not a new compilation.
    fs.writeFileSync(path.join(cache, entry), compiled.replace("n + 1", "n + 2"));
    expect(load(file, cache)).toBe("43");

    // A changed source is another key: compiled afresh.
    fs.writeFileSync(file, "const n: number = 41;\nexport const x = n - 1;\n");
    expect(load(file, cache)).toBe("40");
    expect(cachedFiles(cache)).toHaveLength(2);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("without a writable cache, it compiles every time and still runs the program", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-register-ts-"));
  const file = path.join(dir, "answer.ts");
  try {
    fs.writeFileSync(file, "export const x: string = 'ok';\n");
    // A file where the cache folder should be: nothing can be created under it.
    const blocked = path.join(dir, "blocked");
    fs.writeFileSync(blocked, "");
    expect(load(file, path.join(blocked, "cache"))).toBe("ok");
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("this package's own sources stay ES2022, as built; programs and fixtures keep Sucrase's rewriting", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compile } = require(hook) as { compile(code: string, file: string): string };
  const code = "export const f = (o?: { a?: number }) => o?.a ?? 0;\nexport class C { n = 1; }\n";
  const own = compile(code, path.join(root, "policy", "paths", "x.ts"));
  expect(own).toContain("o?.a ?? 0");
  expect(own).toContain("n = 1;");
  for (const program of [
    path.join(os.tmpdir(), "project", "index.ts"),
    path.join(root, "test", "fixtures", "engine", "x.ts"),
    path.join(root, "node_modules", "some-package", "x.ts"),
  ]) {
    const js = compile(code, program);
    expect(js).toContain("_optionalChain");
    expect(js).toContain("_nullishCoalesce");
    expect(js).not.toContain("?.");
  }
});
