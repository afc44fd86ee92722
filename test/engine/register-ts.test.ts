/**
 * engine/register-ts.js: TypeScript compiled on require, each file once — a later process reads
 * the compiled file from the cache, and a changed file (another key) is compiled again.
 */
import { execFileSync, spawnSync } from "node:child_process";
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

/**
 * `x` of each of `files`, required one after another in one process under the hook (a process
 * loads TypeScript once, not once a file): what a program that imports them all would see.
 */
function loadAll(files: readonly string[], cache: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      "--require",
      hook,
      "-e",
      `process.stdout.write(JSON.stringify(${JSON.stringify(files)}.map((f) => String(require(f).x))))`,
    ],
    { env: { ...process.env, SOVEREIGN_DC_TS_CACHE: cache } },
  ).toString();
  return JSON.parse(out) as string[];
}

/**
 * What requiring each of `files` gave, one after another in one process under the hook: its
 * `x`, or the stack of the error it threw (which Node would print, had nothing caught it).
 */
function loadEach(
  files: readonly string[],
  cache: string,
): { readonly x?: string; readonly error?: string }[] {
  const out = execFileSync(
    process.execPath,
    [
      "--require",
      hook,
      "-e",
      `process.stdout.write(JSON.stringify(${JSON.stringify(files)}.map((f) => {
         try {
           return { x: String(require(f).x) };
         } catch (e) {
           return { error: String(e.stack) };
         }
       })))`,
    ],
    { env: { ...process.env, SOVEREIGN_DC_TS_CACHE: cache } },
  ).toString();
  return JSON.parse(out) as { x?: string; error?: string }[];
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

test("refuses to require a .mts file, saying it is an ES module, where Node would fail on its syntax", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-register-ts-"));
  const file = path.join(dir, "settings.mts");
  try {
    fs.writeFileSync(file, "export const x: number = 1;\n");
    const run = spawnSync(
      process.execPath,
      ["--require", hook, "-e", `require(${JSON.stringify(file)})`],
      { encoding: "utf8", env: { ...process.env, SOVEREIGN_DC_TS_CACHE: path.join(dir, "cache") } },
    );
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `Cannot require ${file}: a .mts file is an ES module, and CommonJS cannot require one ` +
        "(Node.js 20). Import it from an ES-module program, or make it a .ts or .cts file.",
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("this package's own sources stay ES2022, as built; programs keep Sucrase's rewriting unless their class fields are defined", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compile } = require(hook) as { compile(code: string, file: string): string };
  const code = "export const f = (o?: { a?: number }) => o?.a ?? 0;\nexport class C { n = 1; }\n";
  const own = compile(code, path.join(root, "policy", "paths", "x.ts"));
  expect(own).toContain("o?.a ?? 0");
  expect(own).toContain("n = 1;");
  for (const program of [
    path.join(os.tmpdir(), "project", "index.ts"),
    path.join(root, "node_modules", "some-package", "x.ts"),
  ]) {
    const js = compile(code, program);
    expect(js).toContain("_optionalChain");
    expect(js).toContain("_nullishCoalesce");
    expect(js).not.toContain("?.");
  }
  // A fixture is a program under this repository's tsconfig.json, whose target (ES2022) gives
  // its class fields define semantics: they stay as written, for Node to define.
  expect(compile(code, path.join(root, "test", "fixtures", "engine", "x.ts"))).toContain("n = 1;");
});

describe("a program's module interop follows its tsconfig.json, as ts-node compiles it", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { compile } = require(hook) as { compile(code: string, file: string): string };
  const code = 'import * as m from "m";\nexport const x = m;\n';
  let dir: string;
  const project = (files: Record<string, string>): string => {
    const p = fs.mkdtempSync(path.join(dir, "p-"));
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(p, name)), { recursive: true });
      fs.writeFileSync(path.join(p, name), text);
    }
    return p;
  };
  /** Whether `import * as m` compiled in `file` hands the program require("m") itself. */
  const plainRequire = (file: string) => !compile(code, file).includes("_interopRequireWildcard");

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-interop-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("without esModuleInterop (Pulumi's templates): require itself, which the serialiser knows", () => {
    const p = project({ "tsconfig.json": '{ "compilerOptions": { "strict": true } }' });
    expect(plainRequire(path.join(p, "index.ts"))).toBe(true);
    // From a folder below the project's tsconfig.json too.
    expect(plainRequire(path.join(p, "src", "lambda", "handler.ts"))).toBe(true);
  });

  it("with esModuleInterop, set here or by a config it extends (comments and trailing commas allowed)", () => {
    const own = project({ "tsconfig.json": '{ "compilerOptions": { "esModuleInterop": true } }' });
    expect(plainRequire(path.join(own, "index.ts"))).toBe(false);
    const extended = project({
      "tsconfig.json":
        '{\n  // shared settings\n  "extends": "./base",\n  "compilerOptions": { "strict": true, },\n}\n',
      "base.json": '{ "compilerOptions": { "esModuleInterop": true } }',
    });
    expect(plainRequire(path.join(extended, "index.ts"))).toBe(false);
    // The later of two bases decides, and the config's own setting over both.
    const listed = project({
      "tsconfig.json": '{ "extends": ["./on.json", "./off.json"] }',
      "on.json": '{ "compilerOptions": { "esModuleInterop": true } }',
      "off.json": '{ "compilerOptions": { "esModuleInterop": false } }',
    });
    expect(plainRequire(path.join(listed, "index.ts"))).toBe(true);
  });

  it("keeps Sucrase's interop where the setting cannot be known: no tsconfig.json, an unreadable one, a base that is not installed", () => {
    const none = project({ "index.ts": "" });
    const broken = project({ "tsconfig.json": '{ "compilerOptions": { ' });
    const missingBase = project({ "tsconfig.json": '{ "extends": "@tsconfig/not-installed" }' });
    for (const p of [none, broken, missingBase]) {
      expect(plainRequire(path.join(p, "index.ts"))).toBe(false);
    }
  });
});

describe("a file Sucrase cannot compile into JavaScript Node parses", () => {
  /** The program files of this block, each required in turn by one process (`loadEach`). */
  const files: Readonly<Record<string, readonly string[]>> = {
    // An arrow function whose body is a type-asserted object literal (pulumi-eks's examples build
    // a role policy so): Sucrase drops the assertion and leaves a block where the object was.
    "policy.ts": [
      "const policy = (id: string) => <Record<string, unknown>>{",
      '  "Principal": { "AWS": id },',
      "};",
      'export const x = JSON.stringify(policy("111122223333"));',
    ],
    // `namespace deployment { export function … }` (pulumi-kubernetes' MariaDB example): Sucrase
    // reads every namespace as types only, and the program failed with `deployment is not defined`.
    "names.ts": [
      "namespace naming {",
      "  export const prefix = 'sdc';",
      "  export function of(n: string): string { return `${prefix}-${n}`; }",
      "}",
      "declare namespace ambient { const version: string }",
      "export namespace shapes { export type Id = string }",
      'export const x = naming.of("logs");',
    ],
    // `export { settings };` above `const settings = …` (a public static-website program): Sucrase
    // reads each name where the list stands, before it is set.
    "vars.ts": ["export { x, later as y };", "const x = `${later}-site`;", 'var later = "sdc";'],
    "settings.ts": ["export { x };", 'const x = "site";'],
    "broken.ts": ["export const x = {", '  a: "1"', '  b: "2",', "};"],
    // A reserved word as a name: TypeScript's transpiler lets it through, a module's strict mode
    // refuses it — at a line of the compiled output, which is not the file's.
    "reserved.ts": [
      'import * as path from "node:path";',
      "",
      "const static = path.sep;",
      "export const x = static;",
    ],
  };
  /** What requiring each file gave: its `x`, or the stack of the error it threw. */
  let loaded: Record<string, { readonly x?: string; readonly error?: string }>;

  beforeAll(() => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-register-ts-"));
    try {
      const paths = Object.entries(files).map(([name, lines]) => {
        const file = path.join(dir, name);
        fs.writeFileSync(file, [...lines, ""].join("\n"));
        return file;
      });
      const results = loadEach(paths, path.join(dir, "cache"));
      loaded = Object.fromEntries(Object.keys(files).map((name, i) => [name, results[i]]));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("is compiled by TypeScript, as the Pulumi CLI compiles it", () => {
    expect(loaded["policy.ts"]).toEqual({ x: '{"Principal":{"AWS":"111122223333"}}' });
  });

  it("compiles a file that declares a namespace with code, which Sucrase drops, by TypeScript", () => {
    expect(loaded["names.ts"]).toEqual({ x: "sdc-logs" });
  });

  it("targets the language host's default (ES2020) where the project's tsconfig names no target", () => {
    // Targeting ES5, TypeScript rewrote an async function into `__generator`, which reads the
    // global `Iterator`: a Lambda callback built from the file failed to serialise.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { compile } = require(hook) as { compile(code: string, file: string): string };
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-register-ts-"));
    try {
      const js = compile(
        "export namespace Utils {\n  export const wrap = async (n: number) => (await n) + 1;\n}\n",
        path.join(dir, "util.ts"),
      );
      expect(js).toContain("async (n) =>");
      expect(js).not.toContain("__generator");
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("sets the names an export list above their declarations exports, as TypeScript does", () => {
    expect(loaded["vars.ts"]).toEqual({ x: "undefined-site" });
    expect(loaded["settings.ts"]).toEqual({ x: "site" });
  });

  it("names the place of a syntax error TypeScript finds too", () => {
    expect(loaded["broken.ts"].error).toMatch(/^SyntaxError: \S*broken\.ts:3:3: ',' expected\./);
  });

  it("names the line of the file where JavaScript TypeScript emits is refused by Node", () => {
    expect(loaded["reserved.ts"].error).toMatch(
      /^SyntaxError: \S*reserved\.ts:3: Unexpected strict mode reserved word \(const static = path\.sep;\)/,
    );
  });
});

describe("class fields follow the project's useDefineForClassFields, as ts-node compiles them", () => {
  // A subclass that redeclares a field its base sets (`region?: string;`, for the types): with
  // define semantics (tsconfig's target ES2022 or later, TypeScript's default for them) the
  // declaration resets the field to undefined after super(), and the program takes its other
  // path — under pulumi up, so offline too.
  const program = [
    'const { Placement } = require("./placement");',
    "class DrArchive extends Placement {",
    "  region?: string; // typed for TS; the base sets it",
    "  constructor() {",
    "    super();",
    "  }",
    "}",
    'export const x = new DrArchive().region ?? "eu-west-1";',
  ];
  const placement =
    'class Placement { constructor() { this.region = "cn-northwest-1"; } }\nmodule.exports = { Placement };\n';
  let dir: string;
  /** index.ts of a new project of `lines` with `tsconfig` (and more files). */
  const projectWith = (
    tsconfig: string | undefined,
    lines: readonly string[] = program,
    files: Record<string, string> = {},
  ): string => {
    const p = fs.mkdtempSync(path.join(dir, "p-"));
    const all = { "placement.js": placement, ...files, "index.ts": [...lines, ""].join("\n") };
    for (const [name, text] of Object.entries(
      tsconfig === undefined ? all : { ...all, "tsconfig.json": tsconfig },
    )) {
      fs.mkdirSync(path.dirname(path.join(p, name)), { recursive: true });
      fs.writeFileSync(path.join(p, name), text);
    }
    return path.join(p, "index.ts");
  };
  /** What `x` is in each project, all loaded by one process. */
  const loadedAll = (projects: readonly string[]): string[] =>
    loadAll(projects, path.join(dir, "cache"));

  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-class-fields-"));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("resets a redeclared field where the target is ES2022 or later and the setting is left alone", () => {
    const projects = ["ES2022", "es2023", "ESNext"].map((target) =>
      projectWith(`{ "compilerOptions": { "target": "${target}", "module": "commonjs" } }`),
    );
    // Or set true over an older target; and a tsconfig that extends another keeps its own target.
    projects.push(
      projectWith('{ "compilerOptions": { "target": "ES2020", "useDefineForClassFields": true } }'),
      projectWith(
        '{ "extends": "./base.json", "compilerOptions": { "target": "ES2022" } }',
        program,
        {
          "base.json": '{ "compilerOptions": { "strict": true } }',
        },
      ),
    );
    expect(loadedAll(projects)).toEqual(projects.map(() => "eu-west-1"));
  });

  it("keeps the base's value with useDefineForClassFields false, an older target, or none", () => {
    const projects = [
      projectWith(
        '{ "compilerOptions": { "target": "ES2022", "useDefineForClassFields": false } }',
      ),
      projectWith('{ "extends": "./base", "compilerOptions": { "target": "ESNext" } }', program, {
        "base.json": '{ "compilerOptions": { "useDefineForClassFields": false } }',
      }),
      projectWith('{ "compilerOptions": { "target": "ES2020" } }'),
      // No target: the language host's own, ES2020. A target only a base config names is
      // overridden by it too (the host hands ts-node the tsconfig's own compilerOptions over it).
      projectWith('{ "compilerOptions": { "strict": true } }'),
      projectWith('{ "extends": "./base.json" }', program, {
        "base.json": '{ "compilerOptions": { "target": "ES2022" } }',
      }),
      projectWith(undefined),
    ];
    expect(loadedAll(projects)).toEqual(projects.map(() => "cn-northwest-1"));
  });

  it("never resets a field declared with `declare`, which is a type only", () => {
    const declared = program.map((l) =>
      l.includes("region?:") ? "  declare region: string | undefined;" : l,
    );
    expect(
      loadedAll([projectWith('{ "compilerOptions": { "target": "ES2022" } }', declared)]),
    ).toEqual(["cn-northwest-1"]);
  });

  it("defines them in an ES-module program, whose default target under the language host is ES2022", () => {
    /** What `x` is for the probe's program as an ES module, with `tsconfig`. */
    const imported = (tsconfig: string): string => {
      const p = fs.mkdtempSync(path.join(dir, "esm-"));
      fs.writeFileSync(path.join(p, "package.json"), '{ "type": "module" }');
      fs.writeFileSync(path.join(p, "tsconfig.json"), tsconfig);
      fs.writeFileSync(
        path.join(p, "placement.js"),
        'export class Placement { constructor() { this.region = "cn-northwest-1"; } }\n',
      );
      fs.writeFileSync(
        path.join(p, "index.ts"),
        [
          'import { Placement } from "./placement.js";',
          "class DrArchive extends Placement {",
          "  region?: string;",
          "}",
          'export const x: string = new DrArchive().region ?? "eu-west-1";',
          "",
        ].join("\n"),
      );
      const loader = path.join(root, "engine", "esm-loader.mjs");
      return execFileSync(
        process.execPath,
        [
          "--input-type=module",
          "-e",
          `import { register } from "node:module";
import { pathToFileURL } from "node:url";
register(pathToFileURL(${JSON.stringify(loader)}));
const { x } = await import(pathToFileURL(${JSON.stringify(path.join(p, "index.ts"))}).href);
process.stdout.write(x);`,
        ],
        { encoding: "utf8" },
      );
    };
    expect(imported('{ "compilerOptions": { "module": "nodenext" } }')).toBe("eu-west-1");
    expect(imported('{ "compilerOptions": { "module": "nodenext", "target": "ES2020" } }')).toBe(
      "cn-northwest-1",
    );
  });

  it("defines a parameter property as a field, before the class's other fields, as TypeScript does", () => {
    // TypeScript declares `constructor(public zone: string)` as a field `zone;` at the top of the
    // class: a field initialised from it reads undefined, and the base's value is reset.
    const lines = [
      'const { Placement } = require("./placement");',
      "class Zoned extends Placement {",
      '  copy = (this as unknown as { zone?: string }).zone ?? "none";',
      "  constructor(public zone: string) {",
      "    super();",
      "  }",
      "}",
      'export const x = new Zoned("b").copy;',
    ];
    const base =
      'class Placement { constructor() { this.zone = "cn-northwest-1a"; } }\nmodule.exports = { Placement };\n';
    // The project's own TypeScript compiles such a file (the Pulumi SDK's, 3.8, knows no ES2022).
    const typescript = {
      "node_modules/typescript/index.js": `module.exports = require(${JSON.stringify(require.resolve("typescript"))});\n`,
      "node_modules/typescript/package.json": '{ "name": "typescript", "main": "index.js" }',
    };
    expect(
      loadedAll([
        projectWith('{ "compilerOptions": { "target": "ES2022" } }', lines, {
          "placement.js": base,
          ...typescript,
        }),
        projectWith('{ "compilerOptions": { "target": "ES2020" } }', lines, {
          "placement.js": base,
        }),
      ]),
    ).toEqual(["none", "b"]);
  });
});
