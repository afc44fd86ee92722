// Lint rules for sovereign-dc: TypeScript recommended rules, Pulumi's rules (no outputs
// interpolated into template literals), and the style guide's eqeqeq/curly.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import pulumi from "@pulumi/eslint-plugin";
import prettier from "eslint-config-prettier";

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
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts", "**/*.mts"],
    rules: {
      eqeqeq: ["error", "always"],
      curly: ["error", "all"],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
      // A provider SDK's package root re-exports every service: importing it makes tsc and the
      // typed lint parse ~2,700 declaration files for AWS alone, and the runtime load every
      // service module. Import the services used (`@pulumi/aws/s3`, `@pulumi/aws/provider`).
      "no-restricted-imports": [
        "error",
        ...["@pulumi/aws", "@pulumi/alicloud", "@pulumi/kubernetes"].map((name) => ({
          name,
          message: `Import the service module instead, e.g. "${name}/provider" or "${name}/<service>".`,
        })),
      ],
    },
  },
  {
    // Pulumi's rules need type information (is this value an Output?). They guard the code
    // that declares resources: the program, its components and the fixture programs
    // (tsconfig.eslint.json). The engine, CLI, pack and tests handle recorded plain values and
    // are linted without types: building the typed program is most of ESLint's time.
    files: [
      "components/**/*.ts",
      "stacks/**/*.ts",
      "test/fixtures/**/*.ts",
      "test/fixtures/**/*.mts",
    ],
    // The corpus programs are written as their authors write them, importing whole provider
    // SDKs: typed, they would make ESLint parse ~3,800 more declaration files. They are
    // evaluated and judged by the tests, not deployed from here; the untyped rules hold them.
    ignores: ["test/fixtures/corpus/**"],
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
  {
    // The CLI launcher and jest config are plain CommonJS scripts.
    files: ["**/*.js"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        process: "readonly",
        __dirname: "readonly",
        console: "readonly",
        setImmediate: "readonly",
        globalThis: "readonly",
        Buffer: "readonly",
      },
    },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // ES-module scripts: the engine's ESM loader hooks (run by Node's loader thread) and this file.
    files: ["**/*.mjs"],
    languageOptions: {
      sourceType: "module",
      globals: { process: "readonly", console: "readonly" },
    },
    rules: { eqeqeq: ["error", "always"], curly: ["error", "all"] },
  },
  prettier,
);
