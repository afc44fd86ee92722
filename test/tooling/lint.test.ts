/**
 * The repository's lint rules hold where they are meant to: oxlint, with the repository's
 * configuration, over files planted in a folder of their own — a provider SDK's root import
 * refused with the reason, loose equality, unused variables (an `_` argument allowed), a
 * `require` in TypeScript but not in a CommonJS script. ESLint's type-aware half (Pulumi's rules)
 * needs a typed program of several seconds and is exercised by `npm run lint:eslint` itself.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const root = path.resolve(__dirname, "..", "..");
const oxlint = path.join(root, "node_modules", "oxlint", "bin", "oxlint");

interface Diagnostic {
  code: string;
  message: string;
  /** The rule's own words for the case: a restricted import's reason. */
  help?: string;
  filename: string;
}

/** Lints `files` (name → source) in a fresh folder with the repository's configuration. */
async function lint(files: Record<string, string>): Promise<{ code: number; found: Diagnostic[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-lint-"));
  try {
    for (const [name, source] of Object.entries(files)) {
      fs.writeFileSync(path.join(dir, name), source);
    }
    const args = ["-c", path.join(root, ".oxlintrc.json"), "--format", "json", "."];
    let stdout: string;
    let code = 0;
    try {
      ({ stdout } = await run(process.execPath, [oxlint, ...args], { cwd: dir }));
    } catch (e) {
      const err = e as { code: number; stdout: string };
      ({ stdout, code } = err);
    }
    const doc = JSON.parse(stdout) as { diagnostics: Diagnostic[] };
    return {
      code,
      found: doc.diagnostics.sort((a, b) =>
        `${a.filename} ${a.code}`.localeCompare(`${b.filename} ${b.code}`),
      ),
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test("refuses a provider SDK's root import, loose equality and unused variables", async () => {
  const { code, found } = await lint({
    "stack.ts": [
      'import * as aws from "@pulumi/aws";',
      "export const sameRegion = (a: string, b: string) => a == b;",
      "const leftover = 1;",
      "export const region = aws.config.region;",
      "",
    ].join("\n"),
  });
  expect(code).toBe(1);
  expect(found.map((d) => [d.filename, d.code])).toEqual([
    ["stack.ts", "eslint(eqeqeq)"],
    ["stack.ts", "eslint(no-restricted-imports)"],
    ["stack.ts", "eslint(no-unused-vars)"],
  ]);
  const rootImport = found.find((d) => d.code === "eslint(no-restricted-imports)");
  expect(rootImport?.help).toContain('"@pulumi/aws/provider" or "@pulumi/aws/<service>"');
});

test("passes the same code written as the repository writes it", async () => {
  const { code, found } = await lint({
    "stack.ts": [
      'import * as provider from "@pulumi/aws/provider";',
      "export const sameRegion = (a: string, b: string) => a === b;",
      "export const handler = (_event: unknown, context: string) => context;",
      "export const region = provider.Provider;",
      "",
    ].join("\n"),
  });
  expect(found).toEqual([]);
  expect(code).toBe(0);
});

test("allows `require` in a CommonJS script and refuses it in TypeScript", async () => {
  const { code, found } = await lint({
    "script.js": 'const fs = require("node:fs");\nmodule.exports = fs.existsSync;\n',
    "module.ts": 'const fs = require("node:fs");\nexport const exists = fs.existsSync;\n',
  });
  expect(code).toBe(1);
  expect(found.map((d) => [d.filename, d.code])).toEqual([
    ["module.ts", "typescript(no-require-imports)"],
  ]);
});
