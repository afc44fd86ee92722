/**
 * How the engine loads a program (as the Node.js language host does) and how it words a failure
 * whose error says nothing. Pure and in-process: nothing here evaluates a program.
 */
import { execFileSync, execSync } from "node:child_process";
import * as fs from "node:fs";
import Module from "node:module";
import * as os from "node:os";
import * as path from "node:path";
import { transform } from "sucrase";
import {
  describeProgramFailure,
  esModuleReason,
  installProgramResolver,
  requireProgram,
  typeScriptSourceFor,
} from "../../engine/load-program";
import { loadProject, loadStackConfig, UsageError } from "../../engine/project";

const fixtures = path.resolve(__dirname, "..", "fixtures", "engine");

describe("typeScriptSourceFor", () => {
  const files = new Set([
    "/p/acl.ts",
    "/p/x.mts",
    "/p/x.cts",
    "/p/lib/index.ts",
    "/p/node_modules/dep/util.ts",
  ]);
  const exists = (f: string) => files.has(f);

  test.each([
    ["./acl.js", "/p/index.ts", "/p/acl.ts"],
    ["../acl.js", "/p/sub/main.ts", "/p/acl.ts"],
    ["./x.mjs", "/p/index.ts", "/p/x.mts"],
    ["./x.cjs", "/p/index.ts", "/p/x.cts"],
    ["./lib/index.js", "/p/index.ts", "/p/lib/index.ts"],
  ])("maps %s imported by %s to %s", (request, parent, expected) => {
    expect(typeScriptSourceFor(request, parent, exists)).toBe(expected);
  });

  test.each([
    ["a .js file whose .ts file does not exist either", "./missing.js", "/p/index.ts"],
    ["a bare package specifier", "acl.js", "/p/index.ts"],
    ["a scoped package's file", "@scope/pkg/acl.js", "/p/index.ts"],
    ["an import from under node_modules", "./util.js", "/p/node_modules/dep/index.js"],
    ["a specifier that is not .js, .mjs or .cjs", "./acl.json", "/p/index.ts"],
    ["a .ts specifier", "./acl.ts", "/p/index.ts"],
  ])("leaves %s alone", (_what, request, parent) => {
    expect(typeScriptSourceFor(request, parent, exists)).toBeUndefined();
  });

  it("leaves a request without an importing file alone", () => {
    expect(typeScriptSourceFor("./acl.js", undefined, exists)).toBeUndefined();
  });
});

describe("installProgramResolver", () => {
  type Resolve = (request: string, parent: unknown, isMain: boolean) => string;
  const mod = Module as unknown as {
    _resolveFilename: Resolve;
    _nodeModulePaths: (dir: string) => string[];
  };
  const original = mod._resolveFilename;
  afterAll(() => {
    mod._resolveFilename = original;
  });
  const parent = {
    id: path.join(fixtures, "nodenext.ts"),
    filename: path.join(fixtures, "nodenext.ts"),
    paths: mod._nodeModulePaths(fixtures),
  };

  it("resolves the program's .js and .cjs specifiers to its .ts and .cts files", () => {
    installProgramResolver();
    expect(mod._resolveFilename("./nodenext/acl.js", parent, false)).toBe(
      path.join(fixtures, "nodenext", "acl.ts"),
    );
    expect(mod._resolveFilename("./nodenext/naming.cjs", parent, false)).toBe(
      path.join(fixtures, "nodenext", "naming.cts"),
    );
    expect(mod._resolveFilename("./nodenext/tags/index.js", parent, false)).toBe(
      path.join(fixtures, "nodenext", "tags", "index.ts"),
    );
  });

  it("does not stack when installed again", () => {
    installProgramResolver();
    const installed = mod._resolveFilename;
    installProgramResolver();
    expect(mod._resolveFilename).toBe(installed);
  });

  it("still resolves real files first and fails on a specifier that names nothing", () => {
    installProgramResolver();
    expect(mod._resolveFilename("./index.ts", parent, false)).toBe(path.join(fixtures, "index.ts"));
    let thrown: unknown;
    try {
      mod._resolveFilename("./nodenext/missing.js", parent, false);
    } catch (e) {
      thrown = e;
    }
    expect((thrown as { code?: string }).code).toBe("MODULE_NOT_FOUND");
    expect((thrown as Error).message).toMatch(/^Cannot find module '\.\/nodenext\/missing\.js'/);
  });
});

describe("requireProgram", () => {
  /** A CommonJS program of `source` in a folder of its own. */
  function program(source: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-require-program-"));
    const file = path.join(dir, "index.js");
    fs.writeFileSync(file, source);
    return file;
  }

  test("records deep stacks while the program loads, so that its own frame lies under Node 24's loader frames and the engine's hooks", () => {
    // Node's default (jest raises it to 100 in its own environment).
    const before = Error.stackTraceLimit;
    Error.stackTraceLimit = 10;
    try {
      expect(requireProgram(program("module.exports = Error.stackTraceLimit;\n"))).toBe(40);
      expect(Error.stackTraceLimit).toBe(10);
    } finally {
      Error.stackTraceLimit = before;
    }
  });

  test("leaves a limit the program sets as it set it", () => {
    const before = Error.stackTraceLimit;
    try {
      requireProgram(program("Error.stackTraceLimit = 5;\n"));
      expect(Error.stackTraceLimit).toBe(5);
    } finally {
      Error.stackTraceLimit = before;
    }
  });
});

describe("ES-module programs", () => {
  const esm = path.join(fixtures, "esm", "index.ts");

  test.each([
    ["/p/index.mjs", "it is a .mjs file"],
    ["/p/index.mts", "it is a .mts file"],
    [esm, `${path.join(fixtures, "esm", "package.json")} sets "type": "module"`],
  ])("%s is one: %s", (file, reason) => {
    expect(esModuleReason(file)).toBe(reason);
  });

  test.each([
    ["a .cts file", "/p/index.cts"],
    ["a .ts file whose package.json sets no type", path.join(fixtures, "nodenext.ts")],
  ])("%s is not", (_what, file) => {
    expect(esModuleReason(file)).toBeUndefined();
  });
});

describe("describeProgramFailure", () => {
  const program = "/work/infra/index.ts";
  const withStack = (err: Error, ...frames: string[]): Error => {
    err.stack = [`${err.name}`, ...frames.map((f) => `    at ${f}`)].join("\n");
    return err;
  };
  class Oops extends Error {}

  test.each<[string, unknown, string]>([
    ["an error's message", new Error("bucket name too long"), "bucket name too long"],
    [
      "the cause of an error that names none (a URL the program fetches, its host not reached)",
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("getaddrinfo ENOTFOUND charts.example.com"), {
          code: "ENOTFOUND",
        }),
      }),
      "fetch failed (getaddrinfo ENOTFOUND charts.example.com)",
    ],
    [
      // Found on community programs that load CRDs by URL (k8s.yaml.ConfigFile): the failure
      // named a host and no resource, since the download runs in the package, not the program.
      "a host the program downloads from that this machine cannot reach, as Node's fetch names it",
      new TypeError("fetch failed", {
        cause: Object.assign(new Error("getaddrinfo ENOTFOUND github.com"), {
          code: "ENOTFOUND",
          syscall: "getaddrinfo",
          hostname: "github.com",
        }),
      }),
      "fetch failed (getaddrinfo ENOTFOUND github.com): the program, or a package it uses, connects to github.com while it runs (to call an API or a database, or to download a chart, a manifest or CRDs by URL, say), and this machine cannot reach it; check it where the network reaches github.com, or under the Pulumi CLI",
    ],
    [
      "an address refused, as an HTTP client's own error names it",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:8200"), {
        code: "ECONNREFUSED",
        address: "127.0.0.1",
        port: 8200,
      }),
      "connect ECONNREFUSED 127.0.0.1:8200: the program, or a package it uses, connects to 127.0.0.1 while it runs (to call an API or a database, or to download a chart, a manifest or CRDs by URL, say), and this machine cannot reach it; check it where the network reaches 127.0.0.1, or under the Pulumi CLI",
    ],
    [
      // Found by the community bench: a program reading an SSM parameter with the AWS SDK v2 at
      // its top level gave only the SDK's words.
      "the AWS SDK's own failure to find credentials, v2's, as the program calling AWS itself",
      Object.assign(
        new Error(
          "Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1",
        ),
        {
          code: "CredentialsError",
        },
      ),
      "Missing credentials in config, if using AWS_CONFIG_FILE, set AWS_SDK_LOAD_CONFIG=1: the program calls AWS itself with the AWS SDK while it runs (not through a resource or a lookup of the Pulumi provider), which needs credentials and the cloud's answer, and offline there are neither; read the value from the stack's config or with the provider's lookup (`aws.ssm.getParameterOutput`, say, which offline is a value not known at preview), or check the program under the Pulumi CLI with credentials",
    ],
    [
      "v3's",
      Object.assign(new Error("Could not load credentials from any providers"), {
        name: "CredentialsProviderError",
      }),
      "Could not load credentials from any providers: the program calls AWS itself with the AWS SDK while it runs (not through a resource or a lookup of the Pulumi provider), which needs credentials and the cloud's answer, and offline there are neither; read the value from the stack's config or with the provider's lookup (`aws.ssm.getParameterOutput`, say, which offline is a value not known at preview), or check the program under the Pulumi CLI with credentials",
    ],
    [
      "the type and the first frame in the program's folder, skipping node_modules",
      withStack(
        new TypeError(),
        "Object.<anonymous> (/work/infra/node_modules/@pulumi/pulumi/output.js:10:3)",
        "name (/work/infra/acl.ts:12:5)",
        "Object.<anonymous> (/work/infra/index.ts:3:1)",
      ),
      "TypeError (no message) at acl.ts:12:5",
    ],
    [
      "an anonymous frame",
      withStack(new RangeError(), "/work/infra/lib/zones.ts:4:11"),
      "RangeError (no message) at lib/zones.ts:4:11",
    ],
    [
      "a frame given as a file URL",
      withStack(new TypeError(), "file:///work/infra/index.mjs:2:7"),
      "TypeError (no message) at index.mjs:2:7",
    ],
    [
      "the class of an error whose name is Error's",
      withStack(new Oops(), "new Archive (/work/infra/index.ts:8:9)"),
      "Oops (no message) at index.ts:8:9",
    ],
    [
      "a message of blanks as none",
      withStack(new Error("  "), "/work/infra/index.ts:2:1"),
      "Error (no message) at index.ts:2:1",
    ],
    [
      "that no frame lies in the program's files (only in packages and the guard's own)",
      withStack(
        new TypeError(),
        "/work/infra/node_modules/@pulumi/aws/index.js:1:1",
        `${path.join(__dirname, "..", "..", "engine", "evaluate.ts")}:1:1`,
      ),
      "TypeError (no message; no stack frame in the program's files)",
    ],
    [
      "a frame of shared code outside the project folder, a monorepo's",
      withStack(new TypeError(), "/work/lib/stream.ts:4:19", "/work/infra/index.ts:1:1"),
      "TypeError (no message) at ../lib/stream.ts:4:19",
    ],
    ["undefined", undefined, "threw undefined"],
    ["null", null, "threw null"],
    ["an empty object", {}, "threw an object {}"],
    ["an object", { code: 7, reason: "quota" }, "threw an object { code: 7, reason: 'quota' }"],
    [
      "a long object, shortened",
      { detail: "x".repeat(100) },
      `threw an object { detail: '${"x".repeat(68)}…`,
    ],
    ["an array", [1, 2], "threw an array [ 1, 2 ]"],
    ["a string", "quota exceeded", 'threw the string "quota exceeded"'],
    ["an empty string", "", 'threw the string ""'],
    ["a number", 42, "threw the number 42"],
    ["a symbol", Symbol("stop"), "threw Symbol(stop)"],
    ["a function", function retry() {}, "threw a function retry"],
  ])("gives %s", (_what, thrown, expected) => {
    expect(describeProgramFailure(thrown, program)).toBe(expected);
  });

  // Found on the Pulumi documentation's static-website program, which runs its site's build in a
  // folder the example does not ship: Node names only the shell, which exists.
  test("names a working directory that does not exist, where Node names the command it ran", () => {
    const spawnFailure = (run: () => unknown): unknown => {
      try {
        run();
      } catch (e) {
        return e;
      }
      throw new Error("the command ran");
    };
    const missing = path.join(os.tmpdir(), "sdc-no-such-folder", "www");
    const inMissing = spawnFailure(() => execSync("echo build", { cwd: missing, stdio: "pipe" }));
    expect(describeProgramFailure(inMissing, program)).toMatch(
      /^spawnSync \/bin\/sh ENOENT: \/bin\/sh exists, so the working directory \(cwd\) the program runs it in does not/,
    );
    // Twin: a command that is not installed is what is missing, and is named as Node names it.
    const notInstalled = spawnFailure(() =>
      execFileSync("sdc-no-such-command", [], { stdio: "pipe" }),
    );
    expect(describeProgramFailure(notInstalled, program)).toMatch(
      /^spawnSync sdc-no-such-command ENOENT( \(at [^)]*\))?$/,
    );
  });

  describe("a project on an older major version of the Pulumi SDK", () => {
    // Found on a community EKS program on @pulumi/pulumi 1.14 and @pulumi/aws 1.31, whose
    // getAmi calls pulumi.utils.liftProperties, which 3.x removed: the engine evaluates every
    // program with its own SDK, so the failure says so.
    let project: string;
    const sdkFailure = () => {
      const err = new TypeError("pulumi.utils.liftProperties is not a function");
      err.stack = [
        `TypeError: ${err.message}`,
        `    at Object.getAmi (${path.join(project, "node_modules/@pulumi/aws/ec2/getAmi.js")}:21:25)`,
      ].join("\n");
      return describeProgramFailure(err, path.join(project, "index.ts"), project);
    };
    const installing = (version: string) => {
      const dir = path.join(project, "node_modules", "@pulumi", "pulumi");
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ version }));
    };
    beforeEach(() => {
      project = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-older-sdk-"));
    });
    afterEach(() => fs.rmSync(project, { recursive: true, force: true }));

    it("names the project's release and the engine's, and what to do", () => {
      installing("1.14.1");
      expect(sdkFailure()).toMatch(
        /^pulumi\.utils\.liftProperties is not a function: the project installs @pulumi\/pulumi 1\.14\.1 \(node_modules\/@pulumi\/pulumi\), and the engine evaluates every program with its own, 3\.\d+\.\d+: the provider SDKs written for 1\.x call what 3\.x removed, so check the program under the Pulumi CLI with its own SDK, or move the project to @pulumi\/pulumi 3\.x/,
      );
    });

    it("says nothing more where the project's SDK is of the engine's major version, or absent", () => {
      expect(sdkFailure()).toBe("pulumi.utils.liftProperties is not a function");
      installing("3.100.0");
      expect(sdkFailure()).toBe("pulumi.utils.liftProperties is not a function");
    });
  });

  describe("an API the installed SDK does not have", () => {
    // A program written for an older major version of an SDK calls what it has since removed;
    // the failure names the package and the version the project installs.
    let project: string;
    let file: string;
    beforeAll(() => {
      project = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-old-sdk-"));
      fs.symlinkSync(
        path.join(__dirname, "..", "..", "node_modules"),
        path.join(project, "node_modules"),
      );
      file = path.join(project, "index.ts");
      fs.writeFileSync(
        file,
        [
          'import * as aws from "@pulumi/aws";',
          'import { ec2 as compute } from "@pulumi/aws";',
          'const pulumi = require("@pulumi/pulumi");',
          'import * as local from "./lib";',
          "",
          'const dep = new aws.apigateway.Deployment("dep", { restApi: "api" });',
          'const bucket = new aws.s3.Bucket("logs");',
          "dep.invokeUrl.apply((url) => url);",
          "bucket.arn.apply((arn) => arn);",
          "",
        ].join("\n"),
      );
    });
    afterAll(() => fs.rmSync(project, { recursive: true, force: true }));
    const failure = (err: Error) =>
      describeProgramFailure(withStack(err, `Object.<anonymous> (${file}:5:1)`), file, project);
    const version = (pkg: string) =>
      (
        JSON.parse(fs.readFileSync(require.resolve(`${pkg}/package.json`), "utf8")) as {
          version: string;
        }
      ).version;

    test.each([
      ["a namespace import's function", "aws.ec2.getSubnetIds", "function", "@pulumi/aws"],
      ["a named import's, renamed", "compute.getSubnetIds", "function", "@pulumi/aws"],
      ["a class", "aws.s3.BucketV2Legacy", "constructor", "@pulumi/aws"],
      ["a required package's", "pulumi.runtime.invokeLegacy", "function", "@pulumi/pulumi"],
    ])("names the package and its version for %s", (_what, name, kind, pkg) => {
      const message = `${name} is not a ${kind}`;
      expect(failure(new TypeError(message))).toBe(
        `${message}: ${pkg} ${version(pkg)}, which the project installs, has no ${name} (the program was written for another version of the package) (at index.ts:5:1)`,
      );
    });

    // Found on a public program written for aws 6, whose Deployment had `invokeUrl`.
    it("names the class, the package and its version for an output the class no longer has", () => {
      const read = (line: number, column: number) =>
        describeProgramFailure(
          withStack(
            new TypeError("Cannot read properties of undefined (reading 'apply')"),
            `Object.<anonymous> (${file}:${line}:${column})`,
          ),
          file,
          project,
        );
      expect(read(8, 15)).toBe(
        `Cannot read properties of undefined (reading 'apply'): @pulumi/aws ${version("@pulumi/aws")}, which the project installs, gives aws.apigateway.Deployment no output invokeUrl (the program was written for another version of the package) (at index.ts:8:15)`,
      );
      // An output the class has: the value was the program's to leave undefined.
      expect(read(9, 12)).toBe(
        "Cannot read properties of undefined (reading 'apply') (at index.ts:9:12)",
      );
    });

    // Found on public programs written for awsx 0.x, whose Vpc's subnet IDs were Promises.
    it("says an output the class declares is a pulumi.Output when the program awaits it", () => {
      expect(failure(new TypeError("bucket.arn.then is not a function"))).toBe(
        `bucket.arn.then is not a function: @pulumi/aws ${version("@pulumi/aws")}, which the project installs, gives aws.s3.Bucket an output arn that is a pulumi.Output, not a Promise: read it with apply or pass it whole (the program was written for another version of the package) (at index.ts:5:1)`,
      );
      // An output the class does not declare: the value was the program's.
      expect(failure(new TypeError("bucket.ready.then is not a function"))).toBe(
        "bucket.ready.then is not a function (at index.ts:5:1)",
      );
    });

    test.each([
      ["the package has it (the value was the program's)", "aws.ec2.getSubnets is not a function"],
      ["a required package has it", "pulumi.output is not a function"],
      ["the name is not an import", "vpc.publicSubnetIds.then is not a function"],
      ["the import is the program's own module", "local.make is not a function"],
    ])("says nothing more when %s", (_what, message) => {
      expect(failure(new TypeError(message))).toBe(`${message} (at index.ts:5:1)`);
    });
  });

  // Found on a public program ("type": "module") whose helper, called after the module ran,
  // used require: Node's message named no module scope, and nothing said why.
  it("says why require is not defined where the file is an ES module, and only there", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-esm-require-"));
    try {
      fs.mkdirSync(path.join(dir, "src"));
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module" }));
      const inEsm = withStack(
        new ReferenceError("require is not defined"),
        `Function.subnet (${path.join(dir, "src", "vpc.ts")}:410:27)`,
      );
      expect(describeProgramFailure(inEsm, path.join(dir, "src", "index.ts"), dir)).toBe(
        'require is not defined in ES module scope: src/vpc.ts is an ES module (package.json sets "type": "module"), where Node defines no require, under pulumi up too; use import (or createRequire from node:module) (at src/vpc.ts:410:27)',
      );
      const inMjs = withStack(
        new ReferenceError("__dirname is not defined"),
        `${path.join(dir, "paths.mts")}:3:9`,
      );
      fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "commonjs" }));
      expect(describeProgramFailure(inMjs, path.join(dir, "index.ts"), dir)).toMatch(
        /^__dirname is not defined in ES module scope: paths\.mts is an ES module \(it is a \.mts file\)/,
      );
      // In a CommonJS file the name's absence has another cause: the words stay Node's.
      const inCjs = withStack(
        new ReferenceError("require is not defined"),
        `${path.join(dir, "src", "vpc.ts")}:1:1`,
      );
      expect(describeProgramFailure(inCjs, path.join(dir, "src", "index.ts"), dir)).toBe(
        "require is not defined (at src/vpc.ts:1:1)",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says to install an ES module's missing package, naming the file that imports it", () => {
    const err = Object.assign(
      new Error("Cannot find package '@acme/shared' imported from /work/infra/src/index.ts"),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    expect(describeProgramFailure(err, "/work/infra/src/index.ts", "/work/infra")).toBe(
      "Cannot find package '@acme/shared': install the program's dependencies (npm install in its project) (imported from src/index.ts)",
    );
    const byUrl = Object.assign(
      new Error("Cannot find package 'left-pad' imported from file:///work/infra/src/util.mjs"),
      { code: "ERR_MODULE_NOT_FOUND" },
    );
    expect(describeProgramFailure(byUrl, "/work/infra/src/index.ts", "/work/infra")).toMatch(
      /\(imported from src\/util\.mjs\)$/,
    );
  });

  // Found on a public program that required an SDK its package.json never listed: "npm install"
  // cannot bring it.
  it("says to add a missing package the project's package.json does not list; to install one it lists", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-undeclared-"));
    try {
      fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({
          dependencies: { "@pulumi/aws": "^7.0.0" },
          devDependencies: { tsx: "4" },
        }),
      );
      const missing = (name: string) =>
        Object.assign(
          new Error(`Cannot find package '${name}' imported from ${path.join(dir, "index.ts")}`),
          { code: "ERR_MODULE_NOT_FOUND" },
        );
      const index = path.join(dir, "index.ts");
      expect(describeProgramFailure(missing("@aws-sdk/client-s3"), index, dir)).toBe(
        `Cannot find package '@aws-sdk/client-s3': the project's package.json does not list "@aws-sdk/client-s3", so npm install does not bring it and pulumi up fails on it too: add it (npm install @aws-sdk/client-s3 in the project) (imported from index.ts)`,
      );
      expect(describeProgramFailure(missing("@pulumi/aws"), index, dir)).toBe(
        "Cannot find package '@pulumi/aws': install the program's dependencies (npm install in its project) (imported from index.ts)",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  // Found on a public program whose tsconfig.json extends a file it does not commit: the program's
  // own error was replaced by the tsconfig reader's.
  it("says to install a missing package when the project's tsconfig.json cannot be read", () => {
    const project = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-tsconfig-"));
    fs.writeFileSync(
      path.join(project, "tsconfig.json"),
      JSON.stringify({ extends: "./tsconfig.base.json" }),
    );
    const err = Object.assign(new Error("Cannot find module '@acme/routes'"), {
      code: "MODULE_NOT_FOUND",
    });
    expect(describeProgramFailure(err, path.join(project, "index.ts"), project)).toBe(
      "Cannot find module '@acme/routes': install the program's dependencies (npm install in its project); its tsconfig.json, which could name it as a path alias, cannot be read: File './tsconfig.base.json' not found.",
    );
  });

  it("names frames relative to the given project folder", () => {
    const err = withStack(new TypeError(), "/work/infra/components/bucket.ts:21:13");
    expect(describeProgramFailure(err, "/work/infra/stacks/index.ts", "/work/infra")).toBe(
      "TypeError (no message) at components/bucket.ts:21:13",
    );
  });

  it("names the source line and column of a file V8 cannot compile", () => {
    // A module is strict, where `static` is reserved: Sucrase passes the line on, and Node's
    // loader fails on it with `file:line`, the compiled line and a caret as the stack's head.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-reserved-"));
    try {
      const file = path.join(dir, "index.ts");
      const source = [
        'import { tags } from "./tags";',
        "export const shared = { ...tags };",
        "const static = shared;",
      ].join("\n");
      fs.writeFileSync(file, source);
      const compiled = transform(source, { transforms: ["imports", "typescript"], filePath: file });
      let err: unknown;
      try {
        (new Module(file) as unknown as { _compile(code: string, file: string): void })._compile(
          compiled.code,
          file,
        );
      } catch (e) {
        err = e;
      }
      expect((err as Error).name).toBe("SyntaxError");
      expect(describeProgramFailure(err, file, dir)).toBe(
        "Unexpected strict mode reserved word (at index.ts:3:7)",
      );
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("gives the source column of a position in a TypeScript file as Sucrase compiled it", () => {
    // Sucrase keeps lines, not columns: `owner` (an import) is `_tags.owner` once compiled.
    const file = path.join(fixtures, "nodenext.ts");
    const compiled = transform(fs.readFileSync(file, "utf8"), {
      transforms: ["imports", "typescript"],
      filePath: file,
    }).code.split("\n");
    const source = fs.readFileSync(file, "utf8").split("\n");
    expect(source[8]).toBe('new s3.Bucket(prefix + "-logs", { acl, tags: { ...tags, owner } });');
    const compiledColumn = compiled[8].indexOf("_tags.owner") + 1;
    expect(compiledColumn).toBeGreaterThan(source[8].indexOf("owner") + 1);
    const err = withStack(new TypeError(), `Object.<anonymous> (${file}:9:${compiledColumn})`);
    expect(describeProgramFailure(err, file)).toBe(
      `TypeError (no message) at nodenext.ts:9:${source[8].indexOf("owner") + 1}`,
    );
  });
});

describe("the project's entry", () => {
  const project = (yaml: string, files: Record<string, string> = {}): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-project-"));
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), yaml);
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      fs.writeFileSync(path.join(dir, name), text);
    }
    return dir;
  };

  it("is resolved when read, so a project whose main is missing still loads", () => {
    const dir = project("name: p\nmain: src/index.ts\n");
    const info = loadProject(dir);
    expect(info.name).toBe("p");
    expect(() => info.main).toThrow(
      new UsageError(
        `Cannot find the program entry: Pulumi.yaml sets main: "src/index.ts", but there is no ` +
          `such file or folder in ${dir}. Point main at the program file (or its folder), or run ` +
          "`sovereign-dc check <program file>`.",
      ),
    );
  });

  it.each([
    ["the folder's index.ts, with no main", "name: p\n", { "index.ts": "" }, true],
    [
      "the index.mts of the folder main names",
      "name: p\nmain: src\n",
      { "src/index.mts": "" },
      true,
    ],
    ["the folder's index.js", "name: p\n", { "index.js": "", "index.ts": "" }, false],
    ["a main that names index.ts", "name: p\nmain: index.ts\n", { "index.ts": "" }, false],
    [
      "the .ts file package.json names",
      "name: p\n",
      { "package.json": '{"main": "app.ts"}', "app.ts": "" },
      false,
    ],
  ])(
    "is a TypeScript index file that Node alone does not find in its folder: %s, %s",
    (_what, yaml, files, expected) => {
      expect(loadProject(project(yaml, files)).mainIsTypeScriptIndex).toBe(expected);
    },
  );

  it("names the folder main points to when it holds no entry", () => {
    const dir = project("name: p\nmain: src\n", { "src/README.md": "" });
    expect(() => loadProject(dir).main).toThrow(
      `Cannot find the program entry: Pulumi.yaml sets main: "src", and the folder ` +
        `${path.join(dir, "src")} has no package.json "main", index.js, index.mjs, index.ts or index.mts. Set main in ` +
        "Pulumi.yaml to the program file, or run `sovereign-dc check <program file>`.",
    );
  });

  it("names the project folder when main is not set and the folder holds no entry", () => {
    const dir = project("name: p\n");
    expect(() => loadProject(dir).main).toThrow(
      `Cannot find the program entry: Pulumi.yaml sets no main, and the project folder ${dir} has ` +
        'no package.json "main", index.js, index.mjs, index.ts or index.mts. Set main in Pulumi.yaml to the program ' +
        "file, or run `sovereign-dc check <program file>`.",
    );
  });

  it("is main's file, or the folder's index.ts", () => {
    const file = project("name: p\nmain: app.ts\n", { "app.ts": "" });
    expect(loadProject(file).main).toBe(path.join(file, "app.ts"));
    const dir = project("name: p\nmain: src\n", { "src/index.ts": "" });
    expect(loadProject(dir).main).toBe(path.join(dir, "src", "index.ts"));
  });

  it("gives a secret config value the program a placeholder naming its key", () => {
    const dir = project("name: p\n", {
      "Pulumi.dev.yaml": "config:\n  p:dbPassword:\n    secure: v1:abc\n  aws:region: cn-north-1\n",
    });
    const stack = loadStackConfig(loadProject(dir), "dev");
    expect(stack.config["p:dbPassword"]).toBe("[secret p:dbPassword, not decrypted offline]");
    expect(stack.secretKeys).toEqual(["p:dbPassword"]);
    expect(stack.config["aws:region"]).toBe("cn-north-1");
  });

  it("is the file package.json names, by exports before main, with no note", () => {
    const main = project("name: p\n", {
      "package.json": '{"main": "bin/app.js"}',
      "bin/app.js": "",
      "index.ts": "",
    });
    expect(loadProject(main).main).toBe(path.join(main, "bin", "app.js"));
    expect(loadProject(main).mainNote).toBeUndefined();
    const exported = project("name: p\n", {
      "package.json": '{"main": "index.ts", "exports": {".": {"require": "./lib/run.js"}}}',
      "lib/run.js": "",
      "index.ts": "",
    });
    expect(loadProject(exported).main).toBe(path.join(exported, "lib", "run.js"));
  });

  it("falls back to the project folder, with a note, when package.json names a file that does not exist", () => {
    // The layout of public examples that name index.js without a build step: the language host
    // warns "Could not find entry point 'index.js' specified in package.json" and runs the folder.
    const dir = project("name: p\n", { "package.json": '{"main": "index.js"}', "index.ts": "" });
    const info = loadProject(dir);
    expect(info.main).toBe(path.join(dir, "index.ts"));
    expect(info.mainNote).toBe(
      `${path.join(dir, "package.json")} names "index.js" as the program's entry, but there is no such file; like the Pulumi language host ("Could not find entry point … specified in package.json"), the guard runs the project folder ${dir} instead: index.ts.`,
    );
  });

  it("names the missing file package.json names when the folder has no index file either", () => {
    const dir = project("name: p\n", {
      "package.json": '{"main": "bin/index.js"}',
      "src/index.ts": "",
    });
    expect(() => loadProject(dir).main).toThrow(
      new UsageError(
        `Cannot find the program entry: ${path.join(dir, "package.json")} names "bin/index.js", which does not exist (a build output not built yet?), and the project folder ${dir} has no index.js, index.mjs, index.ts or index.mts to run instead. Build the program, set main in Pulumi.yaml to the program file, or run \`sovereign-dc check <program file>\`.`,
      ),
    );
  });

  it("reads the nearest package.json above a project folder that has none, as the language host does", () => {
    const root = project("name: outer\n", {
      "package.json": '{"main": "infra/main.ts"}',
      "infra/main.ts": "",
    });
    fs.writeFileSync(path.join(root, "infra", "Pulumi.yaml"), "name: p\n");
    fs.writeFileSync(path.join(root, "infra", "index.ts"), "");
    expect(loadProject(path.join(root, "infra")).main).toBe(path.join(root, "infra", "main.ts"));
  });

  it("takes a folder's index files in the language host's order: .js, .mjs, .ts, .mts", () => {
    const both = project("name: p\n", { "index.ts": "", "index.js": "" });
    expect(loadProject(both).main).toBe(path.join(both, "index.js"));
    const esm = project("name: p\n", { "index.mjs": "", "index.mts": "" });
    expect(loadProject(esm).main).toBe(path.join(esm, "index.mjs"));
    const mts = project("name: p\n", { "index.mts": "" });
    expect(loadProject(mts).main).toBe(path.join(mts, "index.mts"));
  });
});
