/**
 * The sequencer of `npm run mutation`: of the test files --findRelatedTests picks for a mutant,
 * it loads only those that can hold a test Stryker names, and runs everything when unsure.
 */
import * as fs from "node:fs";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const sequencer = require("../support/mutation-sequencer.js") as {
  topLevelTitles(source: string): string[] | undefined;
  filesNamed<T extends { path: string }>(
    tests: T[],
    pattern: string | undefined,
    read: (file: string) => string,
  ): T[];
};

const root = path.resolve(__dirname, "..", "..");

/** A testNamePattern as @stryker-mutator/jest-runner writes it for these full names. */
function pattern(...fullNames: string[]): string {
  return fullNames.map((n) => `(${n.replace(/[.*+\-?^${}()|[\]\\]/g, "\\$&")})`).join("|");
}

const sources: Record<string, string> = {
  "a.test.ts": 'describe("where (a) flow goes", () => {\n  test("inner", () => {});\n});\n',
  "b.test.ts":
    "test('the catalog\\'s regions', () => {});\ndescribe.skip(\"skipped\", () => {});\n",
  "c.test.ts": 'describe("blocks", () => {});\n',
  "each.test.ts": 'test.each([[1]])("case %s", () => {});\n',
};
const files = Object.keys(sources).map((name) => ({ path: name }));
const read = (file: string) => sources[file];
const kept = (p: string | undefined, of = files) =>
  sequencer.filesNamed(of, p, read).map((t) => t.path);

test("reads the titles of top-level describe, test and it calls, with their escapes", () => {
  expect(sequencer.topLevelTitles(sources["a.test.ts"])).toEqual(["where (a) flow goes"]);
  expect(sequencer.topLevelTitles(sources["b.test.ts"])).toEqual([
    "the catalog's regions",
    "skipped",
  ]);
  expect(sequencer.topLevelTitles("const x = 1;\n")).toEqual([]);
});

test("a top-level call whose title is not a plain string makes the file unreadable", () => {
  expect(sequencer.topLevelTitles(sources["each.test.ts"])).toBeUndefined();
  expect(sequencer.topLevelTitles("describe(`tpl ${x}`, () => {});\n")).toBeUndefined();
  expect(sequencer.topLevelTitles("describe(title, () => {});\n")).toBeUndefined();
});

test("keeps the files holding a named test and the unreadable ones, and drops the rest", () => {
  expect(kept(pattern("where (a) flow goes inner"))).toEqual(["a.test.ts", "each.test.ts"]);
  expect(kept(pattern("blocks x", "the catalog's regions"))).toEqual([
    "b.test.ts",
    "c.test.ts",
    "each.test.ts",
  ]);
});

test("runs every file without a pattern, and when no file can hold a named test", () => {
  expect(kept(undefined)).toEqual(files.map((f) => f.path));
  const readable = files.filter((f) => f.path !== "each.test.ts");
  expect(kept(pattern("nothing of these files"), readable)).toEqual(readable.map((f) => f.path));
});

test("on the core's own test files, a test of one file loads that file alone", () => {
  const core = ["exits", "formats", "views", "rules"].map((n) => ({
    path: path.join(root, "test", "core", `${n}.test.ts`),
  }));
  const [title] = sequencer.topLevelTitles(fs.readFileSync(core[0].path, "utf8")) ?? [];
  expect(title).toBe("exitFindings");
  const files = sequencer.filesNamed(core, pattern(`${title} any test`), (f) =>
    fs.readFileSync(f, "utf8"),
  );
  expect(files.map((f) => path.basename(f.path))).toEqual(["exits.test.ts"]);
});
