/**
 * Pulumi.yaml's `runtime.options.nodeargs`, as the engine applies them (engine/nodeargs.ts): the
 * language host puts them on node's command line before its runner, so a preload (`--require`,
 * `--import`) and an environment file (`--env-file`) are the program's to read; a TypeScript
 * loader is the engine's own; a flag that changes no module or value is left; any other is exit 2
 * naming it. Found by the program-shapes bench: a replica's region set by a preload or an
 * environment file was judged as the program's fallback, and the stack passed.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import type { Plan } from "../../engine/plan";
import { applyEnvFiles, nodeArgsOf } from "../../engine/nodeargs";
import { root } from "../helpers/cli";
import { evaluateMany } from "../helpers/worker";

const fixtures = path.join(root, "test", "fixtures", "engine", "nodeargs");

describe("reading nodeargs", () => {
  test("takes preloads and environment files, as the shell splits them", () => {
    expect(
      nodeArgsOf(
        `-r dotenv/config --require "./my setup.js" --import=./trace.mjs --env-file .env --env-file-if-exists=.env.local`,
        "Pulumi.yaml",
      ),
    ).toEqual({
      requires: ["dotenv/config", "./my setup.js"],
      imports: ["./trace.mjs"],
      envFiles: [
        { file: ".env", optional: false },
        { file: ".env.local", optional: true },
      ],
    });
  });

  test("leaves TypeScript loaders to the engine and flags that change no module or value", () => {
    expect(
      nodeArgsOf(
        "--loader ts-node/esm --import=tsx -r tsx/cjs -r ts-node/register --no-warnings --experimental-specifier-resolution=node --max-old-space-size=4096 --enable-source-maps --inspect",
        "Pulumi.yaml",
      ),
    ).toEqual({ requires: [], imports: [], envFiles: [] });
  });

  test.each([
    ["--conditions=development", '"--conditions=development"'],
    ["--loader ./my-loader.mjs", '"--loader ./my-loader.mjs"'],
    ["--preserve-symlinks", '"--preserve-symlinks"'],
    // The permission model denies the program what its --allow-* flags do not grant.
    ["--experimental-permission --allow-fs-read=*", '"--experimental-permission"'],
    ["--permission", '"--permission"'],
  ])("refuses %s, naming it", (nodeargs, named) => {
    expect(() => nodeArgsOf(nodeargs, "Pulumi.yaml")).toThrow(
      `Pulumi.yaml: runtime.options.nodeargs holds ${named}, which sovereign-dc does not apply offline`,
    );
  });

  test("takes the experimental flags this Node knows, and refuses one it does not, as Node refuses to start with it", () => {
    expect(
      nodeArgsOf("--experimental-vm-modules --no-experimental-require-module", "Pulumi.yaml"),
    ).toEqual({ requires: [], imports: [], envFiles: [] });
    // A flag of a release yet to come, or one a later release removed (found on the benches:
    // --experimental-network-imports, which Node 22 refuses, judged SEALED there).
    expect(() =>
      nodeArgsOf("--enable-source-maps --experimental-sovereign-dc-unknown", "Pulumi.yaml"),
    ).toThrow(
      `Pulumi.yaml: runtime.options.nodeargs is "--enable-source-maps --experimental-sovereign-dc-unknown", which this Node (${process.version}) refuses (node: bad option: --experimental-sovereign-dc-unknown): pulumi up under it fails before the program starts.`,
    );
  });

  test("reads a word with a glob character as written, as the host expands no glob", () => {
    expect(nodeArgsOf("--require ./setup*.js --title=pulumi*", "Pulumi.yaml")).toEqual({
      requires: ["./setup*.js"],
      imports: [],
      envFiles: [],
    });
  });

  test("refuses shell syntax the host does not run, and a flag without its value", () => {
    expect(() => nodeArgsOf("-r ./a.js && echo hi", "Pulumi.yaml")).toThrow(
      'which holds shell syntax ({"op":"&&"}) the language host does not run',
    );
    expect(() => nodeArgsOf("--require", "Pulumi.yaml")).toThrow(
      "whose --require has no value; node refuses it",
    );
  });
});

test("an environment file sets what the environment does not hold", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sdc-env-file-"));
  fs.writeFileSync(path.join(dir, ".env"), "SDC_T_NEW=from-file\nSDC_T_HELD=from-file\n");
  process.env.SDC_T_HELD = "from-environment";
  try {
    applyEnvFiles(nodeArgsOf("--env-file=.env", "Pulumi.yaml"), dir, "Pulumi.yaml");
    expect([process.env.SDC_T_NEW, process.env.SDC_T_HELD]).toEqual([
      "from-file",
      "from-environment",
    ]);
    expect(() =>
      applyEnvFiles(nodeArgsOf("--env-file=missing.env", "Pulumi.yaml"), dir, "Pulumi.yaml"),
    ).toThrow('names the environment file "missing.env" (--env-file), which cannot be read');
  } finally {
    delete process.env.SDC_T_NEW;
    delete process.env.SDC_T_HELD;
  }
});

describe("evaluating a project with nodeargs and other runtime options", () => {
  let results: Array<Plan | Error>;
  beforeAll(async () => {
    results = await evaluateMany(
      [
        "require",
        "env-file",
        "unsupported",
        "require",
        "typescript-false",
        "tsconfig-missing",
        "tsconfig-named",
        "typescript-false-main",
        "typescript-false-enum",
        "typescript-false-no-strip",
        "typescript-false-esm-no-main",
      ].map((project) => ({
        projectDir: path.join(fixtures, project),
        stack: "dev",
      })),
    );
  });
  const regionOfReplica = (result: Plan | Error) => {
    if (result instanceof Error) {
      return result.message;
    }
    const provider = result.resources.find((r) => r.name === "replica" && r.custom !== false);
    return (
      result.resources.find((r) => r.type === "pulumi:providers:aws" && r.name === "replica")
        ?.inputs.region ?? provider?.type
    );
  };

  test("runs the preload first, whose region the program reads, each time it is evaluated", () => {
    expect([regionOfReplica(results[0]), regionOfReplica(results[3])]).toEqual([
      "eu-west-1",
      "eu-west-1",
    ]);
  });

  test("reads the environment file first", () => {
    expect(regionOfReplica(results[1])).toBe("eu-central-1");
  });

  /** Whether the Node running the suite strips types itself (22.18, 23.6 and later). */
  const strips = Boolean((process.features as { typescript?: unknown }).typescript);
  const message = (r: Plan | Error) => (r instanceof Error ? r.message : "plan");

  test("refuses a TypeScript program whose project turns the host's TypeScript off, unless node strips types itself", () => {
    if (strips) {
      expect(message(results[7])).toBe("plan");
    } else {
      for (const r of [results[7], results[8]]) {
        expect(message(r)).toContain(
          "sets runtime.options.typescript to false, so the language host compiles no TypeScript and node loads index.ts itself, which Node",
        );
      }
    }
  });

  // Found on the program-shapes bench run on Node 22, 24 and 26: each got a verdict there.
  (strips ? describe : describe.skip)("where node strips types itself", () => {
    test("refuses a CommonJS project with no main, whose folder Node searches for index.js alone", () => {
      expect(message(results[4])).toContain(
        "sets runtime.options.typescript to false and names no main, so the language host requires the project folder (a CommonJS package's) with no TypeScript compiler registered, and Node looks there for index.js, not index.ts",
      );
    });

    test("judges an ES-module project with no main, whose index.ts the host picks itself", () => {
      expect(message(results[10])).toBe("plan");
    });

    test("refuses TypeScript that Node's type stripping refuses, naming Node's reason", () => {
      expect(message(results[8])).toContain(
        "index.ts: TypeScript enum is not supported in strip-only mode: Pulumi.yaml sets runtime.options.typescript to false",
      );
    });

    test("refuses a project whose nodeargs turn the stripping off", () => {
      expect(message(results[9])).toContain(
        "which Node does not load: the project's nodeargs turn its type stripping off (--no-experimental-strip-types)",
      );
    });
  });

  test("refuses a tsconfig option naming a file the project does not have, as the host does, and reads one it has", () => {
    expect(results[5]).toBeInstanceOf(Error);
    expect((results[5] as Error).message).toContain(
      'sets runtime.options.tsconfig to "tsconfig.pulumi.json", which does not exist: pulumi up fails on it',
    );
    expect(regionOfReplica(results[6])).toBe("us-east-2");
  });

  test("refuses a flag it cannot apply, naming it", () => {
    expect(results[2]).toBeInstanceOf(Error);
    expect((results[2] as Error).message).toContain(
      'runtime.options.nodeargs holds "--conditions=development", which sovereign-dc does not apply offline',
    );
  });
});
