// ESLint runs the rules that need type information: Pulumi's (no Output interpolated into a
// template literal, where it would print as a warning text instead of its value) over the code
// that declares resources — the program, its components and the fixture programs
// (tsconfig.eslint.json). Every other rule, over every file, is oxlint's (.oxlintrc.json):
// building the typed program is most of ESLint's time, and linting the rest without types is
// oxlint's job at a fraction of the cost. `npm run lint:eslint` lints these folders
// (scripts/eslint-cached.js).
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "out/",
      "dist/",
      "coverage/",
      "examples/ci/",
      ".stryker-tmp/",
      "reports/",
      // The corpus programs are written as their authors write them, importing whole provider
      // SDKs: typed, they would make ESLint parse ~3,800 more declaration files. They are
      // evaluated and judged by the tests, not deployed from here; oxlint's rules hold them.
      "test/fixtures/corpus/",
    ],
  },
  {
    files: [
      "components/**/*.ts",
      "stacks/**/*.ts",
      "test/fixtures/**/*.ts",
      "test/fixtures/**/*.mts",
    ],
    // The parser and typescript-eslint's plugin, so that a file's directives naming its rules
    // (which oxlint runs) resolve.
    extends: [tseslint.configs.base],
    languageOptions: {
      parserOptions: {
        // ES-module fixture programs are NodeNext, a project of their own.
        project: ["./tsconfig.eslint.json", "./test/fixtures/engine/esm/tsconfig.json"],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { "@pulumi": pulumi },
    rules: {
      "@pulumi/no-output-in-template-literal": "error",
      "@pulumi/no-output-instance-in-template-literal": "error",
    },
  },
);
